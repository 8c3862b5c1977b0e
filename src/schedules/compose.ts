/**
 * Composition: a sequence of schedules at boundaries (optax join_schedules,
 * PyTorch SequentialLR) and a product of factors (PyTorch ChainedScheduler,
 * whose chainable schedulers multiply each other's effect).
 */
import { stepListField } from "./fields.ts";
import { defineFamily, keepDefaults, param, type Family, type SpecFrom } from "./family.ts";
import { makeSchedule, nestedSpecListField } from "./make.ts";
import { familyOf } from "./registry.ts";
import type { ScheduleSpec } from "./types.ts";

/** A stateful child (reduce on plateau) has no rate as a function of the step, so it cannot be composed. */
const noStateful = (children: ScheduleSpec[], field: string): [string, string][] =>
  children.flatMap((c, i): [string, string][] =>
    familyOf(c.kind).stateful ? [[`${field}.${i}`, `a ${c.kind} schedule needs metrics and cannot be composed; use it on its own`]] : [],
  );

const joinFields = { schedules: nestedSpecListField("schedule", 16), boundaries: stepListField(1, "boundary") };

/**
 * Child i runs from boundaries[i−1] and sees the step counted from there
 * (t − boundaries[i−1]), so each child starts at its own step 0. Example:
 * warmup then cosine is join([linear 0→η over W], [cosine over T − W], [W]).
 */
// Interfaces (not type aliases), so that ScheduleSpec, which includes these specs, may appear in them.
interface JoinSpec extends SpecFrom<"join", [], typeof joinFields, ScheduleSpec> {}

export const join: Family<"join", JoinSpec> = defineFamily<"join", [], typeof joinFields, ScheduleSpec>({
  kind: "join",
  title: "Sequence of schedules",
  summary: "Run one schedule after another, each restarting its own step count at its boundary.",
  latex: "\\eta_t = g_i(t - b_i) \\quad \\text{for } b_i \\le t < b_{i+1},\\ b_0 = 0",
  where: { g_i: "the i-th schedule, on its own step count", b_i: "the step where schedule i starts (b_0 = 0)" },
  params: [],
  extra: joinFields,
  extraDefaults: {
    schedules: [
      { kind: "linear", lr: 0.01, endLr: 0.1, decaySteps: 10 },
      { kind: "cosine", lr: 0.1, minLr: 0, decaySteps: 90, exponent: 1, periodic: false },
    ],
    boundaries: [10],
  },
  check: (s) => {
    const issues = noStateful(s.schedules, "schedules");
    if (s.schedules.length !== s.boundaries.length + 1) issues.push(["boundaries", `needs one boundary fewer than schedules (${s.schedules.length - 1}), got ${s.boundaries.length}`]);
    return issues;
  },
  make: ({ schedules, boundaries }) => {
    const parts = schedules.map(makeSchedule);
    return (t) => {
      let i = 0;
      while (i < boundaries.length && t >= (boundaries[i] as number)) i += 1;
      const start = i === 0 ? 0 : (boundaries[i - 1] as number);
      return (parts[i] as (t: number) => number)(t - start);
    };
  },
  capabilities: { raceable: false, comparable: false, landscape: false },
  fit: keepDefaults,
});

const chainParams = [param.lr()] as const;
const chainFields = { factors: nestedSpecListField("factor", 8) };
interface ChainSpec extends SpecFrom<"chain", typeof chainParams, typeof chainFields, ScheduleSpec> {}

/**
 * η_t = η_0 · Π_i g_i(t): each child is a multiplier (give it lr 1). This is
 * what PyTorch ChainedScheduler does with chainable schedulers: ConstantLR
 * (factor 0.1 for 20 steps) chained with ExponentialLR(0.9) jumps up ×10 at
 * step 20, because the exponential keeps running while the constant lifts.
 */
export const chain: Family<"chain", ChainSpec> = defineFamily<"chain", typeof chainParams, typeof chainFields, ScheduleSpec>({
  kind: "chain",
  title: "Chained (multiplied) schedules",
  summary: "Multiply several schedules together, as PyTorch's ChainedScheduler does.",
  latex: "\\eta_t = \\eta_0 \\prod_i g_i(t)",
  where: { g_i: "the i-th factor: a schedule with base rate 1" },
  params: chainParams,
  extra: chainFields,
  extraDefaults: {
    factors: [
      { kind: "piecewise-constant", boundaries: [20], values: [0.1, 1], switchAfterBoundary: false },
      { kind: "exponential", lr: 1, k: 0.10536051565782628, staircase: false, decaySteps: 1, minLr: 0 },
    ],
  },
  check: (s) => noStateful(s.factors, "factors"),
  make: ({ lr, factors }) => {
    const parts = factors.map(makeSchedule);
    return (t) => parts.reduce((product, g) => product * g(t), lr);
  },
  capabilities: { raceable: false, comparable: false, landscape: false },
  fit: keepDefaults,
});
