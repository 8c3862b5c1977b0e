/**
 * Momentum cycling, as PyTorch's OneCycleLR and CyclicLR do it when
 * `cycle_momentum=True`: momentum (or Adam's β₁) moves opposite to the rate,
 * high while the rate is low. Each family that cycles momentum says how
 * (`Family.momentum`, see cycles.ts); this module asks it.
 */
import { familyOf } from "./registry.ts";
import type { MomentumRange, ScheduleSpec } from "./types.ts";

export type { MomentumRange } from "./types.ts";

/** PyTorch's default bounds for a schedule that cycles momentum; null for the others. */
export function defaultMomentumRange(spec: ScheduleSpec): MomentumRange | null {
  return familyOf(spec.kind).momentum?.range ?? null;
}

/** Momentum as a function of the step for schedules that cycle it; null for the others. */
export function momentumSchedule(spec: ScheduleSpec, range: MomentumRange | null = defaultMomentumRange(spec)): ((t: number) => number) | null {
  const cycling = familyOf(spec.kind).momentum;
  return range && cycling ? cycling.make(spec, range) : null;
}
