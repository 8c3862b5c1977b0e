/**
 * The decision boundary of each run on a 2-D task, as small multiples: a
 * grid of cells coloured by the predicted class (opacity: confidence), with
 * the validation points on top. Pure Plot builder, drawn at build time and live.
 */
import * as Plot from "@observablehq/plot";
import { asAccessibleImage } from "./accessible.ts";
import { BOUNDARY_EXTENT as E, type PlanePoint } from "../training/boundary-grid.ts";

export interface BoundaryPanel {
  run: string;
  /** grid × grid predictions, row by row from the top: class index + probability (e.g. 1.83). */
  values: readonly number[];
}

export interface BoundaryOptions {
  grid: number;
  /** Points to overlay: x, y in [−E, E], class index. */
  points: readonly PlanePoint[];
  size?: number;
  document?: Document;
}

/** One colour per class (Okabe–Ito first), shared with the live canvas version. */
export const CLASS_COLORS = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#f0e442", "#000000", "#999999", "#882255"];

export function boundaryFigureOptions(panel: BoundaryPanel, options: BoundaryOptions): Plot.PlotOptions {
  const n = options.grid;
  const cell = (2 * E) / n;
  const cells = panel.values.map((v, i) => {
    const r = Math.floor(i / n);
    const c = i % n;
    const cls = Math.floor(v);
    return { x1: -E + c * cell, x2: -E + (c + 1) * cell, y1: E - (r + 1) * cell, y2: E - r * cell, cls, confidence: v - cls };
  });
  const size = options.size ?? 170;
  return {
    width: size,
    height: size,
    margin: 4,
    style: { background: "transparent" },
    ariaLabel: `decision boundary of ${panel.run}`,
    ariaDescription: `How ${panel.run}'s network classifies the plane: each cell is coloured by the predicted class; dots are validation points.`,
    x: { domain: [-E, E], axis: null },
    y: { domain: [-E, E], axis: null },
    marks: [
      Plot.rect(cells, { x1: "x1", x2: "x2", y1: "y1", y2: "y2", fill: (d: { cls: number }) => CLASS_COLORS[d.cls % CLASS_COLORS.length], fillOpacity: (d: { confidence: number }) => 0.15 + 0.45 * Math.max(0, (d.confidence - 0.5) * 2) }),
      Plot.dot(options.points, { x: "x", y: "y", r: 1.8, fill: (d: { label: number }) => CLASS_COLORS[d.label % CLASS_COLORS.length], stroke: "white", strokeWidth: 0.5 }),
      Plot.frame({ stroke: "currentColor", strokeOpacity: 0.3 }),
    ],
    ...(options.document ? { document: options.document } : {}),
  };
}

export function renderBoundary(panel: BoundaryPanel, options: BoundaryOptions): SVGSVGElement | HTMLElement {
  return asAccessibleImage(Plot.plot(boundaryFigureOptions(panel, options)));
}
