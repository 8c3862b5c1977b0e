/**
 * The Keras adapter against values worked out by hand from Keras' source:
 * keras/src/optimizers/schedules/learning_rate_schedule.py and
 * keras/src/callbacks/reduce_lr_on_plateau.py (keras-team/keras at 2534b64,
 * Keras 3). Keras cannot be installed here; each expected value below is the
 * source's formula evaluated by hand, with the working in the comment. Where
 * Keras and PyTorch agree mathematically, the two adapters must agree too.
 */
import { describe, expect, it } from "vitest";
import { kerasAdapter } from "../../../src/schedules/frameworks/keras.ts";
import { pytorchAdapter } from "../../../src/schedules/frameworks/pytorch.ts";
import { sampleSchedule } from "../../../src/schedules/index.ts";
import { mismatches } from "../../support/close.ts";

function run(name: string, params: Record<string, unknown>, steps: number, extra: { baseLr?: number; metrics?: number[] } = {}): number[] {
  const result = kerasAdapter.values({ name, params, steps, ...extra });
  if (!result.ok) throw new Error(result.error);
  return result.lr;
}

const C1 = Math.cos(Math.PI / 4); // 0.7071…

describe("Keras schedules, worked from the source", () => {
  it("ExponentialDecay: lr0 · rate^(step/decay_steps), staircase floors the exponent", () => {
    const lr = run("ExponentialDecay", { initial_learning_rate: 0.1, decay_steps: 10, decay_rate: 0.5 }, 21);
    expect(mismatches([lr[0], lr[5], lr[10], lr[20]] as number[], [0.1, 0.1 * Math.SQRT1_2, 0.05, 0.025])).toEqual([]);
    const stairs = run("ExponentialDecay", { initial_learning_rate: 0.1, decay_steps: 10, decay_rate: 0.5, staircase: true }, 21);
    expect([stairs[9], stairs[10], stairs[19], stairs[20]]).toEqual([0.1, 0.05, 0.05, 0.025]);
  });

  it("PiecewiseConstantDecay switches after the boundary: step ≤ b keeps the old value", () => {
    // values[0] while step <= 3, values[1] after.
    expect(run("PiecewiseConstantDecay", { boundaries: [3], values: [1, 0.1] }, 5)).toEqual([1, 1, 1, 1, 0.1]);
    expect(run("PiecewiseConstantDecay", { boundaries: [2, 5], values: [1, 0.5, 0.1] }, 7)).toEqual([1, 1, 1, 0.5, 0.5, 0.5, 0.1]);
  });

  it("PolynomialDecay: end_learning_rate defaults to 1e-4; cycle stretches the horizon, counting step 0 as the first cycle", () => {
    const lr = run("PolynomialDecay", { initial_learning_rate: 0.1, decay_steps: 10 }, 16);
    // (0.1 − 1e-4)(1 − 5/10) + 1e-4 = 0.05005; clamped at 1e-4 from step 10.
    expect(mismatches([lr[0], lr[5], lr[10], lr[15]] as number[], [0.1, 0.05005, 1e-4, 1e-4])).toEqual([]);
    const cyc = run("PolynomialDecay", { initial_learning_rate: 0.1, decay_steps: 10, cycle: true }, 12);
    // step 10: ceil(10/10) = 1 → p = 1 → 1e-4; step 11: ceil(1.1) = 2 → p = 11/20 → 0.0999·0.45 + 1e-4.
    expect(mismatches([cyc[0], cyc[10], cyc[11]] as number[], [0.1, 1e-4, 0.0999 * 0.45 + 1e-4])).toEqual([]);
  });

  it("InverseTimeDecay: lr0 / (1 + rate · step/decay_steps)", () => {
    const lr = run("InverseTimeDecay", { initial_learning_rate: 1, decay_steps: 2, decay_rate: 0.5 }, 5);
    expect(mismatches(lr, [1, 1 / 1.25, 1 / 1.5, 1 / 1.75, 0.5])).toEqual([]);
    const stairs = run("InverseTimeDecay", { initial_learning_rate: 1, decay_steps: 2, decay_rate: 0.5, staircase: true }, 5);
    expect(mismatches(stairs, [1, 1, 1 / 1.5, 1 / 1.5, 0.5])).toEqual([]);
  });

  it("CosineDecay clamps at alpha · lr past decay_steps (no rise), alpha is a fraction", () => {
    const lr = run("CosineDecay", { initial_learning_rate: 1, decay_steps: 4 }, 7);
    expect(mismatches(lr, [1, (1 + C1) / 2, 0.5, (1 - C1) / 2, 0, 0, 0])).toEqual([]);
    const floor = run("CosineDecay", { initial_learning_rate: 1, decay_steps: 4, alpha: 0.1 }, 5);
    expect(mismatches([floor[2], floor[4]] as number[], [0.9 * 0.5 + 0.1, 0.1])).toEqual([]);
  });

  it("CosineDecay warmup: from initial_learning_rate to warmup_target, then decay_steps more steps", () => {
    const lr = run("CosineDecay", { initial_learning_rate: 0, decay_steps: 4, warmup_target: 1, warmup_steps: 2 }, 10);
    expect(mismatches(lr, [0, 0.5, 1, (1 + C1) / 2, 0.5, (1 - C1) / 2, 0, 0, 0, 0])).toEqual([]);
  });

  it("CosineDecayRestarts: periods grow by t_mul, peaks shrink by m_mul, the floor stays alpha · lr", () => {
    // Cycles [0,2), [2,6), [6,14): step 2 restarts at m_mul = 0.5, step 4 is half-way through cycle 1.
    const lr = run("CosineDecayRestarts", { initial_learning_rate: 1, first_decay_steps: 2, t_mul: 2, m_mul: 0.5 }, 7);
    expect(mismatches([lr[0], lr[1], lr[2], lr[4], lr[6]] as number[], [1, 0.5, 0.5, 0.25, 0.25])).toEqual([]);
  });

  it("CosineDecayRestarts finds the cycle with a logarithm: at t_mul = 10, step 111 lands at the end of cycle 2, not the start of cycle 3", () => {
    // log(1 − 111·(1 − 10)) / log(10) = log(1000)/log(10) = 2.9999999999999996 in float64, floored to 2.
    const lr = run("CosineDecayRestarts", { initial_learning_rate: 1, first_decay_steps: 1, t_mul: 10 }, 112);
    expect(lr[111]).toBeCloseTo(0, 12);
    const ours = sampleSchedule({ kind: "cosine-restarts", lr: 1, minLr: 0, period: 1, tMult: 10, mMul: 1 }, 112);
    expect(ours[111]).toBe(1);
    const spec = kerasAdapter.toSpec("CosineDecayRestarts", { initial_learning_rate: 1, first_decay_steps: 1, t_mul: 10 });
    expect(spec.ok && spec.caveat).toMatch(/logarithm/);
  });

  it("ReduceLROnPlateau (callback) cuts when the bad epochs reach patience, one epoch before PyTorch", () => {
    const flat = [1, 1, 1, 1, 1, 1];
    // Epoch 0 sets best = 1; epochs 1 and 2 are bad; wait = 2 ≥ patience 2 → cut after epoch 2 (used in epoch 3).
    const keras = run("ReduceLROnPlateau", { factor: 0.5, patience: 2, min_delta: 0 }, 6, { baseLr: 1, metrics: flat });
    // Epochs 3 and 4 are bad again: a second cut after epoch 4.
    expect(keras).toEqual([1, 1, 1, 0.5, 0.5, 0.25]);
    const torch = pytorchAdapter.values({ name: "ReduceLROnPlateau", params: { factor: 0.5, patience: 2, threshold: 0 }, baseLr: 1, steps: 5, metrics: flat });
    expect(torch.ok && torch.lr).toEqual([1, 1, 1, 1, 0.5, 0.5]);
  });

  it("ReduceLROnPlateau mode auto watches for a maximum when the monitor names an accuracy", () => {
    const rising = [0.5, 0.6, 0.7, 0.8];
    expect(run("ReduceLROnPlateau", { monitor: "val_accuracy", factor: 0.5, patience: 1 }, 5, { baseLr: 1, metrics: rising })).toEqual([1, 1, 1, 1, 1]);
    expect(run("ReduceLROnPlateau", { monitor: "val_loss", factor: 0.5, patience: 1 }, 5, { baseLr: 1, metrics: rising })).toEqual([1, 1, 0.5, 0.25, 0.125]);
  });
});

describe("Keras agrees with PyTorch where the formulas are the same", () => {
  it("ExponentialDecay(staircase) equals StepLR value for value", () => {
    const keras = run("ExponentialDecay", { initial_learning_rate: 0.3, decay_steps: 7, decay_rate: 0.2, staircase: true }, 50);
    const torch = pytorchAdapter.values({ name: "StepLR", params: { step_size: 7, gamma: 0.2 }, baseLr: 0.3, steps: 49 });
    expect(torch.ok && mismatches(keras, torch.lr)).toEqual([]);
  });

  it("CosineDecay equals CosineAnnealingLR up to T_max, and they part after it", () => {
    const keras = run("CosineDecay", { initial_learning_rate: 0.1, decay_steps: 20, alpha: 0.05 }, 30);
    const torch = pytorchAdapter.values({ name: "CosineAnnealingLR", params: { T_max: 20, eta_min: 0.005 }, baseLr: 0.1, steps: 29 });
    if (!torch.ok) throw new Error(torch.error);
    expect(mismatches(keras.slice(0, 21), torch.lr.slice(0, 21), 1e-9)).toEqual([]);
    expect(keras[25]).toBeCloseTo(0.005, 12);
    expect(torch.lr[25]).toBeGreaterThan(0.01);
  });
});

describe("Keras configurations map to our specs", () => {
  const cases: [string, Record<string, unknown>][] = [
    ["ExponentialDecay", { initial_learning_rate: 0.1, decay_steps: 10, decay_rate: 0.5 }],
    ["ExponentialDecay", { initial_learning_rate: 0.1, decay_steps: 10, decay_rate: 0.5, staircase: true }],
    ["InverseTimeDecay", { initial_learning_rate: 0.1, decay_steps: 5, decay_rate: 2, staircase: true }],
    ["PolynomialDecay", { initial_learning_rate: 0.1, decay_steps: 30, end_learning_rate: 0.01, power: 2, cycle: true }],
    ["PiecewiseConstantDecay", { boundaries: [10, 20], values: [0.1, 0.05, 0.01] }],
    ["CosineDecay", { initial_learning_rate: 0.1, decay_steps: 40, alpha: 0.1 }],
    ["CosineDecay", { initial_learning_rate: 0.01, decay_steps: 40, alpha: 0.1, warmup_target: 0.1, warmup_steps: 10 }],
    ["CosineDecayRestarts", { initial_learning_rate: 0.1, first_decay_steps: 10, t_mul: 2, m_mul: 0.8, alpha: 0.1 }],
  ];
  for (const [name, params] of cases) {
    it(`${name} ${JSON.stringify(params)}: our spec gives Keras' values`, () => {
      const spec = kerasAdapter.toSpec(name, params);
      if (!spec.ok) throw new Error(spec.error);
      expect(mismatches(sampleSchedule(spec.spec, 120), run(name, params, 120), 1e-9)).toEqual([]);
    });
  }

  it("rejects bad configurations with the argument's name", () => {
    const bad = (name: string, params: Record<string, unknown>) => {
      const r = kerasAdapter.values({ name, params, steps: 3 });
      return r.ok ? "" : r.error;
    };
    expect(bad("ExponentialDecay", { initial_learning_rate: 0.1, decay_steps: 0, decay_rate: 0.5 })).toMatch(/decay_steps must be a number > 0/);
    expect(bad("PiecewiseConstantDecay", { boundaries: [1, 2], values: [1, 2] })).toMatch(/1 less than/);
    expect(bad("CosineDecay", { initial_learning_rate: "0.1", decay_steps: 4 })).toMatch(/initial_learning_rate must be a number, got the string "0.1"/);
    expect(bad("CosineDecay", { initial_learning_rate: 0.1, decay_steps: 4, T_max: 3 })).toMatch(/unexpected argument T_max/);
    expect(bad("StepLR", {})).toMatch(/unknown Keras schedule "StepLR"/);
    expect(bad("ExponentialDecay", { initial_learning_rate: 0.1, decay_steps: 2, decay_rate: -2 })).toMatch(/NaN at step 1/);
  });
});
