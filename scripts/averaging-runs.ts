/**
 * Makes the data of the notebook "Averaging instead of decaying"
 * (content/notebooks/averaging-vs-decaying.mdx): each race below is one run of
 * the site's own CLI (`npm run --silent experiment -- …`) whose JSON output is
 * written, beside the exact command, to src/data/runs/averaging/<name>.json,
 * keeping the evaluations and the first steps (thinRecords). Each race trains
 * one network under a constant rate, a step decay and a cosine decay, and
 * evaluates, beside each run's weights, an EMA of them and their plain average
 * over the second half of the run. test/content/averaging-notebook.test.ts holds
 * the notebook's numbers to these files and re-runs the first steps.
 *
 *   node scripts/averaging-runs.ts                 # every race (about 10 s each on an idle core)
 *   node scripts/averaging-runs.ts lr0.3-seed1     # the named ones
 */
import { thinRecords, writeRuns } from "./cli-runs.ts";

export const SHARED = ["--task", "digits", "--model", "mlp", "--hidden", "32", "--optimizer", "momentum", "--schedules", "constant,step,cosine", "--steps", "500", "--batch-size", "32", "--eval-every", "25", "--average", "ema:0.99,tail:0.5"];
export const RATES = [0.1, 0.3] as const;
export const SEEDS = [1, 2, 3, 4, 5] as const;

export const RACES: Record<string, string[]> = Object.fromEntries(
  RATES.flatMap((lr) => SEEDS.map((seed) => [`lr${lr}-seed${seed}`, [...SHARED, "--lr", String(lr), "--seed", String(seed)]])),
);

function main(): number {
  return writeRuns({ races: RACES, out: new URL("../src/data/runs/averaging/", import.meta.url), names: process.argv.slice(2), machineFree: thinRecords });
}

if (import.meta.main) process.exitCode = main();
