/** Piecewise schedules: constant between boundaries, or interpolated between knots. */
import { booleanField, enumField, rateListField, stepListField } from "./fields.ts";
import { defineFamily, keepDefaults } from "./family.ts";
import { annealCos, annealLinear } from "./cycles.ts";

/**
 * values[i] between boundaries[i−1] and boundaries[i]. Keras
 * PiecewiseConstantDecay keeps the old value at the boundary itself (t ≤ b);
 * PyTorch MultiStepLR and optax switch at it (t ≥ b): `switchAfterBoundary`
 * picks Keras's rule. Example: boundaries [3], values [1, 0.1]: step 3 is 0.1
 * (PyTorch, optax) or 1 (Keras).
 */
export const piecewiseConstant = defineFamily({
  kind: "piecewise-constant",
  title: "Piecewise-constant schedule",
  summary: "A list of rates, each held between two step boundaries.",
  latex: "\\eta_t = v_i \\quad \\text{for } b_{i} \\le t < b_{i+1}",
  where: { v_i: "the i-th rate in the list", b_i: "the i-th boundary step (b_0 = 0)" },
  params: [],
  extra: { boundaries: stepListField(1, "boundary"), values: rateListField("value"), switchAfterBoundary: booleanField() },
  extraDefaults: { boundaries: [30, 60, 80], values: [0.1, 0.05, 0.01, 0.005], switchAfterBoundary: false },
  check: (s) => {
    const issues: [string, string][] = [];
    if (s.values.length !== s.boundaries.length + 1) issues.push(["values", `needs one more value than boundaries (${s.boundaries.length + 1}), got ${s.values.length}`]);
    return issues;
  },
  make: ({ boundaries, values, switchAfterBoundary }) => (t) => {
    const passed = boundaries.filter((b) => (switchAfterBoundary ? t > b : t >= b)).length;
    return values[passed] as number;
  },
  capabilities: { raceable: false, comparable: true, landscape: false },
  fit: keepDefaults,
});

/**
 * Straight lines (or half cosines) between knots (steps[i], values[i]);
 * the last value holds after the last knot (optax
 * piecewise_interpolate_schedule). Example: knots (0, 0), (10, 0.1), (100, 0):
 * 0.05 at t = 5, 0.05 at t = 55.
 */
export const piecewiseInterpolate = defineFamily({
  kind: "piecewise-interpolate",
  title: "Piecewise-interpolated schedule",
  summary: "Rates given at a few knots, joined by straight lines or half cosines.",
  latex: "\\eta_t = v_i + (v_{i+1} - v_i)\\, \\phi\\!\\left(\\frac{t - b_i}{b_{i+1} - b_i}\\right) \\quad \\text{for } b_i \\le t < b_{i+1}",
  where: { v_i: "the rate at knot i", b_i: "the step of knot i", "\\phi": "the blend from 0 to 1: linear, or a half cosine" },
  params: [],
  extra: { steps: stepListField(0, "knot step"), values: rateListField("value"), interpolation: enumField(["linear", "cosine"]) },
  extraDefaults: { steps: [0, 10, 100], values: [0, 0.1, 0], interpolation: "linear" },
  check: (s) => {
    const issues: [string, string][] = [];
    if (s.steps.length < 1) issues.push(["steps", "needs at least one knot"]);
    else if (s.steps[0] !== 0) issues.push(["steps", `the first knot must be at step 0, got ${s.steps[0]}`]);
    if (s.values.length !== s.steps.length) issues.push(["values", `needs one value per knot (${s.steps.length}), got ${s.values.length}`]);
    return issues;
  },
  make: ({ steps, values, interpolation }) => {
    const blend = interpolation === "linear" ? annealLinear : annealCos;
    return (t) => {
      for (let i = 0; i + 1 < steps.length; i += 1) {
        const from = steps[i] as number;
        const to = steps[i + 1] as number;
        if (t >= from && t < to) return blend(values[i] as number, values[i + 1] as number, (t - from) / (to - from));
      }
      return values[values.length - 1] as number;
    };
  },
  capabilities: { raceable: false, comparable: true, landscape: false },
  fit: keepDefaults,
});
