/**
 * Momentum cycling, as PyTorch's OneCycleLR and CyclicLR do it when
 * `cycle_momentum=True`: momentum (or Adam's β₁) moves opposite to the rate,
 * high while the rate is low. OneCycleLR anneals max_momentum → base_momentum
 * over the rising phase and back over the falling phase (three-phase: stays at
 * max in the last phase); CyclicLR sets
 * m = max_m − (max_m − base_m) · (η − η_base)/(η_max − η_base).
 */
import { annealCos, annealLinear, oneCyclePhases } from "./cycles.ts";
import { makeSchedule } from "./make.ts";
import type { ScheduleSpec } from "./types.ts";

export interface MomentumRange {
  base: number;
  max: number;
}

/** PyTorch's defaults: OneCycleLR (0.85, 0.95), CyclicLR (0.8, 0.9). */
export function defaultMomentumRange(spec: ScheduleSpec): MomentumRange | null {
  if (spec.kind === "one-cycle") return { base: 0.85, max: 0.95 };
  if (spec.kind === "cyclic") return { base: 0.8, max: 0.9 };
  return null;
}

/** Momentum as a function of the step for schedules that cycle it; null for the others. */
export function momentumSchedule(spec: ScheduleSpec, range: MomentumRange | null = defaultMomentumRange(spec)): ((t: number) => number) | null {
  if (!range) return null;
  if (spec.kind === "cyclic") {
    const lr = makeSchedule(spec);
    const span = spec.maxLr - spec.baseLr;
    return (t) => (span === 0 ? range.max : range.max - ((range.max - range.base) * (lr(t) - spec.baseLr)) / span);
  }
  if (spec.kind === "one-cycle") {
    const phases = oneCyclePhases(spec);
    const anneal = spec.anneal === "cos" ? annealCos : annealLinear;
    const ends = spec.threePhase ? [[range.max, range.base], [range.base, range.max], [range.max, range.max]] : [[range.max, range.base], [range.base, range.max]];
    return (t) => {
      let startStep = 0;
      for (const [i, phase] of phases.entries()) {
        const [from, to] = ends[i] as [number, number];
        if (t <= phase.endStep || i === phases.length - 1) return anneal(from, to, Math.min(1, (t - startStep) / (phase.endStep - startStep)));
        startStep = phase.endStep;
      }
      return range.max;
    };
  }
  return null;
}
