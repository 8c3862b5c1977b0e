/**
 * Makes the warmup notebook's data: each race below is one run of the site's
 * own CLI (`npm run --silent experiment -- …`), and its JSON output is written
 * verbatim, beside the exact command, to src/data/shakespeare/runs/<name>.json.
 * Training these races takes minutes per race on a laptop's CPU, too slow for
 * the build, so the results are committed; test/training/warmup-runs.test.ts
 * re-runs the first steps of each and compares.
 *
 *   node scripts/warmup-runs.ts                 # every race
 *   node scripts/warmup-runs.ts post-lr0.03     # the named ones
 */
import { writeRuns } from "./cli-runs.ts";

/** The model and data every race shares; only the layer-norm placement and the peak rate vary. */
export const SHARED = ["--task", "shakespeare", "--model", "transformer", "--layers", "4", "--width", "32", "--heads", "4", "--context", "16", "--batch-size", "16", "--steps", "600", "--eval-every", "50", "--val-windows", "64", "--seed", "1", "--backend", "wasm"];
export const WARMUP_STEPS = 60;

const schedules = (lr: number): string[] => [
  "--schedule", JSON.stringify({ kind: "constant", lr }),
  "--schedule", JSON.stringify({ kind: "warmup", startLr: 0, warmupSteps: WARMUP_STEPS, shape: "linear", after: { kind: "constant", lr } }),
  "--schedule", JSON.stringify({ kind: "inverse-sqrt", lr, warmupSteps: WARMUP_STEPS, timescale: WARMUP_STEPS }),
  "--labels", "no warmup,linear warmup,inverse sqrt",
];

/** The shared settings with another seed (new initial weights and batches; the validation text stays the same). */
const seeded = (seed: number): string[] => SHARED.map((a, i) => (SHARED[i - 1] === "--seed" ? String(seed) : a));

export const RACES: Record<string, string[]> = {
  "post-lr0.03": [...SHARED, "--norm", "post", ...schedules(0.03)],
  "pre-lr0.03": [...SHARED, "--norm", "pre", ...schedules(0.03)],
  "post-lr0.02": [...SHARED, "--norm", "post", ...schedules(0.02)],
  "pre-lr0.02": [...SHARED, "--norm", "pre", ...schedules(0.02)],
  "post-lr0.03-seed2": [...seeded(2), "--norm", "post", ...schedules(0.03)],
};

function main(): number {
  return writeRuns({ races: RACES, out: new URL("../src/data/shakespeare/runs/", import.meta.url), names: process.argv.slice(2)
  });
}

if (import.meta.main) process.exitCode = main();
