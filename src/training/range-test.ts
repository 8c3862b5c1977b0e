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

import type { ScheduleSpec } from "../schedules/types.ts";

export const RANGE_MODES = ["exponential", "linear"] as const;
export type RangeMode = (typeof RANGE_MODES)[number];

/** The rate at each of `steps` steps, from low (step 0) to high (last step). */
export function rangeRates(low: number, high: number, steps: number, mode: RangeMode): number[] {
  if (!(low > 0 && high > low && Number.isFinite(high))) throw new RangeError(`the range needs 0 < low < high, got low ${low}, high ${high}`);
  if (!(Number.isInteger(steps) && steps >= 2)) throw new RangeError(`steps must be a whole number ≥ 2, got ${steps}`);
  return Array.from({ length: steps }, (_, i) => {
    const p = i / (steps - 1);
    return mode === "linear" ? low + (high - low) * p : low * (high / low) ** p;
  });
}

/**
 * The rising rates as a schedule the race trains with: a `lambda` spec
 * (base rate 1) whose expression computes exactly what `rangeRates` does,
 * so the rate each step uses is the library's own and is drawn and typeset
 * like any other schedule. Numbers print as their shortest round-trip decimals.
 */
export function rangeSpec(low: number, high: number, steps: number, mode: RangeMode): ScheduleSpec {
  rangeRates(low, high, steps, mode);
  const p = `t / ${steps - 1}`;
  const body = mode === "linear" ? `${low} + ${high - low} * (${p})` : `${low} * ${high / low} ** (${p})`;
  return { kind: "lambda", lr: 1, expression: `lambda t: ${body}` };
}

/** Steps on each side of the centred average: about half the causal average's memory β/(1 − β). */
export const centredHalfWidth = (beta: number): number => Math.max(1, Math.round(beta / (1 - beta) / 2));

export interface RangeReading {
  /** The loss smoothed by an exponential moving average (bias-corrected, as fast.ai's lr_find): what divergence is called on, as the run goes. */
  smoothed: number[];
  /**
   * The loss averaged over a window centred on each step (β/(1 − β)/2 steps
   * each side, fewer near the ends): no lag, so its minimum sits where the
   * loss's does. The causal average lags by about 1/(1 − β) steps, which on a
   * rising rate moves its minimum to a higher rate; an average run backwards
   * to cancel the lag would pull the first steps towards later, lower losses.
   */
  centered: number[];
  /** Steps read (up to and including the divergence step, or all). */
  steps: number;
  /** First step where the smoothed loss exceeded `divergeFactor` × its best, or null. */
  divergedAt: number | null;
  /** Step of the lowest centered loss, and its rate. */
  minimum: { step: number; rate: number };
  /** Step where the centered loss falls fastest per unit of log rate, and its rate. */
  steepest: { step: number; rate: number };
  /** First step where the raw loss rose above the step before. */
  firstRise: number | null;
  /**
   * Suggested bounds: [the steepest rate / 4 … the minimum's rate], a starting
   * point to check on the curve; null when the loss reached its minimum within
   * the first `skipStart` steps, or fell fastest at the minimum itself (it
   * hardly fell: the range starts too high or rises too fast, as a linear
   * sweep over decades does).
   */
  suggestion: { low: number; high: number } | null;
}

/**
 * Reads a run. `beta` smooths (0.98, as lr_find); `divergeFactor` calls
 * divergence (4× the best smoothed loss, as lr_find); the steepest descent is
 * sought from step `skipStart` on (10, as lr_find's plot skips: the first
 * smoothed values are nearly raw, and one noisy batch there looks steep).
 */
export function readRangeTest(rates: readonly number[], losses: readonly number[], { beta = 0.98, divergeFactor = 4, skipStart = 10 } = {}): RangeReading {
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
  const half = centredHalfWidth(beta);
  const prefix = [0];
  for (let i = 0; i < read; i++) prefix.push(prefix[i]! + losses[i]!);
  const centered = Array.from({ length: read }, (_, i) => {
    const h = Math.min(half, i, read - 1 - i);
    return (prefix[i + h + 1]! - prefix[i - h]!) / (2 * h + 1);
  });
  let minStep = 0;
  for (let i = 1; i < read; i++) if (centered[i]! < centered[minStep]!) minStep = i;
  let steepStep = minStep > skipStart + 1 ? skipStart + 1 : 0;
  let steepest = Infinity;
  const from = minStep > skipStart + 1 ? skipStart + 1 : 1;
  for (let i = from; i < Math.max(2, minStep + 1) && i < read; i++) {
    const slope = (centered[i]! - centered[i - 1]!) / Math.log(rates[i]! / rates[i - 1]!);
    if (slope < steepest) {
      steepest = slope;
      steepStep = i;
    }
  }
  const minimum = { step: minStep, rate: rates[minStep]! };
  return {
    smoothed, centered, steps: read, divergedAt, minimum, steepest: { step: steepStep, rate: rates[steepStep]! }, firstRise,
    suggestion: minStep > skipStart && steepStep < minStep ? { low: rates[steepStep]! / 4, high: minimum.rate } : null,
  };
}

/** One rising curve: the rate each step used, its loss (null once it is not a number), and the reading. */
export interface RangeCurve {
  mode: RangeMode;
  rates: number[];
  losses: (number | null)[];
  reading: RangeReading;
}

/** What the driver needs from a trainer: n more steps of every copy, the rate each used and its loss. */
export interface RangeTrainer {
  runSteps(n: number): Promise<{ lr: number[]; trainLoss: (number | null)[] }[]>;
}

export interface DriveOptions {
  /** The modes the trainer's copies follow, in order. */
  modes: readonly RangeMode[];
  /** The most steps to run. */
  steps: number;
  /** Steps per call to the trainer (each call ends with a read of the losses). */
  chunk?: number;
  /** After each chunk: the curves so far. */
  onProgress?: (curves: RangeCurve[], step: number) => void;
  signal?: AbortSignal;
}

/**
 * Runs the test: chunks of steps until every curve has diverged (or the
 * steps run out, or the signal aborts), each curve cut at its divergence.
 */
export async function driveRangeTest(trainer: RangeTrainer, { modes, steps, chunk = 20, onProgress, signal }: DriveOptions): Promise<{ curves: RangeCurve[]; step: number }> {
  if (!(Number.isInteger(chunk) && chunk >= 2 && Number.isInteger(steps) && steps >= 2)) throw new RangeError(`need whole numbers steps ≥ 2 and chunk ≥ 2, got steps ${steps}, chunk ${chunk}`);
  const rates: number[][] = modes.map(() => []);
  const losses: (number | null)[][] = modes.map(() => []);
  let curves: RangeCurve[] = [];
  let step = 0;
  while (step < steps && !signal?.aborted) {
    const records = await trainer.runSteps(Math.min(chunk, steps - step));
    for (const record of records) {
      modes.forEach((_, k) => {
        rates[k]!.push(record.lr[k]!);
        losses[k]!.push(record.trainLoss[k] ?? null);
      });
    }
    step += records.length;
    curves = modes.map((mode, k) => curveOf(mode, rates[k]!, losses[k]!));
    onProgress?.(curves, step);
    if (records.length === 0 || curves.every((c) => c.reading.divergedAt !== null)) break;
  }
  return { curves, step };
}

function curveOf(mode: RangeMode, rates: number[], losses: (number | null)[]): RangeCurve {
  const reading = readRangeTest(rates, losses.map((l) => l ?? Number.NaN));
  const kept = reading.divergedAt === null ? losses.length : reading.divergedAt + 1;
  return { mode, rates: rates.slice(0, kept), losses: losses.slice(0, kept), reading };
}
