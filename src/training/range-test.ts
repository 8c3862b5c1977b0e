/**
 * The learning-rate range test (Smith 2017, "Cyclical Learning Rates for
 * Training Neural Networks", section 3.3): train for a short run while the
 * rate rises from `low` to `high` (linearly, as Smith did, or exponentially,
 * as fast.ai's lr_find does), record the loss at each step, stop once it
 * diverges, and read bounds off the loss-against-rate curve. Pure: the
 * rates, the smoothing and the reading; the training loop is the caller's.
 *
 * The heuristics and where they mislead: the steepest descent of the
 * smoothed loss is where the rate helps most per step (a common pick for a
 * one-cycle peak is at or just below it, or the rate at the minimum over 10);
 * the minimum and divergence move with the run's length, the batch size and
 * the smoothing, and a noisy loss makes the steepest point jump: read the
 * curve, not one number.
 */

export type RangeMode = "linear" | "exponential";

/** The rate at each of `steps` steps, from low (step 0) to high (last step). */
export function rangeRates(low: number, high: number, steps: number, mode: RangeMode): number[] {
  if (!(low > 0 && high > low && Number.isFinite(high))) throw new RangeError(`the range needs 0 < low < high, got low ${low}, high ${high}`);
  if (!(Number.isInteger(steps) && steps >= 2)) throw new RangeError(`steps must be a whole number ≥ 2, got ${steps}`);
  return Array.from({ length: steps }, (_, i) => {
    const p = i / (steps - 1);
    return mode === "linear" ? low + (high - low) * p : low * (high / low) ** p;
  });
}

export interface RangeReading {
  /** The loss smoothed by an exponential moving average (bias-corrected, as fast.ai's lr_find). */
  smoothed: number[];
  /** Steps read (up to and including the divergence step, or all). */
  steps: number;
  /** First step where the smoothed loss exceeded `divergeFactor` × its best, or null. */
  divergedAt: number | null;
  /** Step of the lowest smoothed loss, and its rate. */
  minimum: { step: number; rate: number };
  /** Step where the smoothed loss falls fastest per unit of log rate, and its rate. */
  steepest: { step: number; rate: number };
  /** First step where the raw loss rose above the step before. */
  firstRise: number | null;
  /** Suggested bounds: [the steepest rate / 4 … the minimum's rate], a starting point to check on the curve. */
  suggestion: { low: number; high: number };
}

export function readRangeTest(rates: readonly number[], losses: readonly number[], { beta = 0.98, divergeFactor = 4 } = {}): RangeReading {
  if (rates.length !== losses.length || rates.length < 2) throw new RangeError(`need one loss per rate (at least 2), got ${losses.length} losses for ${rates.length} rates`);
  const smoothed: number[] = [];
  let average = 0;
  let best = Infinity;
  let divergedAt: number | null = null;
  let firstRise: number | null = null;
  for (let i = 0; i < losses.length; i++) {
    const loss = losses[i]!;
    if (!Number.isFinite(loss)) {
      divergedAt = i;
      break;
    }
    if (firstRise === null && i > 0 && loss > losses[i - 1]!) firstRise = i;
    average = beta * average + (1 - beta) * loss;
    const value = average / (1 - beta ** (i + 1));
    smoothed.push(value);
    best = Math.min(best, value);
    if (value > divergeFactor * best) {
      divergedAt = i;
      break;
    }
  }
  const read = smoothed.length;
  let minStep = 0;
  for (let i = 1; i < read; i++) if (smoothed[i]! < smoothed[minStep]!) minStep = i;
  let steepStep = 0;
  let steepest = Infinity;
  for (let i = 1; i < Math.max(2, minStep + 1) && i < read; i++) {
    const slope = (smoothed[i]! - smoothed[i - 1]!) / Math.log(rates[i]! / rates[i - 1]!);
    if (slope < steepest) {
      steepest = slope;
      steepStep = i;
    }
  }
  const minimum = { step: minStep, rate: rates[minStep]! };
  return {
    smoothed, steps: read, divergedAt, minimum, steepest: { step: steepStep, rate: rates[steepStep]! }, firstRise,
    suggestion: { low: rates[steepStep]! / 4, high: minimum.rate },
  };
}
