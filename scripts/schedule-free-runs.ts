/**
 * Makes the data of the notebook "Schedule-free vs cosine"
 * (content/notebooks/schedule-free-vs-cosine.mdx): each race below is one run
 * of the site's own CLI (`npm run --silent experiment -- …`) whose JSON output
 * is written, beside the exact command, to src/data/runs/schedule-free/<name>.json,
 * keeping the evaluations and the first steps (thinRecords). Per peak rate and
 * seed there are two races on the same data and initial weights: AdamW under
 * warmup + cosine, warmup-stable-decay and warmup + constant, and schedule-free
 * AdamW under warmup + constant (the rate it is meant to run at; it is
 * evaluated at its averaged point x). test/content/schedule-free-notebook.test.ts
 * holds the notebook's numbers to these files and re-runs the first steps.
 *
 *   node scripts/schedule-free-runs.ts                     # every race (about 8 s each on an idle core)
 *   node scripts/schedule-free-runs.ts sf-lr0.01-seed1     # the named ones
 */
import { thinRecords, writeRuns } from "./cli-runs.ts";

export const STEPS = 500;
export const WARMUP = 25;
export const SHARED = ["--task", "digits", "--model", "mlp", "--hidden", "32", "--steps", String(STEPS), "--batch-size", "32", "--eval-every", "25"];
export const RATES = [0.01, 0.03, 0.1] as const;
export const SEEDS = [1, 2, 3, 4, 5] as const;

const warmupThen = (after: Record<string, unknown>) => JSON.stringify({ kind: "warmup", startLr: 0, warmupSteps: WARMUP, shape: "linear", after });
export const schedules = (lr: number) => ({
  cosine: warmupThen({ kind: "cosine", lr, decaySteps: STEPS - WARMUP, minLr: 0 }),
  wsd: JSON.stringify({ kind: "wsd", lr, minLr: 0, warmupSteps: WARMUP, stableSteps: STEPS - WARMUP - 100, decaySteps: 100 }),
  constant: warmupThen({ kind: "constant", lr }),
});
/** The runs of the AdamW race, in order, and of the schedule-free race. */
export const ADAMW_RUNS = ["cosine", "wsd", "constant"] as const;

export const RACES: Record<string, string[]> = Object.fromEntries(
  RATES.flatMap((lr) => SEEDS.flatMap((seed) => {
    const s = schedules(lr);
    const tail = ["--seed", String(seed)];
    return [
      [`adamw-lr${lr}-seed${seed}`, [...SHARED, "--optimizer", "adamw", ...ADAMW_RUNS.flatMap((k) => ["--schedule", s[k]]), ...tail]],
      [`sf-lr${lr}-seed${seed}`, [...SHARED, "--optimizer", "schedule-free-adamw", "--schedule", s.constant, ...tail]],
    ];
  })),
);

function main(): number {
  return writeRuns({ races: RACES, out: new URL("../src/data/runs/schedule-free/", import.meta.url), names: process.argv.slice(2), machineFree: thinRecords });
}

if (import.meta.main) process.exitCode = main();
