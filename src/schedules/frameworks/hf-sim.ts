/**
 * A transcription of Hugging Face transformers' get_scheduler family
 * (src/transformers/optimization.py, huggingface/transformers at 005edac),
 * operation for operation, with the conventions listed in ./hf.ts: each
 * schedule is the factor λ(i) of a torch LambdaLR, value i is base_lr × λ(i).
 */
import type { FrameworkCase, ValuesResult } from "./types.ts";
import { ConfigError, Kwargs, errorMessage } from "./kwargs.ts";
import { checkSteps, sampleClosedForm } from "./closed-form.ts";
import { pytorchAdapter } from "./pytorch.ts";

export const NAMES = [
  "linear",
  "cosine",
  "cosine_with_restarts",
  "polynomial",
  "constant",
  "constant_with_warmup",
  "inverse_sqrt",
  "reduce_lr_on_plateau",
  "cosine_with_min_lr",
  "cosine_warmup_with_min_lr",
  "warmup_stable_decay",
] as const;

/**
 * transformers' own function names for the get_scheduler types
 * (TYPE_TO_SCHEDULER_FUNCTION in transformers/optimization.py): the same
 * schedule and the same keyword arguments, so either name is accepted.
 */
const FUNCTION_NAMES: Readonly<Record<string, (typeof NAMES)[number]>> = {
  get_linear_schedule_with_warmup: "linear",
  get_cosine_schedule_with_warmup: "cosine",
  get_cosine_with_hard_restarts_schedule_with_warmup: "cosine_with_restarts",
  get_polynomial_decay_schedule_with_warmup: "polynomial",
  get_constant_schedule: "constant",
  get_constant_schedule_with_warmup: "constant_with_warmup",
  get_inverse_sqrt_schedule: "inverse_sqrt",
  get_reduce_on_plateau_schedule: "reduce_lr_on_plateau",
  get_cosine_with_min_lr_schedule_with_warmup: "cosine_with_min_lr",
  get_cosine_with_min_lr_schedule_with_warmup_lr_rate: "cosine_warmup_with_min_lr",
  get_wsd_schedule: "warmup_stable_decay",
};

/** The get_scheduler type for a type name or a function name. */
export const hfType = (name: string): string => (Object.hasOwn(FUNCTION_NAMES, name) ? (FUNCTION_NAMES[name] as string) : name);

const COUNT = { min: 0, integer: true } as const;

const warmupFactor = (step: number, warmup: number) => step / Math.max(1, warmup);

/** λ(t) as transformers computes it, from get_scheduler's arguments and the function's own kwargs. */
export function hfLambda(name: string, params: unknown, baseLr: number): (step: number) => number {
  const kw = new Kwargs(name, params);
  kw.raw("last_epoch");
  const warmup = (): number => kw.number("num_warmup_steps", undefined, COUNT);
  const training = (): number => kw.number("num_training_steps", undefined, COUNT);
  switch (name) {
    case "constant":
      kw.done();
      return () => 1;
    case "constant_with_warmup": {
      const w = warmup();
      kw.done();
      return (t) => (t < w ? warmupFactor(t, w) : 1);
    }
    case "linear": {
      const w = warmup();
      const n = training();
      kw.done();
      return (t) => (t < w ? warmupFactor(t, w) : Math.max(0, (n - t) / Math.max(1, n - w)));
    }
    case "cosine":
    case "cosine_with_min_lr": {
      const w = warmup();
      const n = training();
      const cycles = kw.number("num_cycles", 0.5);
      let minRate = 0;
      if (name === "cosine_with_min_lr") {
        const minLr = kw.optionalNumber("min_lr");
        const rate = kw.optionalNumber("min_lr_rate");
        if (minLr !== undefined && rate !== undefined) throw new ConfigError("cosine_with_min_lr: only one of min_lr or min_lr_rate should be set");
        if (minLr === undefined && rate === undefined) throw new ConfigError("cosine_with_min_lr: one of min_lr or min_lr_rate should be set");
        minRate = rate ?? (minLr as number) / baseLr;
      }
      kw.done();
      return (t) => {
        if (t < w) return warmupFactor(t, w);
        const progress = (t - w) / Math.max(1, n - w);
        const factor = 0.5 * (1 + Math.cos(Math.PI * cycles * 2 * progress));
        return Math.max(0, factor * (1 - minRate) + minRate);
      };
    }
    case "cosine_warmup_with_min_lr": {
      const w = warmup();
      const n = training();
      const cycles = kw.number("num_cycles", 0.5);
      const minLr = kw.optionalNumber("min_lr");
      const rate = kw.optionalNumber("min_lr_rate");
      const warmupRate = kw.optionalNumber("warmup_lr_rate");
      kw.done();
      if (minLr !== undefined && rate !== undefined) throw new ConfigError("cosine_warmup_with_min_lr: only one of min_lr or min_lr_rate should be set");
      if (minLr === undefined && rate === undefined) throw new ConfigError("cosine_warmup_with_min_lr: one of min_lr or min_lr_rate should be set");
      const minRate = rate ?? (minLr as number) / baseLr;
      return (t) => {
        if (t < w) return warmupRate === undefined ? (t + 1) / Math.max(1, w) : warmupRate + ((1 - warmupRate) * t) / Math.max(1, w - 1);
        const progress = (t - w + 1) / Math.max(1, n - w);
        const factor = 0.5 * (1 + Math.cos(Math.PI * cycles * 2 * progress));
        return Math.max(0, factor * (1 - minRate) + minRate);
      };
    }
    case "cosine_with_restarts": {
      const w = warmup();
      const n = training();
      const cycles = kw.number("num_cycles", 1);
      kw.done();
      return (t) => {
        if (t < w) return warmupFactor(t, w);
        const progress = (t - w) / Math.max(1, n - w);
        if (progress >= 1) return 0;
        // Python's % on floats: the result takes the sign of the divisor.
        const phase = (((cycles * progress) % 1) + 1) % 1;
        return Math.max(0, 0.5 * (1 + Math.cos(Math.PI * phase)));
      };
    }
    case "polynomial": {
      const w = warmup();
      const n = training();
      const lrEnd = kw.number("lr_end", 1e-7);
      const power = kw.number("power", 1);
      kw.done();
      if (!(baseLr > lrEnd)) throw new ConfigError(`polynomial: lr_end (${lrEnd}) must be smaller than initial lr (${baseLr})`);
      if (n === w) throw new ConfigError("polynomial: num_training_steps equal to num_warmup_steps divides by zero at that step in transformers");
      return (t) => {
        if (t < w) return warmupFactor(t, w);
        if (t > n) return lrEnd / baseLr;
        const pctRemaining = 1 - (t - w) / (n - w);
        return ((baseLr - lrEnd) * pctRemaining ** power + lrEnd) / baseLr;
      };
    }
    case "inverse_sqrt": {
      const w = warmup();
      const given = kw.optionalNumber("timescale", { min: 0, minExclusive: true, integer: true });
      kw.done();
      const timescale = given ?? (w || 10_000);
      return (t) => (t < w ? warmupFactor(t, w) : 1 / Math.sqrt((t + (timescale - w)) / timescale));
    }
    case "warmup_stable_decay": {
      const w = warmup();
      const decay = kw.number("num_decay_steps", undefined, COUNT);
      const total = kw.optionalNumber("num_training_steps", COUNT);
      const stableGiven = kw.optionalNumber("num_stable_steps", COUNT);
      const warmupType = kw.choice("warmup_type", ["linear", "cosine", "1-sqrt"] as const, "linear");
      const decayType = kw.choice("decay_type", ["linear", "cosine", "1-sqrt"] as const, "cosine");
      const ratio = kw.number("min_lr_ratio", 0);
      const cycles = kw.number("num_cycles", 0.5);
      kw.done();
      if (total === undefined && stableGiven === undefined) throw new ConfigError("warmup_stable_decay: either num_training_steps or num_stable_steps must be specified");
      const stable = stableGiven ?? (total as number) - w - decay;
      return (t) => {
        if (t < w) {
          const p = t / Math.max(1, w);
          const f = warmupType === "linear" ? p : warmupType === "cosine" ? 0.5 * (1 - Math.cos(Math.PI * p)) : 1 - Math.sqrt(1 - p);
          return Math.max(0, f * (1 - ratio) + ratio);
        }
        if (t < w + stable) return 1;
        if (t < w + stable + decay) {
          const p = (t - w - stable) / Math.max(1, decay);
          const f = decayType === "linear" ? 1 - p : decayType === "cosine" ? 0.5 * (1 + Math.cos(Math.PI * cycles * 2 * p)) : 1 - Math.sqrt(p);
          return Math.max(0, f * (1 - ratio) + ratio);
        }
        return ratio;
      };
    }
    default:
      throw new ConfigError(`unknown Hugging Face scheduler "${name}"; supported: ${NAMES.join(", ")}`);
  }
}

/** base_lr, checked: the optimizer's rate the factors multiply. */
export function checkBase(baseLr: number | undefined): number {
  if (baseLr === undefined) return 1;
  if (!(Number.isFinite(baseLr) && baseLr > 0)) throw new ConfigError(`base_lr must be a number > 0 (the optimizer's lr), got ${String(baseLr)}`);
  return baseLr;
}

/** The rates of a hf case, or why the library would refuse it. */
export function hfValues(given: FrameworkCase): ValuesResult {
  const c = { ...given, name: hfType(given.name) };
  if (c.name === "reduce_lr_on_plateau") {
    try {
      const steps = checkSteps(c.steps);
      const metrics = c.metrics ?? [];
      const run = pytorchAdapter.values({ name: "ReduceLROnPlateau", params: c.params, baseLr: checkBase(c.baseLr), steps: Math.max(0, steps - 1), metrics: metrics.slice(0, Math.max(0, steps - 1)) });
      return run.ok ? { ok: true, lr: run.lr.slice(0, steps) } : run;
    } catch (error) {
      return { ok: false, error: errorMessage(error) };
    }
  }
  return sampleClosedForm(c, (k) => {
    const base = checkBase(k.baseLr);
    const lambda = hfLambda(k.name, k.params, base);
    return (t) => base * lambda(t);
  });
}
