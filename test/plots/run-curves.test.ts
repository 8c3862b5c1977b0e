// Committed races' curves (src/plots/run-curves.ts, drawn by components/mdx/RaceCurves.astro): at build time one
// image in both layouts (the phone's narrow one draws the wide one's lines), live a single drawing at its width.
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { renderRunCurves, type Curve } from "../../src/plots/run-curves.ts";
import { NARROW_WIDTH, STATIC_WIDTH } from "../../src/plots/figure-frame.ts";

const document = () => new JSDOM("<!doctype html><body></body>").window.document;
const curve = (label: string, f: (step: number) => number, extra: Partial<Curve> = {}): Curve => ({ label, points: Array.from({ length: 11 }, (_, i) => ({ step: 100 * i, value: f(100 * i) })), ...extra });
const CURVES = [curve("η = 0.1", (t) => 2 + t / 500, { reference: 20 }), curve("η = 0.3", (t) => 3 + Math.sin(t / 100), { reference: 2 / 0.3 }), curve("η = 0.3, EMA", (t) => 3 + t / 1000, { dashed: true })];
const OPTIONS = { steps: 1000, y: { label: "sharpness" }, description: "Sharpness of two runs." };

describe("a committed race's curves", () => {
  it("at build time: one named image with a 640-wide and a hidden 360-wide layout, each line drawn once", () => {
    const figure = renderRunCurves(CURVES, { ...OPTIONS, document: document() });
    expect(figure.getAttribute("class")).toBe("lr-dual");
    expect(figure.getAttribute("role")).toBe("img");
    expect(figure.getAttribute("aria-description")).toBe("Sharpness of two runs.");
    const [wide, narrow] = [...figure.children];
    expect(wide?.getAttribute("viewBox")?.split(" ")[2]).toBe(String(STATIC_WIDTH));
    expect(narrow?.getAttribute("viewBox")?.split(" ")[2]).toBe(String(NARROW_WIDTH));
    expect(narrow?.getAttribute("display")).toBe("none");
    // Solid and dashed line marks: paths in the wide layout, <use> of them in the narrow one.
    expect(wide?.querySelectorAll("g[data-mark=line] path").length).toBe(3);
    expect(narrow?.querySelectorAll("g[data-mark=line]").length).toBe(0);
    expect([...(narrow?.querySelectorAll("use") ?? [])].map((u) => u.getAttribute("href"))).toEqual([...(wide?.querySelectorAll("g[data-mark=line]") ?? [])].map((g) => `#${g.id}`));
    // Each layout draws both references (2/η) in its curve's colour.
    for (const layout of [wide, narrow]) expect(layout?.querySelectorAll("g[data-mark=rule] line").length).toBe(2);
    expect(figure.outerHTML).not.toContain("NaN");
  });

  it("live: one drawing at exactly its width, no second layout", () => {
    const figure = renderRunCurves(CURVES, { ...OPTIONS, width: 500, document: document() });
    const svg = figure.tagName.toLowerCase() === "svg" ? figure : figure.querySelector("svg");
    expect(svg?.getAttribute("class") ?? "").not.toMatch(/lr-dual|lr-scaled/);
    expect(svg?.getAttribute("width")).toBe("500");
    expect(svg?.querySelectorAll("g[data-mark=line] path").length).toBe(3);
  });
});
