/**
 * A small picture of coloured, partly transparent cells (a decision boundary's
 * grid) as one indexed-colour PNG data URL: about 1 KB for 24 × 24 cells,
 * where an SVG <rect> per cell costs some 70 KB. Built in plain code (see
 * pixel-image.ts), so it runs wherever the figure builders run.
 */
import { adler32, chunk, u32 } from "./pixel-image.ts";

export interface Rgba {
  /** "#rrggbb". */
  color: string;
  /** Opacity in [0, 1]. */
  alpha: number;
}

function rgb(color: string): [number, number, number] {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (!match) throw new RangeError(`expected a colour as #rrggbb, got ${JSON.stringify(color)}`);
  return [Number.parseInt(match[1] as string, 16), Number.parseInt(match[2] as string, 16), Number.parseInt(match[3] as string, 16)];
}

/**
 * Palette and per-pixel indices. Opacity is kept to 1/255; if that needs more
 * than 256 entries, it is rounded more coarsely (2/255, 4/255 …) until it fits.
 */
export function palettize(pixels: readonly Rgba[]): { palette: [number, number, number, number][]; indices: number[] } {
  for (let step = 1; step <= 256; step *= 2) {
    const index = new Map<string, number>();
    const palette: [number, number, number, number][] = [];
    const indices = pixels.map((p) => {
      if (!(Number.isFinite(p.alpha) && p.alpha >= 0 && p.alpha <= 1)) throw new RangeError(`opacity must be in [0, 1], got ${p.alpha}`);
      const alpha = Math.min(255, Math.round((p.alpha * 255) / step) * step);
      const key = `${p.color.toLowerCase()}/${alpha}`;
      let i = index.get(key);
      if (i === undefined) {
        i = palette.length;
        index.set(key, i);
        palette.push([...rgb(p.color), alpha]);
      }
      return i;
    });
    if (palette.length <= 256) return { palette, indices };
  }
  throw new RangeError("too many colours for one palette image");
}

/** PNG bytes (8-bit indexed colour with transparency) of width × height pixels, row by row from the top. */
export function palettePng(pixels: readonly Rgba[], width: number, height: number): Uint8Array {
  if (!(Number.isInteger(width) && Number.isInteger(height) && width >= 1 && height >= 1 && width * height <= 16384)) throw new RangeError(`image must be 1 to 16384 pixels, got ${width}×${height}`);
  if (pixels.length !== width * height) throw new RangeError(`expected ${width * height} pixels, got ${pixels.length}`);
  const { palette, indices } = palettize(pixels);
  const raw = new Uint8Array(height * (width + 1));
  for (let r = 0; r < height; r += 1) {
    raw[r * (width + 1)] = 0; // filter: none
    for (let c = 0; c < width; c += 1) raw[r * (width + 1) + 1 + c] = indices[r * width + c] as number;
  }
  // Stored (uncompressed) deflate blocks of at most 65,535 bytes, then Adler-32.
  const zlib = [0x78, 0x01];
  for (let at = 0; at < raw.length || at === 0; at += 65535) {
    const block = raw.subarray(at, at + 65535);
    const last = at + 65535 >= raw.length ? 1 : 0;
    zlib.push(last, block.length & 0xff, block.length >>> 8, ~block.length & 0xff, (~block.length >>> 8) & 0xff, ...block);
    if (last) break;
  }
  zlib.push(...u32(adler32(raw)));
  const header = [...u32(width), ...u32(height), 8, 3, 0, 0, 0];
  return new Uint8Array([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a,
    ...chunk("IHDR", header),
    ...chunk("PLTE", palette.flatMap(([r, g, b]) => [r, g, b])),
    ...chunk("tRNS", palette.map(([, , , a]) => a)),
    ...chunk("IDAT", zlib),
    ...chunk("IEND", []),
  ]);
}

export function palettePngDataUrl(pixels: readonly Rgba[], width: number, height: number): string {
  let binary = "";
  for (const b of palettePng(pixels, width, height)) binary += String.fromCharCode(b);
  return `data:image/png;base64,${btoa(binary)}`;
}
