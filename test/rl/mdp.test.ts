import { describe, expect, it } from "vitest";
import { evaluatePolicy, greedyPolicy, maxNormDistance, valueIteration, type Mdp, type Outcome } from "../../src/rl/mdp.ts";
import { sampleOutcome, stateOf, windyGridworld, GOAL } from "../../src/rl/gridworld.ts";

/**
 * Two states and a terminal one, γ = 1/2. State 0: "stay" (reward 0, back to 0) or "go" (reward 1, to 1).
 * State 1: "gamble" (reward 10 and the end with probability 1/2, else back to 0 with reward 0) or
 * "loop" (reward 2, stay in 1). By hand: V0 = 1 + V1/2 and V1 = 5 + V0/4 give V1 = 6, V0 = 4, so
 * Q*(0,stay) = 2, Q*(0,go) = 4, Q*(1,gamble) = 5 + 1 = 6, Q*(1,loop) = 2 + 3 = 5.
 */
const tiny: Mdp = {
  states: 3,
  actions: 2,
  terminal: (s) => s === 2,
  outcomes: (s, a): Outcome[] => {
    if (s === 0) return a === 0 ? [{ p: 1, next: 0, reward: 0 }] : [{ p: 1, next: 1, reward: 1 }];
    return a === 0 ? [{ p: 0.5, next: 2, reward: 10 }, { p: 0.5, next: 0, reward: 0 }] : [{ p: 1, next: 1, reward: 2 }];
  },
};

describe("value iteration and policy evaluation", () => {
  it("solves the hand-solved two-state MDP", () => {
    const { q } = valueIteration(tiny, 0.5);
    expect([...q.subarray(0, 4)].map((x) => Number(x.toFixed(9)))).toEqual([2, 4, 6, 5]);
    expect(q[4]).toBe(0);
    expect([...greedyPolicy(q, 3, 2)].slice(0, 2)).toEqual([1, 0]);
  });

  it("evaluates a fixed policy: stay in 0 is worth 0, loop in 1 is worth 2/(1 − 1/2) = 4", () => {
    const v = evaluatePolicy(tiny, Int32Array.from([0, 1, 0]), 0.5);
    expect(v[0]).toBeCloseTo(0, 12);
    expect(v[1]).toBeCloseTo(4, 12);
  });

  it("measures the max-norm distance over non-terminal pairs only", () => {
    const a = Float64Array.from([0, 0, 0, 0, 99, 99]);
    const b = Float64Array.from([1, -3, 0.5, 0, 0, 0]);
    expect(maxNormDistance(tiny, a, b)).toBe(3);
  });

  it("refuses γ outside [0, 1)", () => {
    expect(() => valueIteration(tiny, 1)).toThrow(/gamma must be a number in \[0, 1\), got 1/);
  });
});

describe("windy gridworld with stochastic wind", () => {
  const mdp = windyGridworld();
  it("has 70 states, 4 actions, the goal as its one terminal state, and distributions summing to 1", () => {
    expect([mdp.states, mdp.actions]).toEqual([70, 4]);
    expect(Array.from({ length: 70 }, (_, s) => mdp.terminal(s)).filter(Boolean)).toHaveLength(1);
    expect(mdp.terminal(stateOf(GOAL.row, GOAL.column))).toBe(true);
    for (let s = 0; s < 70; s += 1) for (let a = 0; a < 4; a += 1) expect(mdp.outcomes(s, a).reduce((t, o) => t + o.p, 0)).toBeCloseTo(1, 12);
  });

  it("pushes up by the column's wind ± 1 (a third each) in windy columns, not at all in calm ones", () => {
    // Row 4, column 6 (wind 2), moving right: to column 7, rows 4 − 1, 4 − 2, 4 − 3.
    const windy = mdp.outcomes(stateOf(4, 6), 1).map((o) => [o.next, o.p]);
    expect(windy.sort((x, y) => (x[0] as number) - (y[0] as number))).toEqual([[stateOf(1, 7), 1 / 3], [stateOf(2, 7), 1 / 3], [stateOf(3, 7), 1 / 3]]);
    expect(mdp.outcomes(stateOf(0, 0), 0)).toEqual([{ p: 1, next: stateOf(0, 0), reward: -1 }]);
  });

  it("samples an outcome by inverse CDF from one uniform", () => {
    const outcomes = mdp.outcomes(stateOf(4, 6), 1);
    expect(sampleOutcome(outcomes, 0).next).toBe(outcomes[0]?.next);
    expect(sampleOutcome(outcomes, 0.5).next).toBe(outcomes[1]?.next);
    expect(sampleOutcome(outcomes, 0.999).next).toBe(outcomes[2]?.next);
  });

  it("Q* satisfies the Bellman optimality equation", () => {
    const gamma = 0.9;
    const { q } = valueIteration(mdp, gamma);
    const v = (s: number) => (mdp.terminal(s) ? 0 : Math.max(...q.subarray(s * 4, s * 4 + 4)));
    let residual = 0;
    for (let s = 0; s < 70; s += 1) {
      if (mdp.terminal(s)) continue;
      for (let a = 0; a < 4; a += 1) {
        const backup = mdp.outcomes(s, a).reduce((t, o) => t + o.p * (o.reward + gamma * v(o.next)), 0);
        residual = Math.max(residual, Math.abs(backup - (q[s * 4 + a] as number)));
      }
    }
    expect(residual).toBeLessThan(1e-10);
  });
});
