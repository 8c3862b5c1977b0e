/**
 * The race settings (src/training/settings.ts): one schema, two profiles that
 * differ only in their named limits, defaults from the task record, and
 * messages that name the field.
 */
import { describe, expect, it } from "vitest";
import { TASKS, taskInfo } from "../../src/data/datasets.ts";
import { checkRaceSettings, defaultEvalEvery, PROFILES, raceRanges, RaceSettingsError, resolveRace, type RaceInput } from "../../src/training/settings.ts";
import { optionsHelp, raceInputFromText, RACE_FIELDS, RACE_FIELD_NAMES, strictNumber } from "../../src/training/settings-text.ts";
import { OPTIMIZERS } from "../../src/training/optimizers.ts";
import { registry } from "../../src/schedules/index.ts";

const problems = (input: RaceInput, profile: "browser" | "cli" = "browser") => {
  try {
    resolveRace(input, profile);
  } catch (error) {
    if (error instanceof RaceSettingsError) return error.problems;
    throw error;
  }
  return [];
};

describe("race settings", () => {
  it("gives every front end the same defaults", () => {
    const browser = resolveRace({}, "browser");
    const cli = resolveRace({}, "cli");
    const { labels: _b, ...b } = browser;
    const { labels: _c, ...c } = cli;
    expect(b).toEqual(c);
    expect(browser).toMatchObject({ task: "spirals", model: "mlp", optimizer: "sgd", steps: 600, batchSize: 32, seed: 1, lr: null, evalEvery: 15, hidden: [16, 16], cycleMomentum: true });
    expect(browser.schedules.map((s) => s.kind)).toEqual(["constant", "step", "exponential", "cosine"]);
    expect(browser.labels).toEqual((["constant", "step", "exponential", "cosine"] as const).map((k) => registry[k].title));
    expect(new Set(browser.labels).size).toBe(4);
    expect(cli.labels).toEqual(["constant", "step", "exponential", "cosine"]);
  });

  it("takes each task's default model and widths from its record, and refuses a model the task cannot use", () => {
    for (const task of TASKS) {
      const s = resolveRace({ task }, "browser");
      expect(s.model, task).toBe(taskInfo(task).models[0]);
      expect(s.hidden, task).toEqual(taskInfo(task).hidden);
      for (const model of taskInfo(task).models) expect(resolveRace({ task, model }, "browser").model).toBe(model);
    }
    expect(problems({ task: "moons", model: "cnn" })).toEqual([{ field: "model", value: "cnn", message: expect.stringMatching(/^needs image inputs .*task moons takes mlp$/) }]);
  });

  it("differs between the browser and the CLI only in the limits PROFILES names", () => {
    const big: RaceInput = { steps: 50_000, batchSize: 1024, lr: 50, schedules: Array(12).fill("cosine") };
    expect(problems(big, "cli")).toEqual([]);
    expect(problems(big, "browser").map((p) => p.field).sort()).toEqual(["batchSize", "lr", "schedules", "steps"]);
    expect(raceRanges("browser").steps.max).toBe(PROFILES.browser.maxSteps);
    expect(raceRanges("cli").steps).toEqual({ ...raceRanges("browser").steps, max: PROFILES.cli.maxSteps });
  });

  it("names every bad field with what it accepts", () => {
    const found = problems({ task: "cifar", optimizer: "lion", steps: 2.5, seed: -1, lr: 0, schedules: ["cosine", "nope"], hidden: [8, 0], cycleMomentum: "yes" as unknown as boolean });
    const by = Object.fromEntries(found.map((p) => [p.field + (p.item ? `#${p.item}` : ""), p.message]));
    expect(by.task).toMatch(/^must be one of spirals, .*got the string "cifar"$/);
    expect(by.optimizer).toBe(`must be one of ${OPTIMIZERS.join(", ")}, got the string "lion"`);
    expect(by.steps).toBe("must be an integer in [10, 20000], got 2.5");
    expect(by.seed).toBe("must be an integer in [0, 2147483647], got -1");
    expect(by.lr).toBe("must be a number in (0, 10], got 0");
    expect(by.schedules).toMatch(/^unknown kind "nope"; expected constant, /);
    expect(by["hidden#2"]).toBe("must be an integer in [1, 512], got 0");
    expect(by.cycleMomentum).toMatch(/^must be true or false/);
    expect(() => resolveRace({ steps: Number.NaN }, "cli")).toThrow(/steps must be an integer in \[10, 1000000\], got NaN/);
    expect(problems({ bogus: 1 } as RaceInput).length).toBe(1);
  });

  it("fits named kinds to the run and keeps exact specs as given", () => {
    const fitted = resolveRace({ schedules: ["cosine"], steps: 200, lr: 0.3 }, "browser");
    expect(fitted.schedules[0]).toMatchObject({ kind: "cosine", lr: 0.3, decaySteps: 200 });
    expect(fitted.evalEvery).toBe(defaultEvalEvery(200));
    const exact = resolveRace({ specs: [{ kind: "step", lr: 0.2, stepSize: 7 }] }, "cli");
    expect(exact.schedules).toEqual([expect.objectContaining({ kind: "step", lr: 0.2, stepSize: 7 })]);
    expect(exact.labels).toEqual(["step#1"]);
    expect(problems({ specs: [{ kind: "step", lr: -1 }] })).toEqual([{ field: "specs", item: 1, message: expect.stringMatching(/lr/) }]);
  });

  it("re-checks resolved settings (the worker's start message) under the same bounds", () => {
    const s = resolveRace({ task: "xor", steps: 100 }, "browser");
    expect(checkRaceSettings(s, "browser")).toEqual(s);
    // A worker's start message carries more than the settings (backend, wasm path): those pass through unchecked here.
    expect(checkRaceSettings({ ...s, backend: "cpu", wasmPath: "/tfjs/", boundaryGrid: 24 } as typeof s, "browser")).toEqual(s);
    expect(() => checkRaceSettings({ ...s, steps: 50_000 }, "browser")).toThrow(/steps must be an integer in \[10, 20000\]/);
    expect(() => checkRaceSettings({ ...s, labels: ["one"] }, "browser")).toThrow(/one label per schedule/);
  });
});

describe("race settings as text", () => {
  it("reads numbers strictly: no hex, blanks, NaN or Infinity", () => {
    expect(strictNumber("0.03")).toBe(0.03);
    expect(strictNumber(" 1e-3 ")).toBe(0.001);
    for (const bad of ["0x10", "", " ", "NaN", "Infinity", "1_000", "1e999", "12abc"]) expect(strictNumber(bad), bad).toBeNull();
    expect(() => resolveRace(raceInputFromText({ seed: ["0x10"] }), "cli")).toThrow(/seed must be an integer in \[0, 2147483647\], got the string "0x10"/);
    expect(() => resolveRace(raceInputFromText({ seed: [""] }), "cli")).toThrow(/seed must be an integer/);
  });

  it("reads lists, switches and repeated JSON specs", () => {
    const input = raceInputFromText({ schedules: ["cosine, step,"], hidden: ["8,4"], cycleMomentum: ["false"], specs: ['{"kind":"constant","lr":0.1}', '{"kind":"cosine","lr":0.2,"decaySteps":50}'] });
    expect(input).toEqual({ schedules: ["cosine", "step"], hidden: [8, 4], cycleMomentum: false, specs: [{ kind: "constant", lr: 0.1 }, { kind: "cosine", lr: 0.2, decaySteps: 50 }] });
    expect(() => raceInputFromText({ specs: ["{x"] })).toThrow(/schedule 1 is not valid JSON/);
  });

  it("documents every field in the help, with the profile's bounds", () => {
    const cli = optionsHelp("cli");
    const browser = optionsHelp("browser");
    for (const name of RACE_FIELD_NAMES) expect(cli).toContain(`--${RACE_FIELDS[name].flag}`);
    expect(cli).toContain("an integer in [10, 1000000]; default 600");
    expect(browser).toContain("an integer in [10, 20000]; default 600");
    expect(cli).toContain("1 to 32 schedule kinds");
  });
});
