// The boundary's cells as one indexed PNG: decoded back (chunks, CRCs, zlib), every pixel has its
// cell's colour and opacity; and the boundary figure carries it instead of one rect per cell.
import { describe, expect, it } from "vitest";
import { inflateSync } from "node:zlib";
import { JSDOM } from "jsdom";
import { palettePng, palettize, type Rgba } from "../../src/plots/palette-image.ts";
import { crc32 } from "../../src/plots/pixel-image.ts";
import { cellFill, renderBoundary, CLASS_COLORS } from "../../src/plots/boundary.ts";

function decode(png: Uint8Array): { width: number; height: number; pixels: [number, number, number, number][] } {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const chunks = new Map<string, Uint8Array>();
  for (let at = 8; at < png.length; ) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    const body = png.subarray(at + 4, at + 8 + length);
    expect(view.getUint32(at + 8 + length), `${type} CRC`).toBe(crc32(body));
    chunks.set(type, png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const header = chunks.get("IHDR")!;
  const [width, height] = [new DataView(header.buffer, header.byteOffset).getUint32(0), new DataView(header.buffer, header.byteOffset).getUint32(4)];
  expect([header[8], header[9]]).toEqual([8, 3]);
  const palette = chunks.get("PLTE")!;
  const alpha = chunks.get("tRNS")!;
  const raw = inflateSync(chunks.get("IDAT")!);
  const pixels: [number, number, number, number][] = [];
  for (let r = 0; r < height; r += 1) {
    expect(raw[r * (width + 1)]).toBe(0);
    for (let c = 0; c < width; c += 1) {
      const i = raw[r * (width + 1) + 1 + c]!;
      pixels.push([palette[3 * i]!, palette[3 * i + 1]!, palette[3 * i + 2]!, alpha[i]!]);
    }
  }
  return { width, height, pixels };
}

const hex = (c: string) => [1, 3, 5].map((i) => Number.parseInt(c.slice(i, i + 2), 16));

describe("palettePng", () => {
  it("decodes to the cells' own colours and opacities, row by row from the top", () => {
    const values = Array.from({ length: 24 * 24 }, (_, i) => (i % 3) + 0.5 + ((i * 7) % 50) / 100);
    const cells: Rgba[] = values.map(cellFill);
    const { width, height, pixels } = decode(palettePng(cells, 24, 24));
    expect([width, height]).toEqual([24, 24]);
    pixels.forEach((p, i) => {
      expect(p.slice(0, 3)).toEqual(hex(CLASS_COLORS[i % 3]!));
      expect(Math.abs(p[3] - cells[i]!.alpha * 255)).toBeLessThanOrEqual(0.5);
    });
  });

  it("rounds opacity more coarsely only when the colours would not fit one palette", () => {
    const many: Rgba[] = Array.from({ length: 10 * 200 }, (_, i) => ({ color: CLASS_COLORS[i % 10]!, alpha: Math.floor(i / 10) / 199 }));
    const { palette } = palettize(many);
    expect(palette.length).toBeLessThanOrEqual(256);
    const { pixels } = decode(palettePng(many, 50, 40));
    // Ten colours × 200 opacities need steps of 16/255 (10 × 16 levels ≤ 256): each within half a step.
    pixels.forEach((p, i) => expect(Math.abs(p[3] - many[i]!.alpha * 255)).toBeLessThanOrEqual(8));
    expect(pixels.some((p, i) => Math.abs(p[3] - many[i]!.alpha * 255) > 4)).toBe(true);
    // Two colours × 100 opacities fit at 1/255: every pixel keeps its own entry.
    const two = many.filter((_, i) => i % 10 < 2 && i < 1000);
    expect(palettize(two).palette.length).toBe(two.length);
  });

  it("refuses a bad size, colour or opacity with a message", () => {
    expect(() => palettePng([], 0, 1)).toThrow(/image must be 1 to 16384 pixels, got 0×1/);
    expect(() => palettePng([{ color: "#000000", alpha: 1 }], 2, 1)).toThrow(/expected 2 pixels, got 1/);
    expect(() => palettePng([{ color: "red", alpha: 1 }], 1, 1)).toThrow(/#rrggbb, got "red"/);
    expect(() => palettePng([{ color: "#000000", alpha: Number.NaN }], 1, 1)).toThrow(/opacity must be in \[0, 1\], got NaN/);
  });
});

describe("the boundary figure", () => {
  it("draws its cells as one pixelated image, not a rect per cell, with the points on top", () => {
    const { document } = new JSDOM("<!doctype html><body></body>").window;
    const values = Array.from({ length: 24 * 24 }, (_, i) => (i < 288 ? 0.9 : 1.6));
    const svg = renderBoundary({ run: "cosine", values }, { grid: 24, points: [{ x: 0, y: 0, label: 1 }], document });
    const image = svg.querySelector("image");
    expect(image?.getAttribute("href")).toMatch(/^data:image\/png;base64,/);
    expect(image?.getAttribute("image-rendering")).toBe("pixelated");
    expect(svg.querySelectorAll("rect").length).toBeLessThanOrEqual(1);
    expect(svg.querySelectorAll("circle")).toHaveLength(1);
    const png = Uint8Array.from(atob(image!.getAttribute("href")!.split(",")[1]!), (c) => c.charCodeAt(0));
    const { pixels } = decode(png);
    expect(pixels[0]!.slice(0, 3)).toEqual(hex(CLASS_COLORS[0]!));
    expect(pixels[24 * 24 - 1]!.slice(0, 3)).toEqual(hex(CLASS_COLORS[1]!));
    expect(() => renderBoundary({ run: "cosine", values: [1] }, { grid: 24, points: [], document })).toThrow(/cosine: expected 576 cells for a 24 × 24 grid, got 1/);
  });
});
