import { describe, expect, it } from "vitest";
import { gridworldCsv, isGridworldTask, parseGridworldArgs, runGridworld } from "../../src/cli/rl-experiment.ts";

describe("experiment --task gridworld", () => {
  it("is chosen by --task gridworld in either spelling", () => {
    expect(isGridworldTask(["--task", "gridworld"])).toBe(true);
    expect(isGridworldTask(["--task=gridworld"])).toBe(true);
    expect(isGridworldTask(["--task", "spirals"])).toBe(false);
  });

  it("defaults to constant, 1/n and 1/n^0.7; kinds are fitted to --steps at --lr", () => {
    const c = parseGridworldArgs(["--task", "gridworld"]);
    expect(c.labels).toEqual(["constant", "1/n", "1/n^0.7"]);
    expect(c.rules[0]).toEqual({ form: "schedule", spec: { kind: "constant", lr: 0.1 } });
    expect([c.steps, c.evalEvery, c.epsilon, c.gamma, c.seed]).toEqual([100_000, 1000, 0.3, 0.9, 1]);
    const d = parseGridworldArgs(["--task", "gridworld", "--schedules", "cosine", "--lr", "0.5", "--steps", "400", "--step-sizes", "none", "--labels", "cos"]);
    expect(d.rules).toHaveLength(1);
    expect(d.labels).toEqual(["cos"]);
    expect(d.rules[0]).toMatchObject({ form: "schedule", spec: { kind: "cosine", lr: 0.5 } });
  });

  it("names the bad option", () => {
    expect(() => parseGridworldArgs(["--task", "gridworld", "--lr", "2"])).toThrow(/--lr must be a number in \(0, 1\], got 2/);
    expect(() => parseGridworldArgs(["--task", "gridworld", "--step-sizes", "1/n^2"])).toThrow(/--step-sizes: .*ω must be in/);
    expect(() => parseGridworldArgs(["--task", "gridworld", "--schedules", "nope"])).toThrow(/unknown kind "nope"/);
    expect(() => parseGridworldArgs(["--task", "gridworld", "--gamma", "1"])).toThrow(/--gamma must be a number in \[0, 0.999\]/);
    expect(() => parseGridworldArgs(["--task", "gridworld", "--optimizer", "adam"])).toThrow(/unknown option --optimizer/);
    expect(() => parseGridworldArgs(["--task", "gridworld", "--schedule", "{bad"])).toThrow(/--schedule 1 is not valid JSON/);
  });

  it("same arguments, same numbers; CSV has one row per evaluation and agent, with the distance to Q*", () => {
    const args = ["--task", "gridworld", "--steps", "2000", "--eval-every", "500", "--seed", "3"];
    const a = runGridworld(parseGridworldArgs(args));
    const b = runGridworld(parseGridworldArgs(args));
    expect(b.records).toEqual(a.records);
    const csv = gridworldCsv(a).trim().split("\n");
    expect(csv[0]).toBe("step,run,label,alpha,distance,greedy_return,episodes");
    expect(csv).toHaveLength(1 + 5 * 3);
    expect(csv[1]).toMatch(/^0,0,constant,,8\.76\d+,/);
    expect(JSON.parse(JSON.stringify(a)).records[0].alpha).toEqual([null, null, null]);
  });
});
