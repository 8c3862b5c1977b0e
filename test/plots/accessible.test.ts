import { readFileSync } from "node:fs";
import { JSDOM } from "jsdom";
import * as Plot from "@observablehq/plot";
import { describe, expect, it } from "vitest";
import { asAccessibleImage } from "../../src/plots/accessible.ts";

describe("asAccessibleImage", () => {
  const { window } = new JSDOM("<!doctype html><html><body></body></html>");
  const raw = () => Plot.plot({ document: window.document, ariaLabel: "rates", marks: [Plot.lineY([1, 2, 3], { ariaLabel: "line" })] });

  it("makes the figure one image: role img, no aria-label on mark groups (kept as data-mark)", () => {
    const svg = asAccessibleImage(raw());
    expect(svg.getAttribute("role")).toBe("img");
    expect(svg.getAttribute("aria-label")).toBe("rates");
    expect(svg.querySelectorAll("[aria-label]:not(svg)")).toHaveLength(0);
    expect(svg.querySelector("[data-mark=line]")).not.toBeNull();
  });

  it("drops the <style> Plot puts in every SVG, whose rules the site's stylesheet states once for every figure", () => {
    const before = raw();
    const style = before.querySelector(":scope > style");
    expect(style?.textContent).toMatch(/white-space: pre/);
    const svg = asAccessibleImage(before);
    expect(svg.querySelector("style")).toBeNull();
    expect(svg.getAttribute("class")).toMatch(/^plot/);
    const css = readFileSync(new URL("../../src/styles/global.css", import.meta.url), "utf8");
    expect(css).toContain(':where(svg[class^="plot"]) { --plot-background: var(--bg); display: block; height: auto;');
    expect(css).toContain(':where(svg[class^="plot"] text), :where(svg[class^="plot"] tspan) { white-space: pre; }');
  });
});
