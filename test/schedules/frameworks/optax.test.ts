/**
 * The optax adapter against values worked out by hand from optax's source:
 * optax/schedules/_schedule.py and _join.py (google-deepmind/optax at
 * 006cebd) and optax/contrib/_reduce_on_plateau.py (at 05a7425). optax cannot
 * be installed here; each expected value is the source's formula evaluated by
 * hand, with the working in the comment.
 */
import { describe, expect, it } from "vitest";
import { optaxAdapter } from "../../../src/schedules/frameworks/optax.ts";
import { pytorchAdapter } from "../../../src/schedules/frameworks/pytorch.ts";
import { sampleSchedule } from "../../../src/schedules/index.ts";
import { mismatches } from "../../support/close.ts";

function run(name: string, params: Record<string, unknown>, steps: number, extra: { baseLr?: number; metrics?: number[] } = {}): number[] {
  const result = optaxAdapter.values({ name, params, steps, ...extra });
  if (!result.ok) throw new Error(result.error);
  return result.lr;
}

const C1 = Math.cos(Math.PI / 4);

describe("optax schedules, worked from the source", () => {
  it("piecewise_constant_schedule multiplies in each scale once count ≥ boundary", () => {
    expect(run("piecewise_constant_schedule", { init_value: 1, boundaries_and_scales: { 3: 0.1 } }, 5)).toEqual([1, 1, 1, 0.1, 0.1]);
    const two = run("piecewise_constant_schedule", { init_value: 1, boundaries_and_scales: { 5: 0.5, 3: 0.1 } }, 6);
    expect(mismatches(two, [1, 1, 1, 0.1, 0.1, 0.05])).toEqual([]);
  });

  it("exponential_decay: holds until transition_begin, end_value is a floor when decay_rate < 1", () => {
    // count 3: 0.5^((3−2)/2) = 0.7071; count 4: 0.5; count 6: 0.25 → floored to 0.3.
    const lr = run("exponential_decay", { init_value: 1, transition_steps: 2, decay_rate: 0.5, transition_begin: 2, end_value: 0.3 }, 7);
    expect(mismatches(lr, [1, 1, 1, Math.SQRT1_2, 0.5, 0.3535533905932738, 0.3])).toEqual([]);
    // decay_rate > 1: end_value is a ceiling.
    expect(run("exponential_decay", { init_value: 1, transition_steps: 1, decay_rate: 2, end_value: 3 }, 4)).toEqual([1, 2, 3, 3]);
  });

  it("a non-positive transition_steps gives a constant schedule, not an error", () => {
    expect(run("exponential_decay", { init_value: 0.1, transition_steps: 0, decay_rate: 0.5 }, 3)).toEqual([0.1, 0.1, 0.1]);
    expect(run("linear_schedule", { init_value: 0.1, end_value: 0, transition_steps: -1 }, 2)).toEqual([0.1, 0.1]);
  });

  it("polynomial_schedule clips the count to [0, transition_steps]", () => {
    // (1 − 0.01)(1 − 5/10)^2 + 0.01 = 0.2575
    const lr = run("polynomial_schedule", { init_value: 1, end_value: 0.01, power: 2, transition_steps: 10 }, 12);
    expect(mismatches([lr[0], lr[5], lr[10], lr[11]] as number[], [1, 0.2575, 0.01, 0.01])).toEqual([]);
  });

  it("cosine_decay_schedule with exponent, clamped at alpha · init after decay_steps", () => {
    const lr = run("cosine_decay_schedule", { init_value: 1, decay_steps: 4, alpha: 0.1, exponent: 2 }, 6);
    const c = (x: number) => 0.9 * x ** 2 + 0.1;
    expect(mismatches(lr, [1, c((1 + C1) / 2), c(0.5), c((1 - C1) / 2), 0.1, 0.1])).toEqual([]);
  });

  it("warmup_cosine_decay_schedule: decay_steps includes the warmup", () => {
    // Warmup 0 → 1 over 2 steps, then cosine over 6 − 2 = 4 steps to end_value 0.1.
    const lr = run("warmup_cosine_decay_schedule", { init_value: 0, peak_value: 1, warmup_steps: 2, decay_steps: 6, end_value: 0.1 }, 9);
    expect(mismatches(lr, [0, 0.5, 1, 0.9 * (1 + C1) / 2 + 0.1, 0.55, 0.9 * (1 - C1) / 2 + 0.1, 0.1, 0.1, 0.1])).toEqual([]);
  });

  it("cosine_onecycle_schedule peaks at int(pct_start · T) and ends at peak/(div · final_div) at T", () => {
    // Knots (0, 0.04), (3, 1), (10, 4e-6); step 1: 1 + (0.04 − 1)/2 · (cos(π/3) + 1) = 0.28.
    const lr = run("cosine_onecycle_schedule", { transition_steps: 10, peak_value: 1 }, 12);
    expect(mismatches([lr[0], lr[1], lr[3], lr[10], lr[11]] as number[], [0.04, 0.28, 1, 4e-6, 4e-6])).toEqual([]);
  });

  it("linear_onecycle_schedule has three linear phases (pct_final 0.85 → knot at int(8.5) = 8)", () => {
    // Knots (0, .04), (3, 1), (8, .04), (10, 4e-6); step 5: (0.04 − 1)·0.4 + 1 = 0.616.
    const lr = run("linear_onecycle_schedule", { transition_steps: 10, peak_value: 1 }, 11);
    expect(mismatches([lr[3], lr[5], lr[8], lr[10]] as number[], [1, 0.616, 0.04, 4e-6])).toEqual([]);
  });

  it("piecewise_interpolate_schedule interpolates between the running products of the scales (the docstring's example)", () => {
    const lr = run("piecewise_interpolate_schedule", { interpolate_type: "linear", init_value: 1, boundaries_and_scales: { 4: 0.1, 8: 0.01 } }, 11);
    expect(mismatches([lr[0], lr[2], lr[4], lr[6], lr[8], lr[10]] as number[], [1, 0.55, 0.1, 0.0505, 0.001, 0.001])).toEqual([]);
  });

  it("sgdr_schedule joins warmup-cosine cycles at their cumulative decay_steps", () => {
    const lr = run("sgdr_schedule", {
      cosine_kwargs: [
        { init_value: 0, peak_value: 1, warmup_steps: 0, decay_steps: 4 },
        { init_value: 0, peak_value: 0.5, warmup_steps: 1, decay_steps: 5 },
      ],
    }, 9);
    expect(mismatches(lr, [1, (1 + C1) / 2, 0.5, (1 - C1) / 2, 0, 0.5, 0.25 * (1 + C1), 0.25, 0.25 * (1 - C1)])).toEqual([]);
  });

  it("join_schedules hands each schedule step − boundary", () => {
    const lr = run("join_schedules", {
      schedules: [{ name: "constant_schedule", params: { value: 0.1 } }, { name: "linear_schedule", params: { init_value: 0.1, end_value: 0, transition_steps: 2 } }],
      boundaries: [2],
    }, 5);
    expect(mismatches(lr, [0.1, 0.1, 0.1, 0.05, 0])).toEqual([]);
  });

  it("reduce_on_plateau cuts when the bad count equals patience, scaling the update that reported it", () => {
    // value 0 improves on inf; values 1, 2 are bad; count 2 == patience → scale 0.1 applies to update 2.
    // Values 3 and 4 are bad again: a second cut on update 4.
    expect(mismatches(run("reduce_on_plateau", { patience: 2 }, 6, { baseLr: 1, metrics: [1, 1, 1, 1, 1, 1] }), [1, 1, 0.1, 0.1, 0.01, 0.01])).toEqual([]);
    // cooldown 2: after a cut two values are ignored before counting again.
    const cool = run("reduce_on_plateau", { patience: 1, cooldown: 2, factor: 0.5 }, 6, { baseLr: 1, metrics: [1, 1, 1, 1, 1, 1] });
    expect(cool).toEqual([1, 0.5, 0.5, 0.5, 0.25, 0.25]);
  });

  it("reduce_on_plateau validates like optax", () => {
    const r = optaxAdapter.values({ name: "reduce_on_plateau", params: { factor: 1.5 }, baseLr: 1, steps: 1, metrics: [1] });
    expect(r.ok ? "" : r.error).toMatch(/factor must be in the range \(0, 1\)/);
    const z = optaxAdapter.values({ name: "reduce_on_plateau", params: { rtol: 0 }, baseLr: 1, steps: 1, metrics: [1] });
    expect(z.ok ? "" : z.error).toMatch(/at least one of rtol or atol/);
  });
});

describe("optax agrees with PyTorch where the formulas are the same", () => {
  it("piecewise_constant_schedule switches at the same step as MultiStepLR", () => {
    const optax = run("piecewise_constant_schedule", { init_value: 0.1, boundaries_and_scales: { 10: 0.1, 25: 0.1 } }, 40);
    const torch = pytorchAdapter.values({ name: "MultiStepLR", params: { milestones: [10, 25], gamma: 0.1 }, baseLr: 0.1, steps: 39 });
    expect(torch.ok && mismatches(optax, torch.lr)).toEqual([]);
  });

  it("polynomial_schedule to 0 equals PolynomialLR", () => {
    const optax = run("polynomial_schedule", { init_value: 0.1, end_value: 0, power: 2, transition_steps: 20 }, 30);
    const torch = pytorchAdapter.values({ name: "PolynomialLR", params: { total_iters: 20, power: 2 }, baseLr: 0.1, steps: 29 });
    if (!torch.ok) throw new Error(torch.error);
    expect(optax.every((v, i) => Math.abs(v - (torch.lr[i] as number)) < 1e-12)).toBe(true);
  });
});

describe("optax configurations map to our specs", () => {
  const cases: [string, Record<string, unknown>][] = [
    ["constant_schedule", { value: 0.1 }],
    ["linear_schedule", { init_value: 0.1, end_value: 0.01, transition_steps: 50 }],
    ["polynomial_schedule", { init_value: 0.1, end_value: 0, power: 0.5, transition_steps: 50 }],
    ["piecewise_constant_schedule", { init_value: 0.1, boundaries_and_scales: { 30: 0.1, 60: 0.5 } }],
    ["piecewise_interpolate_schedule", { interpolate_type: "cosine", init_value: 0.1, boundaries_and_scales: { 30: 0.1, 60: 0.5 } }],
    ["exponential_decay", { init_value: 0.1, transition_steps: 10, decay_rate: 0.5, staircase: true, end_value: 0.01 }],
    ["cosine_decay_schedule", { init_value: 0.1, decay_steps: 80, alpha: 0.1, exponent: 2 }],
    ["warmup_constant_schedule", { init_value: 0, peak_value: 0.1, warmup_steps: 10 }],
    ["warmup_cosine_decay_schedule", { init_value: 0.001, peak_value: 0.1, warmup_steps: 10, decay_steps: 100, end_value: 0.001 }],
    ["cosine_onecycle_schedule", { transition_steps: 100, peak_value: 0.1 }],
  ];
  for (const [name, params] of cases) {
    it(`${name} ${JSON.stringify(params)}: our spec gives optax's values`, () => {
      const spec = optaxAdapter.toSpec(name, params);
      if (!spec.ok) throw new Error(spec.error);
      expect(mismatches(sampleSchedule(spec.spec, 120), run(name, params, 120), 1e-9)).toEqual([]);
    });
  }
});
