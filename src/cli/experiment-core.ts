/**
 * `npm run experiment`'s work without the process: parse the arguments into a
 * race, run it on tfjs's CPU backend, and format the per-step metrics as JSON
 * or CSV. Every problem with the arguments is an ExperimentError naming the
 * option and what it accepts.
 */
import type * as tfNamespace from "@tensorflow/tfjs";
import { loadTaskData, taskInfo, type MetricDef } from "../data/datasets.ts";
import { TrainingSession } from "../training/session.ts";
import { describeProblems, RaceSettingsError, resolveRace, type RaceInput, type RaceSettings } from "../training/settings.ts";
import { optionsHelp, raceInputFromText, RACE_FIELD_NAMES, RACE_FIELDS } from "../training/settings-text.ts";
import type { Divergence, PlateauNotice, RaceRecord } from "../training/race.ts";

export class ExperimentError extends Error {}

export interface ExperimentConfig extends RaceSettings {
  format: "json" | "csv";
}

export const USAGE = `usage: npm run --silent experiment -- [options]
${optionsHelp("cli")}
  --json (default) | --csv`;

const FLAGS = new Map(RACE_FIELD_NAMES.map((name) => [`--${RACE_FIELDS[name].flag}`, name]));

/** The race from the command line: the same schema as the site, under the CLI's limits (PROFILES.cli). */
export function parseExperimentArgs(argv: readonly string[]): ExperimentConfig {
  const texts: Partial<Record<keyof RaceInput, string[]>> = {};
  let format: ExperimentConfig["format"] = "json";
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    const [flag, inline] = arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const name = FLAGS.get(flag);
    if (flag === "--json" || flag === "--csv") {
      format = flag === "--csv" ? "csv" : "json";
    } else if (flag === "--no-cycle-momentum") {
      texts.cycleMomentum = ["false"];
    } else if (name && RACE_FIELDS[name].reads === "switch") {
      texts[name] = [inline ?? "true"];
    } else if (name) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new ExperimentError(`${flag} needs a value`);
      texts[name] = [...(texts[name] ?? []), value];
    } else {
      throw new ExperimentError(`unknown option ${arg}`);
    }
  }
  try {
    return { ...resolveRace(raceInputFromText(texts), "cli"), format };
  } catch (error) {
    if (error instanceof RaceSettingsError) throw new ExperimentError(describeProblems(error.problems, (p) => `--${RACE_FIELDS[p.field].flag}`));
    if (error instanceof SyntaxError) throw new ExperimentError(`--${error.message}`);
    throw error;
  }
}

export interface ExperimentResult {
  config: Omit<ExperimentConfig, "format">;
  backend: string;
  /** What the losses and accuracies measure, with their units (the task record's). */
  metrics: readonly MetricDef[];
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
  return { config: rest, backend: tf.getBackend(), metrics: taskInfo(config.task).metrics, records, divergences, plateau, stepsPerSecond: (records.length * 1000) / (performance.now() - started) };
}

const cell = (v: number | null | undefined): string => (v === null || v === undefined ? "" : String(v));

export function toCsvRows(result: ExperimentResult): string {
  // Averaged weights and sharpness add columns only when asked for (--average, --sharpness-every).
  const averages = result.config.average.map((a) => a.label);
  const sharp = result.config.sharpnessEvery > 0;
  const extra = [...averages.flatMap((a) => [`val_loss_${a}`, `val_accuracy_${a}`]), ...(sharp ? ["sharpness"] : [])];
  const lines = [["step,run,schedule,lr,train_loss,val_loss,val_accuracy", ...extra].join(",")];
  for (const r of result.records) {
    r.lr.forEach((lr, k) => {
      const more = [...averages.flatMap((_, i) => [cell(r.averaged?.[i]?.valLoss[k]), cell(r.averaged?.[i]?.valAccuracy[k])]), ...(sharp ? [cell(r.sharpness?.[k])] : [])];
      lines.push([r.step, k, result.config.labels[k], lr, cell(r.trainLoss[k]), cell(r.valLoss?.[k]), cell(r.valAccuracy?.[k]), ...more].join(","));
    });
  }
  return lines.join("\n") + "\n";
}
