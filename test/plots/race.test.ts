import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { raceFigureOptions, renderRaceFigure, thin, type RacePoint } from "../../src/plots/race.ts";

const series = (run: string, n: number, f: (i: number) => number): RacePoint[] => Array.from({ length: n }, (_, i) => ({ step: i, run, value: f(i) }));

describe("race figures", () => {
  it("thins long series per run, keeping the last point", () => {
    const points = [...series("a", 2000, (i) => i), ...series("b", 10, (i) => i)];
    const out = thin(points, 100);
    expect(out.filter((p) => p.run === "a").length).toBeLessThanOrEqual(101);
    expect(out.filter((p) => p.run === "a").at(-1)?.step).toBe(1999);
    expect(out.filter((p) => p.run === "b")).toHaveLength(10);
  });

  it("drops non-finite values and non-positive ones on a log axis instead of drawing NaN", () => {
    const points = series("a", 5, (i) => [1, Number.NaN, 0, Number.POSITIVE_INFINITY, 0.5][i] as number);
    const options = raceFigureOptions(points, { runs: ["a"], steps: 5, y: { label: "loss", log: true }, description: "d" });
    const line = (options.marks ?? [])[1] as unknown as { data: RacePoint[] };
    expect(line.data.map((p) => p.value)).toEqual([1, 0.5]);
  });

  it("renders an accessible SVG with one line per run and a marker where a run diverged", () => {
    const { window } = new JSDOM("<!doctype html><body></body>");
    const svg = renderRaceFigure([...series("cosine", 50, (i) => 1 / (i + 1)), ...series("constant", 20, () => 0.5)], {
      runs: ["cosine", "constant"],
      steps: 50,
      y: { label: "train loss" },
      description: "Loss by step",
      markers: [{ step: 19, run: "constant", value: 0.5, label: "diverged at step 20" }],
      document: window.document,
    });
    expect(svg.getAttribute("role")).toBe("img");
    expect(svg.getAttribute("aria-label")).toBe("train loss by training step");
    expect(svg.querySelectorAll('g[data-mark="line"] path').length).toBe(2);
    expect(svg.querySelector('g[data-mark="dot"] title')?.textContent).toBe("diverged at step 20");
  });
});

describe("the loss axis", () => {
  it("is logarithmic over a decade or more, and linear over a narrow range (where a log axis has no labels)", async () => {
    const { raceFigureOptions } = await import("../../src/plots/race.ts");
    const wide = raceFigureOptions([1, 0.5, 0.05].map((value, step) => ({ step, run: "a", value })), { runs: ["a"], steps: 3, y: { label: "loss", log: true }, description: "d" });
    const narrow = raceFigureOptions([0.7, 0.66, 0.65].map((value, step) => ({ step, run: "a", value })), { runs: ["a"], steps: 3, y: { label: "loss", log: true }, description: "d" });
    expect((wide.y as { type: string }).type).toBe("log");
    expect((narrow.y as { type: string }).type).toBe("linear");
  });
});
