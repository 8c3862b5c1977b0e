/**
 * The frame every line figure on the site shares (size, margins, ticks, text
 * size), for the two ways a figure is drawn:
 *
 * - **live**, at a known width: drawn for exactly that many CSS pixels, text at
 *   TEXT_PX, so nothing is scaled;
 * - **build time**, no width known: STATIC_WIDTH user units wide, scaled by its
 *   viewBox into whatever box it lands in. A 640-unit figure in a 316 px box
 *   would show 12-unit text at 6 px, so the page counter-scales the text of
 *   `svg.lr-scaled` with container queries (global.css) as the box narrows,
 *   up to STATIC_FONT_BUDGET units; the margins and tick counts here leave room
 *   for text that large, so it neither clips nor collides.
 */
import * as Plot from "@observablehq/plot";

export const STATIC_WIDTH = 640;
/** Text size of a live figure, in CSS pixels. */
export const TEXT_PX = 12;
/** The largest text, in user units, global.css gives a build-time figure (in a box about 300 px wide). */
export const STATIC_FONT_BUDGET = 24;
/** Class of a build-time figure whose text the page counter-scales. */
export const SCALED_CLASS = "lr-scaled";
/**
 * The narrow build-time layout (a phone): NARROW_WIDTH units wide and taller for its width, shown instead of the
 * wide one in a box up to NARROW_BREAK px (dual-figure.ts), its text counter-scaled up to NARROW_FONT_BUDGET units.
 */
export const NARROW_WIDTH = 360;
export const NARROW_BREAK = 480;
export const NARROW_FONT_BUDGET = 16;
export const NARROW_CLASS = "lr-scaled-narrow";
/** The largest text of the wide layout when a narrow one takes over below NARROW_BREAK (global.css: 17 at 480–500 px). */
export const DUAL_WIDE_FONT_BUDGET = 17;

export interface FrameInput {
  /** CSS pixels for a live figure; absent at build time. */
  width?: number;
  /** Height of a live figure; a build-time one adds what its larger margins take. */
  height: number;
  /** Characters of the longest y tick label. */
  yLabelChars: number;
  /** Characters of the last x tick label, which is centred on the plot's right edge (default: room for "20,000" at 12 px). */
  xLabelChars?: number;
  /** Build time only: the narrow layout (NARROW_WIDTH) instead of the wide one. */
  narrow?: boolean;
  /** Build time only: the wide layout of a figure that also has a narrow one, so never shown under NARROW_BREAK px. */
  dual?: boolean;
}

export interface FigureFrame {
  width: number;
  height: number;
  marginTop: number;
  marginRight: number;
  marginBottom: number;
  marginLeft: number;
  /** Text size the layout is made for, in user units. */
  font: number;
  xTicks: number;
  yTicks: number;
  /** Build time: the page counter-scales the text (SCALED_CLASS). */
  scaled: boolean;
  /** Build time, the narrow layout (NARROW_CLASS). */
  narrow: boolean;
}

/** The frame as Plot's layout options: size, margins, and a transparent figure in the text colour (text size set here when live; by CSS when scaled). */
export function plotLayout(frame: FigureFrame): Pick<Plot.PlotOptions, "width" | "height" | "marginTop" | "marginRight" | "marginBottom" | "marginLeft" | "style"> {
  const { width, height, marginTop, marginRight, marginBottom, marginLeft } = frame;
  return { width, height, marginTop, marginRight, marginBottom, marginLeft, style: { background: "transparent", color: "currentColor", ...(frame.scaled ? {} : { fontSize: `${TEXT_PX}px` }) } };
}

/** Average advance of a digit or letter of the UI face, in ems (Inter's digits are 0.6 em; letters average less). */
export const CHAR_EM = 0.6;

export function figureFrame({ width, height, yLabelChars, xLabelChars, narrow: wantsNarrow = false, dual = false }: FrameInput): FigureFrame {
  const scaled = width === undefined;
  const narrow = scaled && wantsNarrow;
  if (width !== undefined && !(Number.isFinite(width) && width > 0)) throw new RangeError(`a figure's width must be a positive number of pixels, got ${width}`);
  if (!(Number.isFinite(height) && height > 0)) throw new RangeError(`a figure's height must be a positive number, got ${height}`);
  const w = Math.round(width ?? (narrow ? NARROW_WIDTH : STATIC_WIDTH));
  const font = narrow ? NARROW_FONT_BUDGET : !scaled ? TEXT_PX : dual ? DUAL_WIDE_FONT_BUDGET : STATIC_FONT_BUDGET;
  const marginLeft = Math.round(10 + Math.max(2, yLabelChars) * CHAR_EM * font);
  // Half the last x tick label hangs past the plot's right edge.
  const marginRight = Math.round(Math.max(1.3 * font, xLabelChars === undefined ? 0 : (xLabelChars / 2) * CHAR_EM * font + 2));
  const marginTop = Math.round(1.8 * font);
  const marginBottom = Math.round(2.7 * font);
  // Margins sized for the largest text must not eat the plot: a build-time figure is taller by what they add.
  const h = height + (scaled ? Math.round(4.5 * (font - TEXT_PX)) : 0);
  const plotWidth = Math.max(1, w - marginLeft - marginRight);
  const plotHeight = Math.max(1, h - marginTop - marginBottom);
  return {
    width: w,
    height: h,
    marginTop,
    marginRight,
    marginBottom,
    marginLeft,
    font,
    // A tick label every six ems across (room for "20,000"), every three ems down.
    xTicks: Math.max(2, Math.round(plotWidth / (6 * font))),
    yTicks: Math.max(3, Math.round(plotHeight / (3 * font))),
    scaled,
    narrow,
  };
}

/** Ticks at round numbers, about `count` of them, inside [lo, hi] (d3's ticks, as Plot draws them). */
export function niceTicks(lo: number, hi: number, count: number): number[] {
  if (!(Number.isFinite(lo) && Number.isFinite(hi)) || count < 1) return [];
  if (lo === hi) return [lo];
  const [a, b] = lo < hi ? [lo, hi] : [hi, lo];
  const raw = (b - a) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const error = raw / power;
  const step = power * (error >= Math.sqrt(50) ? 10 : error >= Math.sqrt(10) ? 5 : error >= Math.sqrt(2) ? 2 : 1);
  const first = Math.ceil(a / step - 1e-9);
  const last = Math.floor(b / step + 1e-9);
  // Multiply (not add) so 0.1 + 0.2 never shows as 0.30000000000000004.
  return Array.from({ length: last - first + 1 }, (_, i) => Number(((first + i) * step).toPrecision(12)));
}

/** A tick's label: short decimals (0.05, 1e-7 for tiny ones), thousands grouped (20,000). */
export function formatTick(value: number): string {
  if (value === 0) return "0";
  if (Math.abs(value) >= 1000) return Math.round(value).toLocaleString("en-US");
  return String(Number(value.toPrecision(6))).replace(/^-/, "−");
}

/** The longest label among these ticks, in characters. */
export function longestLabel(ticks: readonly number[]): number {
  return Math.max(1, ...ticks.map((t) => formatTick(t).length));
}

/** Mark a figure drawn without a width (build time) for the page's text counter-scaling, the wide or the narrow layout's. */
export function scaledIfStatic<T extends Element>(plot: T, width: number | undefined, narrow = false): T {
  if (width === undefined) (plot.tagName.toLowerCase() === "svg" ? plot : plot.querySelector("svg"))?.classList.add(narrow ? NARROW_CLASS : SCALED_CLASS);
  return plot;
}

/**
 * The height of a figure that has a narrow layout: a live one drawn in a box up to NARROW_BREAK px keeps the
 * proportions the narrow build-time layout shows there (`narrowHeight` plus what its margins add, scaled to the
 * box), so pressing Run neither shrinks nor grows it; wider, and at build time, it is `height` (wide) or
 * `narrowHeight` (narrow layout).
 */
export function responsiveHeight(width: number | undefined, height: number, narrowHeight: number, narrow = false): number {
  if (width === undefined) return narrow ? narrowHeight : height;
  if (width > NARROW_BREAK) return height;
  return Math.round(((narrowHeight + 4.5 * (NARROW_FONT_BUDGET - TEXT_PX)) * width) / NARROW_WIDTH);
}

/**
 * The axis names, as text marks placed in ems from the plot's corners (Plot's own axis labels sit at the edge of
 * the margins, which are sized for the largest text): "↑ y" a line above the plot's top-left corner, "x →" under
 * the tick labels at the bottom right. Counter-scaled text moves with its size, so both stay next to their axis.
 */
export function axisNames(frame: FigureFrame, names: { x: string; y: string }): Plot.Markish[] {
  return [
    // The last line is left empty: it keeps the name a line clear of the top tick label, which straddles the corner.
    Plot.text([`↑ ${names.y}\n`], { frameAnchor: "top-left", textAnchor: "start", lineAnchor: "bottom", dx: 3 - frame.marginLeft, dy: 2 }),
    // The first line is left empty: it is the tick labels' row.
    Plot.text([`\n${names.x} →`], { frameAnchor: "bottom-right", textAnchor: "end", lineAnchor: "top", dx: frame.marginRight - 3, dy: 9 }),
  ];
}
