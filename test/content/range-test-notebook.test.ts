/**
 * content/notebooks/learning-rate-range-test.mdx quotes numbers from the runs
 * scripts/range-test-runs.ts made with the site's CLI (src/data/range-test/).
 * This test recomputes every quoted number from the files, holds the files to
 * the code (the seed-1 range test is run again and must give the same curves),
 * checks the commands the page prints, and checks that the live island's
 * defaults are the committed run it shows when built.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { commandLine } from "../../scripts/cli-runs.ts";
import { PEAK_FACTORS, peaksRace, RANGE_TESTS, suggestedPeak } from "../../scripts/range-test-runs.ts";
import { parseRangeTestArgs, rangeTestJson } from "../../src/cli/range-test.ts";
import { cpuTf } from "../../src/training/node-cpu.ts";
import { centredHalfWidth, type RangeCurve } from "../../src/training/range-test.ts";
import { runRangeTest, type RangeTestConfig } from "../../src/training/range-test-run.ts";
import { RANGE_ISLAND_DEFAULTS } from "../../components/islands/range-test-model.ts";

const page = readFileSync(new URL("../../content/notebooks/learning-rate-range-test.mdx", import.meta.url), "utf8");
const load = <T,>(name: string): { name: string; command: string; result: T } => JSON.parse(readFileSync(new URL(`../../src/data/range-test/${name}.json`, import.meta.url), "utf8"));
type RangeRun = { config: RangeTestConfig; stepsRun: number; curves: RangeCurve[] };
type PeaksRun = { config: { schedules: { maxLr: number }[] }; records: { step: number; valLoss?: number[]; valAccuracy?: number[] }[] };

const curve = (name: string, mode: "exponential" | "linear"): RangeCurve => {
  const found = load<RangeRun>(name).result.curves.find((c) => c.mode === mode);
  if (!found) throw new Error(`${name} has no ${mode} sweep`);
  return found;
};
const p3 = (x: number) => x.toPrecision(3).replace(/\.?0+(e|$)/, "$1");
const two = (x: number) => x.toFixed(2);
const SEEDS = [1, 2, 3] as const;
const min = (name: string, mode: "exponential" | "linear") => curve(name, mode).reading.minimum.rate;
const steep = (name: string, mode: "exponential" | "linear") => curve(name, mode).reading.steepest.rate;
const bestSmoothed = (c: RangeCurve) => Math.min(...c.reading.smoothed);
const lastSmoothed = (c: RangeCurve) => c.reading.smoothed.at(-1) as number;

const sweeps = SEEDS.flatMap((seed) => (["exponential", "linear"] as const).map((mode) => curve(`digits-seed${seed}`, mode)));
const seed1 = curve("digits-seed1", "exponential");
const expMinima = SEEDS.map((s) => min(`digits-seed${s}`, "exponential"));
const linMinima = SEEDS.map((s) => min(`digits-seed${s}`, "linear"));
const peaks = load<PeaksRun>("digits-peaks").result;
const lastEval = peaks.records.filter((r) => r.valLoss).at(-1)!;
const percent = (x: number) => `${(x * 100).toFixed(1)}%`;
const PEAK_NAMES = ["peak/10", "peak/3", "suggested", "3 × peak", "10 × peak"];

const sentences: string[] = [
  `a plain average over a window centred on each step (${centredHalfWidth(0.98)} steps each side, fewer near the ends)`,
  ...SEEDS.map((s) => `| ${s} | ${p3(steep(`digits-seed${s}`, "exponential"))} | ${p3(min(`digits-seed${s}`, "exponential"))} | ${p3(steep(`digits-seed${s}`, "linear"))} | ${p3(min(`digits-seed${s}`, "linear"))} |`),
  `at the end of the six sweeps the smoothed loss was between ${two(Math.min(...sweeps.map(lastSmoothed)))} and ${two(Math.max(...sweeps.map(lastSmoothed)))}`,
  `for the seed-1 exponential sweep that best was ${two(bestSmoothed(seed1))}, because its first ${seed1.rates.filter((r) => r < 0.1).length} steps, at rates below 0.1, train little, so the rule needed ${two(4 * bestSmoothed(seed1))}`,
  `the exponential sweep's minimum spans ${p3(Math.min(...expMinima))} to ${p3(Math.max(...expMinima))}, a factor of ${(Math.max(...expMinima) / Math.min(...expMinima)).toFixed(1)}`,
  `The linear sweep suggests higher rates (${p3(Math.min(...linMinima))} to ${p3(Math.max(...linMinima))}). It reaches 1 within ${curve("digits-seed1", "linear").rates.findIndex((r) => r >= 1)} steps`,
  `the exponential sweep's minimum is at ${p3(min("digits-adam", "exponential"))} and its steepest descent at ${p3(steep("digits-adam", "exponential"))}: the minimum a factor of ${Math.round(min("digits-seed1", "exponential") / min("digits-adam", "exponential"))} below SGD's`,
  `at the seed-1 suggestion, ${p3(suggestedPeak("digits-seed1"))}, and at 1/10, 1/3, 3 and 10 times it`,
  ...PEAK_NAMES.map((name, k) => `| ${p3(peaks.config.schedules[k]!.maxLr)} (${name}) | ${lastEval.valLoss![k]!.toFixed(3)} | ${percent(lastEval.valAccuracy![k]!)} |`),
];

describe("the range-test notebook", () => {
  it("quotes every number as the committed runs give it", () => {
    for (const text of sentences) expect(page, `the page should say: ${text}`).toContain(text);
  });

  it("says what the runs show", () => {
    // No digits sweep diverged; each ended near ln 10.
    for (const c of sweeps) {
      expect(c.reading.divergedAt).toBeNull();
      expect(Math.abs(lastSmoothed(c) - Math.log(10))).toBeLessThan(0.35);
    }
    // The suggested peak has the lowest validation loss of the five; 3× does better in accuracy; 10× is at chance.
    const losses = lastEval.valLoss!;
    expect(Math.min(...losses)).toBe(losses[2]);
    expect(lastEval.valAccuracy![3]).toBeGreaterThan(lastEval.valAccuracy![2]!);
    expect(lastEval.valAccuracy![4]).toBeCloseTo(0.1, 2);
    expect(losses[4]).toBeCloseTo(Math.log(10), 2);
    // The linear sweep's minima are above the exponential's, seed by seed.
    SEEDS.forEach((_, i) => expect(linMinima[i]).toBeGreaterThan(expMinima[i]!));
  });

  it("prints the script's commands, and the peaks race is built from the committed seed-1 suggestion", () => {
    expect(page).toContain(commandLine(RANGE_TESTS["digits-seed1"]!));
    expect(page).toContain(commandLine(RANGE_TESTS["digits-adam"]!));
    expect(page).toContain("node scripts/range-test-runs.ts");
    for (const [name, args] of Object.entries(RANGE_TESTS)) expect(load(name).command).toBe(commandLine(args));
    expect(load("digits-peaks").command).toBe(commandLine(peaksRace(suggestedPeak("digits-seed1"), "sgd")));
    expect(peaks.config.schedules.map((s) => s.maxLr)).toEqual(PEAK_FACTORS.map((f) => Number((suggestedPeak("digits-seed1") * f).toPrecision(3))));
  });

  it("the committed seed-1 range test is what the code gives", async () => {
    const { config } = parseRangeTestArgs(RANGE_TESTS["digits-seed1"]!);
    const fresh = await runRangeTest(await cpuTf(), config);
    expect(JSON.parse(rangeTestJson(fresh))).toEqual(load<RangeRun>("digits-seed1").result);
  }, 60_000);

  it("describes the live island as it is built: the committed moons run is its defaults", () => {
    const moons = load<RangeRun>("moons-sgd").result.config;
    const s = RANGE_ISLAND_DEFAULTS;
    expect(moons).toMatchObject({ task: s.task, optimizer: s.optimizer, low: s.low, high: s.high, steps: s.steps, seed: s.seed, batchSize: s.batchSize, modes: s.modes });
    expect(page).toContain(`As built, it shows the command-line run on the two-moons task (SGD, batches of ${s.batchSize}, seed ${s.seed}, ${s.steps} steps from $10^{${Math.log10(s.low)}}$ to ${s.high})`);
    expect(page).toContain("<RangeTest urlState />");
  });
});
