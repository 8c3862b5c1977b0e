/**
 * The throughput measurement itself, shared by Node and the browser: steps
 * per second of one race of K copies in one batched graph, against K separate
 * single-copy races stepped in turn (what you would do without batching).
 */
import type * as tfNamespace from "@tensorflow/tfjs";
import { Race, type RaceOptions } from "../src/training/race.ts";
import { fittedSpec } from "../src/schedules/fit.ts";
import type { ScheduleKind } from "../src/schedules/index.ts";
import { loadTaskData, type ModelName, type TaskName } from "../src/data/datasets.ts";
import type { OptimizerName } from "../src/training/optimizers.ts";

/** A network and task to time; the first is the bench's original (MLP 2-16-16-2 on spirals, Adam). */
export interface Workload {
  name: string;
  task: TaskName;
  model: ModelName;
  hidden: number[];
  optimizer: OptimizerName;
  /** The K values to time it at. */
  copies: readonly number[];
}

export const WORKLOADS: readonly Workload[] = [
  { name: "spirals mlp 2-16-16-2", task: "spirals", model: "mlp", hidden: [16, 16], optimizer: "adam", copies: [1, 4, 8, 16] },
  { name: "digits mlp 64-32-10", task: "digits", model: "mlp", hidden: [32], optimizer: "momentum", copies: [1, 8] },
  { name: "digits cnn 8 filters", task: "digits", model: "cnn", hidden: [32], optimizer: "momentum", copies: [1, 8] },
];

export interface ThroughputRow {
  backend: string;
  workload: string;
  copies: number;
  /** Batched race: steps per second (each step updates all K copies). */
  batched: number;
  /** K separate races: rounds per second (each round steps every race once). */
  separate: number;
  speedup: number;
}

const KINDS: ScheduleKind[] = ["constant", "step", "exponential", "cosine", "linear", "polynomial", "one-cycle", "cosine-restarts"];

function options(copies: number, steps: number, w: Workload): RaceOptions {
  return {
    task: w.task, model: w.model, optimizer: w.optimizer, batchSize: 32, seed: 1, evalEvery: 0, hidden: w.hidden,
    schedules: Array.from({ length: copies }, (_, i) => fittedSpec(KINDS[i % KINDS.length] as ScheduleKind, Math.max(steps, 10))),
  };
}

async function timed(run: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

/** Best of `repeats` interleaved timings of each variant (the first runs pay for JIT and shader compiles). */
export async function measure(tf: typeof tfNamespace, copies: number, steps: number, repeats = 2, workload: Workload = WORKLOADS[0] as Workload): Promise<ThroughputRow> {
  await loadTaskData(workload.task);
  const batched = new Race(tf, options(copies, steps, workload));
  const separate = Array.from({ length: copies }, (_, i) => new Race(tf, { ...options(1, steps, workload), schedules: [options(copies, steps, workload).schedules[i] as RaceOptions["schedules"][number]] }));
  await batched.runSteps(10);
  for (const race of separate) await race.runSteps(10);
  let batchedMs = Number.POSITIVE_INFINITY;
  let separateMs = Number.POSITIVE_INFINITY;
  for (let r = 0; r < repeats; r += 1) {
    batchedMs = Math.min(batchedMs, await timed(async () => {
      await batched.runSteps(steps);
    }));
    separateMs = Math.min(separateMs, await timed(async () => {
      for (let s = 0; s < steps; s += 1) for (const race of separate) await race.runSteps(1);
    }));
  }
  batched.dispose();
  for (const race of separate) race.dispose();
  const batchedRate = (steps * 1000) / batchedMs;
  const separateRate = (steps * 1000) / separateMs;
  return { backend: tf.getBackend(), workload: workload.name, copies, batched: batchedRate, separate: separateRate, speedup: batchedRate / separateRate };
}

export function markdownTable(rows: readonly ThroughputRow[]): string {
  const lines = ["| backend | network | K | batched (steps/s) | K separate (rounds/s) | speed-up |", "|---|---|---:|---:|---:|---:|"];
  for (const r of rows) lines.push(`| ${r.backend} | ${r.workload} | ${r.copies} | ${r.batched.toFixed(1)} | ${r.separate.toFixed(1)} | ${r.speedup.toFixed(2)}× |`);
  return lines.join("\n");
}
