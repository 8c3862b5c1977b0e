/**
 * Direct labels at the end of each line, instead of a legend (Distill's and
 * Observable Plot's habit): each label sits just above or just below its
 * line's last point, right-aligned to it, on whichever side crosses fewer
 * lines, and labels that would overlap are pushed apart. Pure geometry in
 * pixel space; the figure builders turn the result into Plot text marks.
 */
import { CHAR_EM } from "./figure-frame.ts";

export interface Pixel {
  x: number;
  y: number;
}

export interface LabelledLine {
  /** What the label says (may hold "\n" for more lines). */
  text: string;
  /** The line's points in drawing order, in pixels. */
  points: readonly Pixel[];
}

export interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface PlacedLabel {
  text: string;
  /** The label's right edge, in pixels. */
  x: number;
  /** The top of its first line, in pixels. */
  top: number;
  lines: number;
}

const LINE_HEIGHT = 1.2;
/** Space between a line and its label, in ems. */
const GAP = 0.3;

/** Break a label into lines of at most `maxChars` characters, at ", " or spaces. */
export function wrapLabel(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const words = text.split(" ");
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    if (line !== "" && line.length + 1 + word.length > maxChars) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  lines.push(line);
  return lines.join("\n");
}

/** How many points of these lines fall inside the box (with a little margin). */
function crossings(box: Box, lines: readonly LabelledLine[], pad: number): number {
  let hits = 0;
  for (const line of lines) {
    for (let i = 0; i < line.points.length; i += 1) {
      const p = line.points[i] as Pixel;
      const q = line.points[i + 1] ?? p;
      // A segment counts when either end or its midpoint is in the box (lines here are dense enough for that).
      for (const r of [p, { x: (p.x + q.x) / 2, y: (p.y + q.y) / 2 }]) {
        if (r.x >= box.left - pad && r.x <= box.right + pad && r.y >= box.top - pad && r.y <= box.bottom + pad) hits += 1;
      }
    }
  }
  return hits;
}

/** Distance from a point to a box (0 inside). */
function distance(p: Pixel, b: Box): number {
  const dx = Math.max(b.left - p.x, 0, p.x - b.right);
  const dy = Math.max(b.top - p.y, 0, p.y - b.bottom);
  return Math.hypot(dx, dy);
}

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/**
 * Place one label per line inside `area`, for text of `font` pixels. Each label is right-aligned to its line's last
 * point (kept inside the area); of the heights it could sit at, it takes the one that crosses the fewest line points,
 * never overlaps a label already placed, and lies nearest its own line (ties: nearest the line's end).
 */
export function placeLineLabels(lines: readonly LabelledLine[], area: Box, font: number): PlacedLabel[] {
  const lineHeight = LINE_HEIGHT * font;
  const gap = GAP * font;
  const taken: Box[] = [];
  return lines.flatMap((line) => {
    const end = line.points[line.points.length - 1];
    if (!end) return [];
    const rows = line.text.split("\n");
    const width = Math.max(...rows.map((r) => r.length)) * CHAR_EM * font;
    const height = rows.length * lineHeight;
    const right = Math.min(area.right, Math.max(area.left + width, end.x));
    const own = line.points.filter((p) => p.x >= right - width - font);
    let best: { box: Box; score: number } | null = null;
    for (let top = area.top; top <= area.bottom - height + 1e-9; top += font / 3) {
      const box = { left: right - width, right, top, bottom: top + height };
      const near = Math.min(...own.map((p) => distance(p, box)));
      const score = 1e3 * crossings(box, lines, gap) + 1e6 * taken.filter((t) => overlaps(t, box)).length + near + 0.01 * distance(end, box);
      if (!best || score < best.score) best = { box, score };
    }
    if (!best) return [];
    taken.push(best.box);
    return [{ text: line.text, x: right, top: best.box.top, lines: rows.length }];
  });
}
