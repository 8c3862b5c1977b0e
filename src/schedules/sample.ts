/**
 * Sampling a schedule over steps 0 … n−1, and the scheduler the trainer
 * drives (a stateful schedule, reduce on plateau, needs to hear the metric).
 */
import { makeSchedule } from "./make.ts";
import { familyOf } from "./registry.ts";
import type { ScheduleSpec, Scheduler } from "./types.ts";

export type { Scheduler } from "./types.ts";

export const MAX_SAMPLES = 1_000_000;

export function makeScheduler(spec: ScheduleSpec): Scheduler {
  const stateful = familyOf(spec.kind).stateful;
  if (stateful) return stateful.scheduler(spec);
  const schedule = makeSchedule(spec);
  return { rateAt: schedule, reportMetric: () => undefined, events: () => [] };
}

export interface SampleOptions {
  /**
   * Stateful schedules only (plateau): the metric after each evaluation.
   * Value k of the result follows the k-th metric (value 0 is the starting
   * rate). Without metrics the figure uses the family's illustrative metrics
   * (for plateau, a loss that improves, then stalls).
   */
  metrics?: readonly number[];
}

/** Values at steps 0 … n−1. n must be a whole number in [0, 1e6]. */
export function sampleSchedule(spec: ScheduleSpec, n: number, options: SampleOptions = {}): number[] {
  if (!(Number.isInteger(n) && n >= 0 && n <= MAX_SAMPLES)) {
    throw new RangeError(`number of samples must be a whole number in [0, ${MAX_SAMPLES}], got ${n}`);
  }
  const stateful = familyOf(spec.kind).stateful;
  if (stateful) {
    const scheduler = stateful.scheduler(spec);
    const metrics = options.metrics ?? stateful.illustrativeMetrics(Math.max(0, n - 1));
    const out = [scheduler.rateAt(0)];
    for (let k = 1; k < n; k += 1) {
      if (k - 1 < metrics.length) scheduler.reportMetric(metrics[k - 1] as number);
      out.push(scheduler.rateAt(k));
    }
    return out.slice(0, n);
  }
  const schedule = makeSchedule(spec);
  return Array.from({ length: n }, (_, t) => schedule(t));
}
