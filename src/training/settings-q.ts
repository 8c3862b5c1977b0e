/**
 * The Q-learning race's settings (src/rl/, `--task gridworld`), in the same
 * schema as the training race's (settings.ts): the same profiles and bounds
 * (PROFILES, raceRanges: steps, seed, evaluations, how many runs), the same
 * reading of schedule kinds and exact specs, the same messages. Its own fields
 * are the learner's: per-pair count rules 1/n^ω beside the kinds, the
 * exploration rate ε, the discount γ, and a step size that is at most 1. The
 * CLI, the island, its URL and its JSON export all resolve a race here.
 *
 * The agents, in order: each --schedules kind (fitted to the run at peak
 * `lr`), each --schedule spec, then each item of --step-sizes (a kind or a
 * count rule). Naming none gives the default three.
 */
import { z } from "zod";
import { fittedSpec } from "../schedules/fit.ts";
import { describeValue } from "../schedules/fields.ts";
import { formatErrors, parseSpec } from "../schedules/index.ts";
import { readStepSizeItem, ruleLabel, type CountRule, type StepSizeRule } from "../rl/step-sizes.ts";
import type { QRaceConfig } from "../rl/race.ts";
import { describeProblems, issueProblems, kindList, numberIn, PROFILES, raceRanges, type Profile, type SettingsProblem } from "./settings.ts";
import type { ScheduleKind } from "../schedules/index.ts";

/** What a race names when it names no agent, and every other field's default. */
export const Q_DEFAULTS = { stepSizes: ["constant", "1/n", "1/n^0.7"], lr: 0.1, steps: 100_000, seed: 1, epsilon: 0.3, gamma: 0.9 } as const;

/** Evaluations per run when none is named: 100 of them. */
export const defaultQEvalEvery = (steps: number): number => Math.max(1, Math.round(steps / 100));

/** `none` alone names no count rule (so that --schedules can name every agent). */
const NONE = "none";

function stepSizeList() {
  return z
    .array(z.string(), { error: (issue) => `must be a list of step sizes, got ${describeValue(issue.input)}` })
    .superRefine((items, ctx) => {
      if (items.length === 1 && items[0] === NONE) return;
      const bad = items.map((item) => readStepSizeItem(item)).flatMap((r, i) => (r.ok ? [] : [r.message(JSON.stringify(items[i]))]));
      if (bad.length > 0) ctx.addIssue({ code: "custom", message: bad.join("; ") });
    })
    .transform(stepSizeItems);
}

/** The kinds and count rules a checked list names. */
function stepSizeItems(items: readonly string[]): (ScheduleKind | CountRule)[] {
  return items.length === 1 && items[0] === NONE ? [] : items.map((item) => readStepSizeItem(item)).flatMap((r) => (r.ok ? [r.value] : []));
}

export function qRaceInputSchema(profile: Profile) {
  const r = raceRanges(profile);
  const max = PROFILES[profile].maxSchedules;
  return z
    .object({
      task: z.literal("gridworld", { error: (issue) => `must be gridworld for a Q-learning race, got ${describeValue(issue.input)}` }).default("gridworld"),
      schedules: kindList(max).optional(),
      specs: z.array(z.unknown(), { error: "must be a list of schedule specs" }).max(max, { error: `must hold at most ${max} specs` }).optional(),
      stepSizes: stepSizeList().optional(),
      labels: z.array(z.string().min(1, { error: "must not be empty" }), { error: "must be a list of names" }).optional(),
      lr: numberIn(r.stepSize).default(Q_DEFAULTS.lr),
      steps: numberIn(r.agentSteps).default(Q_DEFAULTS.steps),
      seed: numberIn(r.seed).default(Q_DEFAULTS.seed),
      evalEvery: numberIn(r.evalEvery).optional(),
      epsilon: numberIn(r.epsilon).default(Q_DEFAULTS.epsilon),
      gamma: numberIn(r.gamma).default(Q_DEFAULTS.gamma),
    })
    .strict();
}

type QInputSchema = ReturnType<typeof qRaceInputSchema>;
/** A Q-learning race as a person names it (before defaults); names and items arrive as text from flags, fields and URLs. */
export type QRaceInput = Omit<z.input<QInputSchema>, "task" | "schedules" | "stepSizes" | "labels" | "specs"> & {
  task?: string;
  schedules?: readonly string[];
  specs?: readonly unknown[];
  stepSizes?: readonly string[];
  labels?: readonly string[];
};
export type QFieldName = keyof QRaceInput;

/** A resolved race: what src/rl's QRace runs, plus the rate the kinds were fitted with. */
export interface QRaceSettings extends QRaceConfig {
  lr: number;
}

export class QRaceSettingsError extends Error {
  readonly problems: SettingsProblem<QFieldName>[];
  constructor(problems: SettingsProblem<QFieldName>[]) {
    super(describeProblems(problems, (p) => p.field));
    this.problems = problems;
  }
}

const SCHEMAS = new Map<Profile, QInputSchema>();
function schemaOf(profile: Profile): QInputSchema {
  let schema = SCHEMAS.get(profile);
  if (!schema) SCHEMAS.set(profile, (schema = qRaceInputSchema(profile)));
  return schema;
}

/** Check a Q-learning race and resolve it; a QRaceSettingsError lists every bad field. */
export function resolveQRace(input: QRaceInput, profile: Profile): QRaceSettings {
  const parsed = schemaOf(profile).safeParse(input);
  if (!parsed.success) throw new QRaceSettingsError(issueProblems<QFieldName>(parsed.error.issues, "task"));
  const v = parsed.data;
  const rules: StepSizeRule[] = [];
  const labels: string[] = [];
  const fitted = (kind: ScheduleKind) => {
    rules.push({ form: "schedule", spec: fittedSpec(kind, v.steps, v.lr) });
    labels.push(kind);
  };
  for (const kind of v.schedules ?? []) fitted(kind);
  (v.specs ?? []).forEach((raw, i) => {
    const spec = parseSpec(raw);
    if (!spec.ok) throw new QRaceSettingsError([{ field: "specs", item: i + 1, message: formatErrors(spec.errors) }]);
    rules.push({ form: "schedule", spec: spec.spec });
    labels.push(`${spec.spec.kind}#${i + 1}`);
  });
  const named = v.schedules !== undefined || v.specs !== undefined || v.stepSizes !== undefined;
  const items: (ScheduleKind | CountRule)[] = named ? (v.stepSizes ?? []) : stepSizeItems(Q_DEFAULTS.stepSizes);
  for (const item of items) {
    if (typeof item === "string") fitted(item);
    else {
      rules.push(item);
      labels.push(ruleLabel(item));
    }
  }
  const max = PROFILES[profile].maxSchedules;
  if (rules.length < 1 || rules.length > max) {
    throw new QRaceSettingsError([{ field: "stepSizes", message: `needs 1 to ${max} step sizes in all (schedule kinds, specs and count rules), got ${rules.length}` }]);
  }
  if (v.labels !== undefined && v.labels.length !== rules.length) {
    throw new QRaceSettingsError([{ field: "labels", message: `needs one name per step size (${rules.length}), got ${v.labels.length}` }]);
  }
  // The key order is the CLI's JSON (and the committed runs'): keep it.
  return { rules, labels: v.labels ? [...v.labels] : labels, steps: v.steps, seed: v.seed, evalEvery: v.evalEvery ?? defaultQEvalEvery(v.steps), epsilon: v.epsilon, gamma: v.gamma, lr: v.lr };
}

/**
 * Check settings that arrive already resolved (the worker's start message)
 * under the same bounds: every spec valid, every count rule's ω in range, one
 * label per agent, the numbers in the profile's ranges. Returns them as given.
 */
export function checkQRaceSettings(settings: QRaceSettings, profile: Profile): QRaceSettings {
  const { rules, labels, steps, seed, evalEvery, epsilon, gamma, lr } = settings;
  const specs = rules.flatMap((r) => (r.form === "schedule" ? [r.spec] : []));
  const counts = rules.flatMap((r) => (r.form === "count" ? [ruleLabel(r)] : []));
  resolveQRace({ ...(specs.length > 0 ? { specs } : {}), stepSizes: counts.length > 0 ? counts : [NONE], labels, steps, seed, evalEvery, epsilon, gamma, lr }, profile);
  return settings;
}
