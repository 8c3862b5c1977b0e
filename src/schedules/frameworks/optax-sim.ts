/**
 * A transcription of optax's schedules: optax/schedules/_schedule.py and
 * _join.py (google-deepmind/optax at 006cebd) and contrib.reduce_on_plateau
 * (optax/contrib/_reduce_on_plateau.py at 05a7425), operation for operation,
 * with the traps listed in ./optax.ts. Value i is `schedule(i)`, the rate of
 * update i; for reduce_on_plateau, base_lr × the scale applied to update i.
 */
import type { FrameworkCase, ValuesResult } from "./types.ts";
import { ConfigError, Kwargs, errorMessage } from "./kwargs.ts";
import { expressionArg, guardedValues } from "./expression-arg.ts";
import { checkSteps, sampleClosedForm } from "./closed-form.ts";

const LEAF_NAMES = [
  "constant_schedule",
  "linear_schedule",
  "polynomial_schedule",
  "piecewise_constant_schedule",
  "piecewise_interpolate_schedule",
  "exponential_decay",
  "cosine_decay_schedule",
  "warmup_constant_schedule",
  "warmup_cosine_decay_schedule",
  "warmup_exponential_decay_schedule",
  "cosine_onecycle_schedule",
  "linear_onecycle_schedule",
  "sgdr_schedule",
  "lambda",
] as const;

export const NAMES = [...LEAF_NAMES, "join_schedules", "reduce_on_plateau"] as const;

type Fn = (count: number) => number;

function polynomial(init: number, end: number, power: number, transitionSteps: number, transitionBegin: number): Fn {
  if (transitionSteps <= 0) return () => init;
  const begin = transitionBegin < 0 ? 0 : transitionBegin;
  return (count) => {
    const c = Math.min(Math.max(count - begin, 0), transitionSteps);
    const frac = 1 - c / transitionSteps;
    return (init - end) * frac ** power + end;
  };
}

function exponential(init: number, transitionSteps: number, rate: number, transitionBegin: number, staircase: boolean, end: number | undefined): Fn {
  if (transitionSteps <= 0 || rate === 0) return () => init;
  const begin = transitionBegin < 0 ? 0 : transitionBegin;
  const clip = end === undefined ? (v: number) => v : rate < 1 ? (v: number) => Math.max(v, end) : (v: number) => Math.min(v, end);
  return (count) => {
    const decreased = count - begin;
    let p = decreased / transitionSteps;
    if (staircase) p = Math.floor(p);
    return clip(decreased <= 0 ? init : init * rate ** p);
  };
}

function cosineDecay(init: number, decaySteps: number, alpha: number, exponent: number): Fn {
  if (!(decaySteps > 0)) throw new ConfigError(`cosine_decay_schedule requires positive decay_steps, got ${decaySteps}`);
  return (count) => {
    const c = Math.min(count, decaySteps);
    const cosine = 0.5 * (1 + Math.cos((Math.PI * c) / decaySteps));
    return init * ((1 - alpha) * cosine ** exponent + alpha);
  };
}

function join(schedules: Fn[], boundaries: number[]): Fn {
  return (step) => {
    let output = (schedules[0] as Fn)(step);
    boundaries.forEach((b, i) => {
      if (!(step < b)) output = (schedules[i + 1] as Fn)(step - b);
    });
    return output;
  };
}

/** optax's boundaries_and_scales, checked: boundaries and their scales. */
export function scalesOf(where: string, kw: Kwargs, name = "boundaries_and_scales"): [number[], number[]] {
  const raw = kw.raw(name);
  if (raw === undefined || raw === null) return [[], []];
  if (typeof raw !== "object" || Array.isArray(raw)) throw new ConfigError(`${where}: ${name} must be an object {step: scale}, got ${JSON.stringify(raw)}`);
  const entries = Object.entries(raw as Record<string, unknown>).map(([k, v]): [number, number] => {
    const step = Number(k);
    if (!Number.isInteger(step)) throw new ConfigError(`${where}: ${name} keys must be integer steps, got "${k}"`);
    if (typeof v !== "number" || !Number.isFinite(v)) throw new ConfigError(`${where}: ${name}[${k}] must be a number, got ${JSON.stringify(v)}`);
    if (v < 0) throw new ConfigError(`${where}: expects non-negative scale factors, got ${v} at ${k}`);
    return [step, v];
  });
  entries.sort((a, b) => a[0] - b[0]);
  return [entries.map((e) => e[0]), entries.map((e) => e[1])];
}

function piecewiseConstant(init: number, boundaries: number[], scales: number[]): Fn {
  return (count) => {
    let v = init;
    boundaries.forEach((b, i) => {
      if (count >= b) v *= scales[i] as number;
    });
    return v;
  };
}

function piecewiseInterpolate(type: "linear" | "cosine", init: number, boundaries: number[], scales: number[]): Fn {
  const bounds = [0, ...boundaries];
  const values: number[] = [];
  [init, ...scales].forEach((s, i) => values.push(i === 0 ? s : (values[i - 1] as number) * s));
  const blend = type === "linear" ? (a: number, b: number, p: number) => (b - a) * p + a : (a: number, b: number, p: number) => b + ((a - b) / 2) * (Math.cos(Math.PI * p) + 1);
  return (count) => {
    let out = 0;
    for (let i = 0; i + 1 < bounds.length; i += 1) {
      const lo = bounds[i] as number;
      const hi = bounds[i + 1] as number;
      if (lo <= count && count < hi) out += blend(values[i] as number, values[i + 1] as number, (count - lo) / Math.max(hi - lo, 1));
    }
    if ((bounds[bounds.length - 1] as number) <= count) out += values[values.length - 1] as number;
    return out;
  };
}

function warmupCosine(kw: Kwargs): Fn {
  const init = kw.number("init_value", undefined);
  const peak = kw.number("peak_value", undefined);
  const warmup = kw.number("warmup_steps", undefined, { integer: true });
  const decay = kw.number("decay_steps", undefined, { integer: true });
  const end = kw.number("end_value", 0);
  const exponent = kw.number("exponent", 1);
  kw.done();
  const alpha = peak === 0 ? 0 : end / peak;
  return join([polynomial(init, peak, 1, warmup, 0), cosineDecay(peak, decay - warmup, alpha, exponent)], [warmup]);
}

interface Child { name: string; params: unknown }

/** The schedule optax builds for `name(**params)` (float64). */
export function optaxSchedule(name: string, params: unknown): Fn {
  const kw = new Kwargs(name, params);
  switch (name) {
    case "lambda": {
      // Any callable of the step is a optax schedule: the function as text, e.g. {"fn": "lambda step: 0.1 * 0.99 ** step"}.
      const f = guardedValues("optax lambda", expressionArg(kw, "lambda", "fn"));
      kw.done();
      return f;
    }
    case "constant_schedule": {
      const value = kw.number("value", undefined);
      kw.done();
      return () => value;
    }
    case "linear_schedule":
    case "polynomial_schedule": {
      const init = kw.number("init_value", undefined);
      const end = kw.number("end_value", undefined);
      const power = name === "linear_schedule" ? 1 : kw.number("power", undefined);
      const steps = kw.number("transition_steps", undefined, { integer: true });
      const begin = kw.number("transition_begin", 0, { integer: true });
      kw.done();
      return polynomial(init, end, power, steps, begin);
    }
    case "piecewise_constant_schedule": {
      const init = kw.number("init_value", undefined);
      const [b, s] = scalesOf(name, kw);
      kw.done();
      return piecewiseConstant(init, b, s);
    }
    case "piecewise_interpolate_schedule": {
      const type = kw.choice("interpolate_type", ["linear", "cosine"] as const, "linear");
      if (!kw.has("interpolate_type")) throw new ConfigError(`${name}: interpolate_type must be either 'cosine' or 'linear'`);
      const init = kw.number("init_value", undefined);
      const [b, s] = scalesOf(name, kw);
      kw.done();
      return piecewiseInterpolate(type, init, b, s);
    }
    case "exponential_decay": {
      const init = kw.number("init_value", undefined);
      const steps = kw.number("transition_steps", undefined, { integer: true });
      const rate = kw.number("decay_rate", undefined);
      const begin = kw.number("transition_begin", 0, { integer: true });
      const staircase = kw.boolean("staircase", false);
      const end = kw.optionalNumber("end_value");
      kw.done();
      return exponential(init, steps, rate, begin, staircase, end);
    }
    case "cosine_decay_schedule": {
      const init = kw.number("init_value", undefined);
      const decay = kw.number("decay_steps", undefined, { integer: true });
      const alpha = kw.number("alpha", 0);
      const exponent = kw.number("exponent", 1);
      kw.done();
      return cosineDecay(init, decay, alpha, exponent);
    }
    case "warmup_constant_schedule": {
      const init = kw.number("init_value", undefined);
      const peak = kw.number("peak_value", undefined);
      const warmup = kw.number("warmup_steps", undefined, { integer: true });
      kw.done();
      return polynomial(init, peak, 1, warmup, 0);
    }
    case "warmup_cosine_decay_schedule":
      return warmupCosine(kw);
    case "warmup_exponential_decay_schedule": {
      const init = kw.number("init_value", undefined);
      const peak = kw.number("peak_value", undefined);
      const warmup = kw.number("warmup_steps", undefined, { integer: true });
      const steps = kw.number("transition_steps", undefined, { integer: true });
      const rate = kw.number("decay_rate", undefined);
      const begin = kw.number("transition_begin", 0, { integer: true });
      const staircase = kw.boolean("staircase", false);
      const end = kw.optionalNumber("end_value");
      kw.done();
      return join([polynomial(init, peak, 1, warmup, 0), exponential(peak, steps, rate, begin, staircase, end)], [warmup]);
    }
    case "cosine_onecycle_schedule":
    case "linear_onecycle_schedule": {
      const steps = kw.number("transition_steps", undefined, { integer: true });
      const peak = kw.number("peak_value", undefined);
      const pctStart = kw.number("pct_start", 0.3);
      const pctFinal = name === "linear_onecycle_schedule" ? kw.number("pct_final", 0.85) : 0;
      const div = kw.number("div_factor", 25, { min: 0, minExclusive: true });
      const finalDiv = kw.number("final_div_factor", 1e4, { min: 0, minExclusive: true });
      kw.done();
      if (steps <= 0) throw new ConfigError(`A ${name === "cosine_onecycle_schedule" ? "cosine" : "linear"} onecycle schedule was set with a non-positive transition_steps`);
      // Python dict keys: a later equal key overwrites an earlier one, then the items are sorted.
      const table = new Map<number, number>();
      if (name === "cosine_onecycle_schedule") {
        table.set(Math.trunc(pctStart * steps), div);
        table.set(steps, 1 / (div * finalDiv));
      } else {
        table.set(Math.trunc(pctStart * steps), div);
        table.set(Math.trunc(pctFinal * steps), 1 / div);
        table.set(steps, 1 / finalDiv);
      }
      const sorted = [...table.entries()].sort((a, b) => a[0] - b[0]);
      return piecewiseInterpolate(name === "cosine_onecycle_schedule" ? "cosine" : "linear", peak / div, sorted.map((e) => e[0]), sorted.map((e) => e[1]));
    }
    case "sgdr_schedule": {
      const list = kw.raw("cosine_kwargs");
      kw.done();
      if (!Array.isArray(list) || list.length === 0) throw new ConfigError(`${name}: cosine_kwargs must be a non-empty list of warmup_cosine_decay_schedule arguments`);
      const schedules: Fn[] = [];
      const boundaries: number[] = [];
      let step = 0;
      list.forEach((item, i) => {
        schedules.push(warmupCosine(new Kwargs(`${name}: cosine_kwargs[${i}]`, item)));
        step += (item as { decay_steps: number }).decay_steps;
        boundaries.push(step);
      });
      return join(schedules, boundaries.slice(0, -1));
    }
    case "join_schedules": {
      const list = kw.raw("schedules");
      const boundaries = kw.numberList("boundaries", { integer: true });
      kw.done();
      if (!Array.isArray(list) || list.length === 0) throw new ConfigError(`${name}: schedules must be a non-empty list of {"name": ..., "params": {...}}`);
      const kids = list.map((item, i): Fn => {
        const child = item as Child;
        if (typeof item !== "object" || item === null || typeof child.name !== "string") throw new ConfigError(`${name}: schedules[${i}] must be {"name": ..., "params": {...}}`);
        if (!(LEAF_NAMES as readonly string[]).includes(child.name)) throw new ConfigError(`${name}: schedules[${i}] "${child.name}" cannot be joined; join one of ${LEAF_NAMES.join(", ")}`);
        return optaxSchedule(child.name, child.params ?? {});
      });
      if (boundaries.length !== kids.length - 1) throw new ConfigError(`${name}: needs one boundary fewer than schedules (${kids.length - 1}), got ${boundaries.length}`);
      return join(kids, boundaries);
    }
    default:
      throw new ConfigError(`unknown optax schedule "${name}"; supported: ${NAMES.join(", ")}`);
  }
}

interface PlateauOptions { factor: number; patience: number; rtol: number; atol: number; cooldown: number; accumulationSize: number; minScale: number }

function plateauOptions(params: unknown): PlateauOptions {
  const kw = new Kwargs("reduce_on_plateau", params);
  const o = {
    factor: kw.number("factor", 0.1),
    patience: kw.number("patience", 10, { min: 0, integer: true }),
    rtol: kw.number("rtol", 1e-4),
    atol: kw.number("atol", 0),
    cooldown: kw.number("cooldown", 0, { min: 0, integer: true }),
    accumulationSize: kw.number("accumulation_size", 1, { min: 1, integer: true }),
    minScale: kw.number("min_scale", 0, { min: 0 }),
  };
  kw.done();
  if (o.factor <= 0 || o.factor >= 1) throw new ConfigError(`reduce_on_plateau: factor must be in the range (0, 1), got factor = ${o.factor}`);
  if (o.rtol < 0 || o.atol < 0) throw new ConfigError(`reduce_on_plateau: both rtol and atol must be non-negative, got rtol = ${o.rtol} and atol = ${o.atol}`);
  if (o.rtol === 0 && o.atol === 0) throw new ConfigError("reduce_on_plateau: at least one of rtol or atol must be positive");
  if (o.rtol > 1) throw new ConfigError(`reduce_on_plateau: rtol must be less than or equal to 1.0, got rtol = ${o.rtol}`);
  return o;
}

/** optax's reduce_on_plateau state machine; `report` returns the scale applied to this update. */
export class OptaxPlateau {
  best = Number.POSITIVE_INFINITY;
  plateauCount = 0;
  scale = 1;
  cooldownCount = 0;
  count = 0;
  avg = 0;
  readonly o: PlateauOptions;

  constructor(o: PlateauOptions) {
    this.o = o;
  }

  report(value: number): number {
    const newCount = this.count + 1;
    this.avg = (this.count * this.avg + value) / newCount;
    this.count = newCount;
    if (newCount === this.o.accumulationSize) this.#update();
    return this.scale;
  }

  #update(): void {
    const { rtol, atol, patience, factor, cooldown, minScale } = this.o;
    const improved = this.avg < (1 - rtol) * this.best - atol;
    if (improved) this.best = this.avg;
    const current = improved ? 0 : this.plateauCount + 1;
    if (this.cooldownCount > 0) {
      this.plateauCount = 0;
      this.cooldownCount -= 1;
    } else {
      const hit = current === patience;
      this.plateauCount = hit ? 0 : current;
      this.scale = Math.max(hit ? this.scale * factor : this.scale, minScale);
      this.cooldownCount = hit ? cooldown : 0;
    }
    this.count = 0;
    this.avg = 0;
  }
}

function plateauValues(c: FrameworkCase): ValuesResult {
  try {
    const steps = checkSteps(c.steps);
    if (c.baseLr === undefined || !(Number.isFinite(c.baseLr) && c.baseLr > 0)) throw new ConfigError("reduce_on_plateau needs base_lr > 0: the learning rate of the optimizer it follows");
    const machine = new OptaxPlateau(plateauOptions(c.params));
    const metrics = c.metrics ?? [];
    if (metrics.length < steps) throw new ConfigError(`reduce_on_plateau needs one value per update: got ${metrics.length} for ${steps} updates`);
    const base = c.baseLr;
    return { ok: true, lr: metrics.slice(0, steps).map((m) => base * machine.report(m)) };
  } catch (error) {
    return { ok: false, error: errorMessage(error) };
  }
}

/** The rates of an optax case (value i: the rate of update i), or why optax would refuse it. */
export function optaxValues(c: FrameworkCase): ValuesResult {
  if (c.name === "reduce_on_plateau") return plateauValues(c);
  return sampleClosedForm(c, (k) => {
    if (k.baseLr !== undefined) throw new ConfigError(`base_lr is not used by optax ${k.name}: the schedule's own values are the rate`);
    return optaxSchedule(k.name, k.params);
  });
}
