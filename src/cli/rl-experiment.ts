/**
 * `npm run --silent experiment -- --task gridworld --schedules constant --step-sizes 1/n,1/n^0.7 …`:
 * a race of tabular Q-learning agents on Sutton & Barto's windy gridworld with
 * stochastic wind (src/rl/), one agent per step-size rule, sharing one random
 * stream. Per evaluation: ‖Q_t − Q*‖∞ and the greedy policy's exact return.
 * Pure: no tfjs. The options, bounds and help are the Q-learning race's
 * settings (src/training/settings-q*.ts), shared with the island and its URL;
 * bad arguments throw ExperimentError naming the option.
 */
import { describeProblems } from "../training/settings.ts";
import { QRaceSettingsError, resolveQRace, type QFieldName, type QRaceSettings } from "../training/settings-q.ts";
import { qInputFromText, qOptionsHelp, Q_FLAGS, Q_RACE_FIELDS } from "../training/settings-q-text.ts";
import { runQRace, type QRaceResult } from "../rl/race.ts";
import { qRaceCsv } from "../rl/summary.ts";
import { ExperimentError } from "./experiment-core.ts";
import { readFlags } from "./flags.ts";

export const RL_USAGE = `usage: npm run --silent experiment -- --task gridworld [options]
${qOptionsHelp("cli")}
  --json (default) | --csv
  per evaluation and agent: distance ‖Q_t − Q*‖∞, greedy_return (exact expected discounted return of the greedy policy from the start), alpha, episodes`;

export interface GridworldConfig extends QRaceSettings {
  format: "json" | "csv";
}

export function isGridworldTask(argv: readonly string[]): boolean {
  return argv.some((a, i) => a === "--task=gridworld" || (a === "--task" && argv[i + 1] === "gridworld"));
}

/** The race from the command line: the Q-learning race's settings (src/training/settings-q.ts) under the CLI's limits. */
export function parseGridworldArgs(argv: readonly string[]): GridworldConfig {
  const flags = readFlags(argv, new Set(Q_FLAGS.keys()), "gridworld");
  const texts: Partial<Record<QFieldName, readonly string[]>> = {};
  for (const [flag, name] of Q_FLAGS) {
    const given = flags.all(flag);
    if (given) texts[name] = given;
  }
  try {
    return { ...resolveQRace(qInputFromText(texts), "cli"), format: flags.format };
  } catch (error) {
    if (error instanceof QRaceSettingsError) throw new ExperimentError(describeProblems(error.problems, (p) => `--${Q_RACE_FIELDS[p.field].flag}`));
    if (error instanceof SyntaxError) throw new ExperimentError(`--${error.message}`);
    throw error;
  }
}

export interface GridworldResult {
  task: "gridworld";
  config: Omit<GridworldConfig, "format">;
  environment: { name: string; states: number; actions: number; optimalReturn: number; randomReturn: number };
  records: QRaceResult["records"];
  updatesPerSecond: number;
}

export function runGridworld(config: GridworldConfig): GridworldResult {
  const { format: _format, ...rest } = config;
  void _format;
  const started = performance.now();
  const race = runQRace(config);
  const seconds = (performance.now() - started) / 1000;
  return {
    task: "gridworld",
    config: rest,
    environment: { name: "windy gridworld, stochastic wind (Sutton & Barto 2018, Example 6.5 + Exercise 6.10)", states: race.states, actions: race.actions, optimalReturn: race.optimalReturn, randomReturn: race.randomReturn },
    records: race.records,
    updatesPerSecond: (config.steps * config.rules.length) / seconds,
  };
}

export function gridworldCsv(result: GridworldResult): string {
  return qRaceCsv(result.config.labels, result.records);
}
