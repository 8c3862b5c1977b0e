/**
 * `npm run --silent experiment -- --task spirals --model mlp --optimizer sgd
 *   --schedules cosine,step,exponential --steps 2000 --seed 1 --json`
 *
 * The site's training engine on tfjs's CPU backend in Node: per-step metrics
 * for every schedule, as JSON (default) or CSV, for making figures offline.
 * Bad arguments: one line on stderr and exit code 2, never a stack trace.
 */
import { ExperimentError, parseExperimentArgs, runExperiment, toCsvRows, USAGE } from "./experiment-core.ts";
import { cpuTf } from "../training/node-cpu.ts";
import { gridworldCsv, isGridworldTask, parseGridworldArgs, RL_USAGE, runGridworld } from "./rl-experiment.ts";
import { isRangeTest, parseRangeTestArgs, rangeTestCsv, rangeTestJson, RANGE_USAGE } from "./range-test.ts";
import { runRangeTest } from "../training/range-test-run.ts";
import { isTextTask, nodeTf, parseTextExperimentArgs, runTextExperiment, textCsvRows, TEXT_USAGE } from "./text-experiment.ts";

/** The parsed arguments, or null after one line on stderr (with the task's usage) for bad ones. */
function parsed<T>(parse: () => T, usage: string): T | null {
  try {
    return parse();
  } catch (error) {
    if (error instanceof ExperimentError || error instanceof RangeError) {
      process.stderr.write(`experiment: ${error.message}\n${usage}\n`);
      return null;
    }
    throw error;
  }
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  if (argv.includes("--help") || argv.includes("-h")) {
    process.stdout.write(USAGE + "\n" + TEXT_USAGE + "\n" + RL_USAGE + "\n" + RANGE_USAGE + "\n");
    return 0;
  }
  if (isRangeTest(argv)) return mainRangeTest(argv);
  if (isTextTask(argv)) return mainText(argv);
  if (isGridworldTask(argv)) return mainGridworld(argv);
  const config = parsed(() => parseExperimentArgs(argv), USAGE);
  if (config === null) return 2;
  const tf = await cpuTf();
  const result = await runExperiment(tf, config);
  process.stdout.write(config.format === "csv" ? toCsvRows(result) : JSON.stringify(result) + "\n");
  for (const d of result.divergences) process.stderr.write(`${result.config.labels[d.run]}: ${d.message}\n`);
  return 0;
}

async function mainText(argv: string[]): Promise<number> {
  const config = parsed(() => parseTextExperimentArgs(argv), TEXT_USAGE);
  if (config === null) return 2;
  const tf = await nodeTf(config.backend);
  const result = await runTextExperiment(tf, config);
  process.stdout.write(config.format === "csv" ? textCsvRows(result) : JSON.stringify(result) + "\n");
  for (const d of result.divergences) process.stderr.write(`${result.config.labels[d.run]}: ${d.message}\n`);
  return 0;
}

async function mainRangeTest(argv: string[]): Promise<number> {
  const args = parsed(() => parseRangeTestArgs(argv), RANGE_USAGE);
  if (args === null) return 2;
  const result = await runRangeTest(await cpuTf(), args.config);
  process.stdout.write(args.format === "csv" ? rangeTestCsv(result) : rangeTestJson(result));
  return 0;
}

function mainGridworld(argv: string[]): number {
  const config = parsed(() => parseGridworldArgs(argv), RL_USAGE);
  if (config === null) return 2;
  const result = runGridworld(config);
  process.stdout.write(config.format === "csv" ? gridworldCsv(result) : JSON.stringify(result) + "\n");
  return 0;
}

// exitCode, not exit(): a piped stdout must drain before the process ends (exit() cut output at 64 KB).
main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`experiment: ${(error as Error).message ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
