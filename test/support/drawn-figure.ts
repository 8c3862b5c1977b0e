/**
 * Reading a line figure back from the built page (an Observable Plot SVG with
 * an HTML legend, as components/mdx/RaceCurves.astro draws it): its axes'
 * labelled ticks, its line paths, its reference rules and its legend. From
 * the ticks it rebuilds each axis's scale, so a test can check that every
 * vertex of a drawn curve sits where the committed run's value puts it.
 */
import type { Locator } from "playwright-core";
import { expect } from "vitest";
import { thin } from "../../src/plots/race.ts";

interface Tick {
  value: number;
  position: number;
}

export interface DrawnFigure {
  legend: { label: string; color: string }[];
  lines: { stroke: string; dashed: boolean; points: [number, number][] }[];
  rules: { stroke: string; y: number }[];
  xTicks: Tick[];
  yTicks: Tick[];
}

/** Everything a line figure draws, read from its DOM (user coordinates of the SVG). */
export async function readDrawnFigure(figure: Locator): Promise<DrawnFigure> {
  return figure.evaluate((root) => {
    // A build-time figure in two layouts (dual-figure.ts) is read in its wide one; the narrow one draws the same lines.
    const drawing = root.querySelector("svg.lr-wide") ?? root;
    const translate = (el: Element): [number, number] => {
      const m = /translate\(([-\d.e]+),\s*([-\d.e]+)\)/.exec(el.getAttribute("transform") ?? "");
      return m ? [Number(m[1]), Number(m[2])] : [Number.NaN, Number.NaN];
    };
    // Tick labels use a typographic minus and thousands separators ("−2", "1,000"); empty labels are minor log ticks.
    const ticks = (axis: "x" | "y", index: 0 | 1) =>
      [...drawing.querySelectorAll(`svg g[data-mark="${axis}-axis tick label"] text`)]
        .filter((t) => (t.textContent ?? "").trim() !== "")
        .map((t) => ({ value: Number((t.textContent ?? "").replaceAll("\u2212", "-").replaceAll(",", "")), position: translate(t)[index] }));
    const swatchColor = (style: string) => /background:\s*([^;]+)/.exec(style)?.[1]?.trim() ?? "";
    return {
      legend: [...root.querySelectorAll(".race-legend li")].flatMap((li) => {
        const swatch = li.querySelector(".swatch");
        return swatch ? [{ label: (li.textContent ?? "").replace(/\s*\(dashed\)$/, "").trim(), color: swatchColor(swatch.getAttribute("style") ?? "") }] : [];
      }),
      lines: [...drawing.querySelectorAll('svg g[data-mark="line"]')].flatMap((g) =>
        [...g.querySelectorAll("path")].map((p) => ({
          stroke: p.getAttribute("stroke") ?? "",
          dashed: g.hasAttribute("stroke-dasharray"),
          points: (p.getAttribute("d") ?? "").split(/[ML]/).filter((s) => s !== "").map((s) => s.split(",").map(Number) as [number, number]),
        })),
      ),
      rules: [...drawing.querySelectorAll('svg g[data-mark="rule"] line')].map((l) => ({ stroke: l.getAttribute("stroke") ?? "", y: Number(l.getAttribute("y1")) })),
      xTicks: ticks("x", 0),
      yTicks: ticks("y", 1),
    };
  });
}

/**
 * An axis's scale rebuilt from its labelled ticks: linear or logarithmic,
 * whichever puts every labelled tick within half a pixel (it throws when
 * neither does, or when fewer than two ticks are labelled).
 */
export function axisScale(ticks: readonly Tick[], name: string): (value: number) => number {
  if (ticks.length < 2) throw new Error(`${name}: fewer than two labelled ticks (${JSON.stringify(ticks)})`);
  const fits: ((v: number) => number)[] = [];
  for (const transform of [(v: number) => v, Math.log]) {
    const [a, b] = [ticks[0] as Tick, ticks.at(-1) as Tick];
    const slope = (b.position - a.position) / (transform(b.value) - transform(a.value));
    const scale = (v: number) => a.position + slope * (transform(v) - transform(a.value));
    if (Number.isFinite(slope) && ticks.every((t) => Math.abs(scale(t.value) - t.position) < 0.5)) fits.push(scale);
  }
  if (fits.length !== 1) throw new Error(`${name}: ${fits.length === 0 ? "no" : "more than one"} scale fits the ticks ${JSON.stringify(ticks)}`);
  return fits[0] as (v: number) => number;
}

/** A curve as the page should draw it: finite values only, thinned as the figure thins long series. */
export function expectedVertices(points: readonly { step: number; value: number | null }[]): { step: number; value: number }[] {
  const finite = points.flatMap((p) => (p.value !== null && Number.isFinite(p.value) ? [{ step: p.step, run: "", value: p.value }] : []));
  return thin(finite).map(({ step, value }) => ({ step, value }));
}

/**
 * The curve under `label` in the legend is drawn (solid or dashed, in the
 * legend's colour) through exactly these points: one vertex per point, each
 * within `tolerance` pixels of where the axes put it.
 */
export function expectCurve(figure: DrawnFigure, label: string, points: readonly { step: number; value: number | null }[], dashed = false, tolerance = 0.15): void {
  const entry = figure.legend.find((l) => l.label === label);
  expect(entry, `legend entry "${label}" in ${JSON.stringify(figure.legend.map((l) => l.label))}`).toBeDefined();
  const lines = figure.lines.filter((l) => l.stroke === entry?.color && l.dashed === dashed);
  expect(lines, `one ${dashed ? "dashed" : "solid"} line in ${entry?.color}`).toHaveLength(1);
  const x = axisScale(figure.xTicks, "x axis");
  const y = axisScale(figure.yTicks, "y axis");
  const want = expectedVertices(points);
  const drawn = lines[0]?.points ?? [];
  expect(drawn.length, `${label}: vertices`).toBe(want.length);
  want.forEach((p, i) => {
    const [px, py] = drawn[i] as [number, number];
    expect(Math.abs(px - x(p.step)), `${label}: x of step ${p.step}`).toBeLessThan(tolerance);
    expect(Math.abs(py - y(p.value)), `${label}: y of ${p.value} at step ${p.step}`).toBeLessThan(tolerance);
  });
}
