/**
 * Figures of a training race as pure Observable Plot builders: loss,
 * accuracy and learning rate on a shared step axis, one colour per run,
 * a cross where a run diverged, a tick where a plateau rule cut the rate.
 */
import * as Plot from "@observablehq/plot";
import { asAccessibleImage } from "./accessible.ts";
import { seriesColors } from "./schedule-colors.ts";

export interface RacePoint {
  step: number;
  run: string;
  value: number;
}

export interface RaceMarker {
  step: number;
  run: string;
  value: number;
  label: string;
}

export interface RaceFigureOptions {
  runs: readonly string[];
  /** Steps the run will take, so the x axis does not jump as it grows. */
  steps: number;
  width?: number;
  height?: number;
  y: { label: string; log?: boolean; domain?: [number, number] };
  description: string;
  /** Dashed series drawn under the solid ones (validation next to training). */
  secondary?: readonly RacePoint[];
  markers?: readonly RaceMarker[];
  document?: Document;
  /** Most points drawn per run (default 600); the live island draws fewer to keep each redraw short. */
  maxPoints?: number;
}

/** One colour per run, its schedule's site-wide colour where the run is named after one (see seriesColors). */
export function colorsFor(runs: readonly string[]): { domain: string[]; range: string[] } {
  return { domain: [...runs], range: seriesColors(runs) };
}

/** Thin a long series for drawing: at most `max` points per run, always keeping the last. */
export function thin(points: readonly RacePoint[], max = 600): RacePoint[] {
  const byRun = new Map<string, RacePoint[]>();
  for (const p of points) {
    const series = byRun.get(p.run);
    if (series) series.push(p);
    else byRun.set(p.run, [p]);
  }
  return [...byRun.values()].flatMap((series) => {
    if (series.length <= max) return series;
    const every = Math.ceil(series.length / max);
    return series.filter((_, i) => i % every === 0 || i === series.length - 1);
  });
}

export function raceFigureOptions(points: readonly RacePoint[], options: RaceFigureOptions): Plot.PlotOptions {
  const finite = (p: RacePoint) => Number.isFinite(p.value) && (!options.y.log || p.value > 0);
  const main = thin(points.filter(finite), options.maxPoints);
  const secondary = thin((options.secondary ?? []).filter(finite), options.maxPoints);
  // A log axis over less than a decade gets no labelled ticks; there a linear axis reads better.
  const values = [...main, ...secondary].map((p) => p.value);
  const log = options.y.log === true && values.length > 0 && Math.max(...values) / Math.min(...values) >= 10;
  return {
    width: options.width ?? 640,
    height: options.height ?? 220,
    marginLeft: 64,
    marginRight: 16,
    style: { background: "transparent", color: "currentColor", fontSize: "12px" },
    ariaLabel: `${options.y.label} by training step`,
    ariaDescription: options.description,
    x: { label: "step", domain: [0, Math.max(1, options.steps)], grid: true },
    y: { label: options.y.label, type: log ? "log" : "linear", grid: true, tickFormat: "~g", ...(options.y.domain ? { domain: options.y.domain } : {}) },
    color: colorsFor(options.runs),
    marks: [
      Plot.line(secondary, { x: "step", y: "value", stroke: "run", strokeDasharray: "4,3", strokeOpacity: 0.8 }),
      Plot.line(main, { x: "step", y: "value", stroke: "run", strokeWidth: 1.75 }),
      Plot.dot(options.markers ?? [], { x: "step", y: "value", stroke: "run", symbol: "times", r: 6, strokeWidth: 2, title: "label" }),
    ],
    ...(options.document ? { document: options.document } : {}),
  };
}

export function renderRaceFigure(points: readonly RacePoint[], options: RaceFigureOptions): SVGSVGElement | HTMLElement {
  return asAccessibleImage(Plot.plot(raceFigureOptions(points, options)));
}
