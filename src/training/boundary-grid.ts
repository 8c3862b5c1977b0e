/**
 * The plane a 2-D task's decision boundary is drawn over, shared by the
 * worker and the build (which predict on it) and the figures (which draw it):
 * [−EXTENT, EXTENT]², an n × n grid of cell centres, row by row from the top.
 */
import type { Split } from "../data/datasets.ts";
import type { Race } from "./race.ts";

export const BOUNDARY_EXTENT = 1.2;

/** Cells per side of the pictures the site draws (build time and live). */
export const BOUNDARY_CELLS = 24;

/** Cell centres as (x, y) pairs, row 0 at the top (y = +EXTENT). */
export function boundaryGridPoints(n: number): Float32Array {
  const out = new Float32Array(n * n * 2);
  const span = 2 * BOUNDARY_EXTENT;
  for (let r = 0; r < n; r += 1) {
    for (let c = 0; c < n; c += 1) {
      out[(r * n + c) * 2] = -BOUNDARY_EXTENT + (span * (c + 0.5)) / n;
      out[(r * n + c) * 2 + 1] = BOUNDARY_EXTENT - (span * (r + 0.5)) / n;
    }
  }
  return out;
}

/** Whether a task has a boundary to draw: classification of points in the plane. */
export function drawsBoundary(task: { kind: "classification" | "regression"; inputShape: readonly number[] }): boolean {
  return task.kind === "classification" && task.inputShape.length === 1 && task.inputShape[0] === 2;
}

export interface PlanePoint {
  x: number;
  y: number;
  label: number;
}

/** The examples of a 2-D split as points with their class, to draw over the boundary. */
export function planePoints(split: Split): PlanePoint[] {
  return Array.from({ length: split.count }, (_, i) => ({ x: split.x[2 * i] as number, y: split.x[2 * i + 1] as number, label: split.y[i] as number }));
}

/** Each copy's prediction on the n × n grid (class + confidence, see Race.predict), rounded to 3 decimals for sending. */
export async function predictBoundary(race: Race, n: number): Promise<number[][]> {
  const predictions = await race.predict(boundaryGridPoints(n), n * n);
  return predictions.map((p) => Array.from(p, (v) => Math.round(v * 1000) / 1000));
}
