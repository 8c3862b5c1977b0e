/**
 * The runs behind content/notebooks/digits-schedules.mdx, through the same
 * code as `npm run experiment` (argument parser and runner), written to
 * test/fixtures/digits-runs.json. test/content/digits-notebook.test.ts checks
 * the notebook's numbers against that file and re-runs the first steps.
 *
 *   node scripts/digits-runs.ts            (20 races of 500 steps: about 12 minutes on 2 busy CPU cores)
 *   node scripts/digits-runs.ts --seeds 1  (one seed, a quick look)
 */
import { writeFileSync } from "node:fs";
import { parseExperimentArgs, runExperiment } from "../src/cli/experiment-core.ts";
import { cpuTf } from "../src/training/node-cpu.ts";

/** The race every row shares; only --lr and --seed change. */
export const BASE_ARGS = ["--task", "digits", "--model", "mlp", "--hidden", "32", "--optimizer", "momentum", "--schedules", "constant,step,cosine,one-cycle", "--steps", "500", "--batch-size", "32", "--eval-every", "25", "--cycle-momentum"];
export const RATES = [0.05, 0.1, 0.3, 0.5];
/** The first training losses kept per race, for the reproduction test. */
export const FIRST_STEPS = 10;
/** Evaluations in the "worst of the last" column (25 steps apart: the last 125 steps). */
export const LAST_EVALS = 5;

export interface RunRow {
  lr: number;
  seed: number;
  args: string[];
  labels: string[];
  /** Validation accuracy after the last step, per schedule. */
  final: (number | null)[];
  /** Lowest validation accuracy over the last LAST_EVALS evaluations, per schedule (how much it still swings). */
  worstLate: (number | null)[];
  finalValLoss: (number | null)[];
  firstTrainLosses: (number | null)[][];
  divergedAt: (number | null)[];
  stepsPerSecond: number;
}

async function main(): Promise<void> {
  const seedsFlag = process.argv.indexOf("--seeds");
  const seeds = seedsFlag > 0 ? (process.argv[seedsFlag + 1] ?? "1").split(",").map(Number) : [1, 2, 3, 4, 5];
  const tf = await cpuTf();
  const rows: RunRow[] = [];
  for (const lr of RATES) {
    for (const seed of seeds) {
      const args = [...BASE_ARGS, "--lr", String(lr), "--seed", String(seed)];
      const result = await runExperiment(tf, parseExperimentArgs(args));
      const evaluated = result.records.filter((r) => r.valAccuracy);
      const last = evaluated.at(-1);
      const late = evaluated.slice(-LAST_EVALS);
      const labels = result.config.labels;
      const row: RunRow = {
        lr, seed, args, labels,
        final: labels.map((_, k) => last?.valAccuracy?.[k] ?? null),
        worstLate: labels.map((_, k) => {
          const values = late.map((r) => r.valAccuracy?.[k]);
          return values.every((v) => typeof v === "number") ? Math.min(...(values as number[])) : null;
        }),
        finalValLoss: labels.map((_, k) => last?.valLoss?.[k] ?? null),
        firstTrainLosses: result.records.slice(0, FIRST_STEPS).map((r) => r.trainLoss),
        divergedAt: labels.map((_, k) => result.divergences.find((d) => d.run === k)?.step ?? null),
        stepsPerSecond: result.stepsPerSecond,
      };
      rows.push(row);
      process.stderr.write(`lr ${lr} seed ${seed}: ${labels.map((l, k) => `${l} ${((row.final[k] ?? Number.NaN) * 100).toFixed(1)}%`).join(", ")} (${result.stepsPerSecond.toFixed(1)} steps/s)\n`);
    }
  }
  const out = { made: "node scripts/digits-runs.ts", command: "npm run --silent experiment -- " + BASE_ARGS.join(" ") + " --lr <lr> --seed <seed>", backend: tf.getBackend(), rows };
  writeFileSync(new URL("../test/fixtures/digits-runs.json", import.meta.url), JSON.stringify(out, null, 1) + "\n");
}

if (import.meta.main) await main();
