// The explorer's Plot-free redraw (schedule-explorer-fast.ts) against Observable Plot itself: a build-time figure
// whose curve is moved in place carries exactly the path Plot draws for the new settings, and every move the fast
// path cannot draw as Plot would (new y top, a second curve, a box narrower than the figure) is left to Plot.
import { describe, expect, it } from "vitest";
import { JSDOM } from "jsdom";
import { redrawInPlace } from "../../components/islands/schedule-explorer-fast.ts";
import { explorerModel } from "../../components/islands/schedule-explorer-model.ts";
import { renderScheduleFigure } from "../../src/plots/schedule-figure.ts";
import { compactSvg } from "../../src/plots/compact-svg.ts";
import { registry, type ScheduleSpec } from "../../src/schedules/index.ts";

const { window } = new JSDOM("<!doctype html><html><body></body></html>");
const { document } = window;

/** The explorer's figure for `spec` as the build ships it (compacted), in a box. */
function builtBox(spec: ScheduleSpec, steps: number): { box: HTMLElement; yMax: number } {
  const model = explorerModel({ spec, steps });
  const box = document.createElement("div");
  box.append(compactSvg(renderScheduleFigure(model.points, { document, description: model.description, yMax: model.yMax })));
  return { box, yMax: model.yMax };
}

/** What Plot draws for `spec` under a y axis topped at `yMax`: its curve's path and description. */
function plotDraws(spec: ScheduleSpec, steps: number, yMax: number): { d: string; description: string } {
  const model = explorerModel({ spec, steps });
  const svg = renderScheduleFigure(model.points, { document, description: model.description, yMax });
  return { d: svg.querySelector('[data-mark="line"] path')?.getAttribute("d") ?? "", description: svg.getAttribute("aria-description") ?? "" };
}

const drawnPath = (box: HTMLElement) => box.querySelector('[data-mark="line"] path')?.getAttribute("d");

/** Starting settings, then a move that keeps the y axis (a lower rate, a shorter period …), per kind. */
const MOVES: [ScheduleSpec, Record<string, unknown>, number][] = [
  [registry.cosine.defaults, { decaySteps: 60 }, 100],
  [registry["cosine-restarts"].defaults, { period: 25, lr: 0.07 }, 100],
  [registry.step.defaults, { gamma: 0.3 }, 100],
  [registry.exponential.defaults, { lr: 0.05 }, 250],
  [registry["one-cycle"].defaults, { pctStart: 0.45 }, 100],
  [registry.warmup.defaults, { warmupSteps: 35 }, 100],
  [registry.lambda.defaults, { expression: "lambda t: 0.9 ** t" }, 100],
  [registry.constant.defaults, { lr: 0.02 }, 40],
];

describe("the explorer's redraw without Plot", () => {
  it("moves the built curve to exactly the path Plot draws for the new settings, and says what it shows", () => {
    for (const [start, move, steps] of MOVES) {
      const { box, yMax } = builtBox(start, steps);
      const moved = { ...start, ...move } as ScheduleSpec;
      const model = explorerModel({ spec: moved, steps, reference: start });
      expect(model.yMax, `${start.kind}: the move keeps the axis`).toBe(yMax);
      const before = drawnPath(box);
      expect(redrawInPlace(box, model.points, { yMax: model.yMax, description: model.description }), start.kind).toBe(true);
      const plot = plotDraws(moved, steps, yMax);
      expect(drawnPath(box), start.kind).toBe(plot.d);
      expect(drawnPath(box), start.kind).not.toBe(before);
      expect(box.querySelector("svg")?.getAttribute("aria-description"), start.kind).toBe(plot.description);
    }
  });

  it("leaves to Plot a move past the y axis's top, a second curve, a figure Plot drew, and a box narrower than the figure", () => {
    const start = registry.cosine.defaults;
    const { box, yMax } = builtBox(start, 100);
    const before = box.innerHTML;
    const higher = explorerModel({ spec: { ...start, lr: 0.5 } as ScheduleSpec, steps: 100, reference: start });
    expect(higher.yMax).toBeGreaterThan(yMax);
    expect(redrawInPlace(box, higher.points, higher)).toBe(false);
    const compared = explorerModel({ spec: start, compare: registry.step.defaults, steps: 100 });
    expect(redrawInPlace(box, compared.points, { yMax, description: compared.description })).toBe(false);
    const longer = explorerModel({ spec: start, steps: 120 });
    expect(redrawInPlace(box, longer.points, { yMax, description: longer.description })).toBe(false);
    expect(box.innerHTML).toBe(before);

    const same = explorerModel({ spec: start, steps: 100 });
    const live = document.createElement("div");
    live.append(renderScheduleFigure(same.points, { document, description: same.description, yMax, width: 500 }));
    expect(redrawInPlace(live, same.points, same)).toBe(false);
    Object.defineProperty(box, "clientWidth", { value: 350 });
    expect(redrawInPlace(box, same.points, same)).toBe(false);
  });
});
