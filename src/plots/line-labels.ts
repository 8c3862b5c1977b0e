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

/** Each line's points and segment midpoints: what a label can cross (lines here are dense enough for that). */
function samplesOf(lines: readonly (readonly Pixel[])[]): Pixel[] {
  const out: Pixel[] = [];
  for (const points of lines) {
    for (let i = 0; i < points.length; i += 1) {
      const p = points[i] as Pixel;
      const q = points[i + 1] ?? p;
      out.push(p, { x: (p.x + q.x) / 2, y: (p.y + q.y) / 2 });
    }
  }
  return out;
}

/** The heights of the samples whose x lies in [left, right], sorted, so a box's crossings are two binary searches. */
function heightsIn(samples: readonly Pixel[], left: number, right: number): Float64Array {
  return Float64Array.from(samples.filter((r) => r.x >= left && r.x <= right).map((r) => r.y)).sort();
}

/** The first index of a sorted array whose value is at least `value` (or, `after`, more than it). */
function bound(sorted: Float64Array, value: number, after: boolean): number {
  let [lo, hi] = [0, sorted.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) < value || (after && sorted[mid] === value)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many of these samples (their sorted heights) fall inside the box's height (with a little margin). */
function crossings(box: Box, heights: Float64Array, pad: number): number {
  return bound(heights, box.bottom + pad, true) - bound(heights, box.top - pad, false);
}

/** Distance from a point to a box (0 inside). */
function distance(p: Pixel, b: Box): number {
  const dx = Math.max(b.left - p.x, 0, p.x - b.right);
  const dy = Math.max(b.top - p.y, 0, p.y - b.bottom);
  return Math.sqrt(dx * dx + dy * dy);
}

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

export interface PlacementOptions {
  /** Lines to keep clear of that get no label (a run's dashed companion). */
  unlabelled?: readonly (readonly Pixel[])[];
  /** Pixels a label may lie from its own line (where the label is) before any other concern (crossing lines) counts: curves that end in a noisy bunch keep their labels by their lines instead of in the nearest empty space. Default: no limit. */
  reach?: number;
  /** Where there is no free height at the line's end, also try this many positions further left, a label's width and an em apart (default 1: only at the end). */
  columns?: number;
  /** Boxes already taken (labels placed by an earlier call). */
  taken?: readonly Box[];
}

/**
 * Place one label per line inside `area`, for text of `font` pixels. Each label is right-aligned to its line's last
 * point (kept inside the area; with `columns`, also further left); of the places it could sit at, it takes the one
 * that never overlaps a label already placed, lies within `reach` of its own line, crosses the fewest line points (of the labelled lines and
 * the unlabelled ones), and lies nearest its own line (ties: nearest the line's end), in that order of importance.
 */
export function placeLineLabels(lines: readonly LabelledLine[], area: Box, font: number, options: PlacementOptions = {}): PlacedLabel[] {
  const everySample = samplesOf([...lines.map((l) => l.points), ...(options.unlabelled ?? [])]);
  const reach = options.reach ?? Number.POSITIVE_INFINITY;
  const columns = Math.max(1, Math.floor(options.columns ?? 1));
  const lineHeight = LINE_HEIGHT * font;
  const gap = GAP * font;
  const taken: Box[] = [...(options.taken ?? [])];
  return lines.flatMap((line) => {
    const end = line.points[line.points.length - 1];
    if (!end) return [];
    const rows = line.text.split("\n");
    const width = Math.max(...rows.map((r) => r.length)) * CHAR_EM * font;
    const height = rows.length * lineHeight;
    let best: { box: Box; score: number } | null = null;
    for (let column = 0; column < columns; column += 1) {
      const right = Math.min(area.right, Math.max(area.left + width, end.x)) - column * (width + font);
      if (right - width < area.left - 1e-9) break;
      const own = line.points.filter((p) => p.x >= right - width - font && p.x <= right + font);
      const heights = heightsIn(everySample, right - width - gap, right + gap);
      for (let top = area.top; top <= area.bottom - height + 1e-9; top += font / 3) {
        const box = { left: right - width, right, top, bottom: top + height };
        const near = own.length > 0 ? Math.min(...own.map((p) => distance(p, box))) : distance(end, box);
        const fromEnd = distance(end, box);
        const score = 1e9 * taken.filter((t) => overlaps(t, box)).length + 1e6 * Math.max(0, near - reach) + 1e3 * crossings(box, heights, gap) + near + 0.01 * fromEnd;
        if (!best || score < best.score) best = { box, score };
      }
      // A free place within reach: the columns further left are only for labels that have none.
      if (best && best.score < 1e6) break;
    }
    if (!best) return [];
    taken.push(best.box);
    return [{ text: line.text, x: best.box.right, top: best.box.top, lines: rows.length }];
  });
}
