/**
 * PyTorch adapter. `values` runs the port of torch.optim.lr_scheduler in
 * ./pytorch-sim.ts, so the numbers are PyTorch's own, step for step: value 0
 * is the lr after the constructor (which already takes one step), value i the
 * lr after i calls to `scheduler.step()` (for ReduceLROnPlateau: value 0 is
 * the base rate and value k follows the k-th metric). `toSpec` maps a
 * configuration to our spec; `snippet` writes our spec as PyTorch code.
 */
import type { ScheduleSpec } from "../types.ts";
import { checkSpec } from "../make.ts";
import type { Adapter, FrameworkCase, SnippetResult, SpecResult, ValuesResult } from "./types.ts";
import { ConfigError, Kwargs, errorMessage } from "./kwargs.ts";
import * as sim from "./pytorch-sim.ts";
import { pythonFloat, pythonLambda } from "./python.ts";
import { pytorchConfig } from "./pytorch-config.ts";
import { expressionArg, guardedValues } from "./expression-arg.ts";

const LEAF_NAMES = [
  "StepLR",
  "MultiStepLR",
  "ConstantLR",
  "LinearLR",
  "ExponentialLR",
  "PolynomialLR",
  "CosineAnnealingLR",
  "CosineAnnealingWarmRestarts",
  "CyclicLR",
  "OneCycleLR",
  "LambdaLR",
  "MultiplicativeLR",
] as const;

const NAMES = [...LEAF_NAMES, "ReduceLROnPlateau", "SequentialLR", "ChainedScheduler"] as const;

const MAX_STEPS = 1_000_000;
const COUNT = { min: 0, integer: true } as const;
const POSITIVE_INT = { min: 1, integer: true } as const;
const FACTOR = { min: 0, max: 1 } as const;

/** Construct one scheduler (not plateau, not a container) on the optimizer, as `Name(optimizer, **params)`. */
function construct(name: string, params: unknown, optimizer: sim.Optimizer): sim.LRScheduler {
  const kw = new Kwargs(name, params);
  let scheduler: sim.LRScheduler;
  switch (name) {
    case "StepLR": {
      const stepSize = kw.number("step_size", undefined, POSITIVE_INT);
      const gamma = kw.number("gamma", 0.1, { min: 0 });
      kw.done();
      scheduler = new sim.StepLR(optimizer, stepSize, gamma);
      break;
    }
    case "MultiStepLR": {
      const milestones = kw.numberList("milestones", COUNT);
      const gamma = kw.number("gamma", 0.1, { min: 0 });
      kw.done();
      scheduler = new sim.MultiStepLR(optimizer, milestones, gamma);
      break;
    }
    case "ConstantLR": {
      const factor = kw.number("factor", 1 / 3, FACTOR);
      const totalIters = kw.number("total_iters", 5, COUNT);
      kw.done();
      scheduler = new sim.ConstantLR(optimizer, factor, totalIters);
      break;
    }
    case "LinearLR": {
      const startFactor = kw.number("start_factor", 1 / 3, { min: 0, max: 1, minExclusive: true });
      const endFactor = kw.number("end_factor", 1, FACTOR);
      const totalIters = kw.number("total_iters", 5, POSITIVE_INT);
      kw.done();
      scheduler = new sim.LinearLR(optimizer, startFactor, endFactor, totalIters);
      break;
    }
    case "ExponentialLR": {
      const gamma = kw.number("gamma", undefined, { min: 0 });
      kw.done();
      scheduler = new sim.ExponentialLR(optimizer, gamma);
      break;
    }
    case "PolynomialLR": {
      const totalIters = kw.number("total_iters", 5, POSITIVE_INT);
      const power = kw.number("power", 1, { min: 0 });
      kw.done();
      scheduler = new sim.PolynomialLR(optimizer, totalIters, power);
      break;
    }
    case "CosineAnnealingLR": {
      const tMax = kw.number("T_max", undefined, POSITIVE_INT);
      const etaMin = kw.number("eta_min", 0, { min: 0 });
      kw.done();
      scheduler = new sim.CosineAnnealingLR(optimizer, tMax, etaMin);
      break;
    }
    case "CosineAnnealingWarmRestarts": {
      const t0 = kw.number("T_0", undefined, POSITIVE_INT);
      const tMult = kw.number("T_mult", 1, POSITIVE_INT);
      const etaMin = kw.number("eta_min", 0, { min: 0 });
      kw.done();
      scheduler = new sim.CosineAnnealingWarmRestarts(optimizer, t0, tMult, etaMin);
      break;
    }
    case "CyclicLR": {
      const baseLr = kw.number("base_lr", undefined, { min: 0 });
      const maxLr = kw.number("max_lr", undefined, { min: 0 });
      const up = kw.number("step_size_up", 2000, { min: 0, minExclusive: true });
      const down = kw.optionalNumber("step_size_down", { min: 0 });
      const mode = kw.choice("mode", ["triangular", "triangular2", "exp_range"] as const, "triangular");
      const gamma = kw.number("gamma", 1, { min: 0 });
      kw.boolean("cycle_momentum", true);
      kw.number("base_momentum", 0.8, { min: 0 });
      kw.number("max_momentum", 0.9, { min: 0 });
      const scaleFn = kw.has("scale_fn") ? guardedValues("CyclicLR scale_fn", expressionArg(kw, "CyclicLR", "scale_fn")) : undefined;
      const scaleMode = kw.choice("scale_mode", ["cycle", "iterations"] as const, "cycle");
      kw.done();
      scheduler = new sim.CyclicLR(optimizer, baseLr, maxLr, up, down, mode, gamma, scaleFn ? { scaleFn, scaleMode } : undefined);
      break;
    }
    case "OneCycleLR": {
      const maxLr = kw.number("max_lr", undefined, { min: 0 });
      let totalSteps = kw.optionalNumber("total_steps", POSITIVE_INT);
      const epochs = kw.optionalNumber("epochs", POSITIVE_INT);
      const perEpoch = kw.optionalNumber("steps_per_epoch", POSITIVE_INT);
      if (totalSteps === undefined) {
        if (epochs === undefined || perEpoch === undefined) throw new ConfigError("OneCycleLR: give total_steps, or epochs and steps_per_epoch");
        totalSteps = epochs * perEpoch;
      }
      const pctStart = kw.number("pct_start", 0.3, { min: 0, max: 1 });
      const anneal = kw.choice("anneal_strategy", ["cos", "linear"] as const, "cos");
      kw.boolean("cycle_momentum", true);
      kw.number("base_momentum", 0.85, { min: 0 });
      kw.number("max_momentum", 0.95, { min: 0 });
      const div = kw.number("div_factor", 25, { min: 0, minExclusive: true });
      const finalDiv = kw.number("final_div_factor", 1e4, { min: 0, minExclusive: true });
      const threePhase = kw.boolean("three_phase", false);
      kw.done();
      scheduler = new sim.OneCycleLR(optimizer, maxLr, totalSteps, pctStart, anneal, div, finalDiv, threePhase);
      break;
    }
    case "LambdaLR":
    case "MultiplicativeLR": {
      const lrLambda = guardedValues(`${name} lr_lambda`, expressionArg(kw, name, "lr_lambda"));
      kw.done();
      scheduler = name === "LambdaLR" ? new sim.LambdaLR(optimizer, lrLambda) : new sim.MultiplicativeLR(optimizer, lrLambda);
      break;
    }
    default:
      throw new ConfigError(`unknown PyTorch scheduler "${name}"; supported: ${NAMES.join(", ")}`);
  }
  return scheduler;
}

function plateauOptions(params: unknown): sim.PlateauOptions {
  const kw = new Kwargs("ReduceLROnPlateau", params);
  const options: sim.PlateauOptions = {
    mode: kw.choice("mode", ["min", "max"] as const, "min"),
    factor: kw.number("factor", 0.1, { min: 0, max: 1, maxExclusive: true }),
    patience: kw.number("patience", 10, COUNT),
    threshold: kw.number("threshold", 1e-4, { min: 0 }),
    thresholdMode: kw.choice("threshold_mode", ["rel", "abs"] as const, "rel"),
    cooldown: kw.number("cooldown", 0, COUNT),
    minLr: kw.number("min_lr", 0, { min: 0 }),
    eps: kw.number("eps", 1e-8, { min: 0 }),
  };
  kw.boolean("verbose", false);
  kw.done();
  return options;
}

interface Child { name: string; params: unknown }

function children(where: string, params: unknown): Child[] {
  const kw = new Kwargs(where, params);
  const list = kw.raw("schedulers");
  if (!Array.isArray(list) || list.length === 0) {
    throw new ConfigError(`${where}: schedulers must be a non-empty list of {"name": ..., "params": {...}}`);
  }
  return list.map((item, i) => {
    if (typeof item !== "object" || item === null || typeof (item as Child).name !== "string") {
      throw new ConfigError(`${where}: schedulers[${i}] must be {"name": ..., "params": {...}}`);
    }
    const child = item as Child;
    if (!(LEAF_NAMES as readonly string[]).includes(child.name)) {
      throw new ConfigError(`${where}: schedulers[${i}] "${child.name}" cannot be nested here; nest one of ${LEAF_NAMES.join(", ")}`);
    }
    return { name: child.name, params: child.params ?? {} };
  });
}

function milestones(params: unknown, count: number): number[] {
  const kw = new Kwargs("SequentialLR", params);
  kw.raw("schedulers");
  const list = kw.numberList("milestones", COUNT);
  kw.done();
  if (list.length !== count - 1) {
    throw new ConfigError(`SequentialLR: needs one milestone fewer than schedulers (${count - 1}), got ${list.length}`);
  }
  if (list.some((m, i) => i > 0 && m < (list[i - 1] as number))) throw new ConfigError("SequentialLR: milestones must be in increasing order");
  return list;
}

/** The scheduler a case describes, attached to a fresh optimizer with lr = baseLr. */
function build(name: string, params: unknown, baseLr: number): { stepper: sim.Stepper; optimizer: sim.Optimizer; plateau: boolean } {
  const optimizer: sim.Optimizer = { group: { lr: baseLr } };
  if (name === "ReduceLROnPlateau") return { stepper: new sim.ReduceLROnPlateau(optimizer, plateauOptions(params)), optimizer, plateau: true };
  if (name === "SequentialLR") {
    const kids = children(name, params);
    const points = milestones(params, kids.length);
    const built = kids.map((k) => construct(k.name, k.params, optimizer));
    return { stepper: new sim.SequentialLR(optimizer, built, points), optimizer, plateau: false };
  }
  if (name === "ChainedScheduler") {
    const kids = children(name, params);
    new Kwargs(name, params).raw("schedulers");
    const extra = Object.keys(params as object).filter((k) => k !== "schedulers");
    if (extra.length > 0) throw new ConfigError(`ChainedScheduler: unexpected argument ${extra.join(", ")}; it takes schedulers`);
    return { stepper: new sim.ChainedScheduler(kids.map((k) => construct(k.name, k.params, optimizer))), optimizer, plateau: false };
  }
  return { stepper: construct(name, params, optimizer), optimizer, plateau: false };
}

function values(c: FrameworkCase): ValuesResult {
  try {
    if (!(Number.isInteger(c.steps) && c.steps >= 0 && c.steps <= MAX_STEPS)) {
      throw new ConfigError(`steps must be an integer in [0, ${MAX_STEPS}], got ${c.steps}`);
    }
    if (c.baseLr === undefined) throw new ConfigError(`PyTorch needs base_lr: the optimizer's lr before ${c.name} is attached`);
    if (!(typeof c.baseLr === "number" && Number.isFinite(c.baseLr) && c.baseLr >= 0)) throw new ConfigError(`base_lr must be a number ≥ 0, got ${String(c.baseLr)}`);
    const { stepper, optimizer, plateau } = build(c.name, c.params, c.baseLr);
    if (plateau) {
      const metrics = c.metrics ?? [];
      if (metrics.length < c.steps) throw new ConfigError(`ReduceLROnPlateau needs one metric per step: got ${metrics.length} metrics for ${c.steps} steps`);
      metrics.forEach((m, i) => {
        if (typeof m !== "number" || Number.isNaN(m)) throw new ConfigError(`metrics[${i}] must be a number, got ${String(m)}`);
      });
    } else if (c.metrics !== undefined) {
      throw new ConfigError(`metrics are only for ReduceLROnPlateau, not ${c.name}`);
    }
    const lr = [optimizer.group.lr];
    for (let i = 0; i < c.steps; i += 1) {
      stepper.step(plateau ? (c.metrics as number[])[i] : undefined);
      lr.push(optimizer.group.lr);
    }
    const bad = lr.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0) throw new ConfigError(`${c.name} produced ${lr[bad]} at value ${bad}; check the parameters`);
    return { ok: true, lr };
  } catch (error) {
    return { ok: false, error: errorMessage(error) };
  }
}

/** Our spec for a PyTorch configuration (no container nesting beyond one level). */
function specFor(name: string, params: Record<string, unknown>, baseLr: number): SpecResult {
  const p = params;
  const num = (key: string, fallback: number): number => (typeof p[key] === "number" ? p[key] : fallback);
  const str = <T extends string>(key: string, fallback: T): T => (typeof p[key] === "string" ? (p[key] as T) : fallback);
  const bool = (key: string, fallback: boolean): boolean => (typeof p[key] === "boolean" ? p[key] : fallback);
  switch (name) {
    case "StepLR":
      return { ok: true, spec: { kind: "step", lr: baseLr, stepSize: num("step_size", 1), gamma: num("gamma", 0.1) } };
    case "MultiStepLR": {
      const ms = [...(Array.isArray(p.milestones) ? (p.milestones as number[]) : [])].sort((a, b) => a - b);
      const unique = [...new Set(ms)];
      if (unique.length === ms.length) return { ok: true, spec: { kind: "multi-step", lr: baseLr, milestones: ms, gamma: num("gamma", 0.1) } };
      const gamma = num("gamma", 0.1);
      const valuesList = [baseLr, ...unique.map((m) => baseLr * gamma ** ms.filter((x) => x <= m).length)];
      return { ok: true, spec: { kind: "piecewise-constant", boundaries: unique, values: valuesList, switchAfterBoundary: false } };
    }
    case "ConstantLR": {
      const factor = num("factor", 1 / 3);
      const total = num("total_iters", 5);
      if (total === 0) return { ok: false, error: "ConstantLR with total_iters=0 keeps the factor forever in PyTorch's recursive form; there is no clean equivalent" };
      return { ok: true, spec: { kind: "piecewise-constant", boundaries: [total], values: [baseLr * factor, baseLr], switchAfterBoundary: false } };
    }
    case "LinearLR": {
      const total = num("total_iters", 5);
      return { ok: true, spec: { kind: "piecewise-interpolate", steps: [0, total], values: [baseLr * num("start_factor", 1 / 3), baseLr * num("end_factor", 1)], interpolation: "linear" } };
    }
    case "ExponentialLR": {
      const gamma = num("gamma", Number.NaN);
      if (!(gamma > 0 && gamma <= 1)) return { ok: false, error: `ExponentialLR with gamma ${gamma} is not a decay (our exponential needs 0 < gamma ≤ 1)` };
      return { ok: true, spec: { kind: "exponential", lr: baseLr, k: -Math.log(gamma), staircase: false, decaySteps: 1, minLr: 0 } };
    }
    case "PolynomialLR":
      return { ok: true, spec: { kind: "polynomial", lr: baseLr, endLr: 0, decaySteps: num("total_iters", 5), power: num("power", 1), cycle: false } };
    case "CosineAnnealingLR":
      return { ok: true, spec: { kind: "cosine", lr: baseLr, minLr: num("eta_min", 0), decaySteps: num("T_max", 1), exponent: 1, periodic: true } };
    case "CosineAnnealingWarmRestarts":
      return { ok: true, spec: { kind: "cosine-restarts", lr: baseLr, minLr: num("eta_min", 0), period: num("T_0", 1), tMult: num("T_mult", 1), mMul: 1 } };
    case "LambdaLR":
      return { ok: true, spec: { kind: "lambda", lr: baseLr, expression: str("lr_lambda", "") } };
    case "MultiplicativeLR":
      return { ok: false, error: "MultiplicativeLR multiplies the running rate by lr_lambda(epoch) at each step: a product over steps, which no schedule kind here holds; write the product's closed form as a LambdaLR" };
    case "CyclicLR": {
      if (p.scale_fn !== undefined) return { ok: false, error: "CyclicLR with a scale_fn has no schedule kind here (the cyclic kind takes mode)" };
      const up = num("step_size_up", 2000);
      return {
        ok: true,
        spec: { kind: "cyclic", baseLr: num("base_lr", 0), maxLr: num("max_lr", 0), stepSizeUp: up, stepSizeDown: num("step_size_down", up), mode: str<"triangular" | "triangular2" | "exp_range">("mode", "triangular"), gamma: num("gamma", 1) },
        caveat: "CyclicLR ignores the optimizer's lr: base_lr replaces it",
      };
    }
    case "OneCycleLR": {
      const total = typeof p.total_steps === "number" ? p.total_steps : num("epochs", 0) * num("steps_per_epoch", 0);
      return {
        ok: true,
        spec: {
          kind: "one-cycle", maxLr: num("max_lr", 0), totalSteps: total, pctStart: num("pct_start", 0.3), divFactor: num("div_factor", 25),
          finalDivFactor: num("final_div_factor", 1e4), anneal: str<"cos" | "linear">("anneal_strategy", "cos"), threePhase: bool("three_phase", false),
        },
        caveat: "OneCycleLR ignores the optimizer's lr and raises past total_steps; our one-cycle holds its final rate there",
      };
    }
    case "ReduceLROnPlateau":
      return {
        ok: true,
        spec: {
          kind: "plateau", lr: baseLr, mode: str<"min" | "max">("mode", "min"), factor: num("factor", 0.1), patience: num("patience", 10), threshold: num("threshold", 1e-4),
          thresholdMode: str<"rel" | "abs">("threshold_mode", "rel"), cooldown: num("cooldown", 0), minLr: num("min_lr", 0), eps: num("eps", 1e-8), convention: "pytorch",
        },
      };
    case "SequentialLR": {
      const kids = children(name, params);
      const specs: ScheduleSpec[] = [];
      for (const k of kids) {
        const r = specFor(k.name, (k.params ?? {}) as Record<string, unknown>, baseLr);
        if (!r.ok) return r;
        specs.push(r.spec);
      }
      const points = milestones(params, kids.length);
      if (points[0] === 0) return { ok: false, error: "SequentialLR with a milestone at 0 skips the first value differently in PyTorch (pytorch/pytorch#185872); no clean equivalent" };
      return { ok: true, spec: { kind: "join", schedules: specs, boundaries: points } };
    }
    case "ChainedScheduler": {
      const kids = children(name, params);
      const factors: ScheduleSpec[] = [];
      for (const k of kids) {
        if (!["StepLR", "MultiStepLR", "ConstantLR", "LinearLR", "ExponentialLR", "PolynomialLR"].includes(k.name)) {
          return { ok: false, error: `ChainedScheduler: ${k.name} does not act as a pure factor when chained; only StepLR, MultiStepLR, ConstantLR, LinearLR, ExponentialLR and PolynomialLR have a clean equivalent` };
        }
        const r = specFor(k.name, (k.params ?? {}) as Record<string, unknown>, 1);
        if (!r.ok) return r;
        factors.push(r.spec);
      }
      return { ok: true, spec: { kind: "chain", lr: baseLr, factors } };
    }
    default:
      return { ok: false, error: `unknown PyTorch scheduler "${name}"; supported: ${NAMES.join(", ")}` };
  }
}

function toSpec(name: string, params: Record<string, unknown>, baseLr?: number): SpecResult {
  try {
    if (baseLr === undefined || !(Number.isFinite(baseLr) && baseLr > 0)) throw new ConfigError("PyTorch needs base_lr > 0: the optimizer's lr");
    // Validate exactly as `values` does before mapping.
    const probe = values({ name, params, baseLr, steps: 0, metrics: name === "ReduceLROnPlateau" ? [] : undefined });
    if (!probe.ok) return { ok: false, error: probe.error };
    const result = specFor(name, params, baseLr);
    if (!result.ok) return result;
    return { ...result, spec: checkSpec(result.spec) };
  } catch (error) {
    return { ok: false, error: errorMessage(error) };
  }
}

const HEADER = "import torch\n\nmodel = torch.nn.Linear(2, 1)  # your model\n";

function optimizerLine(lr: number): string {
  return `optimizer = torch.optim.SGD(model.parameters(), lr=${pythonFloat(lr)}, momentum=0.9)\n`;
}

function loop(totalSteps: number, perBatch = true): string {
  return `\nfor step in range(${totalSteps}):\n    ...  # forward, loss.backward()\n    optimizer.step()\n    scheduler.step()${perBatch ? "" : "  # once per epoch if your schedule is in epochs"}\n`;
}

const INT_KWARGS = new Set(["step_size", "milestones", "total_iters", "T_max", "T_0", "T_mult", "step_size_up", "step_size_down", "total_steps", "patience", "cooldown"]);

/** Keyword arguments that are Python code (a lambda), written as is. */
const CODE_KWARGS = new Set(["lr_lambda", "scale_fn"]);

function kwargText(name: string, value: unknown): string {
  if (typeof value === "string") return CODE_KWARGS.has(name) ? `${name}=${value}` : `${name}="${value}"`;
  if (typeof value === "boolean") return `${name}=${value ? "True" : "False"}`;
  if (Array.isArray(value)) return `${name}=[${value.map((v) => (INT_KWARGS.has(name) ? String(v) : pythonFloat(v as number))).join(", ")}]`;
  return `${name}=${INT_KWARGS.has(name) && Number.isInteger(value) ? String(value) : pythonFloat(value as number)}`;
}

function snippet(spec: ScheduleSpec, totalSteps: number): SnippetResult {
  try {
    const checked = checkSpec(spec);
    const config = pytorchConfig(checked, totalSteps);
    if (config) {
      const args = Object.entries(config.params).map(([k, v]) => kwargText(k, v)).join(", ");
      const step = checked.kind === "plateau" ? "scheduler.step(val_loss)  # once per evaluation" : "scheduler.step()";
      return {
        ok: true,
        code:
          HEADER + optimizerLine(config.baseLr as number) + `scheduler = torch.optim.lr_scheduler.${config.name}(optimizer, ${args})\n` +
          `\nfor step in range(${totalSteps}):\n    ...  # forward, loss.backward()\n    optimizer.step()\n    ${step}\n`,
      };
    }
    if (checked.kind === "plateau") return { ok: false, reason: "PyTorch's ReduceLROnPlateau counts patience the PyTorch way; switch the convention to pytorch" };
    const { lr, lambda } = pythonLambda(checked);
    return {
      ok: true,
      code:
        "import math\n" + HEADER + optimizerLine(lr) + lambda +
        `# LambdaLR multiplies the optimizer's lr (${pythonFloat(lr)}) by lr_at(t)\nscheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lr_lambda=lr_at)\n` + loop(totalSteps),
    };
  } catch (error) {
    return { ok: false, reason: errorMessage(error) };
  }
}

export const pytorchAdapter: Adapter = {
  library: "pytorch",
  label: "PyTorch",
  names: NAMES,
  values,
  toSpec,
  snippet,
  configFor: (spec, steps) => {
    const config = pytorchConfig(spec, steps, true);
    return config ? { ok: true, config } : { ok: false, reason: "PyTorch has no built-in scheduler that matches these settings exactly (the snippet uses LambdaLR)" };
  },
};
