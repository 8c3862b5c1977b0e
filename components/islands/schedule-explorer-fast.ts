/**
 * The explorer's redraw without Observable Plot (about 80 KB gzipped with d3):
 * while the figure on screen is the build-time one and a move keeps its axes,
 * only the curve changes, so this rewrites the one path's `d` from the scales
 * the figure was drawn with (recorded on the SVG by renderScheduleFigure as
 * `data-x-scale` / `data-y-scale`) and updates its description. Anything
 * else (a second curve and its labels, a new top of the y axis, a box
 * narrower than the figure, a figure Plot has already redrawn with its
 * pointer tip) is Plot's: redrawInPlace answers false and the caller loads it.
 * test/islands/explorer-fast.test.ts checks the path against Plot's own.
 */
import type { CurvePoint } from "../../src/plots/schedule-axis.ts";

/** Domain start, domain end, range start, range end of a linear scale. */
type Scale = readonly [number, number, number, number];

function readScale(svg: Element, name: "x" | "y"): Scale | null {
  const values = (svg.getAttribute(`data-${name}-scale`) ?? "").split(" ").map(Number);
  return values.length === 4 && values.every(Number.isFinite) ? (values as unknown as Scale) : null;
}

/** d3's linear scale, as Plot applies it: t = (v − d₀)/(d₁ − d₀), then r₀(1 − t) + r₁t. */
function linear([d0, d1, r0, r1]: Scale): (value: number) => number {
  const span = d1 - d0;
  return (value) => {
    const t = (value - d0) / span;
    return r0 * (1 - t) + r1 * t;
  };
}

/** A coordinate as d3-path writes it (three decimals, shortest form). */
const coordinate = (value: number): string => String(Math.round(value * 1000) / 1000);

/**
 * The path Plot's line mark draws for these points with `curve: "step-after"` (d3's curveStepAfter): a move to
 * the first point, then for each later point a horizontal run at the previous rate and a vertical step to its own.
 */
export function stepAfterPath(points: readonly CurvePoint[], xScale: Scale, yScale: Scale): string {
  const x = linear(xScale);
  const y = linear(yScale);
  let d = "";
  let previousY = 0;
  points.forEach((point, i) => {
    const px = coordinate(x(point.step));
    if (i === 0) d += `M${px},${coordinate(y(point.lr))}`;
    else d += `L${px},${coordinate(previousY)}L${px},${coordinate(y(point.lr))}`;
    previousY = y(point.lr);
  });
  return d;
}

export interface InPlaceOptions {
  /** The y axis top the explorer asks for (ExplorerModel.yMax). */
  yMax: number;
  description: string;
}

/** The build-time figure in `box`, if it is still there and shown unscaled: the box is at least as wide (or hidden). */
export function builtFigure(box: HTMLElement): SVGSVGElement | null {
  const svg = box.querySelector<SVGSVGElement>(":scope > svg.lr-scaled");
  return svg && (box.clientWidth === 0 || box.clientWidth >= Number(svg.getAttribute("width"))) ? svg : null;
}

/**
 * How to move the curve of the build-time figure in `box` to `points`, if that figure can show them as Plot would:
 * one curve, every rate finite, x over [0, last step] and y over [0, max(yMax, peak)] as drawn, and the box at
 * least as wide as the figure (or hidden), so the figure is not shown scaled down. Null when it cannot.
 */
export function planInPlace(box: HTMLElement, points: readonly CurvePoint[], options: InPlaceOptions): (() => void) | null {
  const svg = builtFigure(box);
  const xScale = svg && readScale(svg, "x");
  const yScale = svg && readScale(svg, "y");
  const path = svg?.querySelectorAll('[data-mark="line"] path');
  if (!svg || !xScale || !yScale || path?.length !== 1 || points.length === 0) return null;
  if (new Set(points.map((p) => p.series)).size !== 1 || !points.every((p) => Number.isFinite(p.lr))) return null;
  const lastStep = Math.max(1, ...points.map((p) => p.step));
  const top = Math.max(options.yMax, 0, ...points.map((p) => p.lr)) || 1;
  if (xScale[0] !== 0 || xScale[1] !== lastStep || yScale[0] !== 0 || yScale[1] !== top) return null;
  return () => {
    path[0]?.setAttribute("d", stepAfterPath(points, xScale, yScale));
    svg.setAttribute("aria-description", options.description);
  };
}

/** Move the curve in place if it can be (planInPlace); true when it did. */
export function redrawInPlace(box: HTMLElement, points: readonly CurvePoint[], options: InPlaceOptions): boolean {
  const apply = planInPlace(box, points, options);
  apply?.();
  return apply !== null;
}
