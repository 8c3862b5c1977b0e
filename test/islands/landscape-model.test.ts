import { describe, expect, it } from "vitest";
import { landscapeModel, figureInput, sampleSteps, pathData, colorOf } from "../../components/islands/loss-landscape-model.ts";
import { landscapeSetup, validateLandscape, setupFromQuery, setupToQuery, LandscapeSetupError, DEFAULT_SETUP, LANDSCAPE_KINDS } from "../../components/islands/loss-landscape-setup.ts";
import { multiMinima } from "../../src/landscape/index.ts";

describe("landscapeSetup (props)", () => {
  it("fills defaults and sorts schedules into registry order", () => {
    expect(landscapeSetup({})).toEqual(DEFAULT_SETUP);
    const setup = landscapeSetup({ fn: "rosenbrock", schedules: " cosine, constant ,cosine", lr: 0.001, steps: 50, noise: 0.2, seed: 3, momentum: 0.5 });
    expect(setup).toEqual({ fn: "rosenbrock", schedules: ["constant", "cosine"], lr: 0.001, steps: 50, noise: 0.2, seed: 3, momentum: 0.5 });
  });

  it("names every bad field with what it expected and what it got", () => {
    let caught: unknown;
    try {
      landscapeSetup({ fn: "himmelblau", schedules: "constant,warp", lr: 5, steps: 2.5, noise: -1, seed: -2, momentum: 1 });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(LandscapeSetupError);
    const error = caught as LandscapeSetupError;
    expect(error.errors.map((e) => e.field)).toEqual(["fn", "schedules", "lr", "noise", "steps", "seed", "momentum"]);
    expect(error.message).toContain('fn: must be one of quadratic, rosenbrock, multi-minima, got "himmelblau"');
    expect(error.message).toContain('schedules: unknown schedule "warp"');
    expect(error.message).toContain("lr: must be a number in [0.001, 2], got 5");
    expect(error.message).toContain("steps: must be a whole number in [10, 2000], got 2.5");
    expect(error.message).toContain("noise: must be a number in [0, 1], got -1");
    expect(error.message).toContain("momentum: must be a number in [0, 0.95], got 1");
  });

  it("rejects an empty schedule list, NaN and non-numeric strings", () => {
    expect(() => landscapeSetup({ schedules: "" })).toThrow(/schedules: choose at least one schedule/);
    expect(() => landscapeSetup({ lr: Number.NaN })).toThrow(/lr: must be a number in \[0\.001, 2\], got NaN/);
    expect(() => landscapeSetup({ steps: "12abc" })).toThrow(/steps: must be a whole number/);
    expect(() => landscapeSetup({ fn: "toString" })).toThrow(/fn: must be one of/);
  });

  it("validateLandscape keeps the fallback's value for each invalid field", () => {
    const fallback = { ...DEFAULT_SETUP, lr: 0.03 };
    const result = validateLandscape({ lr: "-5", steps: "300" }, fallback);
    expect(result.ok).toBe(false);
    expect(result.setup.lr).toBe(0.03);
    expect(result.setup.steps).toBe(300);
  });
});

describe("URL state", () => {
  it("round-trips a setup through the query", () => {
    const setup = landscapeSetup({ fn: "multi-minima", schedules: "constant,cosine-restarts", lr: 0.9, steps: 400, noise: 0.1, seed: 9, momentum: 0.3 });
    const { setup: back, notices } = setupFromQuery(setupToQuery(setup), DEFAULT_SETUP);
    expect(notices).toEqual([]);
    expect(back).toEqual(setup);
  });

  it("replaces hostile parameters by the fallback with a notice, keeping the valid ones", () => {
    const hostile = '<img src=x onerror="alert(1)">';
    const query = new URLSearchParams({ fn: hostile, schedules: hostile, lr: "1e99", noise: "0.5", steps: "NaN", seed: "x", momentum: "0.9" });
    const { setup, notices } = setupFromQuery(query, DEFAULT_SETUP);
    expect(setup).toEqual({ ...DEFAULT_SETUP, noise: 0.5, momentum: 0.9 });
    expect(notices.map((n) => n.param)).toEqual(["fn", "schedules", "lr", "steps", "seed"]);
    // Long values are cut in messages.
    expect(notices[0]?.message.length).toBeLessThan(150);
  });
});

describe("landscapeModel", () => {
  it("reports divergence for a too-large constant rate on the quadratic", () => {
    const model = landscapeModel(landscapeSetup({ fn: "quadratic", schedules: "constant", lr: 0.1, steps: 200 }));
    expect(model.runs[0]?.result.diverged).not.toBeNull();
    expect(model.description).toMatch(/Constant learning rate diverged at step \d+/);
    expect(model.summary[0]?.outcome).toMatch(/^diverged at step \d+$/);
    // Nothing drawn from non-finite numbers, and the path stops inside the domain.
    const input = figureInput(model);
    expect(input.path.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))).toBe(true);
    const { xMin, xMax, yMin, yMax } = model.fn.domain;
    expect(input.path.every((p) => p.x >= xMin && p.x <= xMax && p.y >= yMin && p.y <= yMax)).toBe(true);
  });

  it("a stable rate (0.07 < 2/25) converges without diverging", () => {
    const model = landscapeModel(DEFAULT_SETUP);
    expect(model.runs.map((r) => r.result.diverged)).toEqual([null, null]);
    expect(model.description).not.toMatch(/diverged/);
    expect(model.description).toMatch(/Constant learning rate ended at .* nearest the global minimum/);
    expect(model.summary[0]?.outcome).toBe("converged to the global minimum");
    expect(model.summary.every((row) => row.noiseBall === "—")).toBe(true);
  });

  it("reports a noise ball when gradients are noisy, smaller under a decaying rate", () => {
    const model = landscapeModel(landscapeSetup({ fn: "quadratic", schedules: "constant,cosine", lr: 0.05, steps: 1000, noise: 0.5, seed: 1 }));
    expect(model.description).toMatch(/gradient noise 0\.5 \(seed 1\)/);
    expect(model.description).toMatch(/noise ball of radius [0-9.e-]+/);
    const [flat, cosine] = model.runs;
    expect(flat?.noiseBall).toBeGreaterThan(0.02);
    expect(cosine?.noiseBall).toBeLessThan((flat?.noiseBall ?? 0) * 0.5);
    expect(model.summary[0]?.noiseBall).not.toBe("—");
  });

  it("on two wells, a small constant rate ends in the local minimum and high restarts in the global one", () => {
    const model = landscapeModel(landscapeSetup({ fn: "multi-minima", schedules: "constant,cosine-restarts", lr: 0.05, steps: 400 }));
    expect(model.runs[0]?.nearest.kind).toBe("local");
    const restarts = landscapeModel(landscapeSetup({ fn: "multi-minima", schedules: "cosine-restarts", lr: 0.9, steps: 1000 }));
    expect(restarts.runs[0]?.nearest.kind).toBe("global");
    expect(restarts.description).toMatch(/global minimum/);
  });

  it("runs every kind at the extremes of the rate without throwing or drawing NaN", () => {
    for (const lr of [0.001, 2]) {
      for (const fn of ["quadratic", "rosenbrock", "multi-minima"]) {
        const model = landscapeModel(landscapeSetup({ fn, schedules: LANDSCAPE_KINDS.join(","), lr, steps: 100, momentum: 0.95, noise: 1 }));
        expect(model.runs.length).toBe(8);
        expect(model.samples.every((row) => !/NaN|Infinity/.test(Object.values(row).join(" ")))).toBe(true);
      }
    }
  });

  it("tables: one summary row per run, sampled path points including both ends", () => {
    const model = landscapeModel(DEFAULT_SETUP);
    expect(model.summary.map((r) => r.schedule)).toEqual(["Constant learning rate", "Inverse-time decay"]);
    expect(sampleSteps(201)).toEqual([0, 20, 40, 60, 80, 100, 120, 140, 160, 180, 200]);
    expect(sampleSteps(3)).toEqual([0, 1, 2]);
    expect(model.samples.filter((r) => r.schedule === "Constant learning rate").map((r) => r.step)).toContain("200");
  });

  it("cuts a path that leaves the domain into segments and keeps colours per kind", () => {
    const model = landscapeModel(landscapeSetup({ fn: "multi-minima", schedules: "constant", lr: 2, steps: 60 }));
    const data = pathData(multiMinima, model.runs);
    const { xMin, xMax, yMin, yMax } = multiMinima.domain;
    expect(data.every((p) => p.x >= xMin && p.x <= xMax && p.y >= yMin && p.y <= yMax)).toBe(true);
    expect(colorOf("constant")).not.toBe(colorOf("cosine"));
    expect(new Set(LANDSCAPE_KINDS.map(colorOf)).size).toBe(8);
  });
});
