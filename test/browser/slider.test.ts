import { describe, expect, it } from "vitest";
import { sliderAttributes, tidy, valueFromSlider } from "../../src/browser/slider.ts";

const rate = { name: "initialRate", min: 1e-4, max: 1, scale: "log" as const, integer: false };
const steps = { name: "decaySteps", min: 1, max: 1000, scale: "linear" as const, integer: true };
const frac = { name: "alpha", min: 0, max: 1, scale: "linear" as const, integer: false };

describe("slider mapping", () => {
  it("slides log parameters over log10 of the value", () => {
    expect(sliderAttributes(rate, 0.01)).toEqual({ min: -4, max: 0, step: 0.01, value: -2 });
    expect(valueFromSlider(rate, "-1")).toBe(0.1);
    expect(valueFromSlider(rate, "-2.5")).toBe(tidy(10 ** -2.5));
  });

  it("uses whole steps for integer parameters and rounds", () => {
    expect(sliderAttributes(steps, 50).step).toBe(1);
    expect(valueFromSlider(steps, "49.6")).toBe(50);
  });

  it("clamps out-of-range values instead of producing them", () => {
    expect(sliderAttributes(frac, 7).value).toBe(1);
    expect(valueFromSlider(frac, "-3")).toBe(0);
    expect(valueFromSlider(rate, "3")).toBe(1);
  });

  it("refuses a non-number position with a message naming the parameter", () => {
    expect(() => valueFromSlider(frac, "abc")).toThrow(/parameter "alpha": slider position "abc" is not a number/);
    expect(() => valueFromSlider(frac, Number.NaN)).toThrow(/alpha/);
  });

  it("refuses a log slider whose range includes zero", () => {
    expect(() => sliderAttributes({ ...rate, min: 0 }, 0.1)).toThrow(/log slider needs min > 0/);
  });
});
