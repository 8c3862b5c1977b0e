/**
 * What the LossLandscape island shows, as pure functions: the props (or the
 * URL, or the live controls) checked into a setup with messages that name the
 * field, the descent runs under each schedule, the text description and the
 * data tables. The build and the live island use the same code, so the static
 * figure and the redrawn one cannot disagree. No DOM.
 */
import { fittedSpec } from "../../src/schedules/fit.ts";
import { kindsThat, registry, type ScheduleKind, type ScheduleSpec } from "../../src/schedules/index.ts";
import {
  contourGrid,
  getLandscape,
  nearestMinimum,
  distanceTo,
  noiseBallRadius,
  runDescent,
  LANDSCAPE_NAMES,
  type ContourGrid,
  type DescentResult,
  type LandscapeFunction,
  type LandscapeName,
} from "../../src/landscape/index.ts";
import { LANDSCAPE_COLORS, type LandscapeFigureInput } from "../../src/plots/landscape.ts";
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
export const LANDSCAPE_FIELDS: readonly LandscapeField[] = ["fn", "schedules", "lr", "noise", "steps", "seed", "momentum"];

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
export const LANDSCAPE_URL: UrlFields<LandscapeSetup> = {
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

/* ------------------------------------------------------------------- runs */

export interface LandscapeRun {
  kind: LandscapeKind;
  label: string;
  spec: ScheduleSpec;
  result: DescentResult;
  /** The minimum the run ended nearest to, and how far from it. */
  nearest: { index: number; kind: "global" | "local"; distance: number };
  /** Mean distance to that minimum over the last quarter of the path; null without noise. */
  noiseBall: number | null;
  /** f grew from the start to the end (diverging or bouncing up the walls). */
  rose: boolean;
}

export interface PathDatum {
  run: string;
  step: number;
  x: number;
  y: number;
  f: number;
  lr: number;
  /** Index of the piece of path inside the drawn domain (a path that leaves it is cut). */
  segment: string;
}

export interface SummaryRow {
  schedule: string;
  outcome: string;
  x: string;
  y: string;
  f: string;
  nearest: string;
  noiseBall: string;
}

export interface SampleRow {
  schedule: string;
  step: string;
  lr: string;
  x: string;
  y: string;
  f: string;
}

export interface LandscapeModel {
  setup: LandscapeSetup;
  fn: LandscapeFunction;
  title: string;
  runs: LandscapeRun[];
  labels: string[];
  grid: ContourGrid;
  description: string;
  summary: SummaryRow[];
  samples: SampleRow[];
}

export function fmt(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return "0";
  const abs = Math.abs(value);
  if (abs >= 1e5 || abs < 1e-4) return value.toExponential(2).replace("e+", "e");
  return String(Number.parseFloat(value.toPrecision(4)));
}

export function labelOf(kind: LandscapeKind): string {
  return registry[kind as ScheduleKind].title;
}

/** Each kind fitted to the run's length with the setup's peak rate. */
export function specsFor(setup: LandscapeSetup): ScheduleSpec[] {
  return setup.schedules.map((kind) => {
    try {
      return fittedSpec(kind as ScheduleKind, setup.steps, setup.lr);
    } catch (error) {
      throw new LandscapeSetupError([{ field: "lr", message: `${labelOf(kind)} cannot use lr = ${setup.lr} over ${setup.steps} steps: ${error instanceof Error ? error.message : String(error)}` }]);
    }
  });
}

export function runLandscape(setup: LandscapeSetup): LandscapeRun[] {
  const fn = getLandscape(setup.fn);
  const specs = specsFor(setup);
  return setup.schedules.map((kind, i) => {
    const spec = specs[i] as ScheduleSpec;
    const result = runDescent(fn, spec, { steps: setup.steps, noise: setup.noise, seed: setup.seed, momentum: setup.momentum });
    const index = nearestMinimum(result.final, fn.minima);
    const info = fn.minimaInfo[index] ?? { at: fn.minima[0] ?? ([0, 0] as const), kind: "global" as const, value: 0 };
    const distance = distanceTo(result.final, info.at);
    const noiseBall = setup.noise > 0 && result.diverged === null ? noiseBallRadius(result.path, 0.25, info.at) : null;
    const first = result.path[0];
    return {
      kind,
      label: labelOf(kind),
      spec,
      result,
      nearest: { index, kind: info.kind, distance },
      noiseBall,
      rose: first !== undefined && result.final.f > first.f,
    };
  });
}

function outcomeOf(run: LandscapeRun, steps: number): string {
  const { diverged } = run.result;
  if (diverged) return `diverged at step ${diverged.step}`;
  if (run.rose) return `moved uphill (f rose) over ${steps} steps`;
  if (run.noiseBall !== null) return `rattles in a noise ball of radius ${fmt(run.noiseBall)}`;
  if (run.nearest.distance < 1e-3) return `converged to the ${run.nearest.kind} minimum`;
  return `still ${fmt(run.nearest.distance)} from the ${run.nearest.kind} minimum`;
}

function sentenceFor(run: LandscapeRun): string {
  const { final, diverged } = run.result;
  const at = `(${fmt(final.x)}, ${fmt(final.y)}), f = ${fmt(final.f)}`;
  if (diverged) {
    return `${run.label} diverged at step ${diverged.step}: the rate was too large for the steepest direction, and the last point before it blew up was ${at}.`;
  }
  const where = `nearest the ${run.nearest.kind} minimum (distance ${fmt(run.nearest.distance)})`;
  const ball = run.noiseBall !== null ? `; with noisy gradients it rattles in a noise ball of radius ${fmt(run.noiseBall)} around it over the last quarter of the steps` : "";
  const rose = run.rose ? "; f ended higher than it started, so the rate is too large to settle" : "";
  return `${run.label} ended at ${at}, ${where}, without diverging${ball}${rose}.`;
}

export function describeLandscape(setup: LandscapeSetup, fn: LandscapeFunction, runs: readonly LandscapeRun[]): string {
  const noise = setup.noise > 0 ? `gradient noise ${fmt(setup.noise)} (seed ${setup.seed})` : "exact gradients";
  const momentum = setup.momentum > 0 ? `, momentum ${fmt(setup.momentum)}` : "";
  const head = `Gradient descent on ${fn.title} from (${fmt(fn.start[0])}, ${fmt(fn.start[1])}) for ${setup.steps} steps at peak rate ${fmt(setup.lr)}, ${noise}${momentum}.`;
  return [head, ...runs.map((run) => sentenceFor(run))].join(" ");
}

/** Steps at which the trajectory table samples each run. */
export function sampleSteps(length: number, count = 10): number[] {
  if (length <= 0) return [];
  const last = length - 1;
  const steps = new Set<number>();
  for (let k = 0; k <= count; k += 1) steps.add(Math.round((last * k) / count));
  return [...steps].sort((a, b) => a - b);
}

/** The drawn path: points inside the domain, cut into segments where the path leaves it. */
export function pathData(fn: LandscapeFunction, runs: readonly LandscapeRun[]): PathDatum[] {
  const { xMin, xMax, yMin, yMax } = fn.domain;
  const out: PathDatum[] = [];
  for (const run of runs) {
    let segment = 0;
    let inside = true;
    run.result.path.forEach((p, step) => {
      const ok = p.x >= xMin && p.x <= xMax && p.y >= yMin && p.y <= yMax;
      if (!ok) {
        if (inside) segment += 1;
        inside = false;
        return;
      }
      inside = true;
      out.push({ run: run.label, step, x: p.x, y: p.y, f: p.f, lr: p.lr, segment: `${run.label}#${segment}` });
    });
  }
  return out;
}

export function landscapeModel(setup: LandscapeSetup): LandscapeModel {
  const fn = getLandscape(setup.fn);
  const runs = runLandscape(setup);
  const grid = contourGrid(fn, 72, 60, 16);
  const summary = runs.map((run) => ({
    schedule: run.label,
    outcome: outcomeOf(run, setup.steps),
    x: fmt(run.result.final.x),
    y: fmt(run.result.final.y),
    f: fmt(run.result.final.f),
    nearest: `${run.nearest.kind} (${fmt(run.nearest.distance)} away)`,
    noiseBall: run.noiseBall === null ? "—" : fmt(run.noiseBall),
  }));
  const samples = runs.flatMap((run) =>
    sampleSteps(run.result.path.length).map((step) => {
      const p = run.result.path[step] as { x: number; y: number; f: number; lr: number };
      return { schedule: run.label, step: String(step), lr: fmt(p.lr), x: fmt(p.x), y: fmt(p.y), f: fmt(p.f) };
    }),
  );
  return {
    setup,
    fn,
    title: `Descent on ${fn.title}`,
    runs,
    labels: runs.map((r) => r.label),
    grid,
    description: describeLandscape(setup, fn, runs),
    summary,
    samples,
  };
}

/** Log-scaled learning-rate slider (shared by the build and the live island). */
export const LR_SLIDER = { name: "lr", min: LANDSCAPE_LIMITS.lr[0], max: LANDSCAPE_LIMITS.lr[1], scale: "log", integer: false } as const;

/** A fixed colour per kind, so a run keeps its colour when others are added or removed. */
export function colorOf(kind: LandscapeKind): string {
  return LANDSCAPE_COLORS[LANDSCAPE_KINDS.indexOf(kind) % LANDSCAPE_COLORS.length] as string;
}

/** What the Plot builder draws for a model. */
export function figureInput(model: LandscapeModel): LandscapeFigureInput {
  return {
    grid: model.grid,
    domain: model.fn.domain,
    start: model.fn.start,
    minima: model.fn.minimaInfo,
    runs: model.labels,
    colors: model.runs.map((r) => colorOf(r.kind)),
    path: pathData(model.fn, model.runs),
  };
}
