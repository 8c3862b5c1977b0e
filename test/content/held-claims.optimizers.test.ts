// The optimizer entries' worked examples are recomputed from update rules
// transcribed in held-claims.optimizers.ts. Here those transcriptions meet real
// PyTorch: test/fixtures/pytorch-optimizer-steps.py (Debian's python3-torch)
// wrote the values each case below compares with.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { transcribed } from "./held-claims.optimizers.ts";

interface Golden {
  torch: string;
  adadelta_defaults: Record<string, number>;
  rprop_same_sign_then_flip: { updates: number[]; step_size_after_flip: number };
  adamax_spike: Record<string, number>;
  amsgrad_spike: Record<string, { v: number; max: number }>;
  adam_first_step: Record<string, number>;
  nadam_momentum: Record<string, number>;
}

const golden = JSON.parse(readFileSync(new URL("../fixtures/pytorch-optimizer-steps.json", import.meta.url), "utf8")) as Golden;
const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

describe(`optimizer worked examples against PyTorch ${golden.torch}`, () => {
  it("Adadelta: the update sizes at steps 1, 10, 100 and 1,000", () => {
    for (const [t, size] of Object.entries(golden.adadelta_defaults)) {
      expect(close(transcribed.adadeltaTorchStep(Number(t)), size), `step ${t}`).toBe(true);
    }
  });

  it("Rprop: the first step is lr, then ×1.2 per same-sign step; a flip halves the step size and skips the update", () => {
    const { updates, step_size_after_flip: afterFlip } = golden.rprop_same_sign_then_flip;
    updates.slice(0, 6).forEach((size, i) => expect(close(transcribed.rpropStepSize(i), size), `step ${i + 1}`).toBe(true));
    expect(updates[6]).toBe(0);
    expect(close(0.5 * transcribed.rpropStepSize(5), afterFlip)).toBe(true);
  });

  it("AdaMax: the infinity norm after a spike of 100 decays by β₂ per step", () => {
    for (const [k, u] of Object.entries(golden.adamax_spike)) expect(close(transcribed.adamaxU(Number(k)), u), `k = ${k}`).toBe(true);
  });

  it("AMSGrad: Adam's v forgets the spike, its running maximum does not", () => {
    for (const [k, { v, max }] of Object.entries(golden.amsgrad_spike)) {
      expect(Math.abs(transcribed.adamSecondMomentAfterSpike(Number(k)) - v), `v at k = ${k}`).toBeLessThan(1e-6);
      expect(Math.abs(transcribed.adamSecondMomentAfterSpike(0) - max), `max at k = ${k}`).toBeLessThan(1e-6);
    }
  });

  it("Adam with bias correction: the first update is exactly lr, whatever the gradient's size", () => {
    for (const size of Object.values(golden.adam_first_step)) expect(close(size, 0.1)).toBe(true);
  });

  it("NAdam: PyTorch's momentum coefficient μ_t = β₁(1 − ½·0.96^(0.004t))", () => {
    for (const [t, mu] of Object.entries(golden.nadam_momentum)) {
      expect(Math.abs(transcribed.nadamMu(Number(t)) - mu), `t = ${t}`).toBeLessThan(1e-6);
    }
  });
});
