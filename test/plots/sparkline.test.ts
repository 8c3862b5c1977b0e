import { describe, expect, it } from "vitest";
import { sparklinePath } from "../../src/plots/sparkline.ts";
import { kindColorCss, runColor } from "../../src/plots/schedule-colors.ts";
import { KINDS } from "../../src/schedules/index.ts";

const box = { width: 100, height: 50, pad: 5 };

describe("sparklines", () => {
  it("draws a step decay as held levels, the peak at the top and zero at the bottom", () => {
    expect(sparklinePath([1, 1, 0.5, 0.5, 0], box)).toBe("M5,5H50V25H95V45H95");
  });

  it("rejects what it cannot draw, naming the value", () => {
    expect(() => sparklinePath([1], box)).toThrow(/at least 2 rates, got 1/);
    expect(() => sparklinePath([1, Number.NaN], box)).toThrow(/rate 1 must be a finite number ≥ 0, got NaN/);
  });
});

describe("schedule colours", () => {
  it("give every kind a light and a dark value, and a race run its kind's colour by kind or title", () => {
    const css = kindColorCss();
    for (const kind of KINDS) expect(css.match(new RegExp(`--kind-${kind}:#[0-9a-f]{6};`, "g"))?.length, kind).toBe(3);
    expect(runColor("cosine")).toBe("var(--kind-cosine)");
    expect(runColor("Cosine annealing")).toBe(runColor("cosine"));
    expect(runColor("Cosine annealing (comparison)")).toBe(runColor("cosine"));
    expect(runColor("my schedule")).toBeUndefined();
  });
});

describe("race colours", () => {
  it("give a run its schedule's colour, and a repeated or unknown run a distinct series colour", async () => {
    const { colorsFor } = await import("../../src/plots/race.ts");
    const { range } = colorsFor(["Cosine annealing", "step", "Cosine annealing", "mine"]);
    expect(range.slice(0, 2)).toEqual(["var(--kind-cosine)", "var(--kind-step)"]);
    expect(new Set(range).size).toBe(4);
  });
});
