/**
 * Our spec → PyTorch's own scheduler, one entry per kind, where one matches
 * it exactly over a run of `totalSteps` steps (our t = PyTorch's value after
 * t calls to step()). With `natural`, the scheduler a PyTorch user would
 * reach for with these settings even where it differs (the explorer shows
 * where). Where there is none, the adapter's snippet uses LambdaLR.
 */
import type { ScheduleSpec } from "../types.ts";
import { lookup, none, type FrameworkCase, type KindTable } from "./types.ts";
import { canonicalPython, parseExpression } from "../expression/language.ts";

const call = (totalSteps: number, name: string, baseLr: number, params: Record<string, unknown>): FrameworkCase => ({ name, params, baseLr, steps: totalSteps });

const PYTORCH: KindTable<FrameworkCase, [totalSteps: number, natural: boolean]> = {
  constant: none("a constant rate needs no scheduler in PyTorch (the snippet's LambdaLR gives it)"),
  step: (spec, n) => call(n, "StepLR", spec.lr, { step_size: spec.stepSize, gamma: spec.gamma }),
  "multi-step": (spec, n) => call(n, "MultiStepLR", spec.lr, { milestones: spec.milestones, gamma: spec.gamma }),
  exponential: (spec, n, natural) => {
    if (spec.minLr > 0 && !natural) return undefined;
    return spec.staircase
      ? call(n, "StepLR", spec.lr, { step_size: spec.decaySteps, gamma: Math.exp(-spec.k * spec.decaySteps) })
      : call(n, "ExponentialLR", spec.lr, { gamma: Math.exp(-spec.k) });
  },
  "inverse-time": none("torch.optim.lr_scheduler has no inverse-time scheduler"),
  polynomial: (spec, n, natural) =>
    (spec.endLr === 0 && !spec.cycle) || natural ? call(n, "PolynomialLR", spec.lr, { total_iters: spec.decaySteps, power: spec.power }) : undefined,
  linear: (spec, n) => (spec.endLr <= spec.lr ? call(n, "LinearLR", spec.lr, { start_factor: 1, end_factor: spec.endLr / spec.lr, total_iters: spec.decaySteps }) : undefined),
  cosine: (spec, n, natural) =>
    (spec.exponent === 1 && (spec.periodic || n <= spec.decaySteps)) || natural ? call(n, "CosineAnnealingLR", spec.lr, { T_max: spec.decaySteps, eta_min: spec.minLr }) : undefined,
  "cosine-restarts": (spec, n, natural) =>
    (spec.mMul === 1 && Number.isInteger(spec.tMult)) || natural
      ? call(n, "CosineAnnealingWarmRestarts", spec.lr, { T_0: spec.period, T_mult: natural ? Math.max(1, Math.round(spec.tMult)) : spec.tMult, eta_min: spec.minLr })
      : undefined,
  cyclic: (spec, n) =>
    call(n, "CyclicLR", spec.baseLr, {
      base_lr: spec.baseLr, max_lr: spec.maxLr, step_size_up: spec.stepSizeUp, step_size_down: spec.stepSizeDown, mode: spec.mode,
      ...(spec.mode === "exp_range" ? { gamma: spec.gamma } : {}),
    }),
  "one-cycle": (spec, n, natural) =>
    n <= spec.totalSteps || natural
      ? call(n, "OneCycleLR", spec.maxLr / spec.divFactor, {
          max_lr: spec.maxLr, total_steps: spec.totalSteps, pct_start: spec.pctStart, anneal_strategy: spec.anneal,
          div_factor: spec.divFactor, final_div_factor: spec.finalDivFactor, three_phase: spec.threePhase,
        })
      : undefined,
  warmup: none("not written yet: LinearLR then the next scheduler in SequentialLR (the snippet uses LambdaLR)"),
  "inverse-sqrt": none("torch.optim.lr_scheduler has no inverse-square-root scheduler"),
  wsd: none("torch.optim.lr_scheduler has no warmup-stable-decay scheduler"),
  "piecewise-constant": none("not written yet: MultiStepLR fits only when each value is a fixed multiple of the last (the snippet uses LambdaLR)"),
  "piecewise-interpolate": none("torch.optim.lr_scheduler has no scheduler that interpolates between knots"),
  plateau: (spec, n) =>
    spec.convention === "pytorch"
      ? call(n, "ReduceLROnPlateau", spec.lr, {
          mode: spec.mode, factor: spec.factor, patience: spec.patience, threshold: spec.threshold, threshold_mode: spec.thresholdMode,
          cooldown: spec.cooldown, min_lr: spec.minLr, eps: spec.eps,
        })
      : undefined,
  join: none("not written yet: SequentialLR over each child's scheduler (the snippet uses LambdaLR)"),
  chain: none("not written yet: ChainedScheduler over each factor's scheduler (the snippet uses LambdaLR)"),
  lambda: (spec, n) => call(n, "LambdaLR", spec.lr, { lr_lambda: canonicalPython(parseExpression(spec.expression)) }),
};

/**
 * PyTorch's own scheduler for our spec, where one matches it exactly over a
 * run of `totalSteps` steps (our t = PyTorch's value after t calls to step()).
 * With `natural`, the scheduler a PyTorch user would reach for with these
 * settings even where it differs (the explorer shows where).
 */
export function pytorchConfig(spec: ScheduleSpec, totalSteps: number, natural = false): FrameworkCase | undefined {
  return lookup(PYTORCH, spec, totalSteps, natural);
}

export { PYTORCH as PYTORCH_TABLE };
