/** Warmup in front of any schedule, the Transformer's inverse square root, and warmup-stable-decay. */
import { enumField } from "./fields.ts";
import { defineFamily, param, type Family, type SpecFrom } from "./family.ts";
import { makeSchedule, nestedSpecField } from "./make.ts";
import type { ScheduleSpec } from "./types.ts";

const SHAPES = ["linear", "cosine", "1-sqrt"] as const;
export type WarmupShape = (typeof SHAPES)[number];

/** Progress p ∈ [0, 1] → rising factor in [0, 1]. */
export function rise(shape: WarmupShape, p: number): number {
  if (shape === "linear") return p;
  if (shape === "cosine") return 0.5 * (1 - Math.cos(Math.PI * p));
  return 1 - Math.sqrt(1 - p);
}

/** Progress p ∈ [0, 1] → falling factor in [1, 0] (Hugging Face's WSD decay shapes). */
export function fall(shape: WarmupShape, p: number): number {
  if (shape === "linear") return 1 - p;
  if (shape === "cosine") return 0.5 * (1 + Math.cos(Math.PI * p));
  return 1 - Math.sqrt(p);
}

const warmupParams = [
  param.minLr({ name: "startLr", symbol: "\\eta_{\\text{start}}", label: "start rate", description: "The rate at step 0 (Hugging Face uses 0, PyTorch LinearLR a fraction of the target)." }),
  param.steps("warmupSteps", "W", "warmup steps", "Steps spent climbing to the target.", 10, { valid: { min: 1, max: 1e9 } }),
] as const;
const warmupFields = { shape: enumField(SHAPES), after: nestedSpecField() };
// An interface (not a type alias), so that ScheduleSpec, which includes this spec, may appear in it.
interface WarmupSpec extends SpecFrom<"warmup", typeof warmupParams, typeof warmupFields, ScheduleSpec> {}

/**
 * Warmup (Goyal et al. 2017, section 2.2): climb from startLr to the next
 * schedule's first value over W steps, then run that schedule on t − W.
 * Example: startLr 0, W = 5, then constant 0.1: 0, 0.02, 0.04, 0.06, 0.08, 0.1, 0.1 …
 * Annotated because its `after` is any spec, warmup included.
 */
export const warmup: Family<"warmup", WarmupSpec> = defineFamily<"warmup", typeof warmupParams, typeof warmupFields, ScheduleSpec>({
  kind: "warmup",
  title: "Learning-rate warmup",
  summary: "Start small and climb to the target rate over the first steps, then hand over to any schedule.",
  latex:
    "\\eta_t = \\begin{cases} \\eta_{\\text{start}} + \\left(g(0) - \\eta_{\\text{start}}\\right) \\dfrac{t}{W} & t < W \\\\ g(t - W) & t \\ge W \\end{cases}",
  where: { g: "the schedule warmup hands over to, on its own step count" },
  params: warmupParams,
  extra: warmupFields,
  extraDefaults: { shape: "linear", after: { kind: "cosine", lr: 0.1, minLr: 0, decaySteps: 90, exponent: 1, periodic: false } },
  make: ({ startLr, warmupSteps, shape, after }) => {
    const next = makeSchedule(after);
    const peak = next(0);
    return (t) => (t < warmupSteps ? startLr + (peak - startLr) * rise(shape, t / warmupSteps) : next(t - warmupSteps));
  },
  capabilities: { raceable: true, comparable: true, landscape: false },
  fit: (s, { steps, fitted }) => {
    const warmupSteps = Math.max(1, Math.floor(steps / 10));
    return { ...s, warmupSteps, after: fitted("cosine", steps - warmupSteps) };
  },
});

/**
 * The Transformer schedule (Vaswani et al. 2017, eq. 3) normalised to its
 * peak η: linear warmup to η at step W, then η·sqrt(τ/(t − W + τ)); with
 * τ = W this is d^{-1/2}·min(t^{-1/2}, t·W^{-3/2}) scaled so the peak is η
 * (Hugging Face get_inverse_sqrt_schedule). Example: η = 0.1, W = τ = 100:
 * 0.05 at t = 400.
 */
export const inverseSqrt = defineFamily({
  kind: "inverse-sqrt",
  title: "Inverse square root (Noam)",
  summary: "Warm up linearly, then decay in proportion to one over the square root of the step.",
  latex:
    "\\eta_t = \\begin{cases} \\eta_0\\, t / W & t < W \\\\ \\eta_0 \\sqrt{\\dfrac{\\tau}{t - W + \\tau}} & t \\ge W \\end{cases}",
  params: [
    param.lr({ label: "peak rate", description: "The rate reached at the end of warmup." }),
    param.steps("warmupSteps", "W", "warmup steps", "Steps of linear warmup; 0 for none.", 10, { min: 0, valid: { min: 0, max: 1e9 } }),
    param.steps("timescale", "\\tau", "time scale", "Sets the pace of the decay: the rate has halved 3τ steps after warmup ends. The Transformer uses τ = W.", 10),
  ],
  make: ({ lr, warmupSteps, timescale }) => (t) =>
    t < warmupSteps ? (lr * t) / warmupSteps : lr / Math.sqrt((t - warmupSteps + timescale) / timescale),
  capabilities: { raceable: true, comparable: true, landscape: false },
  fit: (s, { steps }) => {
    const warmupSteps = Math.max(1, Math.floor(steps / 10));
    return { ...s, warmupSteps, timescale: warmupSteps };
  },
});

/**
 * Warmup-stable-decay (Hu et al. 2024, MiniCPM): warm up, hold the peak,
 * then decay to the floor in a short final phase, computed as Hugging Face
 * get_wsd_schedule does (warmup starts at the floor). Example: η = 0.1,
 * W = 10, S = 70, D = 20, linear decay to 0: 0.1 through step 79, 0.05 at 90.
 */
export const wsd = defineFamily({
  kind: "wsd",
  title: "Warmup-stable-decay",
  summary: "Warm up, hold the peak rate for most of training, then decay quickly at the end.",
  latex:
    "\\eta_t = \\begin{cases} \\eta_{\\min} + (\\eta_0 - \\eta_{\\min})\\, \\operatorname{rise}(t / W) & t < W \\\\ \\eta_0 & t < W + S \\\\ \\eta_{\\min} + (\\eta_0 - \\eta_{\\min})\\, \\operatorname{fall}\\left(\\frac{t - W - S}{D}\\right) & t < W + S + D \\\\ \\eta_{\\min} & \\text{after} \\end{cases}",
  params: [
    param.lr({ label: "peak rate", description: "The rate held through the stable phase." }),
    param.minLr(),
    param.steps("warmupSteps", "W", "warmup steps", "Steps of warmup; 0 for none.", 10, { min: 0, valid: { min: 0, max: 1e9 } }),
    param.steps("stableSteps", "S", "stable steps", "Steps held at the peak.", 70, { min: 0, valid: { min: 0, max: 1e9 } }),
    param.steps("decaySteps", "D", "decay steps", "Steps of the final decay.", 20),
  ],
  extra: { warmupShape: enumField(SHAPES), decayShape: enumField(SHAPES) },
  extraDefaults: { warmupShape: "linear", decayShape: "linear" },
  check: (s) => (s.minLr > s.lr ? [["minLr", `must not be above lr (${s.lr}), got ${s.minLr}`]] : []),
  make: ({ lr, minLr, warmupSteps, stableSteps, decaySteps, warmupShape, decayShape }) => {
    const ratio = minLr / lr;
    const scaled = (factor: number) => lr * Math.max(0, factor * (1 - ratio) + ratio);
    return (t) => {
      if (t < warmupSteps) return scaled(rise(warmupShape, t / Math.max(1, warmupSteps)));
      if (t < warmupSteps + stableSteps) return lr;
      if (t < warmupSteps + stableSteps + decaySteps) return scaled(fall(decayShape, (t - warmupSteps - stableSteps) / Math.max(1, decaySteps)));
      return lr * ratio;
    };
  },
  capabilities: { raceable: true, comparable: true, landscape: false },
  fit: (s, { steps }) => {
    const warmupSteps = Math.max(1, Math.floor(steps / 10));
    const decaySteps = Math.max(1, Math.floor(steps / 5));
    return { ...s, warmupSteps, decaySteps, stableSteps: Math.max(0, steps - warmupSteps - decaySteps) };
  },
});
