// Build-time figures in two layouts (src/plots/dual-figure.ts) and the race figures' direct labels.
import { readFileSync } from "node:fs";
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { dualFigure } from "../../src/plots/dual-figure.ts";
import { figureFrame, NARROW_BREAK, NARROW_FONT_BUDGET, NARROW_WIDTH, responsiveHeight, TEXT_PX } from "../../src/plots/figure-frame.ts";
import { raceFigureOptions, renderRaceFigure, renderResponsiveRaceFigure, shortRunLabels, type RacePoint } from "../../src/plots/race.ts";

const RUNS = ["Constant learning rate", "Step decay", "Cosine annealing"];
const CURVES: ((i: number) => number)[] = [() => 0.9, (i) => (i < 50 ? 0.8 : 0.4), (i) => 0.2 + 0.6 * (1 + Math.cos((Math.PI * i) / 99)) / 2];
const points = (): RacePoint[] => RUNS.flatMap((run, k) => Array.from({ length: 100 }, (_, i) => ({ step: i, run, value: (CURVES[k] as (i: number) => number)(i) })));
const document = () => new JSDOM("<!doctype html><body></body>").window.document;

describe("a figure in two layouts", () => {
  it("is one named image holding the wide layout and a hidden narrow one, each with its own aspect ratio", () => {
    const figure = renderResponsiveRaceFigure(points(), { runs: RUNS, steps: 100, y: { label: "loss" }, description: "Three runs.", document: document() });
    expect(figure.getAttribute("class")).toBe("lr-dual");
    expect(figure.getAttribute("role")).toBe("img");
    expect(figure.getAttribute("aria-label")).toBe("loss by training step");
    expect(figure.getAttribute("aria-description")).toBe("Three runs.");
    const [wide, narrow] = [...figure.children];
    expect(wide?.getAttribute("class")).toMatch(/\blr-scaled\b.*\blr-wide\b/);
    expect(narrow?.getAttribute("class")).toMatch(/\blr-scaled-narrow\b.*\blr-narrow\b/);
    expect(narrow?.getAttribute("display")).toBe("none");
    // Only the outer image is named: the inner drawings are parts of it.
    expect(figure.querySelectorAll("svg [aria-label], svg svg[role]").length).toBe(0);
    const ratio = (name: string) => (/--(\w+):(\d+)\/(\d+)/g.exec(figure.getAttribute("style")?.split(";").find((s) => s.startsWith(`--${name}`)) ?? "") ?? []).slice(2).map(Number);
    const [ww, wh] = ratio("wide") as [number, number];
    const [nw, nh] = ratio("narrow") as [number, number];
    expect(ww).toBe(640);
    expect(nw).toBe(NARROW_WIDTH);
    // On a phone the figure is taller for its width: its plot does not become a strip.
    expect(nh / nw).toBeGreaterThan(1.5 * (wh / ww));
  });

  it("draws each line once: the narrow layout uses the wide one's line marks, mapped between the two plot areas", () => {
    // Solid lines and dashed companions: two line marks of three paths each.
    const secondary = points().map((p) => ({ ...p, value: p.value * 1.1 }));
    const figure = renderResponsiveRaceFigure(points(), { runs: RUNS, steps: 100, y: { label: "loss" }, secondary, description: "d", document: document() });
    const [wide, narrow] = [...figure.children] as [Element, Element];
    expect(wide.querySelectorAll('g[data-mark="line"] path').length).toBe(6);
    expect(narrow.querySelectorAll('g[data-mark="line"]').length).toBe(0);
    const shared = [...narrow.querySelectorAll('svg[data-mark="line (shared)"]')];
    expect(shared.length).toBe(2);
    const narrowOptions = raceFigureOptions(points(), { runs: RUNS, steps: 100, y: { label: "loss" }, secondary, description: "d", narrow: true });
    const wideOptions = raceFigureOptions(points(), { runs: RUNS, steps: 100, y: { label: "loss" }, secondary, description: "d", dual: true });
    for (const frame of shared) {
      const target = frame.querySelector("use")?.getAttribute("href")?.slice(1) ?? "";
      expect(wide.querySelector(`#${target}`)?.getAttribute("data-mark")).toBe("line");
      expect(Number(frame.getAttribute("x"))).toBe(narrowOptions.marginLeft);
      expect(Number(frame.getAttribute("width"))).toBe((narrowOptions.width as number) - (narrowOptions.marginLeft as number) - (narrowOptions.marginRight as number));
      expect(frame.getAttribute("viewBox")?.split(" ").map(Number)).toEqual([wideOptions.marginLeft, wideOptions.marginTop, (wideOptions.width as number) - (wideOptions.marginLeft as number) - (wideOptions.marginRight as number), (wideOptions.height as number) - (wideOptions.marginTop as number) - (wideOptions.marginBottom as number)]);
    }
    // Both layouts draw the same y domain, which is what makes the map between them a plain scale.
    expect(narrowOptions.y?.domain).toEqual(wideOptions.y?.domain);
    for (const path of wide.querySelectorAll('g[data-mark="line"] path')) expect(path.getAttribute("vector-effect")).toBe("non-scaling-stroke");
  });

  it("swaps layouts in the stylesheet at the width the frames are made for (NARROW_BREAK), with text sized for the narrow budget", () => {
    const css = readFileSync(new URL("../../src/styles/global.css", import.meta.url), "utf8");
    expect(css).toContain(`@container (max-width: ${NARROW_BREAK}px) {\n  svg.lr-dual { aspect-ratio: var(--narrow); }`);
    // Every size the stylesheet gives the narrow layout's text fits the margins made for NARROW_FONT_BUDGET.
    const sizes = [...css.matchAll(/svg\.lr-dual > svg\.lr-narrow \{[^}]*font-size: ([\d.]+)px/g)].map((m) => Number(m[1]));
    expect(sizes.length).toBeGreaterThanOrEqual(5);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(NARROW_FONT_BUDGET);
  });

  it("refuses drawings it cannot join, naming which", () => {
    const doc = document();
    const bare = doc.createElementNS("http://www.w3.org/2000/svg", "svg");
    const div = doc.createElement("div");
    expect(() => dualFigure(div, bare)).toThrow(/the wide figure has no <svg>/);
    expect(() => dualFigure(bare, bare)).toThrow(/the wide figure needs a width and a height in pixels, got null × null/);
  });

  it("draws a live figure once, at its width, and a phone-width one as tall as the narrow layout shows there", () => {
    const live = renderResponsiveRaceFigure(points(), { runs: RUNS, steps: 100, y: { label: "loss" }, description: "d", width: 315, document: document() });
    expect(live.getAttribute("class")).not.toMatch(/lr-dual/);
    expect(Number(live.getAttribute("width"))).toBe(315);
    const shown = ((220 * 7) / 6 + 4.5 * (NARROW_FONT_BUDGET - TEXT_PX)) * (315 / NARROW_WIDTH);
    expect(Math.abs(Number(live.getAttribute("height")) - shown)).toBeLessThan(1.5);
    expect(responsiveHeight(NARROW_BREAK + 1, 220, 260)).toBe(220);
    expect(figureFrame({ height: 260, yLabelChars: 4, narrow: true })).toMatchObject({ width: NARROW_WIDTH, font: NARROW_FONT_BUDGET, narrow: true, scaled: true });
  });
});

describe("direct labels on race figures", () => {
  it("name runs titled after a schedule by its kind, and keep other names (or repeated ones) whole", () => {
    expect(shortRunLabels(["Constant learning rate", "Cosine annealing", "α = 0.1"])).toEqual(["constant", "cosine", "α = 0.1"]);
    expect(shortRunLabels(["cosine", "Cosine annealing"])).toEqual(["cosine", "Cosine annealing"]);
  });

  it("put each run's label next to its line's end, in its colour, and none for a single run", () => {
    const options = raceFigureOptions(points(), { runs: RUNS, steps: 100, y: { label: "loss" }, description: "d", width: 600 });
    // The runs' labels, then the reference lines' (none here).
    const text = (options.marks ?? []).at(-2) as unknown as { data: { step: number; value: number; run: string; text: string }[] };
    expect(text.data.map((d) => d.text)).toEqual(["constant", "step", "cosine"]);
    const [lo, hi] = (options.y as { domain: [number, number] }).domain;
    const plotHeight = (options.height as number) - (options.marginTop as number) - (options.marginBottom as number);
    const pixels = (v: number) => ((v - lo) / (hi - lo)) * plotHeight;
    text.data.forEach((label, k) => {
      const end = (CURVES[k] as (i: number) => number)(99);
      // Within three lines of text of the end (the label's top is placed; a line of text is 1.2 × 12 px).
      expect(Math.abs(pixels(label.value) - pixels(end)), label.text).toBeLessThan(3 * 1.2 * 12 + 12);
      expect(label.step).toBeGreaterThan(80);
    });
    const single = raceFigureOptions(points().filter((p) => p.run === RUNS[0]), { runs: [RUNS[0] as string], steps: 100, y: { label: "loss" }, description: "d" });
    expect(((single.marks ?? []).at(-2) as unknown as { data: unknown[] }).data).toEqual([]);
    const svg = renderRaceFigure(points(), { runs: RUNS, steps: 100, y: { label: "loss" }, description: "d", width: 600, document: document() });
    expect([...svg.querySelectorAll('g[data-mark="text"] text')].map((t) => t.textContent)).toEqual(expect.arrayContaining(["constant", "step", "cosine"]));
  });
});
