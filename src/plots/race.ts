/**
 * Figures of a training race as pure Observable Plot builders: loss,
 * accuracy and learning rate on a shared step axis, one colour per run,
 * a cross where a run diverged, a tick where a plateau rule cut the rate.
 */
import * as Plot from "@observablehq/plot";
import { asAccessibleImage } from "./accessible.ts";
import { seriesColors } from "./schedule-colors.ts";
import { axisNames, figureFrame, formatTick, longestLabel, niceTicks, plotLayout, scaledIfStatic } from "./figure-frame.ts";

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
  /** CSS pixels of a live figure; absent at build time, where the figure scales with its box (see figure-frame.ts). */
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
  const extent: [number, number] = values.length > 0 ? [Math.min(...values), Math.max(...values)] : [0, 1];
  // A linear quantity that falls by ten times or more (a decaying rate) is drawn from zero, so its ticks read as levels.
  const domain = options.y.domain ?? (!log && extent[0] >= 0 && extent[0] <= extent[1] / 10 ? ([0, extent[1]] as [number, number]) : undefined);
  const [lo, hi] = domain ?? extent;
  const height = options.height ?? 220;
  const probe = figureFrame({ width: options.width, height, yLabelChars: 4 });
  const yTicks = log ? [] : niceTicks(lo, hi, probe.yTicks);
  const frame = figureFrame({ width: options.width, height, yLabelChars: log ? Math.max(formatTick(lo).length, formatTick(hi).length) : longestLabel(yTicks) });
  const steps = Math.max(1, options.steps);
  return {
    ...plotLayout(frame),
    ariaLabel: `${options.y.label} by training step`,
    ariaDescription: options.description,
    x: { label: null, domain: [0, steps], grid: true, ticks: niceTicks(0, steps, frame.xTicks), tickFormat: formatTick },
    y: log
      ? { label: null, type: "log", grid: true, tickFormat: "~g", ...(domain ? { domain } : {}) }
      : { label: null, type: "linear", grid: true, ticks: yTicks, tickFormat: formatTick, ...(domain ? { domain } : {}) },
    color: colorsFor(options.runs),
    marks: [
      Plot.line(secondary, { x: "step", y: "value", stroke: "run", strokeDasharray: "4,3", strokeOpacity: 0.8 }),
      Plot.line(main, { x: "step", y: "value", stroke: "run", strokeWidth: 1.75 }),
      Plot.dot(options.markers ?? [], { x: "step", y: "value", stroke: "run", symbol: "times", r: 6, strokeWidth: 2, title: "label" }),
      ...axisNames(frame, { x: "step", y: options.y.label }),
    ],
    ...(options.document ? { document: options.document } : {}),
  };
}

export function renderRaceFigure(points: readonly RacePoint[], options: RaceFigureOptions): SVGSVGElement | HTMLElement {
  return scaledIfStatic(asAccessibleImage(Plot.plot(raceFigureOptions(points, options))), options.width);
}
