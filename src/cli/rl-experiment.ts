/**
 * `npm run --silent experiment -- --task gridworld --schedules constant --step-sizes 1/n,1/n^0.7 …`:
 * a race of tabular Q-learning agents on Sutton & Barto's windy gridworld with
 * stochastic wind (src/rl/), one agent per step-size rule, sharing one random
 * stream. Per evaluation: ‖Q_t − Q*‖∞ and the greedy policy's exact return.
 * Pure: no tfjs. Bad arguments throw ExperimentError naming the option.
 */
import { fittedSpec } from "../schedules/fit.ts";
import { strictNumber } from "../schedules/fields.ts";
import { formatErrors, isKind, KINDS, parseSpec } from "../schedules/index.ts";
import { describeRange, raceRanges, type NumberRange } from "../training/settings.ts";
import { COLUMNS, ROWS } from "../rl/gridworld.ts";
import { runQRace, type QRaceConfig, type QRaceResult } from "../rl/race.ts";
import { qRaceCsv } from "../rl/summary.ts";
import { COUNT_STEP_SIZE, parseCountRule, ruleLabel, type StepSizeRule } from "../rl/step-sizes.ts";
import { ExperimentError } from "./experiment-core.ts";

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

function numberFlag(flag: string, text: string | undefined, fallback: number, range: NumberRange): number {
  if (text === undefined) return fallback;
  const value = strictNumber(text);
  const ok = value !== null && value <= range.max && (range.minExclusive ? value > range.min : value >= range.min) && (!range.integer || Number.isInteger(value));
  if (!ok) throw new ExperimentError(`${flag} must be ${describeRange(range)}, got "${text}"`);
  return value;
}

export function parseGridworldArgs(argv: readonly string[]): GridworldConfig {
  const flags = new Map<string, string[]>();
  let format: GridworldConfig["format"] = "json";
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    const eq = arg.indexOf("=");
    const [flag, inline] = eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
    if (flag === "--json" || flag === "--csv") format = flag === "--csv" ? "csv" : "json";
    else if (VALUE_FLAGS.has(flag)) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new ExperimentError(`${flag} needs a value`);
      flags.set(flag, [...(flags.get(flag) ?? []), value]);
    } else throw new ExperimentError(`unknown option ${arg} for --task gridworld`);
  }
  const one = (flag: string): string | undefined => flags.get(flag)?.at(-1);
  const cli = raceRanges("cli");
  const steps = numberFlag("--steps", one("--steps"), GRIDWORLD_DEFAULTS.steps, cli.steps);
  const lr = numberFlag("--lr", one("--lr"), GRIDWORLD_DEFAULTS.lr, { min: 0, max: 1, minExclusive: true });
  const seed = numberFlag("--seed", one("--seed"), GRIDWORLD_DEFAULTS.seed, cli.seed);
  const evalEvery = numberFlag("--eval-every", one("--eval-every"), Math.max(1, Math.round(steps / 100)), cli.evalEvery);
  const epsilon = numberFlag("--epsilon", one("--epsilon"), GRIDWORLD_DEFAULTS.epsilon, { min: 0, max: 1 });
  const gamma = numberFlag("--gamma", one("--gamma"), GRIDWORLD_DEFAULTS.gamma, { min: 0, max: 0.999 });
  const rules: StepSizeRule[] = [];
  const exact = flags.get("--schedule");
  const kindsText = one("--schedules") ?? (exact ? "" : GRIDWORLD_DEFAULTS.schedules);
  for (const k of kindsText.split(",").map((x) => x.trim()).filter(Boolean)) {
    if (!isKind(k)) throw new ExperimentError(`--schedules: unknown kind ${JSON.stringify(k)}; expected ${KINDS.join(", ")}`);
    rules.push({ form: "schedule", spec: fittedSpec(k, steps, lr) });
  }
  for (const [i, text] of (exact ?? []).entries()) {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      throw new ExperimentError(`--schedule #${i + 1} is not JSON: ${text}`);
    }
    const parsed = parseSpec(raw);
    if (!parsed.ok) throw new ExperimentError(`--schedule #${i + 1}: ${formatErrors(parsed.errors)}`);
    rules.push({ form: "schedule", spec: parsed.spec });
  }
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
  let labels = rules.map(ruleLabel);
  const named = one("--labels");
  if (named !== undefined) {
    labels = named.split(",").map((l) => l.trim());
    if (labels.length !== rules.length || labels.some((l) => l === "")) throw new ExperimentError(`--labels needs one non-empty name per agent (${rules.length}), got "${named}"`);
  }
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
