/**
 * Sampling a schedule over steps 0 … n−1, and the stateful scheduler the
 * trainer drives (the plateau rule needs to hear the metric).
 */
import { makeSchedule } from "./make.ts";
import { PlateauController, illustrativeLoss, type PlateauEvent } from "./plateau.ts";
import type { ScheduleSpec } from "./types.ts";

export const MAX_SAMPLES = 1_000_000;

export interface Scheduler {
  /** The rate for step t (t counts completed updates). */
  rateAt(t: number): number;
  /** Feed an evaluation metric; only the plateau schedule listens, the others ignore it. */
  reportMetric(value: number): void;
  /** Cuts made so far (plateau only). */
  events(): readonly PlateauEvent[];
}

export function makeScheduler(spec: ScheduleSpec): Scheduler {
  if (spec.kind === "plateau") {
    const controller = new PlateauController(spec);
    return {
      rateAt: () => controller.state.lr,
      reportMetric: (value) => {
        controller.report(value);
      },
      events: () => controller.state.events,
    };
  }
  const schedule = makeSchedule(spec);
  return { rateAt: schedule, reportMetric: () => undefined, events: () => [] };
}

export interface SampleOptions {
  /**
   * Plateau only: the metric after each evaluation. Value k of the result
   * follows the k-th metric (value 0 is the starting rate). Without metrics
   * the plateau figure uses an illustrative loss that improves, then stalls.
   */
  metrics?: readonly number[];
}

/** Values at steps 0 … n−1. n must be a whole number in [0, 1e6]. */
export function sampleSchedule(spec: ScheduleSpec, n: number, options: SampleOptions = {}): number[] {
  if (!(Number.isInteger(n) && n >= 0 && n <= MAX_SAMPLES)) {
    throw new RangeError(`number of samples must be a whole number in [0, ${MAX_SAMPLES}], got ${n}`);
  }
  if (spec.kind === "plateau") {
    const controller = new PlateauController(spec);
    const metrics = options.metrics ?? illustrativeLoss(Math.max(0, n - 1));
    const out = [spec.lr];
    for (let k = 1; k < n; k += 1) out.push(k - 1 < metrics.length ? controller.report(metrics[k - 1] as number) : controller.state.lr);
    return out.slice(0, n);
  }
  const schedule = makeSchedule(spec);
  return Array.from({ length: n }, (_, t) => schedule(t));
}
