import { readFileSync } from "node:fs";
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { renderQRaceFigure } from "../../src/plots/q-learning.ts";
import type { QRunData } from "../../src/rl/summary.ts";

const saved = JSON.parse(readFileSync(new URL("../../src/rl/runs/seed1.json", import.meta.url), "utf8")) as { result: QRunData };

describe("Q-learning race figure", () => {
  it("draws one line per agent on a log distance axis, with a legend naming each step size", () => {
    const { window } = new JSDOM("<!doctype html><html><body></body></html>");
    const figure = renderQRaceFigure(saved.result, { document: window.document });
    const html = figure.outerHTML;
    expect(figure.querySelectorAll("g[aria-label=line] path").length).toBe(6);
    for (const label of saved.result.config.labels) expect(figure.textContent).toContain(label);
    expect(html).toContain("‖Q − Q*‖∞");
    expect(html).not.toContain("NaN");
  });
});
