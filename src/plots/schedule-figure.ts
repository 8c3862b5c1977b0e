/**
 * The schedule figure as a pure Observable Plot builder. The same options
 * draw the static SVG at build time (with a jsdom document) and the live one
 * in the browser, so the two cannot disagree.
 */
import * as Plot from "@observablehq/plot";
import { asAccessibleImage } from "./accessible.ts";
import { SERIES_COLORS, seriesColors } from "./schedule-colors.ts";
import { axisNames, CHAR_EM, figureFrame, formatTick, longestLabel, niceTicks, plotLayout, scaledIfStatic } from "./figure-frame.ts";
import { placeLineLabels, wrapLabel } from "./line-labels.ts";
import type { CurvePoint } from "./schedule-axis.ts";

export { curvePoints, ladderCeil, steadyTop, type CurvePoint } from "./schedule-axis.ts";

export interface ScheduleFigureOptions {
  /** CSS pixels of a live figure; absent at build time, where the figure scales with its box (see figure-frame.ts). */
  width?: number;
  height?: number;
  /** Log-scaled y axis; needs every rate > 0. */
  logY?: boolean;
  /** Top of a linear y axis (at least the highest rate): held still while sliders move, so the curve moves instead. */
  yMax?: number;
  /** Name each line at its end; by default when there is more than one line. */
  labels?: boolean;
  /** One-sentence description for screen readers. */
  description: string;
  /** Colours per series name, in order; defaults to each schedule's site-wide colour (seriesColors). */
  colors?: readonly string[];
  document?: Document;
}

export { SERIES_COLORS };

/** One label per distinct curve: series that draw the same line share a label, in the colour of the one drawn last (on top). */
function labelGroups(points: readonly CurvePoint[], series: readonly string[]): { key: string; text: string; rates: number[] }[] {
  const rates = new Map(series.map((s) => [s, [] as number[]]));
  for (const p of points) rates.get(p.series)?.push(p.lr);
  const same = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((v, i) => Math.abs(v - (b[i] as number)) <= 1e-9 * Math.max(Math.abs(v), 1e-12));
  const groups: { names: string[]; rates: number[] }[] = [];
  for (const name of series) {
    const r = rates.get(name) ?? [];
    const group = groups.find((g) => same(g.rates, r));
    if (group) group.names.push(name);
    else groups.push({ names: [name], rates: r });
  }
  return groups.map((g) => ({ key: g.names[g.names.length - 1] as string, text: g.names.join(", "), rates: g.rates }));
}

/** Plot options for learning-rate curves: one line per series, step on x. */
export function scheduleFigureOptions(points: readonly CurvePoint[], options: ScheduleFigureOptions): Plot.PlotOptions {
  const series = [...new Set(points.map((p) => p.series))];
  const logY = options.logY === true && points.length > 0 && points.every((p) => p.lr > 0);
  const finite = points.filter((p) => Number.isFinite(p.lr));
  const peak = Math.max(0, ...finite.map((p) => p.lr));
  const lastStep = Math.max(1, ...finite.map((p) => p.step));
  const height = options.height ?? 300;
  const probe = figureFrame({ width: options.width, height, yLabelChars: 4 });
  const top = Math.max(options.yMax ?? 0, peak) || 1;
  const floor = logY ? Math.min(...finite.map((p) => p.lr)) : 0;
  const yTicks = logY ? [] : niceTicks(0, top, probe.yTicks);
  const frame = figureFrame({ width: options.width, height, yLabelChars: logY ? Math.max(formatTick(floor).length, formatTick(peak).length) : longestLabel(yTicks) });
  const colors = [...(options.colors ?? seriesColors(series.length > 0 ? series : ["curve"]))].slice(0, Math.max(series.length, 1));
  const area = { left: frame.marginLeft, right: frame.width - frame.marginRight, top: frame.marginTop, bottom: frame.height - frame.marginBottom };
  const xOf = (step: number) => area.left + (step / lastStep) * (area.right - area.left);
  const yOf = (lr: number) => area.bottom - (lr / top) * (area.bottom - area.top);
  const lrAt = (y: number) => ((area.bottom - y) / (area.bottom - area.top)) * top;
  const stepAt = (x: number) => ((x - area.left) / (area.right - area.left)) * lastStep;
  const wanted = options.labels ?? series.length > 1;
  const groups = wanted && !logY ? labelGroups(finite, series) : [];
  const maxChars = Math.max(8, Math.floor((area.right - area.left) / (CHAR_EM * frame.font)));
  const placed = placeLineLabels(
    groups.map((g) => ({
      text: wrapLabel(g.text, maxChars),
      // Step-after corners, so the label avoids the flat runs as drawn.
      points: g.rates.flatMap((lr, step) => [{ x: xOf(step), y: yOf(step > 0 ? (g.rates[step - 1] as number) : lr) }, { x: xOf(step), y: yOf(lr) }]),
    })),
    area,
    frame.font,
  );
  const labels = placed.map((p, i) => ({ step: stepAt(p.x), lr: lrAt(p.top), text: p.text, series: groups[i]?.key ?? "" }));
  return {
    ...plotLayout(frame),
    ariaLabel: "Learning rate by training step",
    ariaDescription: options.description,
    x: { label: null, grid: true, domain: [0, lastStep], ticks: niceTicks(0, lastStep, frame.xTicks), tickFormat: formatTick },
    y: logY
      ? { label: null, grid: true, type: "log", tickFormat: "~g" }
      : { label: null, grid: true, type: "linear", domain: [0, top], ticks: yTicks, tickFormat: formatTick },
    color: { domain: series, range: colors },
    marks: [
      ...(logY ? [] : [Plot.ruleY([0])]),
      Plot.line(points, { x: "step", y: "lr", stroke: "series", strokeWidth: 2, curve: "step-after" }),
      Plot.text(labels, { x: "step", y: "lr", text: "text", fill: "series", textAnchor: "end", lineAnchor: "top", fontWeight: 600, stroke: "var(--bg, white)", strokeWidth: 3, paintOrder: "stroke" }),
      ...axisNames(frame, { x: "step", y: "learning rate" }),
      Plot.tip(points, Plot.pointerX({ x: "step", y: "lr", stroke: "series", format: { y: "~g" } })),
    ],
    ...(options.document ? { document: options.document } : {}),
  };
}

/**
 * The x and y scales as drawn, on the SVG: `data-x-scale` and `data-y-scale` hold "domain-start domain-end
 * range-start range-end" of each linear scale, read back from Plot. With them the explorer moves the curve of a
 * drawn figure without Plot while the axes stay (components/islands/schedule-explorer-fast.ts).
 */
function recordScales(plot: SVGSVGElement | HTMLElement): void {
  const svg = plot.tagName.toLowerCase() === "svg" ? plot : plot.querySelector("svg");
  for (const name of ["x", "y"] as const) {
    const scale = (plot as unknown as Plot.Plot).scale(name);
    const ends = [...(scale?.domain ?? []), ...(scale?.range ?? [])];
    if (scale?.type === "linear" && ends.length === 4 && ends.every((v) => typeof v === "number")) svg?.setAttribute(`data-${name}-scale`, ends.join(" "));
  }
}

/** Render the figure to an element (SVG, or a figure when Plot adds a legend). */
export function renderScheduleFigure(points: readonly CurvePoint[], options: ScheduleFigureOptions): SVGSVGElement | HTMLElement {
  const plot = Plot.plot(scheduleFigureOptions(points, options));
  recordScales(plot);
  return scaledIfStatic(asAccessibleImage(plot), options.width);
}
