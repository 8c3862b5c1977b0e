/**
 * Live figures follow their box: a figure drawn at its box's width (figure-width.ts)
 * notes that width on the box, and a ResizeObserver asks for a redraw when the
 * width a box would be drawn at changes (a phone turned, a window resized, a
 * sidebar opened), as the schedule explorer does. The redraw is the island's
 * own (its scheduler paces it); the observer only says when.
 */
import { figureWidth } from "./figure-width.ts";

/** Note the width a figure was just drawn at (undefined: to scale, while the box had no width). */
export function noteDrawnWidth(box: HTMLElement, width: number | undefined): void {
  box.dataset.drawnWidth = String(width ?? "");
}

/** Whether the box would now draw its figure at another width than the last one it noted. */
export function widthChanged(box: HTMLElement): boolean {
  return box.dataset.drawnWidth !== undefined && box.dataset.drawnWidth !== String(figureWidth(box) ?? "");
}

/** Call `redraw` when any of these boxes would draw at another width than it last did; returns the observer (disconnect it to stop). */
export function redrawOnResize(boxes: readonly HTMLElement[], redraw: () => void): ResizeObserver {
  const observer = new ResizeObserver(() => {
    if (boxes.some(widthChanged)) redraw();
  });
  for (const box of boxes) observer.observe(box);
  return observer;
}
