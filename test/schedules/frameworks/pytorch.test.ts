/**
 * The PyTorch adapter against real PyTorch: test/fixtures/pytorch-golden.json
 * was produced by test/fixtures/pytorch-golden.py running torch 1.13.1
 * (Debian python3-torch). Values must agree to 1e-9 relative.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { pytorchAdapter } from "../../../src/schedules/frameworks/pytorch.ts";
import { parseSpec, sampleSchedule } from "../../../src/schedules/index.ts";
import { mismatches } from "../../support/close.ts";

interface GoldenCase {
  name: string;
  params: Record<string, unknown>;
  base_lr: number;
  steps: number;
  metrics?: number[];
  expected: { lr: number[] } | { error: string };
}

const golden = JSON.parse(readFileSync(new URL("../../fixtures/pytorch-golden.json", import.meta.url), "utf8")) as { torch: string; cases: GoldenCase[] };
const label = (c: GoldenCase) => `${c.name} ${JSON.stringify(c.params)} base_lr=${c.base_lr}`;

describe(`PyTorch adapter vs torch ${golden.torch}`, () => {
  it("covers every scheduler class the adapter supports, several configurations each", () => {
    for (const name of pytorchAdapter.names) {
      expect(golden.cases.filter((c) => c.name === name).length, name).toBeGreaterThanOrEqual(3);
    }
  });

  for (const c of golden.cases) {
    it(label(c), () => {
      const result = pytorchAdapter.values({ name: c.name, params: c.params, baseLr: c.base_lr, steps: c.steps, metrics: c.metrics });
      if ("error" in c.expected) {
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.error).toContain(c.expected.error.replace(/^ValueError: /, ""));
        return;
      }
      expect(result.ok, result.ok ? "" : result.error).toBe(true);
      if (!result.ok) return;
      expect(result.lr).toHaveLength(c.steps + 1);
      expect(mismatches(result.lr, c.expected.lr), `values differ at these indices`).toEqual([]);
    });
  }
});

describe("PyTorch configurations as our specs", () => {
  const mapped = golden.cases.filter((c) => "lr" in c.expected);
  for (const c of mapped) {
    const spec = pytorchAdapter.toSpec(c.name, c.params, c.base_lr);
    if (!spec.ok) continue;
    it(`${label(c)} → ${spec.spec.kind} draws PyTorch's curve`, () => {
      const expected = (c.expected as { lr: number[] }).lr;
      const ours = sampleSchedule(spec.spec, c.steps + 1, { metrics: c.metrics });
      expect(mismatches(ours, expected, 1e-9)).toEqual([]);
    });
  }

  it("maps most golden cases, and says why when it cannot", () => {
    const results = mapped.map((c) => pytorchAdapter.toSpec(c.name, c.params, c.base_lr));
    expect(results.filter((r) => r.ok).length).toBeGreaterThan(mapped.length * 0.85);
    for (const r of results) if (!r.ok) expect(r.error.length).toBeGreaterThan(20);
  });
});

describe("PyTorch adapter input checks", () => {
  const bad: [string, Record<string, unknown>, RegExp][] = [
    ["StepLR", {}, /missing required argument step_size/],
    ["StepLR", { step_size: 0 }, /step_size must be an integer ≥ 1, got 0/],
    ["StepLR", { step_size: "3" }, /step_size must be an integer ≥ 1, got the string "3"/],
    ["StepLR", { step_size: 3, gama: 0.5 }, /unexpected argument gama/],
    ["CosineAnnealingWarmRestarts", { T_0: 10, T_mult: 1.5 }, /T_mult must be an integer ≥ 1, got 1.5/],
    ["CyclicLR", { base_lr: 0.1, max_lr: 1, mode: "sawtooth" }, /mode must be one of "triangular", "triangular2", "exp_range"/],
    ["OneCycleLR", { max_lr: 0.1 }, /give total_steps, or epochs and steps_per_epoch/],
    ["LambdaLR", {}, /Python function/],
    ["Warmup", {}, /unknown PyTorch scheduler "Warmup"/],
    ["SequentialLR", { schedulers: [{ name: "StepLR", params: { step_size: 2 } }], milestones: [3] }, /one milestone fewer than schedulers/],
    ["SequentialLR", { schedulers: [{ name: "ReduceLROnPlateau" }, { name: "StepLR", params: { step_size: 2 } }], milestones: [3] }, /cannot be nested/],
  ];
  for (const [name, params, message] of bad) {
    it(`${name} ${JSON.stringify(params)} is refused with a message`, () => {
      const result = pytorchAdapter.values({ name, params, baseLr: 0.1, steps: 5 });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatch(message);
    });
  }

  it("needs base_lr, and metrics for every plateau step", () => {
    const noBase = pytorchAdapter.values({ name: "StepLR", params: { step_size: 2 }, steps: 3 });
    expect(noBase.ok ? "" : noBase.error).toMatch(/needs base_lr/);
    const few = pytorchAdapter.values({ name: "ReduceLROnPlateau", params: {}, baseLr: 0.1, steps: 3, metrics: [1] });
    expect(few.ok ? "" : few.error).toMatch(/one metric per step: got 1 metrics for 3 steps/);
  });
});

describe("PyTorch snippets", () => {
  it("uses the native scheduler where one matches, LambdaLR otherwise", () => {
    const cosine = parseSpec({ kind: "cosine-restarts", period: 10, tMult: 2 });
    const wsd = parseSpec({ kind: "wsd" });
    if (!cosine.ok || !wsd.ok) throw new Error("default specs must parse");
    const native = pytorchAdapter.snippet(cosine.spec, 100);
    expect(native.ok && native.code).toContain("CosineAnnealingWarmRestarts(optimizer, T_0=10, T_mult=2, eta_min=0.0)");
    const lambda = pytorchAdapter.snippet(wsd.spec, 100);
    expect(lambda.ok && lambda.code).toContain("LambdaLR(optimizer, lr_lambda=lr_at)");
  });
});
