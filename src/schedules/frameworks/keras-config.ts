/**
 * Our spec → the Keras schedule a Keras user would write ("the same
 * settings"), one entry per kind. `exact` says whether it gives the same
 * numbers over `totalSteps` steps as far as the formulas go; the adapter's
 * snippet falls back to a table schedule otherwise.
 */
import type { ScheduleSpec } from "../types.ts";
import { lookup, none, type FrameworkCase, type KindTable } from "./types.ts";

export interface KerasFit {
  config: FrameworkCase;
  exact: boolean;
}

const fit = (totalSteps: number, name: string, params: Record<string, unknown>, exact: boolean): KerasFit => ({ config: { name, params, steps: totalSteps }, exact });

const KERAS: KindTable<KerasFit, [totalSteps: number]> = {
  constant: none("a constant rate is a float learning_rate in Keras, not a schedule"),
  step: (spec, n) => fit(n, "ExponentialDecay", { initial_learning_rate: spec.lr, decay_steps: spec.stepSize, decay_rate: spec.gamma, staircase: true }, true),
  "multi-step": (spec, n) => {
    const unique = [...new Set(spec.milestones)].sort((a, b) => a - b);
    if (unique.length === 0) return undefined;
    const values = [spec.lr, ...unique.map((m) => spec.lr * spec.gamma ** spec.milestones.filter((x) => x <= m).length)];
    // Keras switches after the boundary; shifting the boundaries by one makes it match.
    return fit(n, "PiecewiseConstantDecay", { boundaries: unique, values }, false);
  },
  exponential: (spec, n) =>
    spec.minLr > 0
      ? undefined
      : fit(n, "ExponentialDecay", { initial_learning_rate: spec.lr, decay_steps: spec.decaySteps, decay_rate: Math.exp(-spec.k * spec.decaySteps), staircase: spec.staircase }, true),
  "inverse-time": (spec, n) =>
    fit(n, "InverseTimeDecay", { initial_learning_rate: spec.lr, decay_steps: spec.decaySteps, decay_rate: spec.k * spec.decaySteps, staircase: spec.staircase }, true),
  polynomial: (spec, n) =>
    fit(n, "PolynomialDecay", { initial_learning_rate: spec.lr, decay_steps: spec.decaySteps, end_learning_rate: spec.endLr, power: spec.power, cycle: spec.cycle }, true),
  linear: (spec, n) => fit(n, "PolynomialDecay", { initial_learning_rate: spec.lr, decay_steps: spec.decaySteps, end_learning_rate: spec.endLr, power: 1 }, true),
  cosine: (spec, n) =>
    spec.lr > 0
      ? fit(n, "CosineDecay", { initial_learning_rate: spec.lr, decay_steps: spec.decaySteps, alpha: spec.minLr / spec.lr }, spec.exponent === 1 && (!spec.periodic || n <= spec.decaySteps + 1))
      : undefined,
  "cosine-restarts": (spec, n) =>
    spec.lr > 0
      ? fit(n, "CosineDecayRestarts", { initial_learning_rate: spec.lr, first_decay_steps: spec.period, t_mul: spec.tMult, m_mul: spec.mMul, alpha: spec.minLr / spec.lr }, spec.tMult === 1)
      : undefined,
  cyclic: none("keras.optimizers.schedules has no cyclical schedule"),
  "one-cycle": none("keras.optimizers.schedules has no one-cycle schedule"),
  warmup: (spec, n) => {
    const after = spec.after;
    if (spec.shape !== "linear" || after.kind !== "cosine" || after.lr <= 0 || spec.warmupSteps === 0) return undefined;
    return fit(
      n,
      "CosineDecay",
      { initial_learning_rate: spec.startLr, decay_steps: after.decaySteps, alpha: after.minLr / after.lr, warmup_target: after.lr, warmup_steps: spec.warmupSteps },
      after.exponent === 1 && !after.periodic,
    );
  },
  "inverse-sqrt": none("keras.optimizers.schedules has no inverse-square-root schedule"),
  wsd: none("keras.optimizers.schedules has no warmup-stable-decay schedule"),
  "piecewise-constant": (spec, n) =>
    spec.boundaries.length > 0 ? fit(n, "PiecewiseConstantDecay", { boundaries: spec.boundaries, values: spec.values }, spec.switchAfterBoundary) : undefined,
  "piecewise-interpolate": none("keras.optimizers.schedules has no schedule that interpolates between knots"),
  plateau: (spec, n) => ({
    config: {
      name: "ReduceLROnPlateau",
      params: { mode: spec.mode, factor: spec.factor, patience: spec.patience, min_delta: spec.threshold, cooldown: spec.cooldown, min_lr: spec.minLr },
      baseLr: spec.lr,
      steps: n,
    },
    exact: spec.convention === "keras" && spec.thresholdMode === "abs",
  }),
  join: none("keras.optimizers.schedules has no schedule that runs schedules in sequence"),
  chain: none("keras.optimizers.schedules has no schedule that multiplies schedules"),
  lambda: none("keras.optimizers.schedules has no schedule built from an expression; the snippet subclasses LearningRateSchedule with it"),
};

/**
 * The Keras schedule a Keras user would write for our spec ("the same
 * settings"), whether or not it gives the same numbers; `exact` says whether
 * it does over `totalSteps` steps as far as the formulas go.
 */
export function kerasConfig(spec: ScheduleSpec, totalSteps: number): KerasFit | undefined {
  return lookup(KERAS, spec, totalSteps);
}

export { KERAS as KERAS_TABLE };
