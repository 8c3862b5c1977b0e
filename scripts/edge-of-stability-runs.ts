/**
 * Makes the data of the notebook "Edge of stability"
 * (content/notebooks/edge-of-stability.mdx): each race below is one run of the
 * site's own CLI (`npm run --silent experiment -- …`) whose JSON output is
 * written, beside the exact command, to src/data/runs/edge-of-stability/<name>.json
 * (every step's record: the page counts the steps where the loss rose). A race trains one small network by full-batch gradient
 * descent (the batch is the whole training set) at five constant rates, and
 * every 20 steps measures each copy's sharpness, the top eigenvalue of the
 * Hessian of the training loss. test/content/edge-of-stability-notebook.test.ts
 * holds the notebook's numbers to these files and re-runs the first steps.
 *
 *   node scripts/edge-of-stability-runs.ts            # every race (minutes each)
 *   node scripts/edge-of-stability-runs.ts seed1      # the named ones
 */
import { writeRuns } from "./cli-runs.ts";

export const RATES = [0.05, 0.1, 0.2, 0.3, 0.4] as const;
/** --batch-size above the training set's size: every step sees the whole set (full-batch gradient descent). */
export const SHARED = [
  "--task", "sine", "--optimizer", "sgd", "--steps", "1000", "--batch-size", "4096", "--eval-every", "100", "--sharpness-every", "20",
  ...RATES.flatMap((lr) => ["--schedule", JSON.stringify({ kind: "constant", lr })]),
];

export const RACES: Record<string, string[]> = Object.fromEntries([1, 2, 3].map((seed) => [`seed${seed}`, [...SHARED, "--seed", String(seed)]]));

function main(): number {
  return writeRuns({ races: RACES, out: new URL("../src/data/runs/edge-of-stability/", import.meta.url), names: process.argv.slice(2), machineFree: (result) => delete result.stepsPerSecond });
}

if (import.meta.main) process.exitCode = main();
