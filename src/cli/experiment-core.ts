/**
 * `npm run experiment`'s work without the process: parse the arguments into a
 * race, run it on tfjs's CPU backend, and format the per-step metrics as JSON
 * or CSV. Every problem with the arguments is an ExperimentError naming the
 * option and what it accepts.
 */
import type * as tfNamespace from "@tensorflow/tfjs";
import { isTask, loadTaskData, taskInfo, TASKS } from "../data/datasets.ts";
import { fittedSpec } from "../schedules/fit.ts";
import { formatErrors, parseSpec, KINDS, type ScheduleKind, type ScheduleSpec } from "../schedules/index.ts";
import { isOptimizer, OPTIMIZERS } from "../training/optimizers.ts";
import { TrainingSession, type RaceSettings } from "../training/session.ts";
import type { Divergence, PlateauNotice, RaceRecord } from "../training/race.ts";

export class ExperimentError extends Error {}

export interface ExperimentConfig extends RaceSettings {
  format: "json" | "csv";
}

export const USAGE = `usage: npm run --silent experiment -- [options]
  --task ${TASKS.join("|")}           (default spirals)
  --model mlp|cnn                     (default: the task's first model; cnn for glyphs and digits)
  --optimizer ${OPTIMIZERS.join("|")}  (default sgd)
  --schedules cosine,step,...         schedule kinds, fitted to the run's length (default cosine)
  --schedule '<spec JSON>'            an exact schedule; repeat for several (replaces --schedules)
  --lr X                              peak rate for --schedules (default: each kind's default)
  --steps N  --batch-size N  --seed N  --eval-every N  --hidden 16,16  --cycle-momentum
  --json (default) | --csv`;

const integer = (flag: string, text: string, min: number, max: number): number => {
  const value = Number(text);
  if (!(Number.isInteger(value) && value >= min && value <= max)) throw new ExperimentError(`${flag} must be an integer in [${min}, ${max}], got "${text}"`);
  return value;
};

export function parseExperimentArgs(argv: readonly string[]): ExperimentConfig {
  const flags = new Map<string, string[]>();
  const valueFlags = new Set(["--task", "--model", "--optimizer", "--schedules", "--schedule", "--lr", "--steps", "--batch-size", "--seed", "--eval-every", "--hidden"]);
  const switches = new Set(["--json", "--csv", "--cycle-momentum"]);
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    const [flag, inline] = arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    if (switches.has(flag)) {
      flags.set(flag, ["true"]);
    } else if (valueFlags.has(flag)) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new ExperimentError(`${flag} needs a value`);
      flags.set(flag, [...(flags.get(flag) ?? []), value]);
    } else {
      throw new ExperimentError(`unknown option ${arg}`);
    }
  }
  const one = (flag: string): string | undefined => flags.get(flag)?.at(-1);
  const task = one("--task") ?? "spirals";
  if (!isTask(task)) throw new ExperimentError(`--task must be one of ${TASKS.join(", ")}, got "${task}"`);
  const model = one("--model") ?? taskInfo(task).models[0];
  if (model !== "mlp" && model !== "cnn") throw new ExperimentError(`--model must be mlp or cnn, got "${model}"`);
  if (!(taskInfo(task).models as readonly string[]).includes(model)) throw new ExperimentError(`--model ${model} cannot learn --task ${task}; it takes ${taskInfo(task).models.join(" or ")}`);
  const optimizer = one("--optimizer") ?? "sgd";
  if (!isOptimizer(optimizer)) throw new ExperimentError(`--optimizer must be one of ${OPTIMIZERS.join(", ")}, got "${optimizer}"`);
  const steps = integer("--steps", one("--steps") ?? "500", 10, 1_000_000);
  const lrText = one("--lr");
  const lr = lrText === undefined ? undefined : Number(lrText);
  if (lr !== undefined && !(Number.isFinite(lr) && lr > 0 && lr <= 1000)) throw new ExperimentError(`--lr must be a number in (0, 1000], got "${lrText}"`);
  let schedules: ScheduleSpec[];
  let labels: string[];
  const exact = flags.get("--schedule");
  if (exact) {
    schedules = exact.map((text, i) => {
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch (error) {
        throw new ExperimentError(`--schedule ${i + 1} is not valid JSON: ${(error as Error).message}`);
      }
      const parsed = parseSpec(raw);
      if (!parsed.ok) throw new ExperimentError(`--schedule ${i + 1}: ${formatErrors(parsed.errors)}`);
      return parsed.spec;
    });
    labels = schedules.map((s, i) => `${s.kind}#${i + 1}`);
  } else {
    const kinds = (one("--schedules") ?? "cosine").split(",").map((k) => k.trim()).filter(Boolean);
    if (kinds.length === 0) throw new ExperimentError("--schedules needs at least one kind");
    for (const k of kinds) if (!(KINDS as readonly string[]).includes(k)) throw new ExperimentError(`--schedules: unknown kind "${k}"; expected ${KINDS.join(", ")}`);
    schedules = kinds.map((k) => fittedSpec(k as ScheduleKind, steps, lr));
    labels = kinds;
  }
  if (schedules.length > 32) throw new ExperimentError(`at most 32 schedules in one race, got ${schedules.length}`);
  const hidden = (one("--hidden") ?? "16,16").split(",").map((w) => integer("--hidden", w, 1, 512));
  return {
    task, model, optimizer, schedules, labels, steps,
    batchSize: integer("--batch-size", one("--batch-size") ?? "32", 1, 4096),
    seed: integer("--seed", one("--seed") ?? "1", 0, 2 ** 31 - 1),
    evalEvery: integer("--eval-every", one("--eval-every") ?? "50", 1, 1_000_000),
    hidden,
    cycleMomentum: flags.has("--cycle-momentum"),
    format: flags.has("--csv") ? "csv" : "json",
  };
}

export interface ExperimentResult {
  config: Omit<ExperimentConfig, "format">;
  backend: string;
  records: RaceRecord[];
  divergences: Divergence[];
  plateau: PlateauNotice[];
  stepsPerSecond: number;
}

export async function runExperiment(tf: typeof tfNamespace, config: ExperimentConfig): Promise<ExperimentResult> {
  const records: RaceRecord[] = [];
  const divergences: Divergence[] = [];
  const plateau: PlateauNotice[] = [];
  await loadTaskData(config.task);
  const started = performance.now();
  const session = new TrainingSession(tf, { ...config, chunkMs: 200 }, {
    records: (r) => records.push(...r),
    diverged: (d) => divergences.push(d),
    plateau: (p) => plateau.push(p),
  });
  await session.start();
  await session.dispose();
  const { format: _format, ...rest } = config;
  void _format;
  return { config: rest, backend: tf.getBackend(), records, divergences, plateau, stepsPerSecond: (records.length * 1000) / (performance.now() - started) };
}

const cell = (v: number | null | undefined): string => (v === null || v === undefined ? "" : String(v));

export function toCsvRows(result: ExperimentResult): string {
  const lines = ["step,run,schedule,lr,train_loss,val_loss,val_accuracy"];
  for (const r of result.records) {
    r.lr.forEach((lr, k) => {
      lines.push([r.step, k, result.config.labels[k], lr, cell(r.trainLoss[k]), cell(r.valLoss?.[k]), cell(r.valAccuracy?.[k])].join(","));
    });
  }
  return lines.join("\n") + "\n";
}
