/** Each family's worked example (from its doc comment), computed by hand. */
import { describe, expect, it } from "vitest";
import { checkSpec, makeSchedule, sampleSchedule, registry, KINDS } from "../../src/schedules/index.ts";
import katex from "katex";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const at = (spec: object, t: number) => makeSchedule(checkSpec(spec))(t);

describe("worked examples", () => {
  it("constant: 0.1 at every step", () => {
    const s = { kind: "constant", lr: 0.1 };
    expect([0, 1, 99, 10_000].map((t) => at(s, t))).toEqual([0.1, 0.1, 0.1, 0.1]);
  });
  it("linear: 0.1 → 0 over T = 100 gives 0.05 at t = 50, then holds the end rate", () => {
    const s = { kind: "linear", lr: 0.1, endLr: 0, decaySteps: 100 };
    expect(at(s, 50)).toBeCloseTo(0.05, 15);
    expect(at(s, 100)).toBe(0);
    expect(at({ ...s, endLr: 0.01 }, 250)).toBeCloseTo(0.01, 15);
  });
  it("lambda: 0.1 · 0.5^(t // 30) gives 0.1 for t < 30, 0.05 for 30 ≤ t < 60", () => {
    const s = { kind: "lambda", lr: 0.1, expression: "lambda t: 0.5 ** (t // 30)" };
    expect([0, 29, 30, 59, 60].map((t) => at(s, t))).toEqual([0.1, 0.1, 0.05, 0.05, 0.025]);
  });
  it("step: 0.1 for t < 30, 0.01 from 30", () => {
    const s = { kind: "step", lr: 0.1, stepSize: 30, gamma: 0.1 };
    expect(at(s, 29)).toBe(0.1);
    expect(at(s, 30)).toBeCloseTo(0.01, 15);
  });
  it("multi-step: drops at each milestone, on the milestone", () => {
    const s = { kind: "multi-step", lr: 0.1, milestones: [30, 80], gamma: 0.1 };
    expect([at(s, 29), at(s, 30), at(s, 79), at(s, 80)].map((v) => +v.toPrecision(12))).toEqual([0.1, 0.01, 0.01, 0.001]);
  });
  it("exponential: 0.1·e^-2 at t = 100; the staircase agrees at stair edges and is above between", () => {
    expect(at({ kind: "exponential", lr: 0.1, k: 0.02 }, 100)).toBeCloseTo(0.1 * Math.exp(-2), 15);
    const stair = { kind: "exponential", lr: 0.1, k: 0.02, staircase: true, decaySteps: 10 };
    expect(at(stair, 20)).toBeCloseTo(at({ kind: "exponential", lr: 0.1, k: 0.02 }, 20), 15);
    expect(at(stair, 25)).toBeGreaterThan(at({ kind: "exponential", lr: 0.1, k: 0.02 }, 25));
    expect(at({ kind: "exponential", lr: 0.1, k: 0.5, minLr: 0.01 }, 100)).toBe(0.01);
  });
  it("inverse-time: halves after 1/k steps", () => {
    expect(at({ kind: "inverse-time", lr: 0.1, k: 0.1 }, 10)).toBeCloseTo(0.05, 15);
  });
  it("polynomial: 0.025 at t = 50 with power 2; Keras cycle restarts the horizon", () => {
    expect(at({ kind: "polynomial", lr: 0.1, endLr: 0, decaySteps: 100, power: 2 }, 50)).toBeCloseTo(0.025, 15);
    expect(at({ kind: "polynomial", lr: 0.1, endLr: 0, decaySteps: 100, power: 1 }, 150)).toBe(0);
    // cycle: t = 150 → horizon 200, (1 − 150/200) = 0.25
    expect(at({ kind: "polynomial", lr: 0.1, endLr: 0, decaySteps: 100, power: 1, cycle: true }, 150)).toBeCloseTo(0.025, 15);
  });
  it("cosine: half way at T/2; holds the floor past T unless periodic", () => {
    const s = { kind: "cosine", lr: 0.1, minLr: 0, decaySteps: 100 };
    expect(at(s, 50)).toBeCloseTo(0.05, 15);
    expect(at(s, 150)).toBe(0);
    expect(at({ ...s, periodic: true }, 200)).toBeCloseTo(0.1, 15);
  });
  it("cosine-restarts: restarts at 10, 30, 70 with T_0 = 10, T_mult = 2", () => {
    const s = { kind: "cosine-restarts", lr: 1, minLr: 0, period: 10, tMult: 2 };
    for (const t of [0, 10, 30, 70]) expect(at(s, t)).toBe(1);
    expect(at(s, 29)).toBeLessThan(0.01);
    expect(at({ ...s, mMul: 0.5 }, 30)).toBe(0.25);
  });
  it("cyclic: peaks after stepSizeUp and returns at the end of the cycle", () => {
    const s = { kind: "cyclic", baseLr: 0.001, maxLr: 0.006, stepSizeUp: 2000, stepSizeDown: 2000 };
    expect(at(s, 2000)).toBeCloseTo(0.006, 15);
    expect(at(s, 4000)).toBeCloseTo(0.001, 15);
    expect(at({ ...s, mode: "triangular2" }, 6000)).toBeCloseTo(0.001 + 0.005 / 2, 15);
  });
  it("one-cycle: max/div at 0, max at pct·T − 1", () => {
    const s = { kind: "one-cycle", maxLr: 0.1, totalSteps: 100, pctStart: 0.3, divFactor: 25 };
    expect(at(s, 0)).toBeCloseTo(0.004, 15);
    expect(at(s, 29)).toBeCloseTo(0.1, 15);
    expect(at(s, 99)).toBeCloseTo(0.1 / 25 / 1e4, 18);
  });
  it("warmup: 0, 0.02, … 0.1 then hands over", () => {
    const s = { kind: "warmup", startLr: 0, warmupSteps: 5, after: { kind: "constant", lr: 0.1 } };
    expect(sampleSchedule(checkSpec(s), 7).map((v) => +v.toFixed(12))).toEqual([0, 0.02, 0.04, 0.06, 0.08, 0.1, 0.1]);
  });
  it("inverse-sqrt: 0.05 at t = 400 with W = τ = 100", () => {
    expect(at({ kind: "inverse-sqrt", lr: 0.1, warmupSteps: 100, timescale: 100 }, 400)).toBeCloseTo(0.05, 15);
    expect(at({ kind: "inverse-sqrt", lr: 0.1, warmupSteps: 100, timescale: 100 }, 50)).toBeCloseTo(0.05, 15);
  });
  it("wsd: peak through the stable phase, half way down the linear decay", () => {
    const s = { kind: "wsd", lr: 0.1, minLr: 0, warmupSteps: 10, stableSteps: 70, decaySteps: 20 };
    expect(at(s, 79)).toBe(0.1);
    expect(at(s, 90)).toBeCloseTo(0.05, 15);
    expect(at(s, 200)).toBe(0);
  });
  it("piecewise-constant: PyTorch/optax switch at the boundary, Keras after it", () => {
    const s = { kind: "piecewise-constant", boundaries: [3], values: [1, 0.1] };
    expect([at(s, 2), at(s, 3), at(s, 4)]).toEqual([1, 0.1, 0.1]);
    expect([at({ ...s, switchAfterBoundary: true }, 3), at({ ...s, switchAfterBoundary: true }, 4)]).toEqual([1, 0.1]);
  });
  it("piecewise-interpolate: straight lines between knots", () => {
    const s = { kind: "piecewise-interpolate", steps: [0, 10, 100], values: [0, 0.1, 0] };
    expect(at(s, 5)).toBeCloseTo(0.05, 15);
    expect(at(s, 55)).toBeCloseTo(0.05, 15);
    expect(at(s, 500)).toBe(0);
  });
  it("join: each child restarts its step count at its boundary", () => {
    const s = { kind: "join", schedules: [{ kind: "constant", lr: 0.5 }, { kind: "exponential", lr: 1, k: Math.log(2) }], boundaries: [3] };
    expect(sampleSchedule(checkSpec(s), 6).map((v) => +v.toFixed(12))).toEqual([0.5, 0.5, 0.5, 1, 0.5, 0.25]);
  });
  it("chain: PyTorch's ConstantLR × ExponentialLR jumps up ×10 when the constant lifts", () => {
    const s = registry.chain.defaults;
    const v = sampleSchedule(s, 22);
    expect(v[20]! / v[19]!).toBeCloseTo(10 * 0.9, 12);
  });
  it("plateau: PyTorch cuts after patience + 1 bad reports, Keras after patience", () => {
    const flat = [1, 1, 1, 1, 1, 1];
    const torch = sampleSchedule(checkSpec({ kind: "plateau", lr: 1, patience: 2, factor: 0.1 }), 7, { metrics: flat });
    const keras = sampleSchedule(checkSpec({ kind: "plateau", lr: 1, patience: 2, factor: 0.1, convention: "keras", threshold: 0 }), 7, { metrics: flat });
    expect(torch.indexOf(torch.find((v) => v < 1)!)).toBe(4);
    expect(keras.indexOf(keras.find((v) => v < 1)!)).toBe(3);
  });
});

describe("registry", () => {
  it("gives every kind a worked example above (a test titled \"<kind>: …\", from its doc comment)", () => {
    const source = readFileSync(fileURLToPath(import.meta.url), "utf8");
    const missing = KINDS.filter((kind) => !source.includes(`it("${kind}: `));
    expect(missing, "kinds without a worked example in test/schedules/families.test.ts").toEqual([]);
  });

  for (const kind of KINDS) {
    it(`${kind}: formula parses in KaTeX strict mode, symbols too, and defaults are valid`, () => {
      const family = registry[kind];
      expect(() => katex.renderToString(family.latex, { throwOnError: true, strict: "error" })).not.toThrow();
      for (const p of family.params) {
        expect(() => katex.renderToString(p.symbol, { throwOnError: true, strict: "error" }), p.name).not.toThrow();
        expect(p.min, p.name).toBeLessThanOrEqual(p.default);
        expect(p.default, p.name).toBeLessThanOrEqual(p.max);
        if (p.scale === "log") expect(p.min, p.name).toBeGreaterThan(0);
      }
      expect(checkSpec(family.defaults)).toEqual(family.defaults);
      expect(family.summary.length).toBeGreaterThan(20);
    });
  }
});
