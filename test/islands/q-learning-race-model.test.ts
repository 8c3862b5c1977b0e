import { describe, expect, it } from "vitest";
import { qRaceConfig, qSettingsFromQuery, qSettingsToQuery, qTableRows, Q_ISLAND_DEFAULTS } from "../../components/islands/q-learning-race-model.ts";

describe("Q-learning race island settings", () => {
  it("the defaults make the race the CLI makes from --step-sizes 1/n,1/n^0.7 --schedules constant", () => {
    const c = qRaceConfig(Q_ISLAND_DEFAULTS);
    expect(c.labels).toEqual(["constant", "1/n", "1/n^0.7"]);
    expect([c.steps, c.evalEvery, c.seed, c.epsilon, c.gamma]).toEqual([100_000, 1000, 1, 0.3, 0.9]);
  });

  it("names a bad setting", () => {
    expect(() => qRaceConfig({ ...Q_ISLAND_DEFAULTS, steps: 2_000_000 })).toThrow(/steps must be an integer in \[1000, 1000000\], got 2000000/);
    expect(() => qRaceConfig({ ...Q_ISLAND_DEFAULTS, gamma: Number.NaN })).toThrow(/gamma must be a number in \[0, 0.999\], got NaN/);
    expect(() => qRaceConfig({ ...Q_ISLAND_DEFAULTS, rules: "1/n^0.3" })).toThrow(/ω must be in/);
    expect(() => qRaceConfig({ ...Q_ISLAND_DEFAULTS, rules: Array(9).fill("1/n").join(",") })).toThrow(/at most 8/);
  });

  it("a permalink round-trips, and a bad one keeps the current values with a notice", () => {
    const s = { ...Q_ISLAND_DEFAULTS, rules: "cosine,1/n^0.8", steps: 20_000, seed: 7, gamma: 0.95 };
    expect(qSettingsFromQuery(qSettingsToQuery(s), Q_ISLAND_DEFAULTS)).toEqual({ settings: s, notices: [] });
    const bad = qSettingsFromQuery(new URLSearchParams("rules=1/n,potato&steps=abc"), Q_ISLAND_DEFAULTS);
    expect(bad.settings.rules).toBe(Q_ISLAND_DEFAULTS.rules);
    expect(bad.settings.steps).toBe(Q_ISLAND_DEFAULTS.steps);
    expect(bad.notices.map((n) => n.param).sort()).toEqual(["rules", "steps"]);
    expect(bad.notices.find((n) => n.param === "rules")?.message).toMatch(/"potato" is neither/);
  });

  it("table rows: label, distance, greedy return, latest α, episodes", () => {
    expect(qTableRows(["a", "b"], { step: 10, distance: [1.23456, 2], greedyReturn: [-8.6, -10], alpha: [0.1, null], episodes: [3, 0] })).toEqual([
      ["a", "1.235", "-8.600", "0.100", "3"],
      ["b", "2.000", "-10.000", "–", "0"],
    ]);
  });
});
