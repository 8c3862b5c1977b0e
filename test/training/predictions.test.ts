import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { recallByClass, summarizeRun, topConfusions } from "../../src/training/predictions.ts";
import { crc32, greyPng, greyPngDataUrl } from "../../src/plots/pixel-image.ts";
import { confusionSentence } from "../../components/islands/race-examples.ts";

const tinyVal = (labels: number[]) => ({
  classes: 3,
  inputSize: 4,
  val: { x: Float32Array.from(labels.flatMap((l, i) => [l / 2, i / 10, 0, 1])), y: Float32Array.from(labels), count: labels.length },
});

describe("validation predictions", () => {
  it("decodes class + probability, counts the confusion matrix and keeps the most confident mistakes", () => {
    const data = tinyVal([0, 1, 2, 2, 1]);
    // Example 1 (a 1) read as 2 at 90%, example 3 (a 2) read as 0 at 60%; probability 1 encodes as the next integer.
    const run = summarizeRun(data, [0.8, 2.9, 3, 0.6, 1.5], 1);
    expect(run).not.toBeNull();
    expect(run?.predicted).toEqual([0, 2, 2, 0, 1]);
    expect(run?.wrong).toBe(2);
    expect(run?.confusion).toEqual([[1, 0, 0], [0, 1, 1], [1, 0, 1]]);
    expect(run?.mistakes).toHaveLength(1);
    expect(run?.mistakes[0]).toMatchObject({ index: 1, label: 1, predicted: 2 });
    expect(run?.mistakes[0]?.confidence).toBeCloseTo(0.9, 5);
    // Pixels of example 1 as 0–255: [0.5, 0.1, 0, 1].
    expect(run?.mistakes[0]?.pixels).toEqual([128, 26, 0, 255]);
  });

  it("a run with a non-number output has no summary; a wrong count is an error", () => {
    const data = tinyVal([0, 1]);
    expect(summarizeRun(data, [0.5, Number.NaN])).toBeNull();
    expect(() => summarizeRun(data, [0.5])).toThrow(/expected 2 predictions, got 1/);
  });

  it("ranks confusions and computes recall per class", () => {
    const confusion = [[5, 2, 0], [0, 4, 3], [1, 0, 6]];
    expect(topConfusions(confusion)).toEqual([
      { label: 1, predicted: 2, count: 3 },
      { label: 0, predicted: 1, count: 2 },
      { label: 2, predicted: 0, count: 1 },
    ]);
    expect(recallByClass(confusion).map((v) => v.toFixed(3))).toEqual(["0.714", "0.571", "0.857"]);
    expect(confusionSentence(confusion, 2)).toBe("1 read as 2 (3 times), 0 read as 1 (2 times)");
    expect(confusionSentence([[3, 0], [0, 2]])).toMatch(/no confusions/);
  });
});

describe("grey PNG", () => {
  it("writes a valid PNG whose pixels read back (ink dark on light)", () => {
    const ink = Array.from({ length: 64 }, (_, i) => (i % 9 === 0 ? 255 : i));
    const png = greyPng(ink, 8, 8);
    expect(Array.from(png.subarray(0, 8))).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const view = new DataView(png.buffer);
    // IHDR: 8 × 8, 8-bit greyscale, and its CRC checks.
    expect(view.getUint32(16)).toBe(8);
    expect(view.getUint32(20)).toBe(8);
    expect(png[24]).toBe(8);
    expect(png[25]).toBe(0);
    expect(view.getUint32(29)).toBe(crc32(png.subarray(12, 29)));
    const idatLength = view.getUint32(33);
    const rows = inflateSync(png.subarray(41, 41 + idatLength));
    expect(rows.length).toBe(8 * 9);
    const back = Array.from({ length: 64 }, (_, i) => 255 - (rows[Math.floor(i / 8) * 9 + 1 + (i % 8)] as number));
    expect(back).toEqual(ink);
    expect(greyPngDataUrl(ink, 8, 8)).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
  });

  it("the CRC is the standard one", () => {
    expect(crc32(new TextEncoder().encode("123456789")).toString(16)).toBe("cbf43926");
  });

  it("rejects wrong sizes and values", () => {
    expect(() => greyPng([1, 2, 3], 2, 2)).toThrow(/expected 4 pixels, got 3/);
    expect(() => greyPng([0, 0, 0, 300], 2, 2)).toThrow(/pixel 3 must be in \[0, 255\], got 300/);
  });
});
