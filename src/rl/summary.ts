/**
 * The numbers a page quotes from a committed Q-learning race (the JSON of
 * `npm run experiment -- --task gridworld`), computed in one place so that the
 * notebook's figure, its table and its content test read the same values.
 */
import type { QRecord } from "./race.ts";

/** What a saved race holds (the CLI's JSON, less the machine-dependent rate). */
export interface QRunData {
  config: { labels: string[]; steps: number; seed: number; evalEvery: number; epsilon: number; gamma: number };
  environment: { name: string; states: number; actions: number; optimalReturn: number; randomReturn: number };
  records: QRecord[];
}

export interface QRunSummary {
  label: string;
  /** ‖Q − Q*‖∞ at the last evaluation. */
  finalDistance: number;
  /** Mean of ‖Q − Q*‖∞ over the last `tail` evaluations (one reading is noisy: the worst pair changes). */
  tailDistance: number;
  /** The first evaluation step at which ‖Q − Q*‖∞ ≤ `threshold`, or null. */
  reachedAt: number | null;
  /** Share of the last `tail` evaluations whose greedy policy's return from the start is within 0.01 of V*(start). */
  optimalShare: number;
  /** The step size of the latest update at the end. */
  finalAlpha: number | null;
}

export const SUMMARY_TAIL = 20;
export const SUMMARY_THRESHOLD = 1;

export function summarizeQRun(run: QRunData, tail = SUMMARY_TAIL, threshold = SUMMARY_THRESHOLD): QRunSummary[] {
  if (run.records.length < tail) throw new RangeError(`a run of ${run.records.length} evaluations has no tail of ${tail}`);
  const last = run.records.slice(-tail);
  const optimal = run.environment.optimalReturn;
  return run.config.labels.map((label, k) => {
    const at = (r: QRecord) => r.distance[k] as number;
    return {
      label,
      finalDistance: at(run.records.at(-1) as QRecord),
      tailDistance: last.reduce((t, r) => t + at(r), 0) / tail,
      reachedAt: run.records.find((r) => at(r) <= threshold)?.step ?? null,
      optimalShare: last.filter((r) => Math.abs((r.greedyReturn[k] as number) - optimal) < 0.01).length / tail,
      finalAlpha: (run.records.at(-1) as QRecord).alpha[k] ?? null,
    };
  });
}

/** Two decimals, as the notebook prints distances. */
export const two = (x: number): string => x.toFixed(2);

/** One row per evaluation and agent; the CLI's --csv and the island's export both write this. */
export function qRaceCsv(labels: readonly string[], records: readonly QRecord[]): string {
  const lines = ["step,run,label,alpha,distance,greedy_return,episodes"];
  for (const r of records) {
    r.distance.forEach((d, k) => {
      lines.push([r.step, k, labels[k], r.alpha[k] ?? "", d, r.greedyReturn[k], r.episodes[k]].join(","));
    });
  }
  return lines.join("\n") + "\n";
}
