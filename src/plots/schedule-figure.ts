/**
 * The schedule figure as a pure Observable Plot builder. The same options
 * draw the static SVG at build time (with a jsdom document) and the live one
 * in the browser, so the two cannot disagree.
 */
import * as Plot from "@observablehq/plot";
import { asAccessibleImage } from "./accessible.ts";
import { SERIES_COLORS, seriesColors } from "./schedule-colors.ts";

export interface CurvePoint {
  step: number;
  lr: number;
  series: string;
}

export interface ScheduleFigureOptions {
  width?: number;
  height?: number;
  /** Log-scaled y axis; needs every rate > 0. */
  logY?: boolean;
  /** One-sentence description for screen readers. */
  description: string;
  /** Colours per series name, in order; defaults to each schedule's site-wide colour (seriesColors). */
  colors?: readonly string[];
  document?: Document;
}

export { SERIES_COLORS };

/** Plot options for learning-rate curves: one line per series, step on x. */
export function scheduleFigureOptions(points: readonly CurvePoint[], options: ScheduleFigureOptions): Plot.PlotOptions {
  const series = [...new Set(points.map((p) => p.series))];
  const logY = options.logY === true && points.every((p) => p.lr > 0);
  return {
    width: options.width ?? 640,
    height: options.height ?? 300,
    marginLeft: 64,
    marginRight: 16,
    style: { background: "transparent", color: "currentColor", fontSize: "12px" },
    ariaLabel: "Learning rate by training step",
    ariaDescription: options.description,
    x: { label: "step", grid: true },
    y: { label: "learning rate", grid: true, type: logY ? "log" : "linear", tickFormat: "~g", zero: !logY },
    color: { domain: series, range: [...(options.colors ?? seriesColors(series.length > 0 ? series : ["curve"]))].slice(0, Math.max(series.length, 1)) },
    marks: [
      ...(logY ? [] : [Plot.ruleY([0])]),
      Plot.line(points, { x: "step", y: "lr", stroke: "series", strokeWidth: 2, curve: "step-after" }),
      Plot.tip(points, Plot.pointerX({ x: "step", y: "lr", stroke: "series", format: { y: "~g" } })),
    ],
    ...(options.document ? { document: options.document } : {}),
  };
}

/** Points of one curve from sampled rates. */
export function curvePoints(rates: readonly number[], series: string): CurvePoint[] {
  return rates.map((lr, step) => ({ step, lr, series }));
}

/** Render the figure to an element (SVG, or a figure when Plot adds a legend). */
export function renderScheduleFigure(points: readonly CurvePoint[], options: ScheduleFigureOptions): SVGSVGElement | HTMLElement {
  return asAccessibleImage(Plot.plot(scheduleFigureOptions(points, options)));
}
