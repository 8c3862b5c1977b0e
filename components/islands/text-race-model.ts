/**
 * The live text race's settings, pure: the schedules a reader can pick (each a
 * recipe that makes the same spec scripts/warmup-runs.ts gives the CLI), the
 * bounds of every setting, the URL fields of its permalink, the run config
 * they make, and the equivalent `npm run experiment` arguments. The island's
 * defaults are read from a committed race, so pressing Run with them re-runs
 * the race the page shows.
 */
import { BACKEND_CHOICES, type BackendChoiceName } from "../../src/browser/backends.ts";
import { choiceField, listField, numberField } from "../../src/browser/url-fields.ts";
import { readUrlState, writeUrlState, type UrlFields, type UrlNotice } from "../../src/browser/url-state.ts";
import { checkSpec } from "../../src/schedules/index.ts";
import type { TextRunConfig } from "../../src/training/text-session.ts";
import { NORMS, type NormPlacement } from "../../src/training/transformer.ts";

/** A schedule the race offers: its label (as the committed races name it) and its spec for a peak rate, a run length and a warmup. */
interface Recipe {
  label: string;
  spec: (lr: number, steps: number, warmup: number) => Record<string, unknown>;
}

const linearWarmup = (warmup: number, after: Record<string, unknown>) => ({ kind: "warmup", startLr: 0, warmupSteps: warmup, shape: "linear", after });

export const RECIPES = {
  constant: { label: "no warmup", spec: (lr) => ({ kind: "constant", lr }) },
  "linear-warmup": { label: "linear warmup", spec: (lr, _steps, warmup) => linearWarmup(warmup, { kind: "constant", lr }) },
  "inverse-sqrt": { label: "inverse sqrt", spec: (lr, _steps, warmup) => ({ kind: "inverse-sqrt", lr, warmupSteps: warmup, timescale: warmup }) },
  "warmup-cosine": { label: "warmup + cosine", spec: (lr, steps, warmup) => linearWarmup(warmup, { kind: "cosine", lr, decaySteps: steps - warmup }) },
} as const satisfies Record<string, Recipe>;
export type RecipeName = keyof typeof RECIPES;
export const RECIPE_NAMES = Object.keys(RECIPES) as RecipeName[];

export interface TextIslandSettings {
  norm: NormPlacement;
  /** Peak learning rate of every schedule. */
  lr: number;
  steps: number;
  seed: number;
  /** Warmup steps of the schedules that warm up. */
  warmup: number;
  schedules: RecipeName[];
  layers: number;
  width: number;
  backend: BackendChoiceName;
}

/** What every live race shares with the committed ones (scripts/warmup-runs.ts). */
export const FIXED = { heads: 4, context: 16, batchSize: 16, valWindows: 64, beta2: 0.999, sampleLength: 200, temperature: 0.8, prompt: "\n" } as const;

export const TEXT_RANGES = {
  lr: { min: 0, max: 0.1, minExclusive: true },
  steps: { min: 10, max: 2000, integer: true },
  seed: { min: 0, max: 2 ** 31 - 1, integer: true },
  warmup: { min: 1, max: 1000, integer: true },
  layers: { min: 1, max: 4, integer: true },
  width: { min: 8, max: 64, integer: true },
} as const;
type Ranged = keyof typeof TEXT_RANGES;

const FIELDS: UrlFields<TextIslandSettings> = {
  norm: choiceField("norm", NORMS),
  lr: numberField("lr", TEXT_RANGES.lr),
  steps: numberField("steps", TEXT_RANGES.steps),
  seed: numberField("seed", TEXT_RANGES.seed),
  warmup: numberField("warmup", TEXT_RANGES.warmup),
  schedules: listField("schedules", RECIPE_NAMES),
  layers: numberField("layers", TEXT_RANGES.layers),
  width: numberField("width", TEXT_RANGES.width),
  backend: choiceField("backend", BACKEND_CHOICES),
};

/** Validation every twelfth of the run (every 50 steps of 600, as the committed races), at least every 5. */
export const evalEveryFor = (steps: number): number => Math.max(5, Math.round(steps / 12));

function checkRange(name: Ranged, value: number): void {
  const r: { min: number; max: number; minExclusive?: boolean; integer?: boolean } = TEXT_RANGES[name];
  const ok = Number.isFinite(value) && value <= r.max && (r.minExclusive ? value > r.min : value >= r.min) && (!r.integer || Number.isInteger(value));
  if (!ok) throw new RangeError(`${name} must be ${r.integer ? "a whole number" : "a number"} in ${r.minExclusive ? "(" : "["}${r.min}, ${r.max}], got ${String(value)}`);
}

/** The specs of the chosen schedules, unchecked (as the CLI's --schedule JSON would carry them). */
export function recipeSpecs(s: TextIslandSettings): Record<string, unknown>[] {
  return s.schedules.map((name) => RECIPES[name].spec(s.lr, s.steps, s.warmup));
}

/** The race the settings name; a RangeError says what is wrong. */
export function textRaceConfig(s: TextIslandSettings): TextRunConfig {
  for (const name of Object.keys(TEXT_RANGES) as Ranged[]) checkRange(name, s[name]);
  if (!(NORMS as readonly string[]).includes(s.norm)) throw new RangeError(`norm must be one of ${NORMS.join(", ")}, got ${String(s.norm)}`);
  if (s.width % FIXED.heads !== 0) throw new RangeError(`width must be a multiple of the ${FIXED.heads} heads, got ${s.width}`);
  if (s.warmup >= s.steps) throw new RangeError(`warmup (${s.warmup} steps) must be shorter than the run (${s.steps} steps)`);
  if (s.schedules.length === 0 || s.schedules.length > RECIPE_NAMES.length) throw new RangeError(`pick 1 to ${RECIPE_NAMES.length} schedules, got ${s.schedules.length}`);
  for (const name of s.schedules) if (!Object.hasOwn(RECIPES, name)) throw new RangeError(`unknown schedule "${String(name)}"; expected ${RECIPE_NAMES.join(", ")}`);
  return {
    schedules: recipeSpecs(s).map((spec) => checkSpec(spec)),
    labels: s.schedules.map((name) => RECIPES[name].label),
    steps: s.steps, norm: s.norm, layers: s.layers, width: s.width, heads: FIXED.heads, context: FIXED.context, batchSize: FIXED.batchSize,
    seed: s.seed, evalEvery: evalEveryFor(s.steps), valWindows: FIXED.valWindows, optimizerOptions: { beta2: FIXED.beta2 },
    sampleLength: FIXED.sampleLength, temperature: FIXED.temperature, prompt: FIXED.prompt,
  };
}

/** The saved config of a committed race (its `result.config`), as far as the island reads it. */
export interface SavedTextConfig {
  schedules: readonly unknown[];
  labels: readonly string[];
  steps: number;
  norm: string;
  layers: number;
  width: number;
  heads: number;
  context: number;
  batchSize: number;
  seed: number;
  evalEvery: number;
  valWindows: number;
  optimizerOptions?: { beta2?: number };
}

/**
 * The island settings that re-run a committed race, or an error naming what the
 * island cannot reproduce (a label no recipe has, a spec or a fixed setting that differs).
 */
export function settingsFromRun(config: SavedTextConfig): TextIslandSettings {
  const names = config.labels.map((label) => {
    const name = RECIPE_NAMES.find((n) => RECIPES[n].label === label);
    if (!name) throw new RangeError(`the race's schedule "${label}" is none of the island's (${RECIPE_NAMES.map((n) => RECIPES[n].label).join(", ")})`);
    return name;
  });
  const first = config.schedules[0] as { lr?: unknown; warmupSteps?: unknown } | undefined;
  const warmupSpec = config.schedules.find((s) => typeof (s as { warmupSteps?: unknown }).warmupSteps === "number") as { warmupSteps: number } | undefined;
  const settings: TextIslandSettings = {
    norm: config.norm as NormPlacement, lr: Number(first?.lr), steps: config.steps, seed: config.seed, warmup: warmupSpec?.warmupSteps ?? Math.max(1, Math.round(config.steps / 10)),
    schedules: names, layers: config.layers, width: config.width, backend: "auto",
  };
  const made = textRaceConfig(settings);
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (!same(recipeSpecs(settings), config.schedules)) throw new RangeError(`the race's schedules ${JSON.stringify(config.schedules)} are not the island's recipes at rate ${settings.lr}, warmup ${settings.warmup}`);
  for (const key of ["heads", "context", "batchSize", "evalEvery", "valWindows"] as const) {
    if (made[key] !== config[key]) throw new RangeError(`the race's ${key} is ${config[key]}, the island's ${made[key]}`);
  }
  if ((config.optimizerOptions?.beta2 ?? FIXED.beta2) !== FIXED.beta2) throw new RangeError(`the race's beta2 is ${config.optimizerOptions?.beta2}, the island's ${FIXED.beta2}`);
  return settings;
}

/** Settings from a permalink: each bad value keeps the current one and is named in a notice; so does a set that makes no race. */
export function textSettingsFromQuery(query: URLSearchParams, current: TextIslandSettings): { settings: TextIslandSettings; notices: UrlNotice[] } {
  const { state, notices } = readUrlState(query, FIELDS, current);
  try {
    textRaceConfig(state);
    return { settings: state, notices };
  } catch (error) {
    return { settings: current, notices: [...notices, { param: "settings", message: `${(error as Error).message}; using the page's race` }] };
  }
}

export function textSettingsToQuery(s: TextIslandSettings): URLSearchParams {
  return writeUrlState(s, FIELDS);
}

/** The same race from the command line (in the order scripts/warmup-runs.ts writes it; wasm, as the committed races). */
export function textRaceArgs(s: TextIslandSettings): string[] {
  const config = textRaceConfig(s);
  const n = (v: number) => String(v);
  return [
    "--task", "shakespeare", "--model", "transformer", "--layers", n(s.layers), "--width", n(s.width), "--heads", n(FIXED.heads), "--context", n(FIXED.context),
    "--batch-size", n(FIXED.batchSize), "--steps", n(s.steps), "--eval-every", n(config.evalEvery), "--val-windows", n(FIXED.valWindows), "--seed", n(s.seed),
    "--backend", "wasm", "--norm", s.norm,
    ...recipeSpecs(s).flatMap((spec) => ["--schedule", JSON.stringify(spec)]),
    "--labels", config.labels.join(","),
  ];
}

/** The command a reader types (arguments quoted for a POSIX shell, as the committed races print them). */
export function textRaceCommand(s: TextIslandSettings): string {
  const quote = (a: string) => (/^[\w.,/=^-]+$/.test(a) ? a : `'${a.replaceAll("'", "'\\''")}'`);
  return ["npm", "run", "--silent", "experiment", "--", ...textRaceArgs(s).map(quote)].join(" ");
}
