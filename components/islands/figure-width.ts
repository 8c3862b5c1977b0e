/**
 * The width a live figure is drawn at: its box's, up to the build-time width
 * (src/plots/figure-frame.ts), so its text is never scaled down. Undefined
 * while the box is hidden (no width yet): the figure is then drawn to scale
 * like the build-time one.
 */
import { STATIC_WIDTH } from "../../src/plots/figure-frame.ts";

export function figureWidth(box: Element | null): number | undefined {
  const width = Math.floor(box?.clientWidth ?? 0);
  return width > 0 ? Math.min(width, STATIC_WIDTH) : undefined;
}
