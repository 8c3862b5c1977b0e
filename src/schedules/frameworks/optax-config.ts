/**
 * Our spec → the optax call an optax user would write, one entry per kind;
 * `exact` when the formulas agree over `totalSteps` (the adapter's snippet
 * falls back to a table otherwise).
 */
import type { ScheduleSpec } from "../types.ts";
import { lookup, none, type FrameworkCase, type KindTable } from "./types.ts";

export interface OptaxFit {
  config: FrameworkCase;
  exact: boolean;
}

const fit = (totalSteps: number, name: string, params: Record<string, unknown>, exact: boolean): OptaxFit => ({ config: { name, params, steps: totalSteps }, exact });

/** optax's boundaries_and_scales: the factor that takes each value to the next. */
const scaleTable = (boundaries: number[], values: number[]) =>
  Object.fromEntries(boundaries.map((b, i) => [String(b), (values[i + 1] as number) / (values[i] as number)]));

const OPTAX: KindTable<OptaxFit, [totalSteps: number]> = {
  constant: (spec, n) => fit(n, "constant_schedule", { value: spec.lr }, true),
  step: (spec, n) => fit(n, "exponential_decay", { init_value: spec.lr, transition_steps: spec.stepSize, decay_rate: spec.gamma, staircase: true }, spec.gamma > 0),
  "multi-step": (spec, n) => {
    const unique = [...new Set(spec.milestones)].sort((a, b) => a - b);
    return fit(n, "piecewise_constant_schedule", { init_value: spec.lr, boundaries_and_scales: Object.fromEntries(unique.map((m) => [String(m), spec.gamma ** spec.milestones.filter((x) => x === m).length])) }, true);
  },
  exponential: (spec, n) =>
    fit(n, "exponential_decay", {
      init_value: spec.lr, transition_steps: spec.decaySteps, decay_rate: Math.exp(-spec.k * spec.decaySteps), staircase: spec.staircase,
      ...(spec.minLr > 0 ? { end_value: spec.minLr } : {}),
    }, true),
  "inverse-time": none("optax has no inverse-time schedule"),
  polynomial: (spec, n) => fit(n, "polynomial_schedule", { init_value: spec.lr, end_value: spec.endLr, power: spec.power, transition_steps: spec.decaySteps }, !spec.cycle),
  linear: (spec, n) => fit(n, "linear_schedule", { init_value: spec.lr, end_value: spec.endLr, transition_steps: spec.decaySteps }, true),
  cosine: (spec, n) =>
    spec.lr > 0
      ? fit(n, "cosine_decay_schedule", { init_value: spec.lr, decay_steps: spec.decaySteps, alpha: spec.minLr / spec.lr, exponent: spec.exponent }, !spec.periodic || n <= spec.decaySteps + 1)
      : undefined,
  "cosine-restarts": none("optax's sgdr_schedule takes a list of cycle settings; compare through the values"),
  cyclic: none("optax has no cyclical schedule"),
  "one-cycle": (spec, n) =>
    spec.anneal === "cos" && !spec.threePhase
      ? fit(n, "cosine_onecycle_schedule", { transition_steps: spec.totalSteps, peak_value: spec.maxLr, pct_start: spec.pctStart, div_factor: spec.divFactor, final_div_factor: spec.finalDivFactor }, false)
      : undefined,
  warmup: (spec, n) => {
    const after = spec.after;
    if (spec.shape !== "linear" || spec.warmupSteps === 0) return undefined;
    if (after.kind === "cosine") {
      return fit(n, "warmup_cosine_decay_schedule", {
        init_value: spec.startLr, peak_value: after.lr, warmup_steps: spec.warmupSteps, decay_steps: spec.warmupSteps + after.decaySteps, end_value: after.minLr, exponent: after.exponent,
      }, !after.periodic);
    }
    if (after.kind === "constant") return fit(n, "warmup_constant_schedule", { init_value: spec.startLr, peak_value: after.lr, warmup_steps: spec.warmupSteps }, true);
    if (after.kind === "exponential") {
      return fit(n, "warmup_exponential_decay_schedule", {
        init_value: spec.startLr, peak_value: after.lr, warmup_steps: spec.warmupSteps, transition_steps: after.decaySteps, decay_rate: Math.exp(-after.k * after.decaySteps),
        staircase: after.staircase, ...(after.minLr > 0 ? { end_value: after.minLr } : {}),
      }, true);
    }
    return undefined;
  },
  "inverse-sqrt": none("optax has no inverse-square-root schedule"),
  wsd: none("optax has no warmup-stable-decay schedule"),
  "piecewise-constant": (spec, n) =>
    spec.values.slice(0, -1).some((v) => v === 0)
      ? undefined
      : fit(n, "piecewise_constant_schedule", { init_value: spec.values[0], boundaries_and_scales: scaleTable(spec.boundaries, spec.values) }, !spec.switchAfterBoundary),
  "piecewise-interpolate": (spec, n) =>
    spec.values.slice(0, -1).some((v) => v === 0)
      ? undefined
      : fit(n, "piecewise_interpolate_schedule", { interpolate_type: spec.interpolation, init_value: spec.values[0], boundaries_and_scales: scaleTable(spec.steps.slice(1), spec.values) }, true),
  plateau: (spec, n) => ({
    config: {
      name: "reduce_on_plateau",
      params: { factor: spec.factor, patience: spec.patience, rtol: spec.thresholdMode === "rel" ? spec.threshold : 0, atol: spec.thresholdMode === "abs" ? spec.threshold : 0, cooldown: spec.cooldown, min_scale: spec.minLr / spec.lr },
      baseLr: spec.lr,
      steps: n,
    },
    exact: false,
  }),
  join: none("not written yet: optax.join_schedules over each child's own schedule (the snippet uses a table)"),
  chain: none("optax has no schedule that multiplies schedules"),
  lambda: none("optax has no named schedule for an expression; any callable of the step is a schedule (the snippet writes one)"),
};

/** The optax call an optax user would write for our spec; `exact` when the formulas agree over `totalSteps`. */
export function optaxConfig(spec: ScheduleSpec, totalSteps: number): OptaxFit | undefined {
  return lookup(OPTAX, spec, totalSteps);
}

export { OPTAX as OPTAX_TABLE };
