/**
 * Figures of a training race as pure Observable Plot builders: loss,
 * accuracy and learning rate on a shared step axis, one colour per run,
 * a cross where a run diverged, a tick where a plateau rule cut the rate.
 */
import * as Plot from "@observablehq/plot";
import { asAccessibleImage } from "./accessible.ts";
import { seriesColors } from "./schedule-colors.ts";
import { axisNames, CHAR_EM, figureFrame, formatTick, longestLabel, niceTicks, plotLayout, responsiveHeight, scaledIfStatic, type FigureFrame } from "./figure-frame.ts";
import { placeLineLabels, wrapLabel, type Pixel } from "./line-labels.ts";
import { dualPlot } from "./dual-figure.ts";
import { KINDS, registry } from "../schedules/index.ts";

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
  /** Height of the wide layout (default 220). */
  height?: number;
  /** Height of the narrow layout, the phone's (default: a sixth more than `height`); a live figure up to NARROW_BREAK px wide keeps its proportions. */
  narrowHeight?: number;
  /** Build time: draw the narrow layout (figure-frame.ts) instead of the wide one. */
  narrow?: boolean;
  /** Build time: the wide layout of a figure that also has the narrow one (responsiveFigure), sized for the text it shows above NARROW_BREAK. */
  dual?: boolean;
  /** Name each solid line at its end (default: when there is more than one run). */
  labels?: boolean;
  y: { label: string; log?: boolean; domain?: [number, number] };
  description: string;
  /** Dashed series drawn under the solid ones (validation next to training). */
  secondary?: readonly RacePoint[];
  markers?: readonly RaceMarker[];
  /** Values the y axis must reach besides the curves' (a reference line drawn by the caller). */
  yInclude?: readonly number[];
  /** Horizontal reference lines, dotted grey, each named where its label fits (e.g. a text's unigram entropy). */
  references?: readonly { value: number; label: string }[];
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

/**
 * What a direct label says: a run named by a schedule's title ("Cosine annealing") is labelled by its kind
 * ("cosine"), which the legend above the figure pairs with the title and formula; other names stay as they are.
 * Names that would then repeat keep their full form.
 */
export function shortRunLabels(runs: readonly string[]): string[] {
  const short = runs.map((run) => KINDS.find((k) => run === registry[k].title) ?? run);
  return short.map((label, i) => (short.indexOf(label) === short.lastIndexOf(label) ? label : (runs[i] as string)));
}

interface PlacedText {
  step: number;
  value: number;
  text: string;
  run: string;
}

/**
 * Labels at the lines' ends (line-labels.ts), as points of a text mark in data coordinates; then the reference
 * lines' labels, anywhere along their line where they cross nothing (`run` is "" for those).
 */
function lineEndLabels(main: readonly RacePoint[], secondary: readonly RacePoint[], runs: readonly string[], frame: FigureFrame, axes: { steps: number; lo: number; hi: number; log: boolean }, references: readonly { value: number; label: string }[]): PlacedText[] {
  const area = { left: frame.marginLeft, right: frame.width - frame.marginRight, top: frame.marginTop, bottom: frame.height - frame.marginBottom };
  const t = (v: number) => (axes.log ? Math.log(v) : v);
  const [a, b] = [t(axes.lo), t(axes.hi)];
  const span = b - a || 1;
  const pixel = (p: RacePoint): Pixel => ({ x: area.left + (p.step / axes.steps) * (area.right - area.left), y: area.bottom - ((t(p.value) - a) / span) * (area.bottom - area.top) });
  const byRun = (points: readonly RacePoint[], run: string) => points.filter((p) => p.run === run).map(pixel);
  const texts = shortRunLabels(runs);
  const maxChars = Math.max(8, Math.floor((0.5 * (area.right - area.left)) / (CHAR_EM * frame.font)));
  const drawn = runs.map((run, k) => ({ run, text: wrapLabel(texts[k] as string, maxChars), points: byRun(main, run) })).filter((l) => l.points.length > 0);
  // Race curves are noisy and often end in a bunch: each label stays within two lines of its curve's end.
  const dashed = runs.map((run) => byRun(secondary, run));
  const placed = placeLineLabels(drawn, area, frame.font, { unlabelled: dashed, reach: 2.5 * frame.font, columns: 3 });
  const boxOf = (p: (typeof placed)[number]) => ({ left: p.x - Math.max(...p.text.split("\n").map((r) => r.length)) * CHAR_EM * frame.font, right: p.x, top: p.top, bottom: p.top + p.lines * 1.2 * frame.font });
  // A reference line as points a font apart, so a label anywhere along it is measured against the line.
  const along = Array.from({ length: Math.ceil((area.right - area.left) / frame.font) + 1 }, (_, i) => (i * frame.font * axes.steps) / (area.right - area.left)).filter((step) => step <= axes.steps);
  const flat = references.map((r) => ({ text: r.label, points: [...along, axes.steps].map((step) => pixel({ step, run: "", value: r.value })) }));
  const named = placeLineLabels(flat, area, frame.font, { unlabelled: [...drawn.map((l) => l.points), ...dashed], reach: 1.5 * frame.font, columns: 8, taken: placed.map(boxOf) });
  const stepAt = (x: number) => ((x - area.left) / (area.right - area.left)) * axes.steps;
  const valueAt = (y: number) => {
    const v = a + ((area.bottom - y) / (area.bottom - area.top)) * span;
    return axes.log ? Math.exp(v) : v;
  };
  return [...placed.map((p, i) => ({ p, run: drawn[i]?.run ?? "" })), ...named.map((p) => ({ p, run: "" }))].map(({ p, run }) => ({ step: stepAt(p.x), value: valueAt(p.top), text: p.text, run }));
}

export function raceFigureOptions(points: readonly RacePoint[], options: RaceFigureOptions): Plot.PlotOptions {
  const finite = (p: RacePoint) => Number.isFinite(p.value) && (!options.y.log || p.value > 0);
  const main = thin(points.filter(finite), options.maxPoints);
  const secondary = thin((options.secondary ?? []).filter(finite), options.maxPoints);
  const markers = (options.markers ?? []).filter(finite);
  // A log axis over less than a decade gets no labelled ticks; there a linear axis reads better.
  const references = (options.references ?? []).filter((r) => Number.isFinite(r.value) && (!options.y.log || r.value > 0));
  const values = [...[...main, ...secondary, ...markers].map((p) => p.value), ...[...(options.yInclude ?? []), ...references.map((r) => r.value)].filter((v) => Number.isFinite(v) && (!options.y.log || v > 0))];
  const log = options.y.log === true && values.length > 0 && Math.max(...values) / Math.min(...values) >= 10;
  const extent: [number, number] = values.length > 0 ? [Math.min(...values), Math.max(...values)] : [0, 1];
  // A linear quantity that falls by ten times or more (a decaying rate) is drawn from zero, so its ticks read as levels.
  const domain = options.y.domain ?? (!log && extent[0] >= 0 && extent[0] <= extent[1] / 10 ? ([0, extent[1]] as [number, number]) : undefined);
  const [lo, hi] = domain ?? extent;
  const height = responsiveHeight(options.width, options.height ?? 220, options.narrowHeight ?? Math.round((options.height ?? 220) * 7 / 6), options.narrow);
  const layout = { width: options.width, height, xLabelChars: formatTick(Math.max(1, options.steps)).length, narrow: options.narrow === true, dual: options.dual === true };
  const probe = figureFrame({ ...layout, yLabelChars: 4 });
  const yTicks = log ? [] : niceTicks(lo, hi, probe.yTicks);
  // A log axis labels round values (0.09, 0.2, 1): its ends to one figure are as long as its labels get.
  const round = (v: number) => formatTick(Number(v.toPrecision(1))).length;
  const frame = figureFrame({ ...layout, yLabelChars: log ? Math.max(round(lo), round(hi)) : longestLabel(yTicks) });
  const steps = Math.max(1, options.steps);
  const labelled = options.labels ?? options.runs.length > 1;
  // The domain is stated (not left to Plot) so the labels, placed in pixels, land where the lines are drawn.
  const labels = lo < hi ? lineEndLabels(labelled ? main : [], secondary, labelled ? options.runs : [], frame, { steps, lo, hi, log }, references) : [];
  return {
    ...plotLayout(frame),
    ariaLabel: `${options.y.label} by training step`,
    ariaDescription: options.description,
    x: { label: null, domain: [0, steps], grid: true, ticks: niceTicks(0, steps, frame.xTicks), tickFormat: formatTick },
    y: log
      ? { label: null, type: "log", grid: true, tickFormat: "~g", domain: [lo, hi] }
      : { label: null, type: "linear", grid: true, ticks: yTicks, tickFormat: formatTick, domain: [lo, hi] },
    color: colorsFor(options.runs),
    marks: [
      Plot.line(secondary, { x: "step", y: "value", stroke: "run", strokeDasharray: "4,3", strokeOpacity: 0.8 }),
      Plot.line(main, { x: "step", y: "value", stroke: "run", strokeWidth: 1.75 }),
      Plot.dot(markers, { x: "step", y: "value", stroke: "run", symbol: "times", r: 6, strokeWidth: 2, title: "label" }),
      Plot.ruleY(references, { y: "value", stroke: "gray", strokeDasharray: "1,3" }),
      ...axisNames(frame, { x: "step", y: options.y.label }),
      Plot.text(labels.filter((l) => l.run !== ""), { x: "step", y: "value", text: "text", fill: "run", textAnchor: "end", lineAnchor: "top", fontWeight: 600, stroke: "var(--bg)", strokeWidth: 3, paintOrder: "stroke" }),
      Plot.text(labels.filter((l) => l.run === ""), { x: "step", y: "value", text: "text", fill: "gray", textAnchor: "end", lineAnchor: "top", stroke: "var(--bg)", strokeWidth: 3, paintOrder: "stroke" }),
    ],
    ...(options.document ? { document: options.document } : {}),
  };
}

export function renderRaceFigure(points: readonly RacePoint[], options: RaceFigureOptions): SVGSVGElement | HTMLElement {
  return scaledIfStatic(asAccessibleImage(Plot.plot(raceFigureOptions(points, options))), options.width, options.narrow);
}

/** A race figure for a page: live at `options.width`, or at build time both layouts in one image (dual-figure.ts). */
export function renderResponsiveRaceFigure(points: readonly RacePoint[], options: Omit<RaceFigureOptions, "narrow" | "dual">): SVGSVGElement | HTMLElement {
  if (options.width !== undefined) return renderRaceFigure(points, options);
  return dualPlot(raceFigureOptions(points, { ...options, dual: true }), raceFigureOptions(points, { ...options, narrow: true }));
}
