import { describe, expect, it } from "vitest";
import { parseGridworldArgs } from "../../src/cli/rl-experiment.ts";
import { qRaceCommand, qRaceSettings, qSettingsFromQuery, qSettingsToQuery, qTableRows, Q_ISLAND_DEFAULTS, Q_ISLAND_RANGES } from "../../components/islands/q-learning-race-model.ts";
import { raceRanges } from "../../src/training/settings.ts";

describe("Q-learning race island settings", () => {
  it("the defaults make the race the CLI makes from --step-sizes 1/n,1/n^0.7 --schedules constant", () => {
    const c = qRaceSettings(Q_ISLAND_DEFAULTS);
    expect(c.labels).toEqual(["constant", "1/n", "1/n^0.7"]);
    expect([c.steps, c.evalEvery, c.seed, c.epsilon, c.gamma]).toEqual([100_000, 1000, 1, 0.3, 0.9]);
    const { format: _format, ...cli } = parseGridworldArgs(["--task", "gridworld", "--schedules", "constant", "--step-sizes", "1/n,1/n^0.7"]);
    expect(c).toEqual(cli);
  });

  it("takes its bounds from the shared settings under the browser's profile", () => {
    expect(Q_ISLAND_RANGES.steps).toEqual(raceRanges("browser").agentSteps);
    expect(Q_ISLAND_RANGES.lr).toEqual(raceRanges("browser").stepSize);
    expect(raceRanges("cli").agentSteps.max).toBeGreaterThan(Q_ISLAND_RANGES.steps.max);
  });

  it("names a bad setting by its control", () => {
    expect(() => qRaceSettings({ ...Q_ISLAND_DEFAULTS, steps: 2_000_000 })).toThrow(/steps must be an integer in \[10, 1000000\], got 2000000/);
    expect(() => qRaceSettings({ ...Q_ISLAND_DEFAULTS, gamma: Number.NaN })).toThrow(/gamma must be a number in \[0, 0.999\], got NaN/);
    expect(() => qRaceSettings({ ...Q_ISLAND_DEFAULTS, stepSizes: ["1/n^0.3"] })).toThrow(/^rules: step size "1\/n\^0.3": ω must be in/);
    expect(() => qRaceSettings({ ...Q_ISLAND_DEFAULTS, stepSizes: Array(9).fill("1/n") })).toThrow(/^rules needs 1 to 8 step sizes in all/);
    expect(() => qRaceSettings({ ...Q_ISLAND_DEFAULTS, stepSizes: [] })).toThrow(/^rules needs 1 to 8 step sizes in all .* got 0/);
  });

  it("a permalink round-trips, and a bad one keeps the current values with a notice", () => {
    const s = { ...Q_ISLAND_DEFAULTS, stepSizes: ["cosine", "1/n^0.8"], steps: 20_000, seed: 7, gamma: 0.95 };
    expect(qSettingsFromQuery(qSettingsToQuery(s), Q_ISLAND_DEFAULTS)).toEqual({ settings: s, lesson: { hide: [], question: "" }, notices: [] });
    const bad = qSettingsFromQuery(new URLSearchParams("rules=1/n,potato&steps=abc"), Q_ISLAND_DEFAULTS);
    expect(bad.settings.stepSizes).toEqual(Q_ISLAND_DEFAULTS.stepSizes);
    expect(bad.settings.steps).toBe(Q_ISLAND_DEFAULTS.steps);
    expect(bad.notices.map((n) => n.param).sort()).toEqual(["rules", "steps"]);
    expect(bad.notices.find((n) => n.param === "rules")?.message).toMatch(/"potato"\u2069 is neither/);
  });

  it("refuses hostile parameters with notices and keeps the defaults", () => {
    const q = new URLSearchParams();
    q.append("rules", "1/n^0.7,\u202Eevil");
    q.append("steps", "0x10");
    q.append("seed", "Infinity");
    q.append("epsilon", "2");
    q.append("gamma", "");
    q.append("lr", "1e999");
    q.append("steps", "500");
    q.append("constructor", "1");
    q.append("rules2", "x");
    const { settings, notices } = qSettingsFromQuery(q, Q_ISLAND_DEFAULTS);
    expect(settings).toEqual(Q_ISLAND_DEFAULTS);
    const text = notices.map((n) => n.message).join(" | ");
    for (const key of ["rules", "steps", "seed", "epsilon", "gamma", "lr"]) expect(notices.some((n) => n.param === key), key).toBe(true);
    expect(text).toMatch(/steps: given 2 times; using the first/);
    expect(text).toMatch(/ignored: .*"constructor".*"rules2"/);
    expect(text).not.toContain("\u202E");
    expect(qSettingsFromQuery(new URLSearchParams(`rules=${Array(9).fill("1/n").join(",")}`), Q_ISLAND_DEFAULTS).notices[0]?.message).toMatch(/names 9 step sizes; at most 8/);
  });

  it("reads lesson mode: controls to hide and a question", () => {
    const { lesson, notices } = qSettingsFromQuery(new URLSearchParams("hide=gamma,epsilon,bogus&question=Which%20ends%20closest%3F"), Q_ISLAND_DEFAULTS);
    expect(lesson).toEqual({ hide: ["gamma", "epsilon"], question: "Which ends closest?" });
    expect(notices.map((n) => n.param)).toEqual(["hide"]);
  });

  it("prints the command that reruns the race, and that command names the same race", () => {
    const s = { ...Q_ISLAND_DEFAULTS, stepSizes: ["cosine", "1/n^0.8"], steps: 20_000, seed: 7, gamma: 0.95, lr: 0.2 };
    const command = qRaceCommand(s);
    expect(command).toBe("npm run --silent experiment -- --task gridworld --step-sizes cosine,1/n^0.8 --steps 20000 --eval-every 200 --seed 7 --epsilon 0.3 --gamma 0.95 --lr 0.2");
    const { format: _format, ...cli } = parseGridworldArgs(command.split(" ").slice(5));
    expect(cli).toEqual(qRaceSettings(s));
  });

  it("table rows: label, distance, greedy return, latest α, episodes", () => {
    expect(qTableRows(["a", "b"], { step: 10, distance: [1.23456, 2], greedyReturn: [-8.6, -10], alpha: [0.1, null], episodes: [3, 0] })).toEqual([
      ["a", "1.235", "-8.600", "0.100", "3"],
      ["b", "2.000", "-10.000", "–", "0"],
    ]);
  });
});
