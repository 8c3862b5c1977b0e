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

  it("names each line at its end when it compares curves, one label for curves that coincide", () => {
    const { window } = new JSDOM("");
    const labels = (svg: Element) => [...svg.querySelectorAll('g[data-mark="text"] text')].map((t) => t.textContent).filter((t) => !/→|↑/.test(t ?? ""));
    const one = renderScheduleFigure(curvePoints(rates, "Exponential decay"), { description: "", document: window.document });
    expect(labels(one)).toEqual([]);
    const two = renderScheduleFigure([...curvePoints(rates, "Exponential decay"), ...curvePoints([0.1, 0.1, 0.1, 0.1], "Constant (comparison)")], { description: "", document: window.document });
    expect(labels(two)).toEqual(["Exponential decay", "Constant (comparison)"]);
    const same = renderScheduleFigure([...curvePoints(rates, "ours"), ...curvePoints(rates, "PyTorch"), ...curvePoints([0.1, 0.1, 0.1, 0.1], "Keras")], { description: "", document: window.document });
    expect(labels(same)).toEqual(["ours, PyTorch", "Keras"]);
  });

  it("draws a build-time figure to scale (text counter-scaled by the page) and a live one at its own width in 12 px text", () => {
    const { window } = new JSDOM("");
    const built = renderScheduleFigure(curvePoints(rates, "a"), { description: "", document: window.document });
    const live = renderScheduleFigure(curvePoints(rates, "a"), { description: "", document: window.document, width: 350 });
    expect(built.classList.contains("lr-scaled")).toBe(true);
    expect(live.classList.contains("lr-scaled")).toBe(false);
    expect(live.getAttribute("width")).toBe("350");
    expect(live.getAttribute("style")).toMatch(/font-size: 12px/);
  });

  it("holds the y axis at yMax, so a lower rate draws a lower curve instead of new tick labels", () => {
    const { window } = new JSDOM("");
    const draw = (scale: number) => {
      const svg = renderScheduleFigure(curvePoints(rates.map((r) => r * scale), "a"), { description: "", document: window.document, yMax: 0.12 });
      const ticks = [...svg.querySelectorAll('g[data-mark="y-axis tick label"] text')].map((t) => t.textContent);
      return { ticks, path: svg.querySelector('g[data-mark="line"] path')?.getAttribute("d") };
    };
    const [high, low] = [draw(1), draw(0.5)];
    expect(low.ticks).toEqual(high.ticks);
    expect(low.path).not.toBe(high.path);
  });
});

