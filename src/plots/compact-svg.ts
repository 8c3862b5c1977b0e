/**
 * Build-time SVG as a page ships it: Plot writes coordinates with full double
 * precision ("119.93962138891219"), which is most of a race figure's bytes.
 * A tenth of a pixel is below what any screen shows, so the geometry
 * attributes are rounded to `digits` decimals (default 1). Only numbers with
 * a fractional part are touched; text, colours, ids and opacities are not.
 * A path of straight segments (M and L only: lines, contours) also loses the
 * points that lie within `tolerance` pixels (default 0.25) of the line through
 * their neighbours (Ramer–Douglas–Peucker), so a flat or straight stretch
 * costs two points however many steps it spans.
 */
const GEOMETRY = ["d", "x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r", "width", "height", "transform", "points"] as const;

const DECIMAL = /-?\d*\.\d+(?:e[-+]?\d+)?/gi;

/** Rounds one attribute value's decimals; "-0" becomes "0". */
export function roundNumbers(value: string, digits = 1): string {
  if (!(Number.isInteger(digits) && digits >= 0 && digits <= 6)) throw new RangeError(`digits must be a whole number in [0, 6], got ${digits}`);
  return value.replace(DECIMAL, (text) => {
    const rounded = Number(Number(text).toFixed(digits));
    return String(Object.is(rounded, -0) ? 0 : rounded);
  });
}

type Point = [number, number];

/** Distance from p to the segment a–b. */
function distance(p: Point, a: Point, b: Point): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2));
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

/** The points of a polyline to keep (first and last always), iteratively so a long line cannot overflow the stack. */
function keep(points: readonly Point[], tolerance: number): boolean[] {
  const kept = points.map((_, i) => i === 0 || i === points.length - 1);
  const stack: [number, number][] = points.length > 2 ? [[0, points.length - 1]] : [];
  while (stack.length > 0) {
    const [from, to] = stack.pop() as [number, number];
    let farthest = -1;
    let most = tolerance;
    for (let i = from + 1; i < to; i += 1) {
      const d = distance(points[i] as Point, points[from] as Point, points[to] as Point);
      if (d > most) {
        most = d;
        farthest = i;
      }
    }
    if (farthest < 0) continue;
    kept[farthest] = true;
    stack.push([from, farthest], [farthest, to]);
  }
  return kept;
}

const NUMBER = "-?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?";
const POLYLINE = new RegExp(`^(?:M${NUMBER},${NUMBER}(?:L${NUMBER},${NUMBER})*Z?)+$`);
const COMMAND = new RegExp(`([ML])(${NUMBER}),(${NUMBER})(Z?)`, "g");

/** A path made only of absolute M and L commands (and Z), simplified to `tolerance` pixels; any other path is returned as it was. */
export function simplifyPath(d: string, tolerance = 0.25): string {
  if (!(Number.isFinite(tolerance) && tolerance >= 0)) throw new RangeError(`tolerance must be a number ≥ 0, got ${tolerance}`);
  if (!POLYLINE.test(d)) return d;
  const runs: { points: Point[]; closed: boolean }[] = [];
  for (const [, command, x, y, close] of d.matchAll(COMMAND)) {
    const point: Point = [Number(x), Number(y)];
    if (command === "M") runs.push({ points: [point], closed: false });
    else runs[runs.length - 1]?.points.push(point);
    const last = runs[runs.length - 1];
    if (last && close === "Z") last.closed = true;
  }
  return runs
    .map(({ points, closed }) => {
      const kept = keep(points, tolerance);
      return points.filter((_, i) => kept[i]).map((p, i) => `${i === 0 ? "M" : "L"}${p[0]},${p[1]}`).join("") + (closed ? "Z" : "");
    })
    .join("");
}

/** Simplifies the straight-segment paths and rounds the geometry of `root` and every element under it, in place; returns `root`. */
export function compactSvg<T extends Element>(root: T, digits = 1, tolerance = 0.25): T {
  return rewriteGeometry(root, (name, value) => roundNumbers(name === "d" ? simplifyPath(value, tolerance) : value, digits));
}

/**
 * Rounds the geometry of `root` and every element under it, in place, but keeps every vertex: for a figure whose
 * points are measurements a reader (and a test) may check one by one, such as a committed race's evaluations.
 */
export function roundSvg<T extends Element>(root: T, digits = 1): T {
  return rewriteGeometry(root, (_, value) => roundNumbers(value, digits));
}

function rewriteGeometry<T extends Element>(root: T, rewrite: (name: (typeof GEOMETRY)[number], value: string) => string): T {
  for (const element of [root, ...root.querySelectorAll("*")]) {
    for (const name of GEOMETRY) {
      const value = element.getAttribute(name);
      if (value !== null) element.setAttribute(name, rewrite(name, value));
    }
  }
  return root;
}

/**
 * Small multiples that repeat the same mark (a race's decision boundaries all show the same
 * validation points): when the element `selector` finds is identical in every figure, the first
 * keeps it under `id` and the others draw it with <use>, so the page carries it once.
 * Returns whether it did (figures that differ are left alone).
 */
export function shareRepeatedMark(figures: readonly Element[], selector: string, id: string): boolean {
  const marks = figures.map((figure) => figure.querySelector(selector));
  const first = marks[0];
  if (!first || marks.length < 2 || marks.some((mark) => !mark || mark.outerHTML !== first.outerHTML)) return false;
  first.setAttribute("id", id);
  for (const mark of marks.slice(1)) {
    const use = mark!.ownerDocument.createElementNS("http://www.w3.org/2000/svg", "use");
    use.setAttribute("href", `#${id}`);
    mark!.replaceWith(use);
  }
  return true;
}
