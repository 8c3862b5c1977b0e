/**
 * Our spec → the Hugging Face get_scheduler call closest to it, one entry per
 * kind of the schedule after any warmup (Hugging Face's types all take
 * num_warmup_steps); `exact` when the formulas agree over `totalSteps`.
 */
import type { ScheduleSpec } from "../types.ts";
import { lookup, none, type FrameworkCase, type KindTable } from "./types.ts";

export interface HfFit {
  config: FrameworkCase;
  exact: boolean;
}

/** The run and the warmup in front of the schedule being mapped. */
interface Outer {
  /** The whole spec (a warmup, or the schedule itself). */
  spec: ScheduleSpec;
  /** Warmup steps in front (0 for none). */
  w: number;
  /** Whether the warmup is Hugging Face's: linear from 0. */
  warmExact: boolean;
  totalSteps: number;
}

const fit = (o: Outer, name: string, baseLr: number, params: Record<string, unknown>, exact: boolean): HfFit => ({ config: { name, params, baseLr, steps: o.totalSteps }, exact });

const noWarmup = (o: Outer) => o.spec.kind !== "warmup";

const HF: KindTable<HfFit, [outer: Outer]> = {
  constant: (inner, o) => (o.w === 0 ? fit(o, "constant", inner.lr, {}, true) : fit(o, "constant_with_warmup", inner.lr, { num_warmup_steps: o.w }, o.warmExact)),
  step: none("get_scheduler has no step decay"),
  "multi-step": none("get_scheduler has no multi-step decay"),
  exponential: none("get_scheduler has no exponential decay"),
  "inverse-time": none("get_scheduler has no inverse-time decay"),
  polynomial: (inner, o) =>
    inner.lr > inner.endLr && inner.endLr > 0
      ? fit(o, "polynomial", inner.lr, { num_warmup_steps: o.w, num_training_steps: o.w + inner.decaySteps, lr_end: inner.endLr, power: inner.power }, o.warmExact && !inner.cycle)
      : undefined,
  linear: (inner, o) => (inner.lr > 0 ? fit(o, "linear", inner.lr, { num_warmup_steps: o.w, num_training_steps: o.w + inner.decaySteps }, o.warmExact && inner.endLr === 0) : undefined),
  cosine: (inner, o) => {
    if (inner.lr <= 0) return undefined;
    const exact = o.warmExact && inner.exponent === 1 && (inner.periodic || o.totalSteps <= o.w + inner.decaySteps + 1);
    return inner.minLr === 0
      ? fit(o, "cosine", inner.lr, { num_warmup_steps: o.w, num_training_steps: o.w + inner.decaySteps }, exact)
      : fit(o, "cosine_with_min_lr", inner.lr, { num_warmup_steps: o.w, num_training_steps: o.w + inner.decaySteps, min_lr_rate: inner.minLr / inner.lr }, exact);
  },
  "cosine-restarts": (spec, o) => {
    if (!noWarmup(o) || spec.lr <= 0) return undefined;
    const length = Math.max(spec.period, o.totalSteps);
    return fit(o, "cosine_with_restarts", spec.lr, { num_warmup_steps: 0, num_training_steps: length, num_cycles: Math.max(1, Math.round(length / spec.period)) }, false);
  },
  cyclic: none("get_scheduler has no cyclical schedule"),
  "one-cycle": none("get_scheduler has no one-cycle schedule"),
  warmup: none("a warmup is mapped through the schedule it hands over to (every get_scheduler type takes num_warmup_steps)"),
  "inverse-sqrt": (spec, o) =>
    noWarmup(o) ? fit(o, "inverse_sqrt", spec.lr, { num_warmup_steps: spec.warmupSteps, timescale: spec.timescale }, Number.isInteger(spec.timescale)) : undefined,
  wsd: (spec, o) =>
    noWarmup(o) && spec.lr > 0
      ? fit(o, "warmup_stable_decay", spec.lr, {
          num_warmup_steps: spec.warmupSteps, num_stable_steps: spec.stableSteps, num_decay_steps: spec.decaySteps, warmup_type: spec.warmupShape, decay_type: spec.decayShape, min_lr_ratio: spec.minLr / spec.lr,
        }, true)
      : undefined,
  "piecewise-constant": none("get_scheduler has no piecewise-constant schedule"),
  "piecewise-interpolate": none("get_scheduler has no piecewise-interpolated schedule"),
  plateau: (spec, o) =>
    noWarmup(o)
      ? fit(o, "reduce_lr_on_plateau", spec.lr, { mode: spec.mode, factor: spec.factor, patience: spec.patience, threshold: spec.threshold, threshold_mode: spec.thresholdMode, cooldown: spec.cooldown, min_lr: spec.minLr, eps: spec.eps }, false)
      : undefined,
  join: none("get_scheduler has no sequence of schedules"),
  chain: none("get_scheduler has no product of schedules"),
  lambda: none("get_scheduler takes a schedule name, not a function; use PyTorch's LambdaLR"),
};

/** The get_scheduler call closest to our spec; `exact` when the formulas agree over `totalSteps`. */
export function hfConfig(spec: ScheduleSpec, totalSteps: number): HfFit | undefined {
  const inner = spec.kind === "warmup" ? spec.after : spec;
  const w = spec.kind === "warmup" ? spec.warmupSteps : 0;
  const warmExact = spec.kind !== "warmup" || (spec.shape === "linear" && spec.startLr === 0);
  return lookup(HF, inner, { spec, w, warmExact, totalSteps });
}

export { HF as HF_TABLE };
