// Build-time SVG compaction: rounded geometry and simplified straight-segment paths that stay
// within the tolerance of the original, on real Plot output.
import { describe, expect, it } from "vitest";
import { JSDOM } from "jsdom";
import { compactSvg, roundNumbers, roundSvg, shareRepeatedMark, simplifyPath } from "../../src/plots/compact-svg.ts";
import { renderRaceFigure, type RacePoint } from "../../src/plots/race.ts";

type Point = [number, number];
const pointsOf = (d: string): Point[][] =>
  d.split("M").filter(Boolean).map((run) => run.replace(/Z$/, "").split("L").map((xy) => xy.split(",").map(Number) as Point));

function distanceToPolyline(p: Point, line: readonly Point[]): number {
  let best = Infinity;
  for (let i = 0; i + 1 < line.length; i += 1) {
    const [a, b] = [line[i] as Point, line[i + 1] as Point];
    const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
    const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy || 1)));
    best = Math.min(best, Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy));
  }
  return line.length === 1 ? Math.hypot(p[0] - (line[0] as Point)[0], p[1] - (line[0] as Point)[1]) : best;
}

describe("roundNumbers", () => {
  it("rounds decimals only, and never writes -0", () => {
    expect(roundNumbers("translate(64,188.7373064354688)")).toBe("translate(64,188.7)");
    expect(roundNumbers("M0,-0.04L12.25,3e-7", 1)).toBe("M0,0L12.3,3e-7");
    expect(roundNumbers("M1.23456,2", 3)).toBe("M1.235,2");
    expect(() => roundNumbers("1.5", -1)).toThrow(/digits must be a whole number in \[0, 6\], got -1/);
  });
});

describe("simplifyPath", () => {
  it("drops points on a straight stretch, keeps corners and both ends", () => {
    expect(simplifyPath("M0,0L1,1L2,2L3,3")).toBe("M0,0L3,3");
    expect(simplifyPath("M0,0L1,0L1,1")).toBe("M0,0L1,0L1,1");
    expect(simplifyPath("M0,0L1,0.1L2,0", 0.25)).toBe("M0,0L2,0");
    expect(simplifyPath("M0,0L1,0.1L2,0", 0.05)).toBe("M0,0L1,0.1L2,0");
  });

  it("keeps subpaths and closing commands, and leaves curves and relative paths alone", () => {
    expect(simplifyPath("M0,0L1,0L2,0ZM5,5L6,6L7,7")).toBe("M0,0L2,0ZM5,5L7,7");
    expect(simplifyPath("M0,0C1,1,2,2,3,3")).toBe("M0,0C1,1,2,2,3,3");
    expect(simplifyPath("M0,0l1,1l1,1")).toBe("M0,0l1,1l1,1");
    expect(() => simplifyPath("M0,0L1,1", Number.NaN)).toThrow(/tolerance must be a number ≥ 0, got NaN/);
  });
});

describe("compactSvg on a race figure", () => {
  const { document } = new JSDOM("<!doctype html><body></body>").window;
  const series = (run: string, n: number, f: (i: number) => number): RacePoint[] => Array.from({ length: n }, (_, step) => ({ step, run, value: f(step) }));
  const draw = () =>
    renderRaceFigure([...series("cosine", 600, (i) => 0.1 * (1 + Math.cos((Math.PI * i) / 600))), ...series("constant", 600, (i) => (i < 300 ? 0.1 : 0.01)), ...series("noisy", 600, (i) => 1 / (1 + i) + 0.01 * Math.sin(i * 1.7))], {
      runs: ["cosine", "constant", "noisy"],
      steps: 600,
      y: { label: "loss" },
      description: "d",
      document,
    });

  it("is several times smaller and every original vertex stays within tolerance plus rounding", () => {
    const original = draw();
    const compact = compactSvg(draw());
    expect(compact.outerHTML.length).toBeLessThan(original.outerHTML.length / 3);
    const before = [...original.querySelectorAll("path")].map((p) => p.getAttribute("d") ?? "");
    const after = [...compact.querySelectorAll("path")].map((p) => p.getAttribute("d") ?? "");
    expect(after).toHaveLength(before.length);
    let checked = 0;
    before.forEach((d, k) => {
      const runsBefore = pointsOf(d);
      const runsAfter = pointsOf(after[k] as string);
      expect(runsAfter).toHaveLength(runsBefore.length);
      runsBefore.forEach((run, r) => {
        for (const p of run) {
          expect(distanceToPolyline(p, runsAfter[r] as Point[])).toBeLessThanOrEqual(0.25 + 0.08);
          checked += 1;
        }
      });
    });
    expect(checked).toBeGreaterThan(1800);
    // The piecewise-constant run is two flat stretches and a drop: a handful of points, not 600.
    const flat = after.find((d) => d.startsWith("M") && pointsOf(d)[0]!.length <= 6);
    expect(flat).toBeDefined();
  });

  it("roundSvg rounds the same geometry but keeps every vertex, each within half a rounding step", () => {
    const original = draw();
    const rounded = roundSvg(draw());
    expect(rounded.outerHTML.length).toBeLessThan(original.outerHTML.length * 0.8);
    const before = [...original.querySelectorAll("path")].map((p) => pointsOf(p.getAttribute("d") ?? ""));
    const after = [...rounded.querySelectorAll("path")].map((p) => pointsOf(p.getAttribute("d") ?? ""));
    expect(after.map((runs) => runs.map((run) => run.length))).toEqual(before.map((runs) => runs.map((run) => run.length)));
    before.flat(2).forEach(([x, y], i) => {
      const [rx, ry] = after.flat(2)[i] as Point;
      expect(Math.abs(rx - x)).toBeLessThanOrEqual(0.05 + 1e-9);
      expect(Math.abs(ry - y)).toBeLessThanOrEqual(0.05 + 1e-9);
    });
    // The piecewise-constant run keeps its 600 points.
    expect(after.flat(1).some((run) => run.length === 600)).toBe(true);
  });
});

describe("shareRepeatedMark", () => {
  const { document } = new JSDOM("<!doctype html><body></body>").window;
  const figure = (cx: string) => {
    const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.innerHTML = `<rect width="5"></rect><g data-mark="dot"><circle cx="${cx}" cy="2" r="1.8"></circle></g>`;
    return svg;
  };

  it("keeps one copy of an identical mark and draws the others with <use>", () => {
    const figures = [figure("1"), figure("1"), figure("1")];
    expect(shareRepeatedMark(figures, "[data-mark=dot]", "race-points")).toBe(true);
    expect(figures[0]!.querySelector("#race-points circle")?.getAttribute("cx")).toBe("1");
    for (const f of figures.slice(1)) {
      expect(f.querySelector("circle")).toBeNull();
      expect(f.querySelector("use")?.getAttribute("href")).toBe("#race-points");
      expect(f.querySelector("rect")).not.toBeNull();
    }
  });

  it("leaves figures alone when the marks differ or one is missing", () => {
    const differ = [figure("1"), figure("2")];
    expect(shareRepeatedMark(differ, "[data-mark=dot]", "p")).toBe(false);
    expect(differ.map((f) => f.querySelectorAll("circle").length)).toEqual([1, 1]);
    expect(shareRepeatedMark([figure("1"), figure("1")], "[data-mark=none]", "p")).toBe(false);
  });
});
