/**
 * Gradient descent on a 2-D landscape under a learning-rate schedule, with
 * optional Gaussian gradient noise (a stand-in for minibatch noise) and
 * heavy-ball momentum. Pure TypeScript: no DOM, no tfjs.
 */
import { makeSchedule, type ScheduleSpec } from "../schedules/index.ts";
import { mulberry32 } from "../data/prng.ts";
import type { LandscapeFunction, Point } from "./functions.ts";

export interface PathPoint {
  x: number;
  y: number;
  f: number;
  /** The rate applied at this step, i.e. to leave this point (for the last point: the rate the next step would use). */
  lr: number;
}

export interface DescentOptions {
  /** Number of updates; the path has steps + 1 points unless descent diverges. */
  steps: number;
  /** Start point; defaults to fn.start. */
  start?: Point;
  /** Std-dev of Gaussian noise added to each gradient component; 0 (default) = exact gradients. */
  noise?: number;
  /** Seed for the noise generator (mulberry32); default 0. */
  seed?: number;
  /** Heavy-ball coefficient m in [0, 1): v ← m·v + g, x ← x − η·v. Default 0 (plain GD). */
  momentum?: number;
}

export interface Divergence {
  /** The update (1-based) that produced a non-finite or out-of-bounds point. */
  step: number;
  message: string;
}

export interface DescentResult {
  /** path[t] is the iterate after t updates; path[0] is the start. Never holds NaN or ±Infinity. */
  path: PathPoint[];
  diverged: Divergence | null;
  /** The last good iterate (path's last point). */
  final: { x: number; y: number; f: number };
}

/** |x| or |y| past this counts as divergence. */
export const DIVERGENCE_BOUND = 1e6;

/** The rate as a function of the step; a stateful schedule (plateau) hears no metric on a landscape, so makeSchedule holds its starting rate. */
function rateOf(spec: ScheduleSpec): (t: number) => number {
  return makeSchedule(spec);
}

export function runDescent(fn: LandscapeFunction, spec: ScheduleSpec, options: DescentOptions): DescentResult {
  const { steps } = options;
  const noise = options.noise ?? 0;
  const seed = options.seed ?? 0;
  const momentum = options.momentum ?? 0;
  const start = options.start ?? fn.start;
  if (!(Number.isInteger(steps) && steps >= 0)) throw new RangeError(`steps must be an integer ≥ 0, got ${steps}`);
  if (!(Number.isFinite(noise) && noise >= 0)) throw new RangeError(`noise must be a finite number ≥ 0, got ${noise}`);
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  if (!(Number.isFinite(momentum) && momentum >= 0 && momentum < 1)) throw new RangeError(`momentum must be in [0, 1), got ${momentum}`);
  if (!(Number.isFinite(start[0]) && Number.isFinite(start[1]))) throw new RangeError(`start must be finite, got (${start[0]}, ${start[1]})`);

  const rate = rateOf(spec);
  const rng = mulberry32(seed);
  let x = start[0];
  let y = start[1];
  let f = fn.f(x, y);
  if (!Number.isFinite(f)) throw new RangeError(`f is not finite at the start (${x}, ${y})`);
  let vx = 0;
  let vy = 0;
  let lr = rate(0);
  const path: PathPoint[] = [{ x, y, f, lr }];
  let diverged: Divergence | null = null;

  for (let t = 0; t < steps; t += 1) {
    let [gx, gy] = fn.grad(x, y);
    if (noise > 0) {
      gx += noise * rng.normal();
      gy += noise * rng.normal();
    }
    vx = momentum * vx + gx;
    vy = momentum * vy + gy;
    const nx = x - lr * vx;
    const ny = y - lr * vy;
    const nf = Number.isFinite(nx) && Number.isFinite(ny) ? fn.f(nx, ny) : NaN;
    if (!(Number.isFinite(nf) && Math.abs(nx) <= DIVERGENCE_BOUND && Math.abs(ny) <= DIVERGENCE_BOUND)) {
      diverged = { step: t + 1, message: `diverged at step ${t + 1}` };
      break;
    }
    x = nx;
    y = ny;
    f = nf;
    lr = rate(t + 1);
    path.push({ x, y, f, lr });
  }
  return { path, diverged, final: { x, y, f } };
}

/** Euclidean distance between (x, y) and p. */
export function distanceTo(point: { x: number; y: number }, p: Point): number {
  return Math.hypot(point.x - p[0], point.y - p[1]);
}

/**
 * Mean distance to `minimum` over the last `lastFraction` of the path (at least
 * one point): the radius of the "noise ball" descent rattles around in when
 * gradients are noisy and the rate does not decay.
 */
export function noiseBallRadius(
  path: readonly { x: number; y: number }[],
  lastFraction = 0.25,
  minimum: Point = [0, 0],
): number {
  if (path.length === 0) throw new RangeError("path is empty");
  if (!(lastFraction > 0 && lastFraction <= 1)) throw new RangeError(`lastFraction must be in (0, 1], got ${lastFraction}`);
  const count = Math.max(1, Math.round(path.length * lastFraction));
  let sum = 0;
  for (let i = path.length - count; i < path.length; i += 1) sum += distanceTo(path[i] as { x: number; y: number }, minimum);
  return sum / count;
}

/** The index of the minimum in `minima` closest to (x, y). */
export function nearestMinimum(point: { x: number; y: number }, minima: readonly Point[]): number {
  let best = -1;
  let bestD = Infinity;
  minima.forEach((m, i) => {
    const d = distanceTo(point, m);
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  });
  return best;
}
