import { readFileSync } from "node:fs";
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { qLegend, renderQRaceFigure } from "../../src/plots/q-learning.ts";
import type { QRunData } from "../../src/rl/summary.ts";

const saved = JSON.parse(readFileSync(new URL("../../src/rl/runs/seed1.json", import.meta.url), "utf8")) as { result: QRunData };

describe("Q-learning race figure", () => {
  it("draws one line per agent on a log distance axis, as one accessible image; the legend gives each step size its colour", () => {
    const { window } = new JSDOM("<!doctype html><html><body></body></html>");
    const figure = renderQRaceFigure(saved.result, { document: window.document });
    const html = figure.outerHTML;
    expect(figure.tagName.toLowerCase()).toBe("svg");
    expect(figure.getAttribute("role")).toBe("img");
    expect(figure.querySelectorAll("g[data-mark=line] path").length).toBe(6);
    expect(figure.querySelectorAll("[aria-label]:not(svg)").length).toBe(0);
    const legend = qLegend(saved.result.config.labels);
    expect(legend.map((l) => l.label)).toEqual(saved.result.config.labels);
    expect(new Set(legend.map((l) => l.color)).size).toBe(6);
    expect(html).toContain("‖Q − Q*‖∞");
    expect(html).not.toContain("NaN");
  });
});
