/**
 * The decision boundary of each run on a 2-D task, as small multiples: a
 * grid of cells coloured by the predicted class (opacity: confidence), with
 * the validation points on top. Pure Plot builder, drawn at build time and live.
 */
import * as Plot from "@observablehq/plot";
import { asAccessibleImage } from "./accessible.ts";
import { palettePngDataUrl } from "./palette-image.ts";
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

/** A cell's colour and opacity: its predicted class, fainter where the network is unsure (the live canvas uses the same rule). */
export function cellFill(value: number): { color: string; alpha: number } {
  const cls = Math.floor(value);
  return { color: CLASS_COLORS[cls % CLASS_COLORS.length] as string, alpha: 0.15 + 0.45 * Math.max(0, (value - cls - 0.5) * 2) };
}

export function boundaryFigureOptions(panel: BoundaryPanel, options: BoundaryOptions): Plot.PlotOptions {
  const n = options.grid;
  if (panel.values.length !== n * n) throw new RangeError(`${panel.run}: expected ${n * n} cells for a ${n} × ${n} grid, got ${panel.values.length}`);
  const size = options.size ?? 170;
  const margin = 4;
  // The cells as one indexed-colour image, drawn pixelated so that each stays a crisp square.
  const cells = palettePngDataUrl(panel.values.map(cellFill), n, n);
  return {
    width: size,
    height: size,
    margin,
    style: { background: "transparent" },
    ariaLabel: `decision boundary of ${panel.run}`,
    ariaDescription: `How ${panel.run}'s network classifies the plane: each cell is coloured by the predicted class; dots are validation points.`,
    x: { domain: [-E, E], axis: null },
    y: { domain: [-E, E], axis: null },
    marks: [
      Plot.image([{ x: 0, y: 0 }], { x: "x", y: "y", src: () => cells, width: size - 2 * margin, height: size - 2 * margin, preserveAspectRatio: "none", imageRendering: "pixelated" }),
      Plot.dot(options.points, { x: "x", y: "y", r: 1.8, fill: (d: { label: number }) => CLASS_COLORS[d.label % CLASS_COLORS.length], stroke: "white", strokeWidth: 0.5 }),
      Plot.frame({ stroke: "currentColor", strokeOpacity: 0.3 }),
    ],
    ...(options.document ? { document: options.document } : {}),
  };
}

export function renderBoundary(panel: BoundaryPanel, options: BoundaryOptions): SVGSVGElement | HTMLElement {
  return asAccessibleImage(Plot.plot(boundaryFigureOptions(panel, options)));
}
