/**
 * The Q-learning race's settings (src/training/settings-q*.ts): one schema for
 * the CLI, the island and its URL, with the training race's profiles, bounds
 * and messages, and its own fields (count rules, ε, γ, a step size ≤ 1).
 */
import { describe, expect, it } from "vitest";
import { PROFILES, raceRanges } from "../../src/training/settings.ts";
import { checkQRaceSettings, QRaceSettingsError, resolveQRace, type QRaceInput } from "../../src/training/settings-q.ts";
import { qInputFromText, qOptionsHelp, Q_RACE_FIELDS } from "../../src/training/settings-q-text.ts";

const problems = (input: QRaceInput, profile: "browser" | "cli" = "browser") => {
  try {
    resolveQRace(input, profile);
  } catch (error) {
    if (error instanceof QRaceSettingsError) return error.problems;
    throw error;
  }
  return [];
};

describe("Q-learning race settings", () => {
  it("gives the CLI and the browser the same defaults: constant, 1/n and 1/n^0.7 for 100,000 steps", () => {
    const browser = resolveQRace({}, "browser");
    expect(resolveQRace({}, "cli")).toEqual(browser);
    expect(browser).toEqual({
      rules: [{ form: "schedule", spec: { kind: "constant", lr: 0.1 } }, { form: "count", omega: 1 }, { form: "count", omega: 0.7 }],
      labels: ["constant", "1/n", "1/n^0.7"],
      steps: 100_000, seed: 1, evalEvery: 1000, epsilon: 0.3, gamma: 0.9, lr: 0.1,
    });
  });

  it("orders the agents --schedules, --schedule, --step-sizes; naming any replaces the default; none names none", () => {
    const s = resolveQRace({ schedules: ["cosine"], specs: [{ kind: "constant", lr: 0.5 }], stepSizes: ["1/n^0.8", "step"], steps: 1000, lr: 0.2 }, "cli");
    expect(s.labels).toEqual(["cosine", "constant#1", "1/n^0.8", "step"]);
    expect(s.rules[0]).toMatchObject({ form: "schedule", spec: { kind: "cosine", lr: 0.2, decaySteps: 1000 } });
    expect(s.rules[3]).toMatchObject({ form: "schedule", spec: { kind: "step", lr: 0.2 } });
    expect(resolveQRace({ schedules: ["cosine"] }, "cli").labels).toEqual(["cosine"]);
    expect(resolveQRace({ schedules: ["cosine"], stepSizes: ["none"] }, "cli").labels).toEqual(["cosine"]);
    expect(resolveQRace({ stepSizes: ["1/n"], labels: ["harmonic"] }, "cli").labels).toEqual(["harmonic"]);
  });

  it("differs between the browser and the CLI only in the limits PROFILES names", () => {
    const big: QRaceInput = { steps: 5_000_000, stepSizes: Array(12).fill("1/n") };
    expect(problems(big, "cli")).toEqual([]);
    expect(problems({ steps: 5_000_000 }).map((p) => p.field)).toEqual(["steps"]);
    expect(problems({ stepSizes: Array(12).fill("1/n") })).toEqual([{ field: "stepSizes", message: "needs 1 to 8 step sizes in all (schedule kinds, specs and count rules), got 12" }]);
    expect(raceRanges("browser").agentSteps.max).toBe(PROFILES.browser.maxAgentSteps);
    expect(raceRanges("cli").agentSteps).toEqual({ ...raceRanges("browser").agentSteps, max: PROFILES.cli.maxAgentSteps });
    expect(raceRanges("cli").stepSize).toEqual(raceRanges("browser").stepSize);
  });

  it("names every bad field with what it accepts", () => {
    const found = problems({ task: "spirals", steps: 2.5, seed: -1, lr: 1.5, epsilon: -0.1, gamma: 1, evalEvery: 0, stepSizes: ["1/n", "banana", "1/n^0.4"], schedules: ["nope"] });
    const by = Object.fromEntries(found.map((p) => [p.field, p.message]));
    expect(by.task).toBe('must be gridworld for a Q-learning race, got the string "spirals"');
    expect(by.steps).toBe("must be an integer in [10, 1000000], got 2.5");
    expect(by.seed).toBe("must be an integer in [0, 2147483647], got -1");
    expect(by.lr).toBe("must be a number in (0, 1], got 1.5");
    expect(by.epsilon).toBe("must be a number in [0, 1], got -0.1");
    expect(by.gamma).toBe("must be a number in [0, 0.999], got 1");
    expect(by.evalEvery).toBe("must be an integer in [1, 1000000], got 0");
    expect(by.stepSizes).toBe('step size "banana" is neither 1/n or 1/n^ω nor a schedule kind; step size "1/n^0.4": ω must be in (0.5, 1] (Even-Dar & Mansour), got 0.4');
    expect(by.schedules).toMatch(/^unknown kind "nope"; expected constant, /);
    expect(problems({ specs: [{ kind: "step", lr: -1 }] })).toEqual([{ field: "specs", item: 1, message: expect.stringMatching(/lr/) }]);
    expect(problems({ stepSizes: ["1/n"], labels: ["a", "b"] })).toEqual([{ field: "labels", message: "needs one name per step size (1), got 2" }]);
    expect(problems({ bogus: 1 } as QRaceInput).length).toBe(1);
  });

  it("re-checks resolved settings (the worker's start message) under the same bounds", () => {
    const s = resolveQRace({ schedules: ["cosine"], specs: [{ kind: "constant", lr: 0.5 }], stepSizes: ["1/n^0.8", "1/n"], steps: 1000 }, "browser");
    expect(checkQRaceSettings(s, "browser")).toBe(s);
    expect(checkQRaceSettings(resolveQRace({ stepSizes: ["1/n"] }, "browser"), "browser").labels).toEqual(["1/n"]);
    expect(checkQRaceSettings(resolveQRace({ schedules: ["step"] }, "browser"), "browser").labels).toEqual(["step"]);
    expect(() => checkQRaceSettings({ ...s, steps: 5_000_000 }, "browser")).toThrow(/steps must be an integer in \[10, 1000000\]/);
    expect(() => checkQRaceSettings({ ...s, rules: [...s.rules.slice(0, 3), { form: "count", omega: 0.3 }] }, "browser")).toThrow(/ω must be in/);
    expect(() => checkQRaceSettings({ ...s, rules: [{ form: "schedule", spec: { kind: "constant", lr: -1 } as never }, ...s.rules.slice(1)] }, "browser")).toThrow(/specs 1/);
    expect(() => checkQRaceSettings({ ...s, labels: ["one"] }, "browser")).toThrow(/labels needs one name per step size \(4\), got 1/);
    expect(() => checkQRaceSettings({ ...s, gamma: Number.NaN }, "browser")).toThrow(/gamma must be a number/);
  });

  it("reads its text as the training race's does: strict numbers, comma lists, repeated JSON", () => {
    const input = qInputFromText({ stepSizes: ["cosine, 1/n^0.7,"], steps: ["2000"], gamma: ["0x1"], specs: ['{"kind":"constant","lr":0.1}'] });
    expect(input).toEqual({ stepSizes: ["cosine", "1/n^0.7"], steps: 2000, gamma: "0x1", specs: [{ kind: "constant", lr: 0.1 }] });
    expect(problems(input)).toEqual([{ field: "gamma", message: 'must be a number in [0, 0.999], got the string "0x1"' }]);
  });

  it("documents every field in the help, with the profile's bounds", () => {
    const cli = qOptionsHelp("cli");
    for (const field of Object.values(Q_RACE_FIELDS)) expect(cli).toContain(`--${field.flag}`);
    expect(cli).toContain("an integer in [10, 10000000]; default 100000");
    expect(qOptionsHelp("browser")).toContain("an integer in [10, 1000000]; default 100000");
    expect(cli).toContain("1 to 32 agents in all");
  });
});
