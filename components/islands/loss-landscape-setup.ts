/**
 * The LossLandscape island's setup, as pure functions: the props, the URL or
 * the live controls checked field by field into a setup, with messages that
 * name the field; the URL fields (shared mechanism, src/browser/url-state.ts);
 * the log slider for the rate. The model (runs, description, tables) is in
 * loss-landscape-model.ts. No DOM.
 */
import { kindsThat, type ScheduleKind } from "../../src/schedules/index.ts";
import { LANDSCAPE_NAMES, type LandscapeName } from "../../src/landscape/index.ts";
import { strictNumber } from "../../src/schedules/fields.ts";
import { echo, plainText, type Reading, type UrlField } from "../../src/browser/url-fields.ts";
import { readUrlState, writeUrlState, type UrlFields, type UrlNotice } from "../../src/browser/url-state.ts";

/** The schedules a reader can trace on a landscape. */
/** The kinds the landscape offers (each family says), in registry order. */
export const LANDSCAPE_KINDS: readonly ScheduleKind[] = kindsThat("landscape");
export type LandscapeKind = ScheduleKind;

export const LANDSCAPE_LIMITS = {
  lr: [0.001, 2],
  noise: [0, 1],
  steps: [10, 2000],
  seed: [0, 2 ** 31 - 1],
  momentum: [0, 0.95],
} as const;

export type LandscapeField = "fn" | "schedules" | "lr" | "noise" | "steps" | "seed" | "momentum";
const LANDSCAPE_FIELDS: readonly LandscapeField[] = ["fn", "schedules", "lr", "noise", "steps", "seed", "momentum"];

export interface LandscapeSetup {
  fn: LandscapeName;
  schedules: LandscapeKind[];
  /** Peak rate every schedule is fitted with. */
  lr: number;
  steps: number;
  /** Std-dev of the Gaussian noise added to each gradient component. */
  noise: number;
  seed: number;
  /** Heavy-ball coefficient. */
  momentum: number;
}

export const DEFAULT_SETUP: LandscapeSetup = {
  fn: "quadratic",
  schedules: ["constant", "inverse-time"],
  lr: 0.07,
  steps: 200,
  noise: 0,
  seed: 1,
  momentum: 0,
};

export interface LandscapeInput {
  fn?: unknown;
  /** Comma-separated kinds ("constant,cosine") or an array of kinds. */
  schedules?: unknown;
  lr?: unknown;
  noise?: unknown;
  steps?: unknown;
  seed?: unknown;
  momentum?: unknown;
}

export interface FieldError {
  field: LandscapeField;
  message: string;
}

export class LandscapeSetupError extends Error {
  readonly errors: FieldError[];
  constructor(errors: FieldError[]) {
    super(plainText(errors.map((e) => `${e.field}: ${e.message}`).join("; ")));
    this.name = "LandscapeSetupError";
    this.errors = errors;
  }
}

const show = (value: unknown): string => {
  if (typeof value === "number") return Number.isNaN(value) ? "NaN" : String(value);
  if (typeof value === "string") return echo(value);
  try {
    const text = JSON.stringify(value);
    return text === undefined ? String(value) : text.length > 40 ? `${text.slice(0, 40)}…` : text;
  } catch {
    return String(value);
  }
};

/** A number from a prop or a text field: numbers as they are, strings through the one strict parser, anything else NaN. */
function toNumber(value: unknown): number {
  if (typeof value === "number") return value;
  return typeof value === "string" ? (strictNumber(value) ?? Number.NaN) : Number.NaN;
}

type Check<T> = { ok: true; value: T } | { ok: false; message: string };

function checkNumber(value: unknown, [min, max]: readonly [number, number], options: { integer?: boolean; openMin?: boolean } = {}): Check<number> {
  const n = toNumber(value);
  const whole = options.integer === true;
  const range = `${options.openMin ? "(" : "["}${min}, ${max}]`;
  const what = whole ? `a whole number in ${range}` : `a number in ${range}`;
  if (!Number.isFinite(n) || (whole && !Number.isInteger(n)) || n < min || n > max || (options.openMin === true && n === min)) {
    return { ok: false, message: `must be ${what}, got ${show(value)}` };
  }
  return { ok: true, value: n };
}

function checkFn(value: unknown): Check<LandscapeName> {
  if (typeof value === "string" && (LANDSCAPE_NAMES as readonly string[]).includes(value)) return { ok: true, value: value as LandscapeName };
  return { ok: false, message: `must be one of ${LANDSCAPE_NAMES.join(", ")}, got ${show(value)}` };
}

function checkSchedules(value: unknown): Check<LandscapeKind[]> {
  let kinds: unknown[];
  if (typeof value === "string") kinds = value.split(",").map((k) => k.trim()).filter((k) => k !== "");
  else if (Array.isArray(value)) kinds = value;
  else return { ok: false, message: `must be a comma-separated list of ${LANDSCAPE_KINDS.join(", ")}, got ${show(value)}` };
  if (kinds.length === 0) return { ok: false, message: "choose at least one schedule" };
  const unknown = kinds.filter((k) => typeof k !== "string" || !(LANDSCAPE_KINDS as readonly string[]).includes(k));
  if (unknown.length > 0) return { ok: false, message: `unknown schedule ${unknown.map(show).join(", ")}; expected kinds from ${LANDSCAPE_KINDS.join(", ")}` };
  const unique = [...new Set(kinds as LandscapeKind[])];
  // Registry order, so the colours do not depend on how the list was written.
  return { ok: true, value: LANDSCAPE_KINDS.filter((k) => unique.includes(k)) };
}

function checkField(field: LandscapeField, value: unknown): Check<unknown> {
  switch (field) {
    case "fn":
      return checkFn(value);
    case "schedules":
      return checkSchedules(value);
    case "lr":
      return checkNumber(value, LANDSCAPE_LIMITS.lr);
    case "noise":
      return checkNumber(value, LANDSCAPE_LIMITS.noise);
    case "steps":
      return checkNumber(value, LANDSCAPE_LIMITS.steps, { integer: true });
    case "seed":
      return checkNumber(value, LANDSCAPE_LIMITS.seed, { integer: true });
    case "momentum":
      return checkNumber(value, LANDSCAPE_LIMITS.momentum);
  }
}

/** Check every field; missing ones take `fallback`'s value. Never throws. */
export function validateLandscape(input: LandscapeInput, fallback: LandscapeSetup = DEFAULT_SETUP): { ok: true; setup: LandscapeSetup } | { ok: false; errors: FieldError[]; setup: LandscapeSetup } {
  const errors: FieldError[] = [];
  const setup = { ...fallback, schedules: [...fallback.schedules] } as unknown as Record<LandscapeField, unknown>;
  for (const field of LANDSCAPE_FIELDS) {
    const raw = (input as Record<string, unknown>)[field];
    if (raw === undefined) continue;
    const checked = checkField(field, raw);
    if (checked.ok) setup[field] = checked.value;
    else errors.push({ field, message: checked.message });
  }
  const result = setup as unknown as LandscapeSetup;
  return errors.length === 0 ? { ok: true, setup: result } : { ok: false, errors, setup: result };
}

/** The component's props as a setup; throws LandscapeSetupError naming every bad field. */
export function landscapeSetup(input: LandscapeInput): LandscapeSetup {
  const checked = validateLandscape(input);
  if (!checked.ok) throw new LandscapeSetupError(checked.errors);
  return checked.setup;
}

/** A landscape field in the URL: read by the same check as the props and the controls. */
function urlField<K extends LandscapeField>(field: K): UrlField<LandscapeSetup[K]> {
  return {
    key: field,
    read: (raw) => checkField(field, raw) as Reading<LandscapeSetup[K]>,
    write: (value) => (Array.isArray(value) ? value.join(",") : String(value)),
  };
}

/** The landscape's URL fields, in the shared mechanism (src/browser/url-state.ts). */
const LANDSCAPE_URL: UrlFields<LandscapeSetup> = {
  fn: urlField("fn"),
  schedules: urlField("schedules"),
  lr: urlField("lr"),
  noise: urlField("noise"),
  steps: urlField("steps"),
  seed: urlField("seed"),
  momentum: urlField("momentum"),
};

/**
 * Settings from a URL query: each valid parameter replaces the fallback's
 * value; each invalid, repeated or unknown one is named in a notice.
 */
export function setupFromQuery(query: URLSearchParams, fallback: LandscapeSetup): { setup: LandscapeSetup; notices: UrlNotice[] } {
  const { state, notices } = readUrlState(query, LANDSCAPE_URL, fallback);
  return { setup: state, notices };
}

export function setupToQuery(setup: LandscapeSetup): URLSearchParams {
  return writeUrlState(setup, LANDSCAPE_URL);
}

/** Log-scaled learning-rate slider (shared by the build and the live island). */
export const LR_SLIDER = { name: "lr", min: LANDSCAPE_LIMITS.lr[0], max: LANDSCAPE_LIMITS.lr[1], scale: "log", integer: false } as const;
