import { describe, expect, it } from "vitest";
import { readUrlState, specFromSearchParams, specToSearchParams } from "../../src/browser/url-state.ts";
import { choiceField, numberField } from "../../src/browser/url-fields.ts";
import { checkSpec, registry, KINDS } from "../../src/schedules/index.ts";

describe("URL state", () => {
  it("round-trips every registry default, nested specs included", () => {
    for (const kind of KINDS) {
      const spec = registry[kind].defaults;
      const back = specFromSearchParams(new URLSearchParams(specToSearchParams(spec).toString()), "constant");
      expect(back.notices, kind).toEqual([]);
      expect(back.spec, kind).toEqual(spec);
    }
  });

  it("round-trips changed settings with a prefix, next to another spec", () => {
    const a = checkSpec({ kind: "cosine", lr: 0.3, decaySteps: 40, periodic: true });
    const b = checkSpec({ kind: "multi-step", milestones: [10, 20, 35], gamma: 0.5 });
    const url = specToSearchParams(b, "b.", specToSearchParams(a));
    expect(specFromSearchParams(url, "constant").spec).toEqual(a);
    expect(specFromSearchParams(url, "constant", "b.").spec).toEqual(b);
  });

  it("replaces each bad value by the default and says so", () => {
    const url = new URLSearchParams("kind=exponential&lr=-1&k=0.05&decaySteps=abc&staircase=maybe&minLr=%3Cscript%3E");
    const { spec, notices } = specFromSearchParams(url, "constant");
    expect(spec).toEqual({ ...registry.exponential.defaults, k: 0.05 });
    expect(notices.map((n) => n.param).sort()).toEqual(["decaySteps", "lr", "minLr", "staircase"]);
    expect(notices.find((n) => n.param === "lr")?.message).toMatch(/lr: must be a number in \(0, 1000000\], got -1; using 0.1/);
  });

  it("falls back from an unknown kind with a notice", () => {
    const { spec, notices } = specFromSearchParams(new URLSearchParams("kind=%22%3E%3Cimg%20src%3Dx%3E"), "cosine");
    expect(spec).toEqual(registry.cosine.defaults);
    expect(notices[0]?.message).toMatch(/unknown schedule/);
  });

  it("refuses cross-field nonsense field by field", () => {
    const { spec, notices } = specFromSearchParams(new URLSearchParams("kind=cosine&lr=0.01&minLr=0.5"), "constant");
    expect(spec.kind === "cosine" && spec.minLr).toBe(0);
    expect(notices[0]?.param).toBe("minLr");
  });

  it("reads bounded integers and choices", () => {
    const url = new URLSearchParams("steps=1e9&seed=7&task=mnist");
    const fields = {
      steps: numberField("steps", { min: 10, max: 20000, integer: true }),
      seed: numberField("seed", { min: 0, max: 2 ** 31 - 1, integer: true }),
      task: choiceField("task", ["spirals", "xor"]),
    };
    const { state, notices } = readUrlState(url, fields, { steps: 500, seed: 1, task: "spirals" });
    expect(state.steps).toBe(500);
    expect(state.seed).toBe(7);
    expect(state.task).toBe("spirals");
    expect(notices.map((n) => n.param)).toEqual(["steps", "task"]);
  });
});
