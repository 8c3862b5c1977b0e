/**
 * Makes the Q-learning notebook's data: each race below is one run of the
 * site's own CLI (`npm run --silent experiment -- --task gridworld …`), and its
 * JSON output is written verbatim, beside the exact command, to
 * src/rl/runs/<name>.json. The three races are the same race under three
 * seeds. test/content/q-learning-notebook.test.ts holds the notebook's numbers
 * to these files and re-runs the first steps of each race.
 *
 *   node scripts/q-learning-runs.ts            # every race (about 20 s)
 *   node scripts/q-learning-runs.ts seed1      # the named ones
 */
import { writeRuns } from "./cli-runs.ts";

/** Six agents: three step sizes of the schedule library (α_t), three per-pair count rules (α = 1/n(s,a)^ω). */
export const AGENTS = [
  "--schedule", JSON.stringify({ kind: "constant", lr: 0.1 }),
  "--schedule", JSON.stringify({ kind: "constant", lr: 0.5 }),
  "--schedule", JSON.stringify({ kind: "cosine", lr: 0.1, decaySteps: 500_000, minLr: 0 }),
  "--step-sizes", "1/n,1/n^0.7,1/n^0.55",
  "--labels", "α = 0.1,α = 0.5,cosine from 0.1,1/n,1/n^0.7,1/n^0.55",
];
export const SHARED = ["--task", "gridworld", "--steps", "500000", "--eval-every", "5000", "--epsilon", "0.3", "--gamma", "0.9"];

export const RACES: Record<string, string[]> = Object.fromEntries([1, 2, 3].map((seed) => [`seed${seed}`, [...SHARED, "--seed", String(seed), ...AGENTS]]));

function main(): number {
  return writeRuns({ races: RACES, out: new URL("../src/rl/runs/", import.meta.url), names: process.argv.slice(2),
    // The rate is a property of the machine, not of the race.
    machineFree: (result) => delete result.updatesPerSecond,
  });
}

if (import.meta.main) process.exitCode = main();
