import { describe, expect, it } from "vitest";
import { figureFrame, formatTick, longestLabel, niceTicks, STATIC_FONT_BUDGET, STATIC_WIDTH, TEXT_PX } from "../../src/plots/figure-frame.ts";
import { ladderCeil, steadyTop } from "../../src/plots/schedule-figure.ts";

describe("figure frame", () => {
  it("lays a build-time figure out for its largest text, and a live one for 12 px at its own width", () => {
    const built = figureFrame({ height: 300, yLabelChars: 4 });
    const live = figureFrame({ width: 350, height: 300, yLabelChars: 4 });
    expect([built.width, built.scaled, built.font]).toEqual([STATIC_WIDTH, true, STATIC_FONT_BUDGET]);
    expect([live.width, live.scaled, live.font]).toEqual([350, false, TEXT_PX]);
    // Twice the text, twice the margins; the build-time figure is taller by what they add, so its plot keeps its height.
    // Four characters of tick label at 24 units instead of 12: 4 × 0.6 × 12 ≈ 29 more units of left margin.
    expect(built.marginLeft - live.marginLeft).toBeCloseTo(29, -0.5);
    expect(built.marginBottom).toBeCloseTo(2 * live.marginBottom, -0.5);
    expect(built.height - built.marginTop - built.marginBottom).toBe(live.height - live.marginTop - live.marginBottom);
    // A longer tick label gets a wider left margin.
    expect(figureFrame({ height: 300, yLabelChars: 7 }).marginLeft).toBeGreaterThan(built.marginLeft);
  });

  it("refuses a width or height that is not a positive number", () => {
    expect(() => figureFrame({ width: 0, height: 300, yLabelChars: 3 })).toThrow(/width must be a positive number of pixels, got 0/);
    expect(() => figureFrame({ height: Number.NaN, yLabelChars: 3 })).toThrow(/height must be a positive number, got NaN/);
  });

  it("ticks at round numbers without floating-point debris", () => {
    expect(niceTicks(0, 0.12, 4)).toEqual([0, 0.02, 0.04, 0.06, 0.08, 0.1, 0.12]);
    expect(niceTicks(0, 100, 5)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(0, 0.3, 3)).toEqual([0, 0.1, 0.2, 0.3]);
    expect(niceTicks(2, 2, 5)).toEqual([2]);
  });

  it("formats ticks short, with thousands grouped and a real minus sign", () => {
    expect([0, 0.05, 1e-7, 20000, -2.5].map(formatTick)).toEqual(["0", "0.05", "1e-7", "20,000", "−2.5"]);
    expect(longestLabel([0, 0.02, 0.04])).toBe(4);
  });
});

describe("an axis that holds still", () => {
  it("rounds up the 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 ladder", () => {
    expect([0.11, 0.1, 0.26, 7, 9.5].map(ladderCeil)).toEqual([0.12, 0.1, 0.3, 8, 10]);
    expect(() => ladderCeil(0)).toThrow(/positive number, got 0/);
  });

  it("keeps the top while a rate goes down, and raises it only when the curve would leave the axis", () => {
    const top = steadyTop(0.1, 0.1);
    expect(top).toBe(0.12);
    expect(steadyTop(0.1, 0.05)).toBe(top);
    expect(steadyTop(0.1, 0.109)).toBe(top);
    expect(steadyTop(0.1, 0.2)).toBe(0.25);
    // The curve always fits under the axis.
    for (const peak of [0.001, 0.11, 0.5, 0.99, 3]) expect(steadyTop(0.1, peak)).toBeGreaterThanOrEqual(peak);
  });
});
