/**
 * Reading the committed races of the notebooks on averaging, schedule-free
 * training and the edge of stability (src/data/runs/<study>/<race>.json, made
 * by scripts/<study>-runs.ts with `npm run experiment`): each file holds the
 * CLI's JSON output (evaluations, sharpness measurements and the first steps)
 * beside the command that made it. Pure, so the pages' components, the
 * notebooks' tests and the figures read the same numbers.
 */

/** What these readers need of one record of the experiment CLI's output. */
export interface RunRecord {
  step: number;
  lr: readonly number[];
  trainLoss: readonly (number | null)[];
  valLoss?: readonly (number | null)[];
  valAccuracy?: readonly (number | null)[];
  averaged?: readonly { valLoss: readonly (number | null)[]; valAccuracy: readonly (number | null)[] }[];
  sharpness?: readonly (number | null)[];
}

export interface RunResult {
  config: {
    task: string;
    optimizer: string;
    labels: readonly string[];
    steps: number;
    seed: number;
    lr: number | null;
    schedules: readonly { kind: string; lr?: number }[];
    average: readonly { label: string }[];
    sharpnessEvery: number;
  };
  records: readonly RunRecord[];
  divergences: readonly { run: number; step: number }[];
}

export interface RunFile {
  name: string;
  command: string;
  result: RunResult;
}

/** One curve of a race: a run's weights (average null) or one of its averages, by label and index. */
export interface Variant {
  run: string;
  average: string | null;
}

function runIndex(result: RunResult, run: string): number {
  const k = result.config.labels.indexOf(run);
  if (k < 0) throw new RangeError(`no run "${run}"; the race has ${result.config.labels.join(", ")}`);
  return k;
}

function averageIndex(result: RunResult, average: string): number {
  const i = result.config.average.findIndex((a) => a.label === average);
  if (i < 0) throw new RangeError(`no average "${average}"; the race has ${result.config.average.map((a) => a.label).join(", ") || "none"}`);
  return i;
}

/** Validation loss and accuracy of a variant at every evaluation (null where there is none yet, or it diverged). */
export function evaluations(result: RunResult, variant: Variant): { step: number; loss: number | null; accuracy: number | null }[] {
  const k = runIndex(result, variant.run);
  const i = variant.average === null ? null : averageIndex(result, variant.average);
  return result.records.filter((r) => r.valLoss).map((r) => {
    const source = i === null ? { valLoss: r.valLoss ?? [], valAccuracy: r.valAccuracy ?? [] } : r.averaged?.[i];
    // Records count steps from 0; an evaluation after step s has seen s + 1 updates.
    return { step: r.step + 1, loss: source?.valLoss[k] ?? null, accuracy: source?.valAccuracy[k] ?? null };
  });
}

/** The last evaluation of a variant (after the final step). */
export function finalEvaluation(result: RunResult, variant: Variant): { loss: number; accuracy: number } {
  const last = evaluations(result, variant).at(-1);
  if (!last || last.loss === null || last.accuracy === null) throw new RangeError(`${variant.run}${variant.average ? ` (${variant.average})` : ""} has no final evaluation`);
  return { loss: last.loss, accuracy: last.accuracy };
}

/** Sharpness measurements of a run: after `step` updates, with the rate it trained at. */
export function sharpnessSeries(result: RunResult, run: string): { step: number; sharpness: number | null; lr: number; trainLoss: number | null }[] {
  const k = runIndex(result, run);
  return result.records.filter((r) => r.sharpness).map((r) => ({ step: r.step + 1, sharpness: r.sharpness?.[k] ?? null, lr: r.lr[k] as number, trainLoss: r.trainLoss[k] ?? null }));
}

export const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;

/** "97.3" from 0.97325: accuracies are quoted in % with one decimal. */
export const percent = (x: number): string => (100 * x).toFixed(1);

/** Training loss of a run at every recorded step (after `step` updates: the loss of the batch at step − 1). */
export function trainLosses(result: RunResult, run: string): { step: number; loss: number | null }[] {
  const k = runIndex(result, run);
  return result.records.map((r) => ({ step: r.step + 1, loss: r.trainLoss[k] ?? null }));
}

/** How many consecutive recorded steps the training loss rose (a race that keeps every step: full-batch, the same loss each step). */
export function lossRises(result: RunResult, run: string): number {
  const losses = trainLosses(result, run).map((p) => p.loss);
  return losses.filter((l, i) => i > 0 && l !== null && losses[i - 1] !== null && l > (losses[i - 1] as number)).length;
}
