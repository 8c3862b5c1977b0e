/**
 * The parts of the schedule figure that need no Observable Plot: its points,
 * and the top of its learning-rate axis. The explorer's model reads them, and
 * its first redraws run without Plot (components/islands/schedule-explorer-fast.ts),
 * so they live apart from the builder (./schedule-figure.ts re-exports them).
 */

export interface CurvePoint {
  step: number;
  lr: number;
  series: string;
}

/** Points of one curve from sampled rates. */
export function curvePoints(rates: readonly number[], series: string): CurvePoint[] {
  return rates.map((lr, step) => ({ step, lr, series }));
}

/** Steps of the 1–10 ladder an axis top is rounded up to. */
const LADDER = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];

/** The smallest ladder number (1, 1.2, 1.5, 2 … × 10^k) at or above x. */
export function ladderCeil(x: number): number {
  if (!(Number.isFinite(x) && x > 0)) throw new RangeError(`an axis top must be a positive number, got ${x}`);
  const power = 10 ** Math.floor(Math.log10(x));
  const rung = LADDER.find((r) => r * power >= x * (1 - 1e-12)) ?? 10;
  return Number((rung * power).toPrecision(12));
}

/**
 * The top of a learning-rate axis that holds still: a tenth above the starting curve's peak, rounded up the
 * ladder, and raised (again a tenth above, rounded up) only when the current peak passes it. Lowering a rate
 * lowers the curve under a fixed axis; raising it lifts the curve until the axis has to grow.
 */
export function steadyTop(referencePeak: number, peak: number): number {
  const base = ladderCeil(Math.max(referencePeak, 1e-12) * 1.1);
  return peak * 1.1 > base ? ladderCeil(peak * 1.1) : base;
}
