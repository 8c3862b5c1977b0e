/**
 * Curves of a committed race, drawn at build time (components/mdx/RaceCurves.astro):
 * one line per curve on the race figure's axes (plots/race.ts), dashed where a
 * curve is secondary (an average beside its run's weights), with optional
 * horizontal reference lines in a curve's colour (2/η beside a sharpness
 * curve). Colours come from qLegend: distinct up to nine curves.
 */
import * as Plot from "@observablehq/plot";
import { asAccessibleImage } from "./accessible.ts";
import { qLegend } from "./q-learning.ts";
import { raceFigureOptions, type RacePoint } from "./race.ts";
import { dualPlot } from "./dual-figure.ts";

export interface Curve {
  label: string;
  points: readonly { step: number; value: number | null }[];
  /** Drawn dashed, under the solid curves. */
  dashed?: boolean;
  /** A horizontal line at this value in the curve's colour (e.g. 2/η). */
  reference?: number;
}

export interface RunCurvesOptions {
  steps: number;
  y: { label: string; log?: boolean; domain?: [number, number] };
  description: string;
  document?: Document;
  width?: number;
  height?: number;
  /** Build time: the narrow layout (figure-frame.ts) instead of the wide one. */
  narrow?: boolean;
  /** Build time: the wide layout of a figure that also has the narrow one. */
  dual?: boolean;
}

/** Each curve's label and colour, in order (the figure's and the HTML legend's). */
export function curveLegend(curves: readonly Curve[]): { label: string; color: string; dashed: boolean }[] {
  return qLegend(curves.map((c) => c.label)).map((l, i) => ({ ...l, dashed: curves[i]?.dashed === true }));
}

export function runCurvesFigureOptions(curves: readonly Curve[], options: RunCurvesOptions): Plot.PlotOptions {
  const labels = curves.map((c) => c.label);
  const points = (dashed: boolean): RacePoint[] =>
    curves.filter((c) => (c.dashed === true) === dashed).flatMap((c) => c.points.filter((p) => p.value !== null).map((p) => ({ step: p.step, run: c.label, value: p.value as number })));
  const references = curves.flatMap((c) => (c.reference === undefined ? [] : [{ run: c.label, value: c.reference }]));
  const base = raceFigureOptions(points(false), {
    runs: labels, steps: options.steps, y: options.y, description: options.description, secondary: points(true), yInclude: references.map((r) => r.value),
    height: options.height ?? 260, narrow: options.narrow, dual: options.dual,
    ...(options.width ? { width: options.width } : {}), ...(options.document ? { document: options.document } : {}),
  });
  const legend = curveLegend(curves);
  return {
    ...base,
    color: { domain: labels, range: legend.map((l) => l.color) },
    marks: [Plot.ruleY(references, { y: "value", stroke: "run", strokeDasharray: "2,4", strokeWidth: 1.25 }), ...(base.marks ?? [])],
  };
}

/**
 * Drawn live at `options.width`, or at build time in both layouts as one image (dual-figure.ts): 640 units wide for
 * a desktop column, 360 and taller for a phone, the lines drawn once.
 */
export function renderRunCurves(curves: readonly Curve[], options: Omit<RunCurvesOptions, "narrow" | "dual">): SVGSVGElement | HTMLElement {
  if (options.width === undefined) return dualPlot(runCurvesFigureOptions(curves, { ...options, dual: true }), runCurvesFigureOptions(curves, { ...options, narrow: true }));
  return asAccessibleImage(Plot.plot(runCurvesFigureOptions(curves, options)));
}
