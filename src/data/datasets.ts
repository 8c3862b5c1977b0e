/**
 * The tasks, one record each (TASK_DEFS): the data and where it comes from,
 * the models that can learn it (the first is its default), its default MLP
 * widths and its metrics with their units. TASKS and TaskName are derived
 * from the records: adding a task is adding one record. Generated tasks (five
 * 2-D classifications, two 1-D regressions, 8×8 glyphs) are seeded: same seed,
 * same data, in Node and in the browser. Fixed data sets (digits) load a
 * committed file and split it the same way every time.
 */
import { mulberry32, permutation, type Rng } from "./prng.ts";
import { GLYPH_SIZE, glyphPixels } from "./glyphs.ts";
import { DIGITS, loadDigits, loadedDigits, splitDigits } from "./digits.ts";

/**
 * The learners a task can name, with the inputs each needs (said in messages
 * when a task cannot use one). Each is built by src/training/model.ts.
 */
const MODEL_INPUTS = {
  mlp: "vector inputs (an image is flattened)",
  cnn: "image inputs ([height, width, 1])",
} as const;
export type ModelName = keyof typeof MODEL_INPUTS;
export const MODELS = Object.keys(MODEL_INPUTS) as [ModelName, ...ModelName[]];

export function modelInputs(model: ModelName): string {
  return MODEL_INPUTS[model];
}

/** A metric the race reports for a task, with its unit (figures, tables and the CLI's docs read these). */
export interface MetricDef {
  key: "loss" | "accuracy";
  label: string;
  unit: string;
}

export const CLASSIFICATION_METRICS: readonly MetricDef[] = [
  { key: "loss", label: "cross-entropy", unit: "nats per example" },
  { key: "accuracy", label: "accuracy", unit: "share of validation examples classified right" },
];
export const REGRESSION_METRICS: readonly MetricDef[] = [{ key: "loss", label: "mean squared error", unit: "squared units of y" }];

/** Generated in code from the seed: nothing is downloaded, nothing to license. */
const GENERATED = { provenance: "generated in code from the seed (src/data/datasets.ts); nothing downloaded" } as const;

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

/** One task, everything about it: its data (and where it comes from), its learners and its metrics. */
interface TaskDef {
  kind: Dataset["kind"];
  inputShape: number[];
  classes: number;
  defaultSize: number;
  defaultNoise: number;
  /** Short name for menus. */
  title: string;
  description: string;
  /** Where the data comes from: generator or source, licence, address. */
  source: { provenance: string; licence?: string; url?: string };
  /** The models that can learn it; the first is its default. */
  models: readonly [ModelName, ...ModelName[]];
  /** Default hidden widths of its MLP. */
  hidden: readonly number[];
  metrics: readonly MetricDef[];
  /** Writes example i's input into x (at offset) and returns its target. */
  sample(i: number, n: number, noise: number, rng: Rng, x: Float32Array, offset: number): number;
}

/** A task on real data from a committed file: loaded asynchronously once, split the same way every time (no size, no noise). */
interface FixedTaskDef extends Omit<TaskDef, "sample" | "defaultSize" | "defaultNoise"> {
  data: { load(): Promise<unknown>; split(): { train: Split; val: Split } };
}

const TASK_DEFS = {
  spirals: {
    kind: "classification", inputShape: [2], classes: 2, defaultSize: 600, defaultNoise: 0.1,
    title: "Spirals", description: "two interleaved spirals, the hardest of the 2-D tasks",
    source: GENERATED, models: ["mlp"], hidden: [16, 16], metrics: CLASSIFICATION_METRICS,
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
    title: "Moons", description: "two interleaving half circles",
    source: GENERATED, models: ["mlp"], hidden: [16, 16], metrics: CLASSIFICATION_METRICS,
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
    title: "Circles", description: "a disc inside a ring",
    source: GENERATED, models: ["mlp"], hidden: [16, 16], metrics: CLASSIFICATION_METRICS,
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
    title: "XOR", description: "four quadrants, opposite corners share a class",
    source: GENERATED, models: ["mlp"], hidden: [16, 16], metrics: CLASSIFICATION_METRICS,
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
    title: "Blobs", description: "three Gaussian clusters",
    source: GENERATED, models: ["mlp"], hidden: [16, 16], metrics: CLASSIFICATION_METRICS,
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
    title: "Sine", description: "y = sin(πx) with noise, x in [−1, 1]",
    source: GENERATED, models: ["mlp"], hidden: [32], metrics: REGRESSION_METRICS,
    sample(_i, _n, noise, rng, x, o) {
      const v = rng.next() * 2 - 1;
      x[o] = v;
      return Math.sin(Math.PI * v) + noise * rng.normal();
    },
  },
  polynomial: {
    kind: "regression", inputShape: [1], classes: 1, defaultSize: 300, defaultNoise: 0.1,
    title: "Polynomial", description: "y = 2x³ − x with noise, x in [−1, 1]",
    source: GENERATED, models: ["mlp"], hidden: [32], metrics: REGRESSION_METRICS,
    sample(_i, _n, noise, rng, x, o) {
      const v = rng.next() * 2 - 1;
      x[o] = v;
      return 2 * v ** 3 - v + noise * rng.normal();
    },
  },
  glyphs: {
    kind: "classification", inputShape: [GLYPH_SIZE, GLYPH_SIZE, 1], classes: 10, defaultSize: 1000, defaultNoise: 0.2,
    title: "Glyphs", description: "the digits 0–9 as 8×8 glyphs, shifted by up to one pixel, with pixel noise",
    source: { provenance: "ten hand-drawn 8×8 digit bitmaps (src/data/glyphs.ts), shifted and noised in code from the seed; nothing downloaded" }, models: ["cnn", "mlp"], hidden: [32], metrics: CLASSIFICATION_METRICS,
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
  digits: {
    kind: "classification", inputShape: [DIGITS.side, DIGITS.side, 1], classes: DIGITS.classes,
    title: "Handwritten digits", description: "1,797 real handwritten digits, 8×8 pixels in 17 grey levels (UCI, Alpaydin & Kaynak 1998)",
    source: { provenance: "UCI Optical Recognition of Handwritten Digits, test set, as shipped by scikit-learn (src/data/digits/README.md)", licence: "CC BY 4.0", url: "https://doi.org/10.24432/C50P49" },
    // The MLP first: ten times faster than the CNN on CPU and wasm, and the schedules' effect shows on it.
    models: ["mlp", "cnn"], hidden: [32], metrics: CLASSIFICATION_METRICS,
    data: { load: loadDigits, split: () => splitDigits(loadedDigits()) },
  },
} satisfies Record<string, TaskDef | FixedTaskDef>;

export type TaskName = keyof typeof TASK_DEFS;
/** Every task, in the order of TASK_DEFS. */
export const TASKS = Object.keys(TASK_DEFS) as [TaskName, ...TaskName[]];

export type TaskInfo = Pick<Dataset, "kind" | "inputShape" | "classes" | "description"> & Pick<TaskDef, "title" | "source" | "models" | "hidden" | "metrics">;

/** A task's record without its generator. */
export function taskInfo(task: TaskName): TaskInfo {
  const d: TaskDef | FixedTaskDef = TASK_DEFS[task];
  return { kind: d.kind, inputShape: d.inputShape, classes: d.classes, description: d.description, title: d.title, source: d.source, models: d.models, hidden: d.hidden, metrics: d.metrics };
}

/** Whether a task's data comes from a file with a fixed split (the seed changes only weights and batch order). */
export function isFixedTask(task: TaskName): boolean {
  return "data" in TASK_DEFS[task];
}

/** Load a task's data if it comes from a file (digits); resolves at once for generated tasks. Await it before makeDataset. */
export async function loadTaskData(task: TaskName): Promise<void> {
  const def: TaskDef | FixedTaskDef = TASK_DEFS[task];
  if ("data" in def) await def.data.load();
}

/** Generate a task's data: shuffled with the seed, then split into train and validation (fixed data sets: their own fixed split). */
export function makeDataset(task: TaskName, options: DatasetOptions): Dataset {
  const def: TaskDef | FixedTaskDef | undefined = TASK_DEFS[task];
  if (!def) throw new RangeError(`unknown task "${String(task)}"; expected one of ${TASKS.join(", ")}`);
  if ("data" in def) {
    for (const key of ["size", "noise", "valFraction"] as const) if (options[key] !== undefined) throw new RangeError(`${task} is a fixed data set: it takes no ${key}, got ${options[key]}`);
    const { train, val } = def.data.split();
    const { kind, inputShape, classes, description } = def;
    return { task, kind, inputShape, inputSize: inputShape.reduce((a, b) => a * b, 1), classes, train, val, description };
  }
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
