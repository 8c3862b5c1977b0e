/**
 * `npm run --silent experiment -- --range-test --task digits --low 1e-4 --high 10 --steps 300`:
 * the learning-rate range test (Smith 2017, section 3.3) on a race task, run
 * by src/training/range-test-run.ts, printed as JSON (the curves and their
 * readings) or CSV (one row per step and mode). Bad arguments throw
 * ExperimentError or RangeTestError naming the option.
 */
import { RANGE_MODES } from "../training/range-test.ts";
import { RANGE_DEFAULTS, rangeTestRanges, resolveRangeTest, RangeTestError, type RangeTestConfig, type RangeTestResult } from "../training/range-test-run.ts";
import { describeProblems, describeRange, raceRanges, RaceSettingsError } from "../training/settings.ts";
import { ExperimentError } from "./experiment-core.ts";
import { numberFlag, readFlags } from "./flags.ts";

const cli = rangeTestRanges("cli");
export const RANGE_USAGE = `  --range-test       the learning-rate range test (Smith 2017, section 3.3): one short run per mode while the rate rises from --low to --high, stopped once every curve diverges (smoothed loss above 4× its best, or not a number); prints each curve, its steepest descent, its minimum and suggested bounds
    --task T (${RANGE_DEFAULTS.task}; any race task)  --model M  --optimizer O (${RANGE_DEFAULTS.optimizer})  --batch-size N (${RANGE_DEFAULTS.batchSize})  --seed N (${RANGE_DEFAULTS.seed})
    --low X (${RANGE_DEFAULTS.low}) and --high X (${RANGE_DEFAULTS.high}), each ${describeRange(cli.low)}  --steps N (${RANGE_DEFAULTS.steps}, ${describeRange(cli.steps)})
    --modes ${RANGE_MODES.join(",")} (default both: exponential as fast.ai's lr_find, linear as Smith)`;

export interface RangeTestArgs {
  config: RangeTestConfig;
  format: "json" | "csv";
}

const VALUE_FLAGS = new Set(["--task", "--model", "--optimizer", "--batch-size", "--seed", "--low", "--high", "--steps", "--modes"]);

export function isRangeTest(argv: readonly string[]): boolean {
  return argv.includes("--range-test");
}

export function parseRangeTestArgs(argv: readonly string[]): RangeTestArgs {
  const { one, format } = readFlags(argv.filter((a) => a !== "--range-test"), VALUE_FLAGS, "--range-test");
  const race = raceRanges("cli");
  const number = (flag: string, range: Parameters<typeof numberFlag>[3]) => {
    const text = one(flag);
    return text === undefined ? undefined : numberFlag(flag, text, 0, range);
  };
  try {
    const config = resolveRangeTest({
      task: one("--task"), model: one("--model"), optimizer: one("--optimizer"),
      batchSize: number("--batch-size", race.batchSize), seed: number("--seed", race.seed),
      low: number("--low", cli.low), high: number("--high", cli.high), steps: number("--steps", cli.steps),
      modes: one("--modes")?.split(",").map((m) => m.trim()),
    }, "cli");
    return { config, format };
  } catch (error) {
    if (error instanceof RaceSettingsError) throw new ExperimentError(describeProblems(error.problems, (p) => `--${p.field === "batchSize" ? "batch-size" : p.field}`));
    if (error instanceof RangeTestError) throw new ExperimentError(`--${error.message}`);
    throw error;
  }
}

/** The JSON: the config, then per curve its rates, losses, smoothed and centered losses and the reading's marks. */
export function rangeTestJson(result: RangeTestResult): string {
  return JSON.stringify({ task: "range-test", config: result.config, stepsRun: result.stepsRun, curves: result.curves }) + "\n";
}

export function rangeTestCsv(result: RangeTestResult): string {
  const rows = ["step,mode,rate,loss,smoothed,centered"];
  for (const curve of result.curves) {
    curve.rates.forEach((rate, step) => {
      const cell = (v: number | null | undefined) => (v === null || v === undefined ? "" : String(v));
      rows.push([step, curve.mode, rate, cell(curve.losses[step]), cell(curve.reading.smoothed[step]), cell(curve.reading.centered[step])].join(","));
    });
  }
  return rows.join("\n") + "\n";
}
