/**
 * Seeded datasets, generated in code (nothing is downloaded): five 2-D
 * classification tasks, two 1-D regressions and a 10-class 8×8 glyph task.
 * Same seed, same data, in Node and in the browser: every random draw comes
 * from the seeded generator, in a fixed order.
 */
import { mulberry32, permutation, type Rng } from "./prng.ts";
import { GLYPH_SIZE, glyphPixels } from "./glyphs.ts";

export const TASKS = ["spirals", "moons", "circles", "xor", "blobs", "sine", "polynomial", "glyphs"] as const;
export type TaskName = (typeof TASKS)[number];

export interface Split {
  /** Inputs, row-major: count × inputSize. */
  x: Float32Array;
  /** Targets: a class index per example (classification) or a value (regression). */
  y: Float32Array;
  count: number;
}

export interface Dataset {
  task: TaskName;
  kind: "classification" | "regression";
  /** Shape of one input: [2], [1] or [8, 8, 1]. */
  inputShape: number[];
  inputSize: number;
  /** Number of classes; 1 for regression. */
  classes: number;
  train: Split;
  val: Split;
  description: string;
}

export interface DatasetOptions {
  seed: number;
  /** Examples in train + validation together. */
  size?: number;
  /** Noise level in [0, 1]; each task scales it to its own units. */
  noise?: number;
  /** Share held out for validation, in (0, 1). */
  valFraction?: number;
}

interface TaskDef {
  kind: Dataset["kind"];
  inputShape: number[];
  classes: number;
  defaultSize: number;
  defaultNoise: number;
  description: string;
  /** Writes example i's input into x (at offset) and returns its target. */
  sample(i: number, n: number, noise: number, rng: Rng, x: Float32Array, offset: number): number;
}

const TASK_DEFS: Record<TaskName, TaskDef> = {
  spirals: {
    kind: "classification", inputShape: [2], classes: 2, defaultSize: 600, defaultNoise: 0.1,
    description: "two interleaved spirals, the hardest of the 2-D tasks",
    sample(i, n, noise, rng, x, o) {
      const label = i % 2;
      const k = Math.floor(i / 2) / Math.ceil(n / 2);
      const radius = k;
      const angle = 1.75 * k * 2 * Math.PI + label * Math.PI;
      x[o] = radius * Math.sin(angle) + noise * 0.5 * rng.normal();
      x[o + 1] = radius * Math.cos(angle) + noise * 0.5 * rng.normal();
      return label;
    },
  },
  moons: {
    kind: "classification", inputShape: [2], classes: 2, defaultSize: 400, defaultNoise: 0.15,
    description: "two interleaving half circles",
    sample(i, _n, noise, rng, x, o) {
      const label = i % 2;
      const angle = rng.next() * Math.PI;
      const px = label === 0 ? Math.cos(angle) : 1 - Math.cos(angle);
      const py = label === 0 ? Math.sin(angle) : 0.5 - Math.sin(angle);
      x[o] = (px - 0.5) / 1.5 + noise * 0.5 * rng.normal();
      x[o + 1] = (py - 0.25) / 1.5 + noise * 0.5 * rng.normal();
      return label;
    },
  },
  circles: {
    kind: "classification", inputShape: [2], classes: 2, defaultSize: 400, defaultNoise: 0.1,
    description: "a disc inside a ring",
    sample(i, _n, noise, rng, x, o) {
      const label = i % 2;
      const angle = rng.next() * 2 * Math.PI;
      const radius = label === 0 ? 0.4 * Math.sqrt(rng.next()) : 0.6 + 0.4 * rng.next();
      x[o] = radius * Math.cos(angle) + noise * 0.3 * rng.normal();
      x[o + 1] = radius * Math.sin(angle) + noise * 0.3 * rng.normal();
      return label;
    },
  },
  xor: {
    kind: "classification", inputShape: [2], classes: 2, defaultSize: 400, defaultNoise: 0.1,
    description: "four quadrants, opposite corners share a class",
    sample(_i, _n, noise, rng, x, o) {
      // Keep a margin around the axes so the task is learnable without noise.
      const pad = (v: number) => (v >= 0 ? 0.1 + 0.9 * v : -0.1 + 0.9 * v);
      const a = pad(rng.next() * 2 - 1);
      const b = pad(rng.next() * 2 - 1);
      x[o] = a + noise * 0.3 * rng.normal();
      x[o + 1] = b + noise * 0.3 * rng.normal();
      return a * b > 0 ? 1 : 0;
    },
  },
  blobs: {
    kind: "classification", inputShape: [2], classes: 3, defaultSize: 450, defaultNoise: 0.3,
    description: "three Gaussian clusters",
    sample(i, _n, noise, rng, x, o) {
      const label = i % 3;
      const angle = (label * 2 * Math.PI) / 3 + Math.PI / 2;
      x[o] = 0.6 * Math.cos(angle) + noise * 0.5 * rng.normal();
      x[o + 1] = 0.6 * Math.sin(angle) + noise * 0.5 * rng.normal();
      return label;
    },
  },
  sine: {
    kind: "regression", inputShape: [1], classes: 1, defaultSize: 300, defaultNoise: 0.1,
    description: "y = sin(πx) with noise, x in [−1, 1]",
    sample(_i, _n, noise, rng, x, o) {
      const v = rng.next() * 2 - 1;
      x[o] = v;
      return Math.sin(Math.PI * v) + noise * rng.normal();
    },
  },
  polynomial: {
    kind: "regression", inputShape: [1], classes: 1, defaultSize: 300, defaultNoise: 0.1,
    description: "y = 2x³ − x with noise, x in [−1, 1]",
    sample(_i, _n, noise, rng, x, o) {
      const v = rng.next() * 2 - 1;
      x[o] = v;
      return 2 * v ** 3 - v + noise * rng.normal();
    },
  },
  glyphs: {
    kind: "classification", inputShape: [GLYPH_SIZE, GLYPH_SIZE, 1], classes: 10, defaultSize: 1000, defaultNoise: 0.2,
    description: "the digits 0–9 as 8×8 glyphs, shifted by up to one pixel, with pixel noise",
    sample(i, _n, noise, rng, x, o) {
      const label = i % 10;
      const glyph = glyphPixels(label);
      const dx = rng.int(3) - 1;
      const dy = rng.int(3) - 1;
      for (let r = 0; r < GLYPH_SIZE; r += 1) {
        for (let c = 0; c < GLYPH_SIZE; c += 1) {
          const sr = r - dy;
          const sc = c - dx;
          const on = sr >= 0 && sr < GLYPH_SIZE && sc >= 0 && sc < GLYPH_SIZE ? (glyph[sr * GLYPH_SIZE + sc] as number) : 0;
          x[o + r * GLYPH_SIZE + c] = Math.min(1, Math.max(0, on + noise * rng.normal()));
        }
      }
      return label;
    },
  },
};

export function isTask(name: unknown): name is TaskName {
  return typeof name === "string" && (TASKS as readonly string[]).includes(name);
}

export function taskInfo(task: TaskName): Pick<Dataset, "kind" | "inputShape" | "classes" | "description"> {
  const d = TASK_DEFS[task];
  return { kind: d.kind, inputShape: d.inputShape, classes: d.classes, description: d.description };
}

/** Generate a task's data: shuffled with the seed, then split into train and validation. */
export function makeDataset(task: TaskName, options: DatasetOptions): Dataset {
  const def = TASK_DEFS[task];
  if (!def) throw new RangeError(`unknown task "${String(task)}"; expected one of ${TASKS.join(", ")}`);
  const size = options.size ?? def.defaultSize;
  const noise = options.noise ?? def.defaultNoise;
  const valFraction = options.valFraction ?? 0.2;
  if (!(Number.isInteger(size) && size >= 20 && size <= 100_000)) throw new RangeError(`size must be an integer in [20, 100000], got ${size}`);
  if (!(noise >= 0 && noise <= 1)) throw new RangeError(`noise must be in [0, 1], got ${noise}`);
  if (!(valFraction > 0 && valFraction < 1)) throw new RangeError(`valFraction must be in (0, 1), got ${valFraction}`);
  const rng = mulberry32(options.seed);
  const inputSize = def.inputShape.reduce((a, b) => a * b, 1);
  const x = new Float32Array(size * inputSize);
  const y = new Float32Array(size);
  for (let i = 0; i < size; i += 1) y[i] = def.sample(i, size, noise, rng, x, i * inputSize);
  const order = permutation(size, rng);
  const valCount = Math.max(1, Math.round(size * valFraction));
  const take = (from: number, count: number): Split => {
    const sx = new Float32Array(count * inputSize);
    const sy = new Float32Array(count);
    for (let k = 0; k < count; k += 1) {
      const src = order[from + k] as number;
      sx.set(x.subarray(src * inputSize, (src + 1) * inputSize), k * inputSize);
      sy[k] = y[src] as number;
    }
    return { x: sx, y: sy, count };
  };
  return {
    task, kind: def.kind, inputShape: def.inputShape, inputSize, classes: def.classes,
    train: take(valCount, size - valCount), val: take(0, valCount), description: def.description,
  };
}
