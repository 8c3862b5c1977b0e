/**
 * Keras 3 adapter: keras.optimizers.schedules (ExponentialDecay,
 * PiecewiseConstantDecay, PolynomialDecay, InverseTimeDecay, CosineDecay,
 * CosineDecayRestarts) and the ReduceLROnPlateau callback.
 *
 * `values` (./keras-sim.ts) transcribes keras/src/optimizers/schedules/learning_rate_schedule.py
 * (keras-team/keras at 2534b64, Keras 3) operation for operation, including
 * its quirks: PiecewiseConstantDecay switches *after* a boundary (step ≤ b
 * keeps the old value), PolynomialDecay's `cycle` counts step 0 as the first
 * cycle, CosineDecay's `decay_steps` start after the warmup, and
 * CosineDecayRestarts finds the cycle with a logarithm (so a step exactly on a
 * restart can land at the end of the previous cycle when t_mul ≠ 1).
 * Value i is `schedule(i)`, the rate of update i (the optimizer calls the
 * schedule with its iteration count). Keras computes in the dtype of
 * `initial_learning_rate` (float32 by default); these values are the same
 * formula in float64, so Keras' own output differs by float32 rounding
 * (relative error up to about 1e-6).
 *
 * ReduceLROnPlateau follows keras/src/callbacks/reduce_lr_on_plateau.py: value
 * i is the rate used in epoch i, after the metrics of epochs 0 … i − 1.
 */
import type { ScheduleSpec } from "../types.ts";
import { checkSpec } from "../make.ts";
import { sampleSchedule } from "../sample.ts";
import type { Adapter, ConfigResult, FrameworkCase, SnippetResult, SpecResult } from "./types.ts";
import { errorMessage } from "./kwargs.ts";
import { tableLiteral } from "./closed-form.ts";
import { pythonFloat } from "./python.ts";
import { kerasConfig } from "./keras-config.ts";
import { kerasSchedule, NAMES, plateauOptions, kerasValues as values } from "./keras-sim.ts";

export { kerasConfig } from "./keras-config.ts";

function specFor(name: string, params: Record<string, unknown>, baseLr?: number): SpecResult {
  const num = (key: string, fallback: number): number => (typeof params[key] === "number" ? params[key] : fallback);
  const bool = (key: string): boolean => params[key] === true;
  const lr0 = num("initial_learning_rate", Number.NaN);
  switch (name) {
    case "lambda":
      return { ok: true, spec: { kind: "lambda", lr: 1, expression: typeof params.fn === "string" ? params.fn : "" } };
    case "ExponentialDecay": {
      const rate = num("decay_rate", Number.NaN);
      const d = num("decay_steps", 1);
      if (!(rate > 0 && rate <= 1)) return { ok: false, error: `ExponentialDecay with decay_rate ${rate} is not a decay (our exponential needs 0 < decay_rate ≤ 1)` };
      if (bool("staircase") && !Number.isInteger(d)) return { ok: false, error: "a staircase needs an integer decay_steps in our exponential" };
      return { ok: true, spec: { kind: "exponential", lr: lr0, k: -Math.log(rate) / d, staircase: bool("staircase"), decaySteps: Number.isInteger(d) ? d : 1, minLr: 0 } };
    }
    case "InverseTimeDecay": {
      const d = num("decay_steps", 1);
      if (bool("staircase") && !Number.isInteger(d)) return { ok: false, error: "a staircase needs an integer decay_steps in our inverse-time decay" };
      return { ok: true, spec: { kind: "inverse-time", lr: lr0, k: num("decay_rate", Number.NaN) / d, staircase: bool("staircase"), decaySteps: Number.isInteger(d) ? d : 1 } };
    }
    case "PolynomialDecay":
      return { ok: true, spec: { kind: "polynomial", lr: lr0, endLr: num("end_learning_rate", 0.0001), decaySteps: num("decay_steps", 1), power: num("power", 1), cycle: bool("cycle") } };
    case "PiecewiseConstantDecay":
      return { ok: true, spec: { kind: "piecewise-constant", boundaries: params.boundaries as number[], values: params.values as number[], switchAfterBoundary: true } };
    case "CosineDecay": {
      const alpha = num("alpha", 0);
      const cosine = (from: number): ScheduleSpec => ({ kind: "cosine", lr: from, minLr: from * alpha, decaySteps: num("decay_steps", 1), exponent: 1, periodic: false });
      const target = params.warmup_target;
      if (typeof target !== "number" || num("warmup_steps", 0) === 0) return { ok: true, spec: cosine(typeof target === "number" ? target : lr0) };
      return { ok: true, spec: { kind: "warmup", startLr: lr0, warmupSteps: num("warmup_steps", 0), shape: "linear", after: cosine(target) } };
    }
    case "CosineDecayRestarts": {
      const alpha = num("alpha", 0);
      return {
        ok: true,
        spec: { kind: "cosine-restarts", lr: lr0, minLr: lr0 * alpha, period: num("first_decay_steps", 1), tMult: num("t_mul", 2), mMul: num("m_mul", 1) },
        ...(num("t_mul", 2) !== 1 ? { caveat: "Keras finds the cycle with a logarithm, so on a restart step it can return the end of the previous cycle instead of the new peak" } : {}),
      };
    }
    case "ReduceLROnPlateau": {
      const o = plateauOptions(params);
      if (baseLr === undefined) return { ok: false, error: "ReduceLROnPlateau needs base_lr: the optimizer's learning_rate" };
      return {
        ok: true,
        spec: { kind: "plateau", lr: baseLr, mode: o.mode, factor: o.factor, patience: o.patience, threshold: o.minDelta, thresholdMode: "abs", cooldown: o.cooldown, minLr: o.minLr, eps: 0, convention: "keras" },
      };
    }
    default:
      return { ok: false, error: `unknown Keras schedule "${name}"; supported: ${NAMES.join(", ")}` };
  }
}

function toSpec(name: string, params: Record<string, unknown>, baseLr?: number): SpecResult {
  try {
    if (name !== "ReduceLROnPlateau") kerasSchedule(name, params);
    const result = specFor(name, params, baseLr);
    if (!result.ok) return result;
    return { ...result, spec: checkSpec(result.spec) };
  } catch (error) {
    return { ok: false, error: errorMessage(error) };
  }
}

function argText(value: unknown): string {
  if (typeof value === "boolean") return value ? "True" : "False";
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => argText(v)).join(", ")}]`;
  return Number.isInteger(value) && Math.abs(value as number) < 1e15 ? String(value) : pythonFloat(value as number);
}

const FLOAT_ARGS = new Set(["initial_learning_rate", "decay_rate", "end_learning_rate", "power", "alpha", "warmup_target", "t_mul", "m_mul", "factor", "min_delta", "min_lr"]);

function callText(config: FrameworkCase): string {
  return Object.entries(config.params)
    .map(([k, v]) => `${k}=${FLOAT_ARGS.has(k) && typeof v === "number" ? pythonFloat(v) : argText(v)}`)
    .join(", ");
}

function snippet(spec: ScheduleSpec, totalSteps: number): SnippetResult {
  try {
    const checked = checkSpec(spec);
    const found = kerasConfig(checked, totalSteps);
    if (found?.exact && found.config.name === "ReduceLROnPlateau") {
      return {
        ok: true,
        code:
          "import keras\n\n" +
          `optimizer = keras.optimizers.SGD(learning_rate=${pythonFloat(found.config.baseLr as number)}, momentum=0.9)\n` +
          `reduce = keras.callbacks.ReduceLROnPlateau(monitor="val_loss", ${callText(found.config)})\n` +
          "# model.compile(optimizer=optimizer, ...)\n# model.fit(..., validation_data=..., callbacks=[reduce])\n",
      };
    }
    if (checked.kind === "plateau") return { ok: false, reason: "Keras' ReduceLROnPlateau counts patience the Keras way with an absolute min_delta; switch the convention to keras and the threshold mode to abs" };
    if (found?.exact) {
      return {
        ok: true,
        code:
          "import keras\n\n" +
          `schedule = keras.optimizers.schedules.${found.config.name}(${callText(found.config)})\n` +
          "optimizer = keras.optimizers.SGD(learning_rate=schedule, momentum=0.9)\n" +
          "# The optimizer calls schedule(iterations): update i uses schedule(i).\n",
      };
    }
    // No built-in matches: a schedule that looks the rate up in a table of this run's values.
    const table = sampleSchedule(checked, Math.max(1, totalSteps));
    return {
      ok: true,
      code:
        "import keras\n\n" +
        `# The rate for each of the ${table.length} updates of this run (Keras has no built-in schedule with these settings).\n` +
        `RATES = ${tableLiteral(table, pythonFloat)}\n\n` +
        "class TableSchedule(keras.optimizers.schedules.LearningRateSchedule):\n" +
        "    def __init__(self, rates):\n        self.rates = rates\n\n" +
        "    def __call__(self, step):\n" +
        "        index = keras.ops.minimum(keras.ops.cast(step, \"int32\"), len(self.rates) - 1)\n" +
        "        return keras.ops.take(keras.ops.convert_to_tensor(self.rates, dtype=\"float32\"), index)\n\n" +
        "    def get_config(self):\n        return {\"rates\": self.rates}\n\n" +
        "optimizer = keras.optimizers.SGD(learning_rate=TableSchedule(RATES), momentum=0.9)\n",
    };
  } catch (error) {
    return { ok: false, reason: errorMessage(error) };
  }
}

export const kerasAdapter: Adapter = {
  library: "keras",
  label: "Keras",
  names: NAMES,
  values,
  toSpec,
  snippet,
  configFor: (spec, steps): ConfigResult => {
    const found = kerasConfig(spec, steps);
    return found ? { ok: true, config: found.config } : { ok: false, reason: "Keras has no built-in schedule for these settings (the snippet uses a table schedule)" };
  },
};
