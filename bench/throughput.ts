/**
 * The throughput measurement itself, shared by Node and the browser: steps
 * per second of one race of K copies in one batched graph, against K separate
 * single-copy races stepped in turn (what you would do without batching).
 */
import type * as tfNamespace from "@tensorflow/tfjs";
import { Race, type RaceOptions } from "../src/training/race.ts";
import { fittedSpec } from "../src/schedules/fit.ts";
import type { ScheduleKind } from "../src/schedules/index.ts";

export interface ThroughputRow {
  backend: string;
  copies: number;
  /** Batched race: steps per second (each step updates all K copies). */
  batched: number;
  /** K separate races: rounds per second (each round steps every race once). */
  separate: number;
  speedup: number;
}

const KINDS: ScheduleKind[] = ["constant", "step", "exponential", "cosine", "linear", "polynomial", "one-cycle", "cosine-restarts"];

function options(copies: number, steps: number): RaceOptions {
  return {
    task: "spirals", model: "mlp", optimizer: "adam", batchSize: 32, seed: 1, evalEvery: 0, hidden: [16, 16],
    schedules: Array.from({ length: copies }, (_, i) => fittedSpec(KINDS[i % KINDS.length] as ScheduleKind, Math.max(steps, 10))),
  };
}

async function timed(run: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

/** Best of `repeats` interleaved timings of each variant (the first runs pay for JIT and shader compiles). */
export async function measure(tf: typeof tfNamespace, copies: number, steps: number, repeats = 2): Promise<ThroughputRow> {
  const batched = new Race(tf, options(copies, steps));
  const separate = Array.from({ length: copies }, (_, i) => new Race(tf, { ...options(1, steps), schedules: [options(copies, steps).schedules[i] as RaceOptions["schedules"][number]] }));
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
  return { backend: tf.getBackend(), copies, batched: batchedRate, separate: separateRate, speedup: batchedRate / separateRate };
}

export function markdownTable(rows: readonly ThroughputRow[]): string {
  const lines = ["| backend | K | batched (steps/s) | K separate (rounds/s) | speed-up |", "|---|---:|---:|---:|---:|"];
  for (const r of rows) lines.push(`| ${r.backend} | ${r.copies} | ${r.batched.toFixed(1)} | ${r.separate.toFixed(1)} | ${r.speedup.toFixed(2)}× |`);
  return lines.join("\n");
}
