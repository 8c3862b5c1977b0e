import { describe, expect, it } from "vitest";
import { describeCurve, explorerModel, tableSteps, COMPARABLE } from "../../components/islands/schedule-explorer-model.ts";
import { libraryPanels } from "../../components/islands/schedule-explorer-libraries.ts";
import { checkSpec, registry, KINDS } from "../../src/schedules/index.ts";

describe("explorer model", () => {
  it("builds for every kind with every panel, with a control for every setting", () => {
    for (const kind of KINDS) {
      const model = explorerModel({ spec: registry[kind].defaults, steps: 50, libraries: libraryPanels });
      const fields = Object.keys(registry[kind].defaults).filter((k) => k !== "kind");
      const controlled = [...model.sliders.map((s) => s.name), ...model.choices.map((c) => c.name)];
      const nested = fields.filter((f) => typeof (registry[kind].defaults as unknown as Record<string, unknown>)[f] === "object");
      expect(controlled.sort(), kind).toEqual(fields.filter((f) => !nested.includes(f)).sort());
      expect(model.points.length, kind).toBe(51);
      expect(model.code).toHaveLength(4);
      expect(model.libraries).toHaveLength(4);
    }
  });

  it("lists the allowed words of each choice", () => {
    const model = explorerModel({ spec: registry.cyclic.defaults });
    expect(model.choices).toEqual([{ name: "mode", type: "choice", value: "triangular", options: ["triangular", "triangular2", "exp_range"] }]);
  });

  it("adds the comparison as a second series and a table column", () => {
    const model = explorerModel({ spec: registry.cosine.defaults, compare: registry.step.defaults, steps: 20 });
    expect(new Set(model.points.map((p) => p.series)).size).toBe(2);
    expect(model.table.every((row) => row.compare !== null)).toBe(true);
    expect(COMPARABLE).not.toContain("plateau");
  });

  it("finds where PyTorch's cosine leaves ours past T_max, and agrees when periodic", () => {
    const spec = checkSpec({ kind: "cosine", decaySteps: 40 });
    const pytorch = explorerModel({ spec, steps: 100, libraries: libraryPanels }).libraries.find((l) => l.library === "pytorch");
    expect(pytorch?.call).toBe("CosineAnnealingLR(T_max=40, eta_min=0)");
    expect(pytorch?.firstDifference?.step).toBe(41);
    const periodic = explorerModel({ spec: checkSpec({ kind: "cosine", decaySteps: 40, periodic: true }), steps: 100, libraries: libraryPanels }).libraries.find((l) => l.library === "pytorch");
    expect(periodic?.firstDifference).toBeNull();
  });

  it("samples the table evenly, first and last step included", () => {
    expect(tableSteps(101)).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    expect(tableSteps(8)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(tableSteps(0)).toEqual([]);
  });
});

describe("library calls as a reader would write them", () => {
  it("writes optax's scale table as a Python dict and rounds float noise", async () => {
    const { explorerModel } = await import("../../components/islands/schedule-explorer-model.ts");
    const { libraryPanels, pythonish } = await import("../../components/islands/schedule-explorer-libraries.ts");
    expect(pythonish({ 50: 0.1, 75: 0.1 })).toBe("{50: 0.1, 75: 0.1}");
    expect(pythonish([0.1, 0.010000000000000002])).toBe("[0.1, 0.01]");
    expect(pythonish(true)).toBe("True");
    const model = explorerModel({ spec: { kind: "multi-step", lr: 0.1, milestones: [50, 75], gamma: 0.1 }, steps: 100, libraries: libraryPanels });
    const byLib = Object.fromEntries(model.libraries.map((l) => [l.library, l]));
    expect(byLib.optax?.call).toBe("piecewise_constant_schedule(init_value=0.1, boundaries_and_scales={50: 0.1, 75: 0.1})");
    expect(byLib.keras?.call).toBe("PiecewiseConstantDecay(boundaries=[50, 75], values=[0.1, 0.01, 0.001])");
    expect(byLib.keras?.firstDifference?.step).toBe(50);
    expect(byLib.optax?.firstDifference).toBeNull();
  });
});

describe("the figure's text description", () => {
  it("says a curve that ends where it starts 'starts and ends' there, not 'goes from 0 to 0'", () => {
    const warmup = explorerModel({ spec: { ...registry.warmup.defaults }, steps: 100 });
    const rates = [0, 0.05, 0.1, 0.05, 0];
    expect(describeCurve(rates, "the rate")).toBe("Over 4 steps the rate starts and ends at 0, peaking at 0.1 and never going below 0.");
    expect(describeCurve([0.1, 0.07, 0.05], "the rate")).toBe("Over 2 steps the rate goes from 0.1 to 0.05, peaking at 0.1 and never going below 0.05.");
    expect(warmup.description).toMatch(/^Over 100 steps the rate of learning-rate warmup (starts and ends at|goes from)/);
    expect(warmup.description).not.toMatch(/from (\S+) to \1,/);
  });
});
