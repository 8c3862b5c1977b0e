import { describe, expect, it } from "vitest";
import { epsilonGreedy, qUpdate } from "../../src/rl/q-learning.ts";
import { COUNT_STEP_SIZE, makeStepSize, parseCountRule, readStepSizeItem, ruleLabel } from "../../src/rl/step-sizes.ts";
import { makeSchedule } from "../../src/schedules/index.ts";

describe("Q-learning update", () => {
  it("matches a hand-computed step: Q(0,1) = 1 + 0.5 (−1 + 0.9 · 2 − 1) = 0.9", () => {
    const q = Float64Array.from([0.5, 1, 2, -1]);
    const delta = qUpdate(q, 2, 0, 1, -1, 1, false, 0.5, 0.9);
    expect(delta).toBeCloseTo(-0.2, 15);
    expect(q[1]).toBeCloseTo(0.9, 15);
    expect([q[0], q[2], q[3]]).toEqual([0.5, 2, -1]);
  });

  it("takes max Q(s′,·) = 0 at a terminal next state: Q(0,1) = 1 + 0.5 (−1 − 1) = 0", () => {
    const q = Float64Array.from([0.5, 1, 2, -1]);
    qUpdate(q, 2, 0, 1, -1, 1, true, 0.5, 0.9);
    expect(q[1]).toBe(0);
  });

  it("ε-greedy explores below ε and breaks greedy ties with the action uniform", () => {
    const q = Float64Array.from([1, 3, 3, 0]);
    expect(epsilonGreedy(q, 4, 0, 0.2, 0.1, 0.0)).toBe(0);
    expect(epsilonGreedy(q, 4, 0, 0.2, 0.1, 0.99)).toBe(3);
    expect(epsilonGreedy(q, 4, 0, 0.2, 0.5, 0.2)).toBe(1);
    expect(epsilonGreedy(q, 4, 0, 0.2, 0.5, 0.7)).toBe(2);
  });
});

describe("step sizes", () => {
  it("1/n and 1/n^ω follow their formulas, whatever the step", () => {
    const harmonic = makeStepSize(parseCountRule("1/n"));
    const poly = makeStepSize(parseCountRule("1/n^0.7"));
    for (const n of [1, 2, 3, 10, 1000]) {
      expect(harmonic(12345, n)).toBe(1 / n);
      expect(poly(0, n)).toBeCloseTo(1 / n ** 0.7, 15);
      expect(poly(999, n)).toBe(poly(0, n));
    }
    expect(poly(0, 32)).toBeCloseTo(1 / 32 ** 0.7, 15);
  });

  it("a schedule rule is the library's schedule at step t, whatever the count", () => {
    const spec = { kind: "inverse-time", lr: 0.5, k: 0.01, decaySteps: 1, staircase: false } as const;
    const alpha = makeStepSize({ form: "schedule", spec });
    for (const t of [0, 10, 500]) {
      expect(alpha(t, 1)).toBe(makeSchedule(spec)(t));
      expect(alpha(t, 77)).toBe(alpha(t, 1));
    }
  });

  it("reads 1/n, 1/n^ω and refuses ω outside (1/2, 1] or other text", () => {
    expect(parseCountRule("1/n")).toEqual({ form: "count", omega: 1 });
    expect(parseCountRule(" 1/n^0.55 ")).toEqual({ form: "count", omega: 0.55 });
    expect(ruleLabel(parseCountRule("1/n^0.7"))).toBe("1/n^0.7");
    expect(() => parseCountRule("1/n^0.5")).toThrow(/ω must be in \(0.5, 1\]/);
    expect(() => parseCountRule("1/n^1.5")).toThrow(/got 1.5/);
    expect(() => parseCountRule("2/n")).toThrow(/"2\/n" is not 1\/n or 1\/n\^ω/);
    expect(COUNT_STEP_SIZE.omega.min).toBe(0.5);
  });
});

describe("step sizes as text", () => {
  it("reads an item as a schedule kind or a count rule, and says why a bad one is neither, quoted as the caller quotes", () => {
    expect(readStepSizeItem(" constant ")).toEqual({ ok: true, value: "constant" });
    expect(readStepSizeItem("1/n")).toEqual({ ok: true, value: { form: "count", omega: 1 } });
    expect(readStepSizeItem("1/n^0.7")).toEqual({ ok: true, value: { form: "count", omega: 0.7 } });
    const banana = readStepSizeItem("banana");
    expect(banana.ok).toBe(false);
    if (!banana.ok) expect(banana.message('"banana"')).toMatch(/"banana" is neither 1\/n or 1\/n\^ω nor a schedule kind/);
    const steep = readStepSizeItem("1/n^0.3");
    if (steep.ok) throw new Error("1/n^0.3 read as a step size");
    expect(steep.message("<x>")).toBe("step size <x>: ω must be in (0.5, 1] (Even-Dar & Mansour), got 0.3");
  });
});
