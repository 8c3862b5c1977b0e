/**
 * What the LossLandscape island shows, as pure functions: the descent runs
 * under each schedule of a checked setup (loss-landscape-setup.ts), the text
 * description and the data tables. The build and the live island use the
 * same code, so the static figure and the redrawn one cannot disagree. No DOM.
 */
import { fittedSpec } from "../../src/schedules/fit.ts";
import { registry, type ScheduleKind, type ScheduleSpec } from "../../src/schedules/index.ts";
import {
  contourGrid,
  getLandscape,
  nearestMinimum,
  distanceTo,
  noiseBallRadius,
  runDescent,
  type ContourGrid,
  type DescentResult,
  type LandscapeFunction,
} from "../../src/landscape/index.ts";
import { LANDSCAPE_COLORS, type LandscapeFigureInput } from "../../src/plots/landscape.ts";
import { LandscapeSetupError, LANDSCAPE_KINDS, type LandscapeKind, type LandscapeSetup } from "./loss-landscape-setup.ts";

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
