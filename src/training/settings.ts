/**
 * The race settings, defined once: every field's bounds, default and meaning,
 * as zod schemas, for the experiment CLI, the race island (build and live),
 * the playground's URL and the training worker. The CLI may run longer and
 * wider races than a reader's browser: that is the one difference, named in
 * PROFILES, not a second parser.
 *
 * Two forms: a race *input* (what a person names: kinds, a rate, a length; most
 * fields optional) and the race *settings* it resolves to (fitted schedule
 * specs, labels, the model and widths the task implies). Same input, same
 * settings, whichever front end read it.
 */
import { z } from "zod";
import { modelInputs, MODELS, taskInfo, TASKS } from "../data/datasets.ts";
import { fittedSpec } from "../schedules/fit.ts";
import { describeValue } from "../schedules/fields.ts";
import { formatErrors, isKind, KINDS, parseSpec, registry, type ScheduleKind, type ScheduleSpec } from "../schedules/index.ts";
import { OPTIMIZERS } from "./optimizers.ts";
import { parseAverage, type AverageSpec } from "./averaging.ts";

export const PROFILES = {
  /** The site: a race runs in a reader's browser in about a minute, and its legend and colours tell 8 runs apart. */
  browser: { maxSteps: 20_000, maxBatchSize: 512, maxSchedules: 8, maxLr: 10, labels: "title", maxAgentSteps: 1_000_000 },
  /** `npm run experiment`: offline, as long and as wide as the machine allows; runs are named by kind for CSV. */
  cli: { maxSteps: 1_000_000, maxBatchSize: 4096, maxSchedules: 32, maxLr: 1000, labels: "kind", maxAgentSteps: 10_000_000 },
} as const;
export type Profile = keyof typeof PROFILES;

export interface NumberRange {
  min: number;
  max: number;
  /** The lower bound itself is not allowed: (min, max]. */
  minExclusive?: boolean;
  integer?: boolean;
}

/** The numeric bounds of each field under a profile. */
export function raceRanges(profile: Profile) {
  const p = PROFILES[profile];
  return {
    steps: { min: 10, max: p.maxSteps, integer: true },
    batchSize: { min: 1, max: p.maxBatchSize, integer: true },
    seed: { min: 0, max: 2 ** 31 - 1, integer: true },
    lr: { min: 0, max: p.maxLr, minExclusive: true },
    evalEvery: { min: 1, max: 1_000_000, integer: true },
    hiddenWidth: { min: 1, max: 512, integer: true },
    sharpnessEvery: { min: 0, max: 1_000_000, integer: true },
    // The tabular Q-learning race (settings-q.ts): an update costs microseconds, not a batched graph, so its runs are longer.
    agentSteps: { min: 10, max: p.maxAgentSteps, integer: true },
    /** A step size α of Q-learning (a peak rate for kinds): (0, 1], as the update is a convex combination. */
    stepSize: { min: 0, max: 1, minExclusive: true },
    epsilon: { min: 0, max: 1 },
    gamma: { min: 0, max: 0.999 },
  } satisfies Record<string, NumberRange>;
}

export const DEFAULT_SCHEDULES: readonly ScheduleKind[] = ["constant", "step", "exponential", "cosine"];
/** Every other default a race input takes (the schema and --help both read it). */
export const RACE_DEFAULTS = { task: "spirals", optimizer: "sgd", steps: 600, batchSize: 32, seed: 1, sharpnessEvery: 0 } as const;
const MAX_LAYERS = 4;
const MAX_AVERAGES = 4;

/** "an integer in [1, 512]" / "a number in (0, 10]". */
export function describeRange(r: NumberRange): string {
  return `${r.integer ? "an integer" : "a number"} in ${r.minExclusive ? "(" : "["}${r.min}, ${r.max}]`;
}

export function numberIn(r: NumberRange) {
  const error = (issue: { input: unknown }) => `must be ${describeRange(r)}, got ${describeValue(issue.input)}`;
  const base = z.number({ error }).gte(r.minExclusive ? -Infinity : r.min, { error }).lte(r.max, { error });
  const bounded = r.minExclusive ? base.gt(r.min, { error }) : base;
  return r.integer ? bounded.int({ error }) : bounded;
}

function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: (issue) => `must be one of ${values.join(", ")}, got ${describeValue(issue.input)}` });
}

export function kindList(max: number) {
  return z
    .array(z.string(), { error: (issue) => `must be a list of schedule kinds, got ${describeValue(issue.input)}` })
    .superRefine((kinds, ctx) => {
      const unknown = kinds.filter((k) => !isKind(k));
      if (unknown.length > 0) ctx.addIssue({ code: "custom", message: `unknown kind ${unknown.map((k) => JSON.stringify(k)).join(", ")}; expected ${KINDS.join(", ")}` });
      else if (kinds.length < 1 || kinds.length > max) ctx.addIssue({ code: "custom", message: `must name 1 to ${max} schedule kinds, got ${kinds.length}` });
    })
    .transform((kinds) => kinds as ScheduleKind[]);
}

/** What a person names: every field but the task's own choices has a default here. */
export function raceInputSchema(profile: Profile) {
  const r = raceRanges(profile);
  const max = PROFILES[profile].maxSchedules;
  return z
    .object({
      task: oneOf(TASKS).default(RACE_DEFAULTS.task),
      model: oneOf(MODELS).optional(),
      optimizer: oneOf(OPTIMIZERS).default(RACE_DEFAULTS.optimizer),
      schedules: kindList(max).default([...DEFAULT_SCHEDULES]),
      specs: z.array(z.unknown(), { error: "must be a list of schedule specs" }).min(1, { error: "must hold at least one spec" }).max(max, { error: `must hold at most ${max} specs` }).optional(),
      lr: numberIn(r.lr).nullable().default(null),
      steps: numberIn(r.steps).default(RACE_DEFAULTS.steps),
      batchSize: numberIn(r.batchSize).default(RACE_DEFAULTS.batchSize),
      seed: numberIn(r.seed).default(RACE_DEFAULTS.seed),
      evalEvery: numberIn(r.evalEvery).optional(),
      hidden: z.array(numberIn(r.hiddenWidth)).min(1, { error: "must list at least one width" }).max(MAX_LAYERS, { error: `must list at most ${MAX_LAYERS} widths` }).optional(),
      cycleMomentum: z.boolean({ error: (issue) => `must be true or false, got ${describeValue(issue.input)}` }).default(true),
      average: z.array(z.string(), { error: (issue) => `must be a list like ema:0.99,tail:0.5, got ${describeValue(issue.input)}` }).max(MAX_AVERAGES, { error: `must list at most ${MAX_AVERAGES} averages` }).default([]),
      sharpnessEvery: numberIn(r.sharpnessEvery).default(RACE_DEFAULTS.sharpnessEvery),
    })
    .strict();
}
/** A race as a person names it (before defaults); names arrive as text from menus and flags, and are checked here. */
export type RaceInput = Omit<z.input<ReturnType<typeof raceInputSchema>>, "task" | "model" | "optimizer" | "schedules"> & {
  task?: string;
  model?: string;
  optimizer?: string;
  schedules?: readonly string[];
};
type FieldName = keyof RaceInput;

/** A resolved race: what the trainer, the worker and the figures read. */
export interface RaceSettings {
  task: (typeof TASKS)[number];
  model: (typeof MODELS)[number];
  optimizer: (typeof OPTIMIZERS)[number];
  schedules: ScheduleSpec[];
  /** Display names, one per schedule. */
  labels: string[];
  /** The peak rate the kinds were fitted with (null: each kind's default). */
  lr: number | null;
  steps: number;
  batchSize: number;
  seed: number;
  /** Steps between validation evaluations. */
  evalEvery: number;
  /** MLP hidden widths. */
  hidden: number[];
  /** Cycle momentum / β₁ for schedules that ask (one-cycle, cyclic), as PyTorch does. */
  cycleMomentum: boolean;
  /** Weight averages evaluated beside each run (src/training/averaging.ts); the tail's start resolved to a step. */
  average: AverageSpec[];
  /** Steps between sharpness measurements (0: none). */
  sharpnessEvery: number;
}

/** A field that failed, with a message to put after its name ("must be …"). */
export interface SettingsProblem<F extends string = FieldName> {
  field: F;
  /** Which item of a list field (1-based): the 2nd spec, the 3rd width. */
  item?: number;
  /** The value a cross-field message is about ("cnn" in "model cnn needs image inputs"). */
  value?: string;
  message: string;
}

/** Every bad field of a race; `message` names them as the settings do ("steps must be …"), `describe` as a front end does. */
export class RaceSettingsError extends Error {
  readonly problems: SettingsProblem[];
  constructor(problems: SettingsProblem[]) {
    super(describeProblems(problems, (p) => p.field));
    this.problems = problems;
  }
}

/** The problems, each after the name a front end gives its field (a flag, a URL key), its item and its value. */
export function describeProblems<P extends SettingsProblem<string>>(problems: readonly P[], name: (problem: P) => string): string {
  return problems.map((p) => joinName([name(p), p.item, p.value].filter((x) => x !== undefined).join(" "), p.message)).join("; ");
}

/** "steps must be …" but "schedules: unknown kind …". */
export function joinName(name: string, message: string): string {
  return /^(must|cannot|needs) /.test(message) ? `${name} ${message}` : `${name}: ${message}`;
}

/** zod's issues as problems: the field is the path's head (`fallback` for the object itself), the item its index. */
export function issueProblems<F extends string>(issues: z.ZodError["issues"], fallback: F): SettingsProblem<F>[] {
  return issues.map((issue) => {
    const [head, index] = issue.path;
    const field = (typeof head === "string" ? head : fallback) as F;
    return typeof index === "number" ? { field, item: index + 1, message: issue.message } : { field, message: issue.message };
  });
}

// Built once per profile: a zod schema is immutable, and building one costs far more than using it.
const INPUT_SCHEMAS = new Map<Profile, ReturnType<typeof raceInputSchema>>();
function inputSchemaOf(profile: Profile): ReturnType<typeof raceInputSchema> {
  let schema = INPUT_SCHEMAS.get(profile);
  if (!schema) INPUT_SCHEMAS.set(profile, (schema = raceInputSchema(profile)));
  return schema;
}

/** Evaluations per run when none is named: 40 of them, at least 5 steps apart. */
export const defaultEvalEvery = (steps: number): number => Math.max(5, Math.round(steps / 40));

/** Check a race input and resolve it to settings; a RaceSettingsError lists every bad field. */
export function resolveRace(input: RaceInput, profile: Profile): RaceSettings {
  const parsed = inputSchemaOf(profile).safeParse(input);
  if (!parsed.success) throw new RaceSettingsError(issueProblems<FieldName>(parsed.error.issues, "task"));
  const v = parsed.data;
  const info = taskInfo(v.task);
  const model = v.model ?? info.models[0];
  if (!info.models.includes(model)) {
    throw new RaceSettingsError([{ field: "model", value: model, message: `needs ${modelInputs(model)}: task ${v.task} takes ${info.models.join(" or ")}` }]);
  }
  let schedules: ScheduleSpec[];
  let labels: string[];
  const byKind = PROFILES[profile].labels === "kind";
  if (v.specs) {
    schedules = v.specs.map((raw, i) => {
      const spec = parseSpec(raw);
      if (!spec.ok) throw new RaceSettingsError([{ field: "specs", item: i + 1, message: formatErrors(spec.errors) }]);
      return spec.spec;
    });
    labels = schedules.map((s, i) => (byKind ? `${s.kind}#${i + 1}` : `${registry[s.kind].title} ${i + 1}`));
  } else {
    schedules = v.schedules.map((k) => fittedSpec(k, v.steps, v.lr ?? undefined));
    labels = v.schedules.map((k) => (byKind ? k : registry[k].title));
  }
  return {
    task: v.task, model, optimizer: v.optimizer, schedules, labels, lr: v.lr, steps: v.steps, batchSize: v.batchSize, seed: v.seed,
    evalEvery: v.evalEvery ?? defaultEvalEvery(v.steps),
    hidden: v.hidden ?? [...info.hidden],
    cycleMomentum: v.cycleMomentum,
    average: v.average.map((text, i) => {
      try {
        return parseAverage(text, v.steps);
      } catch (error) {
        throw new RaceSettingsError([{ field: "average", item: i + 1, message: (error as Error).message }]);
      }
    }),
    sharpnessEvery: v.sharpnessEvery,
  };
}

/**
 * Check settings that arrive already resolved (the worker's start message):
 * the same bounds, every spec valid, one label per schedule.
 */
export function checkRaceSettings(settings: RaceSettings, profile: Profile): RaceSettings {
  // Only the settings' own fields: a worker message carries more (backend, wasm path), which the strict schema would refuse.
  const { task, model, optimizer, schedules, labels, lr, steps, batchSize, seed, evalEvery, hidden, cycleMomentum } = settings;
  if (labels.length !== schedules.length) throw new RaceSettingsError([{ field: "specs", message: `needs one label per schedule, got ${labels.length} for ${schedules.length}` }]);
  const resolved = resolveRace({ task, model, optimizer, specs: schedules, lr, steps, batchSize, seed, evalEvery, hidden, cycleMomentum }, profile);
  return { ...resolved, labels: [...labels], lr: settings.lr };
}
