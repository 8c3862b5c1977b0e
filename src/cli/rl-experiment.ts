/**
 * `npm run --silent experiment -- --task gridworld --schedules constant --step-sizes 1/n,1/n^0.7 …`:
 * a race of tabular Q-learning agents on Sutton & Barto's windy gridworld with
 * stochastic wind (src/rl/), one agent per step-size rule, sharing one random
 * stream. Per evaluation: ‖Q_t − Q*‖∞ and the greedy policy's exact return.
 * Pure: no tfjs. Bad arguments throw ExperimentError naming the option.
 */
import { raceRanges } from "../training/settings.ts";
import { COLUMNS, ROWS } from "../rl/gridworld.ts";
import { runQRace, type QRaceConfig, type QRaceResult } from "../rl/race.ts";
import { qRaceCsv } from "../rl/summary.ts";
import { COUNT_STEP_SIZE, parseCountRule, ruleLabel, type StepSizeRule } from "../rl/step-sizes.ts";
import { ExperimentError } from "./experiment-core.ts";
import { labelFlag, numberFlag, readFlags, scheduleFlags } from "./flags.ts";

export const GRIDWORLD_DEFAULTS = { steps: 100_000, seed: 1, epsilon: 0.3, gamma: 0.9, lr: 0.1, stepSizes: "1/n,1/n^0.7", schedules: "constant" } as const;

export const RL_USAGE = `  --task gridworld   tabular Q-learning on Sutton & Barto's windy gridworld with stochastic wind (Example 6.5, Exercise 6.10; ${ROWS}×${COLUMNS}, γ-discounted), one agent per step-size rule, all sharing one random stream
    --schedules a,b   schedule kinds for α_t (a function of the step t), fitted to --steps at peak --lr; default ${GRIDWORLD_DEFAULTS.schedules}
    --schedule JSON   an exact schedule spec for α_t (repeatable)
    --step-sizes 1/n,1/n^0.7   per-pair count rules α = 1/n(s,a)^ω, ω in (0.5, 1] (Even-Dar & Mansour 2003); default ${GRIDWORLD_DEFAULTS.stepSizes}; "none" for no count rule
    --lr X (${GRIDWORLD_DEFAULTS.lr}, in (0, 1])  --steps N (${GRIDWORLD_DEFAULTS.steps})  --seed N (${GRIDWORLD_DEFAULTS.seed})  --eval-every N (steps/100)  --epsilon X (${GRIDWORLD_DEFAULTS.epsilon})  --gamma X (${GRIDWORLD_DEFAULTS.gamma})  --labels a,b,c
    per evaluation and agent: distance ‖Q_t − Q*‖∞, greedy_return (exact expected discounted return of the greedy policy from the start), alpha, episodes`;

export interface GridworldConfig extends QRaceConfig {
  lr: number;
  format: "json" | "csv";
}

const VALUE_FLAGS = new Set(["--task", "--schedules", "--schedule", "--step-sizes", "--lr", "--steps", "--seed", "--eval-every", "--epsilon", "--gamma", "--labels"]);

export function isGridworldTask(argv: readonly string[]): boolean {
  return argv.some((a, i) => a === "--task=gridworld" || (a === "--task" && argv[i + 1] === "gridworld"));
}

export function parseGridworldArgs(argv: readonly string[]): GridworldConfig {
  const flags = readFlags(argv, VALUE_FLAGS, "gridworld");
  const { one, format } = flags;
  const cli = raceRanges("cli");
  const steps = numberFlag("--steps", one("--steps"), GRIDWORLD_DEFAULTS.steps, cli.steps);
  const lr = numberFlag("--lr", one("--lr"), GRIDWORLD_DEFAULTS.lr, { min: 0, max: 1, minExclusive: true });
  const seed = numberFlag("--seed", one("--seed"), GRIDWORLD_DEFAULTS.seed, cli.seed);
  const evalEvery = numberFlag("--eval-every", one("--eval-every"), Math.max(1, Math.round(steps / 100)), cli.evalEvery);
  const epsilon = numberFlag("--epsilon", one("--epsilon"), GRIDWORLD_DEFAULTS.epsilon, { min: 0, max: 1 });
  const gamma = numberFlag("--gamma", one("--gamma"), GRIDWORLD_DEFAULTS.gamma, { min: 0, max: 0.999 });
  const exact = flags.all("--schedule") ?? [];
  const { specs } = scheduleFlags(one("--schedules") ?? (exact.length > 0 ? "" : GRIDWORLD_DEFAULTS.schedules), exact, steps, lr);
  const rules: StepSizeRule[] = specs.map((spec) => ({ form: "schedule", spec }));
  const sizes = one("--step-sizes") ?? GRIDWORLD_DEFAULTS.stepSizes;
  if (sizes.trim() !== "none") {
    for (const text of sizes.split(",").map((x) => x.trim()).filter(Boolean)) {
      try {
        rules.push(parseCountRule(text));
      } catch (error) {
        throw new ExperimentError(`--step-sizes: ${(error as Error).message}; expected ${COUNT_STEP_SIZE.syntax}`);
      }
    }
  }
  if (rules.length === 0) throw new ExperimentError("name at least one step size (--schedules, --schedule or --step-sizes)");
  if (rules.length > 32) throw new ExperimentError(`at most 32 agents, got ${rules.length}`);
  const labels = labelFlag(one("--labels"), rules.map(ruleLabel));
  return { rules, labels, steps, seed, evalEvery, epsilon, gamma, lr, format };
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
