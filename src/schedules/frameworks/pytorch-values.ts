/**
 * PyTorch configurations run through the port (./pytorch-sim.ts): a case's
 * scheduler, with its arguments checked as PyTorch's constructor checks them,
 * attached to a fresh optimizer, and the rates it gives step by step (value 0:
 * after the constructor, value i: after i calls to `scheduler.step()`).
 */
import type { FrameworkCase, ValuesResult } from "./types.ts";
import { ConfigError, Kwargs, errorMessage } from "./kwargs.ts";
import * as sim from "./pytorch-sim.ts";
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

export const NAMES = [...LEAF_NAMES, "ReduceLROnPlateau", "SequentialLR", "ChainedScheduler"] as const;

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

/** A container's child schedulers, checked. */
export function children(where: string, params: unknown): Child[] {
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

/** SequentialLR's milestones, checked against its child count. */
export function milestones(params: unknown, count: number): number[] {
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

/** The rates of a PyTorch case, or why PyTorch would refuse it. */
export function pytorchValues(c: FrameworkCase): ValuesResult {
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
