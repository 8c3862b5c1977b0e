/**
 * The Q-learning race's settings as text (settings-q.ts), as settings-text.ts
 * does for the training race: each field's flag, URL key, reading and help.
 * The CLI's `--task gridworld` options and --help, the island's URL keys, and
 * the command line its JSON export prints all come from this one table.
 */
import { COLUMNS, ROWS } from "../rl/gridworld.ts";
import { COUNT_STEP_SIZE } from "../rl/step-sizes.ts";
import { KINDS } from "../schedules/index.ts";
import { PROFILES, raceRanges, describeRange, type Profile } from "./settings.ts";
import { defaultQEvalEvery, Q_DEFAULTS, type QFieldName, type QRaceInput } from "./settings-q.ts";
import { fieldsHelp, inputFromTexts, rangeHelp, type FieldText } from "./settings-text.ts";

const { min: omegaMin, max: omegaMax } = COUNT_STEP_SIZE.omega;

export const Q_RACE_FIELDS = {
  task: {
    flag: "task", reads: "word", value: "gridworld",
    help: () => `tabular Q-learning on Sutton & Barto's windy gridworld with stochastic wind (Example 6.5, Exercise 6.10; ${ROWS}×${COLUMNS}, γ-discounted), one agent per step size, all sharing one random stream`,
  },
  schedules: { flag: "schedules", reads: "kinds", value: "a,b", help: () => `schedule kinds for a global α_t, fitted to --steps at peak --lr (the first agents); kinds: ${KINDS.join(", ")}` },
  specs: { flag: "schedule", reads: "json", value: "'<spec JSON>'", help: () => "an exact schedule for α_t; repeat for several (the agents after --schedules)" },
  stepSizes: {
    flag: "step-sizes", url: "rules", reads: "kinds", value: Q_DEFAULTS.stepSizes.join(","),
    help: (p: Profile) => `the agents after those: each a schedule kind (as --schedules) or a per-pair count rule α = 1/n(s,a)^ω, ω in (${omegaMin}, ${omegaMax}] (1/n is ω = 1; Even-Dar & Mansour 2003); "none" for none; 1 to ${PROFILES[p].maxSchedules} agents in all; default ${Q_DEFAULTS.stepSizes.join(",")} when no agent is named`,
  },
  labels: { flag: "labels", reads: "kinds", value: "a,b,c", help: () => "a name per agent, comma-separated; default the kind or rule" },
  lr: { flag: "lr", url: "lr", reads: "number", value: "X", help: (p: Profile) => `the peak step size kinds are fitted with, ${describeRange(raceRanges(p).stepSize)}; default ${Q_DEFAULTS.lr}` },
  steps: { flag: "steps", url: "steps", reads: "number", value: "N", help: rangeHelp("agentSteps", String(Q_DEFAULTS.steps)) },
  seed: { flag: "seed", url: "seed", reads: "number", value: "N", help: rangeHelp("seed", String(Q_DEFAULTS.seed)) },
  evalEvery: {
    flag: "eval-every", reads: "number", value: "N",
    help: (p: Profile) => `steps between evaluations (each agent's distance ‖Q_t − Q*‖∞ and its greedy policy's exact return from the start), ${describeRange(raceRanges(p).evalEvery)}; default max(1, round(steps / 100))`,
  },
  epsilon: { flag: "epsilon", url: "epsilon", reads: "number", value: "X", help: (p: Profile) => `ε of ε-greedy exploration, ${rangeHelp("epsilon", String(Q_DEFAULTS.epsilon))(p)}` },
  gamma: { flag: "gamma", url: "gamma", reads: "number", value: "X", help: (p: Profile) => `discount γ, ${rangeHelp("gamma", String(Q_DEFAULTS.gamma))(p)}` },
} as const satisfies Record<QFieldName, FieldText>;

/** `--flag` → field name, for the CLI's reader. */
export const Q_FLAGS: ReadonlyMap<string, QFieldName> = new Map((Object.keys(Q_RACE_FIELDS) as QFieldName[]).map((name) => [`--${Q_RACE_FIELDS[name].flag}`, name]));

/** A Q-learning race input from texts by field (the last text of a field wins; a JSON field takes them all). */
export function qInputFromText(texts: Partial<Record<QFieldName, readonly string[]>>): QRaceInput {
  return inputFromTexts(Q_RACE_FIELDS, texts) as QRaceInput;
}

export function qOptionsHelp(profile: Profile): string {
  return fieldsHelp(Q_RACE_FIELDS, profile);
}

/** What an island names (its step sizes as typed, and the numbers), as the CLI arguments that run the same race. */
export function qRaceArgs(input: { stepSizes: readonly string[]; steps: number; seed: number; epsilon: number; gamma: number; lr: number }): string[] {
  const f = Q_RACE_FIELDS;
  return [
    `--${f.task.flag}`, "gridworld",
    `--${f.stepSizes.flag}`, input.stepSizes.join(","),
    `--${f.steps.flag}`, String(input.steps),
    `--${f.evalEvery.flag}`, String(defaultQEvalEvery(input.steps)),
    `--${f.seed.flag}`, String(input.seed),
    `--${f.epsilon.flag}`, String(input.epsilon),
    `--${f.gamma.flag}`, String(input.gamma),
    `--${f.lr.flag}`, String(input.lr),
  ];
}
