/**
 * PyTorch adapter. `values` runs the port of torch.optim.lr_scheduler in
 * ./pytorch-sim.ts (through ./pytorch-values.ts), so the numbers are PyTorch's
 * own, step for step: value 0 is the lr after the constructor (which already
 * takes one step), value i the lr after i calls to `scheduler.step()` (for
 * ReduceLROnPlateau: value 0 is the base rate and value k follows the k-th
 * metric). `toSpec` maps a configuration to our spec; `snippet` writes our
 * spec as PyTorch code.
 */
import type { ScheduleSpec } from "../types.ts";
import { checkSpec } from "../make.ts";
import type { Adapter, SnippetResult, SpecResult } from "./types.ts";
import { ConfigError, errorMessage } from "./kwargs.ts";
import { pythonFloat, pythonLambda } from "./python.ts";
import { pytorchConfig } from "./pytorch-config.ts";
import { children, milestones, NAMES, pytorchValues as values } from "./pytorch-values.ts";

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
