/**
 * The loss-landscape figure as a pure Observable Plot builder: contour lines
 * of a 2-D function, one coloured descent path (line and dots) per schedule,
 * the start and the minima marked. The same options draw the static SVG at
 * build time (with a jsdom document) and the live one in the browser.
 */
import * as Plot from "@observablehq/plot";
import { asAccessibleImage } from "./accessible.ts";
import { axisNames, figureFrame, plotLayout, scaledIfStatic, type FigureFrame } from "./figure-frame.ts";
import { SERIES_COLORS } from "./schedule-figure.ts";
import type { ContourGrid, Domain, Minimum, Point } from "../landscape/index.ts";

export interface LandscapePathPoint {
  run: string;
  step: number;
  x: number;
  y: number;
  /** Points with the same segment are joined by one line. */
  segment: string;
}

/** Eight colours, one per schedule kind: the site's five plus three (defined in global.css, with fallbacks). */
export const LANDSCAPE_COLORS = [...SERIES_COLORS, "var(--series-6, #56b4e9)", "var(--series-7, #7f3c8d)", "var(--series-8, #6b6b6b)"] as const;

export interface LandscapeFigureInput {
  grid: ContourGrid;
  domain: Domain;
  start: Point;
  minima: readonly Minimum[];
  /** Run labels, in legend order. */
  runs: readonly string[];
  /** One colour per run, same order. */
  colors: readonly string[];
  path: readonly LandscapePathPoint[];
}

export interface LandscapeFigureOptions {
  description: string;
  ariaLabel?: string;
  /** CSS pixels of a live figure; absent at build time, where the figure scales with its box (see figure-frame.ts). */
  width?: number;
  /** Draw only the first `upTo` steps of each path (animation). */
  upTo?: number;
  /** Most dots drawn per run (default 120); lines keep every point. */
  maxDots?: number;
  document?: Document;
}

/** Height that keeps one unit of x as long as one unit of y, within bounds (margins as figureFrame sizes them). */
function landscapeHeight(domain: Domain, frame: FigureFrame): number {
  const inner = frame.width - frame.marginLeft - frame.marginRight;
  const ratio = (domain.yMax - domain.yMin) / (domain.xMax - domain.xMin);
  const margins = frame.marginTop + frame.marginBottom;
  return Math.round(Math.min(560 + margins, Math.max(220 + margins, inner * ratio + margins)));
}

export function landscapeFigureOptions(input: LandscapeFigureInput, options: LandscapeFigureOptions): Plot.PlotOptions {
  const { grid, domain } = input;
  // Tick labels such as "−2.5": four characters. The frame's height is replaced by the one that keeps x and y to scale.
  const probe = figureFrame({ width: options.width, height: 1, yLabelChars: 4 });
  const frame = { ...probe, height: landscapeHeight(domain, probe) };
  const upTo = options.upTo ?? Infinity;
  const path = input.path.filter((p) => p.step <= upTo);
  const maxDots = options.maxDots ?? 120;
  const totals = new Map<string, number>();
  for (const p of input.path) totals.set(p.run, Math.max(totals.get(p.run) ?? 0, p.step + 1));
  const dots = path.filter((p) => p.step % Math.max(1, Math.ceil((totals.get(p.run) ?? 1) / maxDots)) === 0);
  // Values are sampled at the domain's edges; Plot's dense contour places
  // sample i at the centre of cell i, so widen the extent by half a cell.
  const dx = (domain.xMax - domain.xMin) / (grid.width - 1);
  const dy = (domain.yMax - domain.yMin) / (grid.height - 1);
  const minima = input.minima.map((m) => ({ x: m.at[0], y: m.at[1], label: `${m.kind} minimum` }));
  const ends = input.runs.flatMap((run) => {
    const last = path.filter((p) => p.run === run).at(-1);
    return last ? [last] : [];
  });
  return {
    ...plotLayout(frame),
    ariaLabel: options.ariaLabel ?? "Gradient descent paths on a loss landscape",
    ariaDescription: options.description,
    x: { label: null, domain: [domain.xMin, domain.xMax], grid: false, ticks: frame.xTicks },
    y: { label: null, domain: [domain.yMin, domain.yMax], grid: false, ticks: frame.yTicks },
    color: { type: "ordinal", domain: [...input.runs], range: [...input.colors] },
    marks: [
      Plot.contour(grid.values, {
        width: grid.width,
        height: grid.height,
        x1: domain.xMin - dx / 2,
        x2: domain.xMax + dx / 2,
        y1: domain.yMin - dy / 2,
        y2: domain.yMax + dy / 2,
        thresholds: grid.thresholds,
        stroke: "currentColor",
        strokeOpacity: 0.3,
        fill: "none",
      }),
      Plot.frame({ strokeOpacity: 0.4 }),
      Plot.line(path, { x: "x", y: "y", z: "segment", stroke: "run", strokeWidth: 1.75, strokeOpacity: 0.9 }),
      Plot.dot(dots, { x: "x", y: "y", fill: "run", r: 1.75 }),
      Plot.dot(ends, { x: "x", y: "y", stroke: "run", fill: "var(--bg, white)", r: 4, strokeWidth: 2 }),
      Plot.dot(minima, { x: "x", y: "y", symbol: "star", r: 6, fill: "currentColor", stroke: "var(--bg, white)" }),
      Plot.text(minima, { x: "x", y: "y", text: "label", dy: -12, fill: "currentColor", stroke: "var(--bg, white)", strokeWidth: 3, paintOrder: "stroke" }),
      Plot.dot([input.start], { x: (d: Point) => d[0], y: (d: Point) => d[1], symbol: "square", r: 5, fill: "currentColor" }),
      Plot.text([input.start], { x: (d: Point) => d[0], y: (d: Point) => d[1], text: () => "start", dy: -12, fill: "currentColor", stroke: "var(--bg, white)", strokeWidth: 3, paintOrder: "stroke" }),
      ...axisNames(frame, { x: "x", y: "y" }),
    ],
    ...(options.document ? { document: options.document } : {}),
  };
}

export function renderLandscapeFigure(input: LandscapeFigureInput, options: LandscapeFigureOptions): SVGSVGElement | HTMLElement {
  return scaledIfStatic(asAccessibleImage(Plot.plot(landscapeFigureOptions(input, options))), options.width);
}
