/**
 * Two-dimensional test functions for the LossLandscape figure: a loss surface
 * small enough to draw as contours, with an exact gradient so that gradient
 * descent under any learning-rate schedule can be traced on it. Pure
 * TypeScript: no DOM, no tfjs.
 */

export type Point = readonly [number, number];

export interface Domain {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

export interface Minimum {
  /** Where the minimizer sits (to about 1e-9). */
  at: Point;
  /** f at the minimizer. */
  value: number;
  /** "global" or "local" (a poorer local minimum). */
  kind: "global" | "local";
}

export interface LandscapeFunction {
  name: string;
  title: string;
  description: string;
  f(x: number, y: number): number;
  /** Exact gradient [∂f/∂x, ∂f/∂y]. */
  grad(x: number, y: number): [number, number];
  /** The rectangle the figure draws. */
  domain: Domain;
  /** Where descent starts by default. */
  start: Point;
  /** Known minimizers, the global one first. */
  minima: Point[];
  /** The same minimizers with their values and kinds, same order as `minima`. */
  minimaInfo: Minimum[];
}

/* ---------------------------------------------------------------- quadratic */

/** Curvature along y; along x it is 1. Condition number 25. */
const QUAD_A = 25;

/**
 * f = ½(x² + 25 y²). Gradient descent with a constant rate η on a·x²/2 maps
 * x ↦ (1 − ηa)x, so it converges iff 0 < η < 2/a: along y that is η < 0.08,
 * along x η < 2. Between 1/a = 0.04 and 2/a the factor is negative and y
 * zig-zags across the valley while still shrinking.
 */
export const quadratic: LandscapeFunction = {
  name: "quadratic",
  title: "Ill-conditioned quadratic",
  description:
    "A long, narrow valley f = ½(x² + 25y²): the y direction is 25 times steeper than x, so the rate that is safe across the valley (below 2/25 = 0.08) is painfully slow along it.",
  f: (x, y) => 0.5 * (x * x + QUAD_A * y * y),
  grad: (x, y) => [x, QUAD_A * y],
  domain: { xMin: -5, xMax: 5, yMin: -2.5, yMax: 2.5 },
  start: [-4, 1.5],
  minima: [[0, 0]],
  minimaInfo: [{ at: [0, 0], value: 0, kind: "global" }],
};

/* --------------------------------------------------------------- rosenbrock */

/** f = (1 − x)² + 100(y − x²)²: a curved, flat-bottomed valley; minimum f(1, 1) = 0. */
export const rosenbrock: LandscapeFunction = {
  name: "rosenbrock",
  title: "Rosenbrock's banana",
  description:
    "f = (1 − x)² + 100(y − x²)²: descent drops quickly into a curved valley and then crawls along its flat floor toward the minimum at (1, 1).",
  f: (x, y) => {
    const a = 1 - x;
    const b = y - x * x;
    return a * a + 100 * b * b;
  },
  grad: (x, y) => {
    const b = y - x * x;
    return [-2 * (1 - x) - 400 * x * b, 200 * b];
  },
  domain: { xMin: -2, xMax: 2, yMin: -1, yMax: 3 },
  start: [-1.5, 2],
  minima: [[1, 1]],
  minimaInfo: [{ at: [1, 1], value: 0, kind: "global" }],
};

/* ------------------------------------------------------------- multi-minima */

interface Well {
  cx: number;
  cy: number;
  depth: number;
  width: number;
}

/** A gentle bowl keeps everything bounded; the two Gaussian wells sit on it. */
const BOWL = 0.05;
/** Narrow, shallow well near the start: the poor local minimum. */
const POOR: Well = { cx: -1.5, cy: 1, depth: 1, width: 0.35 };
/** Wide, deep well: the global minimum. */
const GOOD: Well = { cx: 1.5, cy: -0.5, depth: 2, width: 1.1 };
const WELLS: readonly Well[] = [POOR, GOOD];

function multiF(x: number, y: number): number {
  let f = BOWL * (x * x + y * y);
  for (const w of WELLS) {
    const dx = x - w.cx;
    const dy = y - w.cy;
    f -= w.depth * Math.exp(-(dx * dx + dy * dy) / (2 * w.width * w.width));
  }
  return f;
}

function multiGrad(x: number, y: number): [number, number] {
  let gx = 2 * BOWL * x;
  let gy = 2 * BOWL * y;
  for (const w of WELLS) {
    const dx = x - w.cx;
    const dy = y - w.cy;
    const s2 = w.width * w.width;
    const e = w.depth * Math.exp(-(dx * dx + dy * dy) / (2 * s2));
    gx += (e * dx) / s2;
    gy += (e * dy) / s2;
  }
  return [gx, gy];
}

/* Minimizers found by Newton's method on multiGrad (see the tests, which check ∇f = 0 there). */
/** Global minimum: f(1.4141537174, −0.4713845725) ≈ −1.8821424336. */
const MULTI_GLOBAL: Point = [1.4141537174140835, -0.4713845724713612];
/** Poor local minimum: f(−1.4755992888, 0.9847703955) ≈ −0.8599921350. */
const MULTI_LOCAL: Point = [-1.4755992888074696, 0.984770395455494];

/**
 * f = 0.05(x² + y²) − 1·exp(−|p − (−1.5, 1)|²/(2·0.35²)) − 2·exp(−|p − (1.5, −0.5)|²/(2·1.1²)).
 *
 * Minima (Newton's method; the tests re-check ∇f = 0 and the values):
 * - global f(1.41415, −0.47138) ≈ −1.88214, in the wide, deep well;
 * - local  f(−1.47560, 0.98477) ≈ −0.85999, in the narrow, shallow well.
 *
 * The narrow well is steep (Hessian eigenvalues ≈ 8.04 and 8.25 at its floor,
 * so GD with a constant rate above 2/8.25 ≈ 0.24 cannot settle there; in
 * practice the Gaussian's flattening sides trap a bouncing iterate until the
 * rate passes ≈ 0.7) while the wide well is gentle (eigenvalues ≈ 1.74 and
 * 1.75, stable up to 2/1.75 ≈ 1.14). A schedule whose peak sits between the
 * two (e.g. cosine restarts peaking at 0.9) shakes descent out of the poor
 * well and lets it settle in the good one; a small constant rate does not.
 */
export const multiMinima: LandscapeFunction = {
  name: "multi-minima",
  title: "Two wells",
  description:
    "A narrow, shallow well next to the start and a wide, deep one further away, on a gentle bowl. A small rate settles in the nearer, poorer well; a rate above 2/8 = 0.25 (constant, or the peak of a cycle) cannot stay in it, and whether the run then lands in the wide well depends on where it is when the rate drops.",
  f: multiF,
  grad: multiGrad,
  domain: { xMin: -3.5, xMax: 3.5, yMin: -3, yMax: 3 },
  start: [-2.2, 1.6],
  minima: [MULTI_GLOBAL, MULTI_LOCAL],
  minimaInfo: [
    { at: MULTI_GLOBAL, value: multiF(MULTI_GLOBAL[0], MULTI_GLOBAL[1]), kind: "global" },
    { at: MULTI_LOCAL, value: multiF(MULTI_LOCAL[0], MULTI_LOCAL[1]), kind: "local" },
  ],
};

/* ----------------------------------------------------------------- registry */

export const landscapes = {
  quadratic,
  rosenbrock,
  "multi-minima": multiMinima,
} as const satisfies Record<string, LandscapeFunction>;

export type LandscapeName = keyof typeof landscapes;
export const LANDSCAPE_NAMES = Object.keys(landscapes) as LandscapeName[];

export function getLandscape(name: string): LandscapeFunction {
  if (!Object.hasOwn(landscapes, name)) {
    throw new RangeError(`unknown landscape "${name}"; known: ${LANDSCAPE_NAMES.join(", ")}`);
  }
  return landscapes[name as LandscapeName];
}

/* ------------------------------------------------------------ contour grid */

export interface ContourGrid {
  /** Samples along x (columns). */
  width: number;
  /** Samples along y (rows). */
  height: number;
  /**
   * Row-major: values[i + j·width] = f(x_i, y_j) with x_i = xMin + i·(xMax − xMin)/(width − 1)
   * and y_j = yMin + j·(yMax − yMin)/(height − 1) (row 0 is yMin; flip when drawing with y down).
   * This is the layout d3-contour expects.
   */
  values: Float64Array;
  /** Increasing contour levels, log-spaced in f − min(f) (dense near the minimum). */
  thresholds: number[];
  /** The smallest and largest sampled value. */
  min: number;
  max: number;
  domain: Domain;
}

/**
 * Sample fn over its domain on an nx × ny grid and pick `levels` contour
 * thresholds spaced evenly in log(f − fMin) from 1e-3 to 0.9 of (fMax − fMin) above fMin,
 * so contours crowd near the minima, where the interesting part of a
 * descent path is, rather than among the steep walls.
 */
export function contourGrid(fn: LandscapeFunction, nx: number, ny: number, levels = 20): ContourGrid {
  for (const [label, n] of [["nx", nx], ["ny", ny]] as const) {
    if (!(Number.isInteger(n) && n >= 2 && n <= 4096)) throw new RangeError(`${label} must be an integer in [2, 4096], got ${n}`);
  }
  if (!(Number.isInteger(levels) && levels >= 1 && levels <= 1000)) throw new RangeError(`levels must be an integer in [1, 1000], got ${levels}`);
  const { xMin, xMax, yMin, yMax } = fn.domain;
  const values = new Float64Array(nx * ny);
  let min = Infinity;
  let max = -Infinity;
  for (let j = 0; j < ny; j += 1) {
    const y = yMin + ((yMax - yMin) * j) / (ny - 1);
    for (let i = 0; i < nx; i += 1) {
      const x = xMin + ((xMax - xMin) * i) / (nx - 1);
      const v = fn.f(x, y);
      values[i + j * nx] = v;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  const range = max - min;
  const thresholds: number[] = [];
  if (range > 0 && Number.isFinite(range)) {
    const lo = Math.log(range * 1e-3);
    const hi = Math.log(range * 0.9);
    for (let k = 0; k < levels; k += 1) {
      const frac = levels === 1 ? 1 : k / (levels - 1);
      thresholds.push(min + Math.exp(lo + (hi - lo) * frac));
    }
  }
  return { width: nx, height: ny, values, thresholds, min, max, domain: { ...fn.domain } };
}
