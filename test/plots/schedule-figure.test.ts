import { describe, expect, it } from "vitest";
import { JSDOM } from "jsdom";
import { curvePoints, renderScheduleFigure, scheduleFigureOptions } from "../../src/plots/schedule-figure.ts";

const rates = [0.1, 0.05, 0.025, 0.0125];

describe("schedule figure builder", () => {
  it("draws one line per series with the step-after curve", () => {
    const options = scheduleFigureOptions(
      [...curvePoints(rates, "a"), ...curvePoints([0.1, 0.1, 0.1, 0.1], "b")],
      { description: "two curves" },
    );
    expect(options.color?.domain).toEqual(["a", "b"]);
    expect(options.y?.type).toBe("linear");
    expect(options.ariaDescription).toBe("two curves");
  });

  it("falls back to a linear axis when a log axis would meet a zero rate", () => {
    expect(scheduleFigureOptions(curvePoints([1, 0], "a"), { description: "", logY: true }).y?.type).toBe("linear");
    expect(scheduleFigureOptions(curvePoints(rates, "a"), { description: "", logY: true }).y?.type).toBe("log");
  });

  it("renders an accessible SVG in Node with a jsdom document", () => {
    const { window } = new JSDOM("");
    const svg = renderScheduleFigure(curvePoints(rates, "exp"), { description: "halves each step", document: window.document });
    const html = svg.outerHTML;
    expect(html.startsWith("<svg")).toBe(true);
    expect(svg.getAttribute("aria-label")).toBe("Learning rate by training step");
    expect(html).toContain("halves each step");
    const path = svg.querySelector('g[data-mark="line"] path')?.getAttribute("d") ?? "";
    // Four points, step-after: a move, then a horizontal and a vertical segment per later point.
    expect(path.match(/[ML]/g)).toHaveLength(7);
    // Each level is flat until the next step: consecutive points share their y.
    const ys = [...path.matchAll(/[ML][\d.]+,([\d.]+)/g)].map((m) => Number(m[1]));
    expect(ys[1]).toBe(ys[0]);
    expect(ys[3]).toBe(ys[2]);
    expect(ys[2]!).toBeGreaterThan(ys[0]!);
  });
});
