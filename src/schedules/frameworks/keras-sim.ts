/**
 * A transcription of keras.optimizers.schedules (keras/src/optimizers/schedules/
 * learning_rate_schedule.py, keras-team/keras at 2534b64) and the
 * ReduceLROnPlateau callback (keras/src/callbacks/reduce_lr_on_plateau.py),
 * operation for operation, with the quirks listed in ./keras.ts. Value i is
 * `schedule(i)`, the rate of update i.
 */
import { PlateauController } from "../plateau.ts";
import type { FrameworkCase, ValuesResult } from "./types.ts";
import { ConfigError, Kwargs, errorMessage } from "./kwargs.ts";
import { expressionArg, guardedValues } from "./expression-arg.ts";
import { checkSteps, sampleClosedForm } from "./closed-form.ts";

export const NAMES = [
  "ExponentialDecay",
  "PiecewiseConstantDecay",
  "PolynomialDecay",
  "InverseTimeDecay",
  "CosineDecay",
  "CosineDecayRestarts",
  "ReduceLROnPlateau",
  "lambda",
] as const;

const POSITIVE = { min: 0, minExclusive: true } as const;

/** The schedule as Keras computes it (float64), from its keyword arguments. */
export function kerasSchedule(name: string, params: unknown): (step: number) => number {
  const kw = new Kwargs(name, params);
  kw.raw("name");
  switch (name) {
    case "lambda": {
      // Any callable of the step is a Keras schedule (a LearningRateSchedule's __call__): the function as text, e.g. {"fn": "lambda step: 0.1 * 0.99 ** step"}.
      const f = guardedValues("Keras lambda", expressionArg(kw, "lambda", "fn"));
      kw.done();
      return f;
    }
    case "ExponentialDecay": {
      const lr0 = kw.number("initial_learning_rate", undefined);
      const decaySteps = kw.number("decay_steps", undefined, POSITIVE);
      const rate = kw.number("decay_rate", undefined);
      const staircase = kw.boolean("staircase", false);
      kw.done();
      return (step) => {
        let p = step / decaySteps;
        if (staircase) p = Math.floor(p);
        return lr0 * rate ** p;
      };
    }
    case "InverseTimeDecay": {
      const lr0 = kw.number("initial_learning_rate", undefined);
      const decaySteps = kw.number("decay_steps", undefined, POSITIVE);
      const rate = kw.number("decay_rate", undefined);
      const staircase = kw.boolean("staircase", false);
      kw.done();
      return (step) => {
        let p = step / decaySteps;
        if (staircase) p = Math.floor(p);
        return lr0 / (1 + rate * p);
      };
    }
    case "PolynomialDecay": {
      const lr0 = kw.number("initial_learning_rate", undefined);
      const decaySteps = kw.number("decay_steps", undefined, POSITIVE);
      const end = kw.number("end_learning_rate", 0.0001);
      const power = kw.number("power", 1);
      const cycle = kw.boolean("cycle", false);
      kw.done();
      return (step) => {
        let s = step;
        let d = decaySteps;
        if (cycle) {
          const multiplier = s === 0 ? 1 : Math.ceil(s / decaySteps);
          d = d * multiplier;
        } else {
          s = Math.min(s, d);
        }
        const p = s / d;
        return (lr0 - end) * (1 - p) ** power + end;
      };
    }
    case "PiecewiseConstantDecay": {
      const boundaries = kw.numberList("boundaries");
      const values = kw.numberList("values");
      kw.done();
      if (boundaries.length !== values.length - 1) {
        throw new ConfigError(`PiecewiseConstantDecay: the length of boundaries should be 1 less than the length of values, got ${boundaries.length} boundaries and ${values.length} values`);
      }
      if (boundaries.length === 0) throw new ConfigError("PiecewiseConstantDecay: needs at least one boundary (Keras indexes boundaries[0])");
      return (step) => {
        // Keras sums indicator × value over the intervals (step ≤ b0, b_{i−1} < step ≤ b_i, step > b_last).
        let result = 0;
        if (step <= (boundaries[0] as number)) result += values[0] as number;
        if (step > (boundaries[boundaries.length - 1] as number)) result += values[values.length - 1] as number;
        for (let i = 0; i + 1 < boundaries.length; i += 1) {
          if (step > (boundaries[i] as number) && step <= (boundaries[i + 1] as number)) result += values[i + 1] as number;
        }
        return result;
      };
    }
    case "CosineDecay": {
      const lr0 = kw.number("initial_learning_rate", undefined);
      const decaySteps = kw.number("decay_steps", undefined, POSITIVE);
      const alpha = kw.number("alpha", 0);
      const warmupTarget = kw.optionalNumber("warmup_target");
      const warmupSteps = kw.number("warmup_steps", 0, { min: 0 });
      kw.done();
      const decay = (step: number, from: number) => {
        const cosineDecayed = 0.5 * (1 + Math.cos(Math.PI * (step / decaySteps)));
        const decayed = (1 - alpha) * cosineDecayed + alpha;
        return from * decayed;
      };
      if (warmupTarget === undefined) return (step) => decay(Math.min(step, decaySteps), lr0);
      if (warmupSteps === 0) {
        // step < 0 never holds, so Keras goes straight to the decay from warmup_target.
        return (step) => decay(Math.min(step, decaySteps), warmupTarget);
      }
      return (step) => {
        const s = Math.min(step, decaySteps + warmupSteps);
        if (s < warmupSteps) return (warmupTarget - lr0) * (s / warmupSteps) + lr0;
        return decay(s - warmupSteps, warmupTarget);
      };
    }
    case "CosineDecayRestarts": {
      const lr0 = kw.number("initial_learning_rate", undefined);
      const first = kw.number("first_decay_steps", undefined, POSITIVE);
      const tMul = kw.number("t_mul", 2, POSITIVE);
      const mMul = kw.number("m_mul", 1, { min: 0 });
      const alpha = kw.number("alpha", 0);
      kw.done();
      return (step) => {
        let fraction = step / first;
        let restart: number;
        if (tMul === 1) {
          restart = Math.floor(fraction);
          fraction -= restart;
        } else {
          restart = Math.floor(Math.log(1 - fraction * (1 - tMul)) / Math.log(tMul));
          const sumR = (1 - tMul ** restart) / (1 - tMul);
          fraction = (fraction - sumR) / tMul ** restart;
        }
        const mFac = mMul ** restart;
        const cosineDecayed = 0.5 * mFac * (1 + Math.cos(Math.PI * fraction));
        return lr0 * ((1 - alpha) * cosineDecayed + alpha);
      };
    }
    default:
      throw new ConfigError(`unknown Keras schedule "${name}"; supported: ${NAMES.join(", ")}`);
  }
}

interface KerasPlateau { monitor: string; mode: "min" | "max"; factor: number; patience: number; minDelta: number; cooldown: number; minLr: number }

/** ReduceLROnPlateau's arguments, checked as the callback checks them. */
export function plateauOptions(params: unknown): KerasPlateau {
  const kw = new Kwargs("ReduceLROnPlateau", params);
  const monitor = typeof kw.raw("monitor") === "string" ? (kw.raw("monitor") as string) : "val_loss";
  const factor = kw.number("factor", 0.1, { min: 0 });
  if (factor >= 1) throw new ConfigError(`ReduceLROnPlateau: factor must be < 1 (Keras raises ValueError), got ${factor}`);
  const patience = kw.number("patience", 10, { min: 0, integer: true });
  kw.number("verbose", 0);
  const modeArg = kw.choice("mode", ["auto", "min", "max"] as const, "auto");
  const minDelta = kw.number("min_delta", 1e-4, { min: 0 });
  const cooldown = kw.number("cooldown", 0, { min: 0, integer: true });
  const minLr = kw.number("min_lr", 0, { min: 0 });
  kw.done();
  // Keras: mode "auto" means "max" when the monitored name contains "acc", otherwise "min".
  const mode = modeArg === "auto" ? (monitor.includes("acc") ? "max" : "min") : modeArg;
  return { monitor, mode, factor, patience, minDelta, cooldown, minLr };
}

function plateauValues(c: FrameworkCase): ValuesResult {
  try {
    const steps = checkSteps(c.steps);
    if (c.baseLr === undefined || !(Number.isFinite(c.baseLr) && c.baseLr > 0)) {
      throw new ConfigError("ReduceLROnPlateau needs base_lr > 0: the optimizer's learning_rate");
    }
    const o = plateauOptions(c.params);
    const metrics = c.metrics ?? [];
    if (metrics.length < Math.max(0, steps - 1)) {
      throw new ConfigError(`ReduceLROnPlateau needs one metric per epoch before the last: got ${metrics.length} for ${steps} epochs`);
    }
    const controller = new PlateauController({
      kind: "plateau", lr: c.baseLr, mode: o.mode, factor: o.factor, patience: o.patience, threshold: o.minDelta, thresholdMode: "abs",
      cooldown: o.cooldown, minLr: o.minLr, eps: 0, convention: "keras",
    });
    const lr: number[] = [];
    for (let i = 0; i < steps; i += 1) {
      lr.push(controller.state.lr);
      if (i < steps - 1) controller.report(metrics[i] as number);
    }
    return { ok: true, lr };
  } catch (error) {
    return { ok: false, error: errorMessage(error) };
  }
}

/** The rates of a keras case, or why the library would refuse it. */
export function kerasValues(c: FrameworkCase): ValuesResult {
  if (c.name === "ReduceLROnPlateau") return plateauValues(c);
  return sampleClosedForm(c, (k) => {
    if (k.baseLr !== undefined) throw new ConfigError(`base_lr is not used by Keras ${k.name}: initial_learning_rate sets the rate`);
    return kerasSchedule(k.name, k.params);
  });
}
