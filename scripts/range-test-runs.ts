/**
 * Makes the range-test notebook's data with the site's own CLI, written
 * verbatim beside the exact command to src/data/range-test/<name>.json:
 * range tests (`experiment -- --range-test …`) on digits under three seeds,
 * with Adam, and on moons (the island's defaults, drawn on the built page);
 * then a race of one-cycle schedules whose peaks are the digits test's
 * suggested high times 1/10, 1/3, 1, 3 and 10, which checks the suggestion.
 * test/content/range-test-notebook.test.ts holds the notebook's numbers to
 * these files and reruns the seed-1 range test.
 *
 *   node scripts/range-test-runs.ts              # every run (about a minute)
 *   node scripts/range-test-runs.ts digits-seed1 # the named ones (a peaks race reads the committed digits-seed1)
 */
import { readFileSync } from "node:fs";
import { fittedSpec } from "../src/schedules/fit.ts";
import { writeRuns } from "./cli-runs.ts";

const OUT = new URL("../src/data/range-test/", import.meta.url);

export const RANGE_TESTS: Record<string, string[]> = {
  ...Object.fromEntries([1, 2, 3].map((seed) => [`digits-seed${seed}`, ["--range-test", "--task", "digits", "--optimizer", "sgd", "--low", "1e-4", "--high", "10", "--steps", "300", "--seed", String(seed)]])),
  "digits-adam": ["--range-test", "--task", "digits", "--optimizer", "adam", "--low", "1e-5", "--high", "1", "--steps", "300", "--seed", "1"],
  "moons-sgd": ["--range-test", "--task", "moons", "--optimizer", "sgd", "--low", "1e-4", "--high", "10", "--steps", "300", "--seed", "1"],
};

/** Multiples of the suggested peak the race tries. */
export const PEAK_FACTORS = [0.1, 1 / 3, 1, 3, 10] as const;
export const RACE_STEPS = 600;

/** The exponential sweep's suggested high in a committed range test, to 3 significant digits. */
export function suggestedPeak(name: string): number {
  const saved = JSON.parse(readFileSync(new URL(`${name}.json`, OUT), "utf8")) as { result: { curves: { mode: string; reading: { suggestion: { high: number } | null } }[] } };
  const high = saved.result.curves.find((c) => c.mode === "exponential")?.reading.suggestion?.high;
  if (high === undefined) throw new Error(`${name} has no exponential suggestion`);
  return Number(high.toPrecision(3));
}

/** One-cycle at each multiple of the peak (runs one-cycle#1 … #5, in PEAK_FACTORS order), on the range test's task, optimizer, batch and seed. */
export function peaksRace(peak: number, optimizer: string): string[] {
  return [
    "--task", "digits", "--optimizer", optimizer, "--steps", String(RACE_STEPS), "--eval-every", "50", "--seed", "1",
    ...PEAK_FACTORS.flatMap((f) => ["--schedule", JSON.stringify(fittedSpec("one-cycle", RACE_STEPS, Number((peak * f).toPrecision(3))))]),
  ];
}

function main(): number {
  const names = process.argv.slice(2);
  const all = names.length === 0;
  const tests = names.filter((n) => n !== "digits-peaks");
  if (all || tests.length > 0) {
    const code = writeRuns({ races: RANGE_TESTS, out: OUT, names: tests });
    if (code !== 0) return code;
  }
  if (!all && !names.includes("digits-peaks")) return 0;
  return writeRuns({ races: { "digits-peaks": peaksRace(suggestedPeak("digits-seed1"), "sgd") }, out: OUT, names: [], machineFree: (result) => delete result.stepsPerSecond });
}

if (import.meta.main) process.exitCode = main();
