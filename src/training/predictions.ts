/**
 * What each run of a race makes of the validation set at the end: its
 * prediction for every example, the confusion matrix, and a few of its
 * mistakes with their pixels (for image tasks, so the page can draw them
 * without the data set). Plain numbers only: it crosses the worker boundary
 * and is embedded in the built page, so it is kept small.
 */
import type { Dataset } from "../data/datasets.ts";

/** Mistakes kept per run, most confident first. */
export const EXAMPLES_PER_RUN = 6;

export interface Mistake {
  /** Index in the validation set. */
  index: number;
  label: number;
  predicted: number;
  /** Probability the run gave its (wrong) answer, 0–1. */
  confidence: number;
  /** The image, row by row, each pixel 0–255. */
  pixels: number[];
}

export interface RunPredictions {
  /** Predicted class of every validation example, in the validation set's order. */
  predicted: number[];
  wrong: number;
  /** confusion[true][predicted] = count. */
  confusion: number[][];
  mistakes: Mistake[];
}

export interface ValidationPredictions {
  /** Step count when the predictions were made. */
  step: number;
  classes: number;
  /** [height, width] of one image. */
  imageShape: [number, number];
  /** One per run; null for a run that diverged (its outputs are not numbers). */
  runs: (RunPredictions | null)[];
}

/** Whether a task's validation examples are images a page can show (classification on [h, w, 1] inputs). */
export function showsExamples(info: Pick<Dataset, "kind" | "inputShape">): boolean {
  return info.kind === "classification" && info.inputShape.length === 3 && info.inputShape[2] === 1;
}

/**
 * Summarise one run from its outputs: `encoded[i]` is class + probability of
 * the predicted class, as `Race.predict` returns it (e.g. 3.91 = class 3 at 91%).
 */
export function summarizeRun(dataset: Pick<Dataset, "classes" | "inputSize" | "val">, encoded: ArrayLike<number>, examples = EXAMPLES_PER_RUN): RunPredictions | null {
  const { classes, inputSize, val } = dataset;
  if (encoded.length !== val.count) throw new RangeError(`expected ${val.count} predictions, got ${encoded.length}`);
  const confusion = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  const predicted: number[] = [];
  const wrongOnes: Mistake[] = [];
  for (let i = 0; i < val.count; i += 1) {
    const value = encoded[i] as number;
    if (!Number.isFinite(value)) return null;
    // Probability 1 encodes as the next class's integer: class = ceil(value) - 1 when value is whole and > 0.
    let cls = Math.floor(value);
    let confidence = value - cls;
    if (confidence === 0 && cls > 0) {
      cls -= 1;
      confidence = 1;
    }
    const label = val.y[i] as number;
    predicted.push(cls);
    (confusion[label] as number[])[cls] = ((confusion[label] as number[])[cls] as number) + 1;
    if (cls !== label) {
      const pixels = Array.from(val.x.subarray(i * inputSize, (i + 1) * inputSize), (v) => Math.round(Math.min(1, Math.max(0, v)) * 255));
      wrongOnes.push({ index: i, label, predicted: cls, confidence, pixels });
    }
  }
  wrongOnes.sort((a, b) => b.confidence - a.confidence || a.index - b.index);
  return { predicted, wrong: wrongOnes.length, confusion, mistakes: wrongOnes.slice(0, examples) };
}

export interface Confusion {
  label: number;
  predicted: number;
  count: number;
}

/** The off-diagonal cells of a confusion matrix, most frequent first (ties: by true class, then predicted). */
export function topConfusions(confusion: readonly (readonly number[])[], limit = 5): Confusion[] {
  const out: Confusion[] = [];
  confusion.forEach((row, label) => row.forEach((count, predicted) => {
    if (predicted !== label && count > 0) out.push({ label, predicted, count });
  }));
  out.sort((a, b) => b.count - a.count || a.label - b.label || a.predicted - b.predicted);
  return out.slice(0, limit);
}

/** Per-class recall (share of each true class predicted right), for a sentence like "8 is the hardest digit". */
export function recallByClass(confusion: readonly (readonly number[])[]): number[] {
  return confusion.map((row, label) => {
    const total = row.reduce((s, v) => s + v, 0);
    return total === 0 ? 0 : (row[label] as number) / total;
  });
}

/** What `validationPredictions` needs from a race (a type, so this module stays free of tfjs). */
export interface PredictingRace {
  readonly dataset: Dataset;
  readonly stepCount: number;
  readonly divergences: readonly (object | null)[];
  predict(x: Float32Array, count: number): Promise<Float32Array[]>;
}

/** Every run's predictions on the validation set, now; null when the task's examples are not images. */
export async function validationPredictions(race: PredictingRace, examples = EXAMPLES_PER_RUN): Promise<ValidationPredictions | null> {
  const { dataset } = race;
  if (!showsExamples(dataset)) return null;
  const outputs = await race.predict(dataset.val.x, dataset.val.count);
  return {
    step: race.stepCount,
    classes: dataset.classes,
    imageShape: [dataset.inputShape[0] as number, dataset.inputShape[1] as number],
    runs: outputs.map((encoded, k) => (race.divergences[k] ? null : summarizeRun(dataset, encoded, examples))),
  };
}
