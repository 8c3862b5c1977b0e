/**
 * The explorer's figures drawn by Observable Plot at their box's width: loaded
 * by the live island (schedule-explorer-live.ts) only when a redraw needs Plot
 * (see schedule-explorer-fast.ts for the moves that do not), so a first touch
 * that only moves the curve never downloads it.
 */
import { renderScheduleFigure, type CurvePoint, type ScheduleFigureOptions } from "../../src/plots/schedule-figure.ts";
import { figureWidth } from "./figure-width.ts";

/** Draw a figure at its box's width, and note that width (a resize draws it again only when it changed). */
export function drawFigure(box: HTMLElement | null, points: readonly CurvePoint[], options: Omit<ScheduleFigureOptions, "width">): void {
  if (!box) return;
  const width = figureWidth(box);
  box.replaceChildren(renderScheduleFigure(points, { ...options, width }));
  box.dataset.drawnWidth = String(width ?? "");
}

/** Whether the box's width changed since its figure was drawn here. */
export function resized(box: HTMLElement | null): boolean {
  return box !== null && box.dataset.drawnWidth !== undefined && box.dataset.drawnWidth !== String(figureWidth(box) ?? "");
}
