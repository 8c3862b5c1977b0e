/**
 * Live decision boundaries on canvases (cheap to repaint); the build draws the
 * same picture as SVG with the same colours and opacity rule
 * (src/plots/boundary.ts).
 */
import { CLASS_COLORS } from "../../src/plots/boundary.ts";
import { colorsFor } from "../../src/plots/race.ts";
import { makeDataset, taskInfo, type TaskName } from "../../src/data/datasets.ts";
import { BOUNDARY_EXTENT, drawsBoundary, planePoints, type PlanePoint } from "../../src/training/boundary-grid.ts";

export interface BoundaryGrid {
  grid: number;
  runs: number[][];
}

const SIZE = 170;

/** A panel's name under it: the run's colour (as in the race's other figures) and its name, as the built page has it. */
function boundaryName(run: string, color: string): HTMLElement {
  const name = document.createElement("span");
  name.className = "boundary-name";
  const swatch = document.createElement("span");
  swatch.className = "swatch";
  swatch.style.background = color;
  swatch.setAttribute("aria-hidden", "true");
  name.append(swatch, " ", run);
  return name;
}

function boundaryCell(run: string, color: string): HTMLElement {
  const cell = document.createElement("div");
  cell.className = "boundary";
  const canvas = document.createElement("canvas");
  // The backing store at the screen's density (CSS shows it at most SIZE px wide): sharp dots on a phone.
  const density = Math.min(3, Math.max(1, Math.round(window.devicePixelRatio || 1)));
  canvas.width = SIZE * density;
  canvas.height = SIZE * density;
  canvas.setAttribute("role", "img");
  canvas.setAttribute("aria-label", `decision boundary of ${run}: cells coloured by the predicted class, dots are validation points`);
  cell.append(canvas, boundaryName(run, color));
  return cell;
}

function paintOne(ctx: CanvasRenderingContext2D, values: readonly number[], n: number, points: readonly PlanePoint[]): void {
  const density = ctx.canvas.width / SIZE;
  ctx.setTransform(density, 0, 0, density, 0, 0);
  ctx.clearRect(0, 0, SIZE, SIZE);
  const cell = SIZE / n;
  values.forEach((v, i) => {
    const cls = Math.floor(v);
    ctx.globalAlpha = 0.15 + 0.45 * Math.max(0, (v - cls - 0.5) * 2);
    ctx.fillStyle = CLASS_COLORS[cls % CLASS_COLORS.length] as string;
    ctx.fillRect((i % n) * cell, Math.floor(i / n) * cell, cell + 0.5, cell + 0.5);
  });
  ctx.globalAlpha = 1;
  const E = BOUNDARY_EXTENT;
  for (const p of points) {
    ctx.fillStyle = CLASS_COLORS[p.label % CLASS_COLORS.length] as string;
    ctx.beginPath();
    ctx.arc(((p.x + E) / (2 * E)) * SIZE, ((E - p.y) / (2 * E)) * SIZE, 1.8, 0, 2 * Math.PI);
    ctx.fill();
  }
}

/** One canvas per run (made once, then repainted): cells coloured by the predicted class, validation points on top. */
export function paintBoundaries(container: HTMLElement, boundary: BoundaryGrid, runs: readonly string[], points: readonly PlanePoint[]): void {
  const cells = [...container.querySelectorAll<HTMLElement>(".boundary")];
  if (cells.length !== runs.length || !cells.every((c) => c.querySelector("canvas"))) {
    const colors = colorsFor(runs).range;
    container.replaceChildren(...runs.map((run, k) => boundaryCell(run, colors[k] as string)));
  }
  [...container.querySelectorAll("canvas")].forEach((canvas, k) => {
    const ctx = canvas.getContext("2d");
    const values = boundary.runs[k];
    if (ctx && values) paintOne(ctx, values, boundary.grid, points);
  });
}

/** The validation points of a task's plane, computed once per task and seed. */
export function planePointsCache(): (task: TaskName, seed: number) => PlanePoint[] {
  let cache: { task: TaskName; seed: number; points: PlanePoint[] } | null = null;
  return (task, seed) => {
    if (cache && cache.task === task && cache.seed === seed) return cache.points;
    cache = { task, seed, points: drawsBoundary(taskInfo(task)) ? planePoints(makeDataset(task, { seed }).val) : [] };
    return cache.points;
  };
}
