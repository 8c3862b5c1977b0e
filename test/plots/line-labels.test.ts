import { describe, expect, it } from "vitest";
import { placeLineLabels, wrapLabel, type LabelledLine } from "../../src/plots/line-labels.ts";
import { CHAR_EM } from "../../src/plots/figure-frame.ts";

const area = { left: 40, right: 600, top: 20, bottom: 260 };
const font = 12;
const line = (text: string, y: (x: number) => number): LabelledLine => ({ text, points: Array.from({ length: 57 }, (_, i) => ({ x: 40 + i * 10, y: y(40 + i * 10) })) });
const boxOf = (p: { text: string; x: number; top: number; lines: number }) => ({
  left: p.x - Math.max(...p.text.split("\n").map((r) => r.length)) * CHAR_EM * font,
  right: p.x,
  top: p.top,
  bottom: p.top + p.lines * 1.2 * font,
});

describe("direct labels at line ends", () => {
  it("gives every line a label inside the plot, right-aligned to its end, none overlapping", () => {
    // Three lines that end at the same point: the labels must stack.
    const lines = [line("Constant", () => 250), line("Cosine annealing", (x) => 20 + ((x - 40) / 560) * 230), line("Step decay", (x) => (x < 300 ? 60 : 250))];
    const placed = placeLineLabels(lines, area, font);
    expect(placed.map((p) => p.text)).toEqual(["Constant", "Cosine annealing", "Step decay"]);
    const boxes = placed.map(boxOf);
    for (const b of boxes) {
      expect(b.right).toBe(600);
      expect(b.top).toBeGreaterThanOrEqual(area.top);
      expect(b.bottom).toBeLessThanOrEqual(area.bottom);
    }
    for (let i = 0; i < boxes.length; i += 1)
      for (let j = i + 1; j < boxes.length; j += 1) {
        const [a, b] = [boxes[i]!, boxes[j]!];
        expect(a.bottom <= b.top || b.bottom <= a.top || a.right <= b.left || b.right <= a.left, `${placed[i]!.text} / ${placed[j]!.text}`).toBe(true);
      }
  });

  it("puts a label where it crosses no line, close to its own line", () => {
    // A flat line at y = 140 and a steep one crossing the right part: the flat line's label sits just above or below it, clear of both.
    const flat = line("flat", () => 140);
    const steep = line("steep", (x) => Math.min(260, Math.max(20, 20 + (x - 400) * 2)));
    const [label] = placeLineLabels([flat, steep], area, font);
    const box = boxOf(label!);
    expect(Math.min(Math.abs(box.bottom - 140), Math.abs(box.top - 140))).toBeLessThan(font);
    for (const p of [...flat.points, ...steep.points]) expect(p.x > box.left && p.x < box.right && p.y > box.top && p.y < box.bottom).toBe(false);
  });

  it("wraps a long label at spaces", () => {
    expect(wrapLabel("Reduce on plateau (ours), PyTorch, Keras", 20)).toBe("Reduce on plateau\n(ours), PyTorch,\nKeras");
    expect(wrapLabel("short", 20)).toBe("short");
  });
});
