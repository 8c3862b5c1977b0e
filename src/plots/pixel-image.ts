/**
 * A tiny greyscale image (an 8×8 digit) as a PNG data URL, built in plain
 * code so the build and the page draw the same picture: about 200 characters
 * for 8×8, far less than an SVG rectangle per pixel. Uncompressed ("stored")
 * deflate is enough at this size. Pixels are 0–255 with 255 as ink, drawn dark
 * on light, like ink on paper.
 */

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 as PNG chunks use it (ISO 3309). */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (const v of bytes) {
    a = (a + v) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

export const u32 = (v: number): number[] => [(v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff];

export function chunk(type: string, data: number[]): number[] {
  const body = new Uint8Array([...type].map((c) => c.charCodeAt(0)).concat(data));
  return [...u32(data.length), ...body, ...u32(crc32(body))];
}

/** PNG bytes of a width × height greyscale image; `ink[i]` in 0–255 (255 darkest). */
export function greyPng(ink: readonly number[], width: number, height: number): Uint8Array {
  if (!(Number.isInteger(width) && Number.isInteger(height) && width >= 1 && height >= 1 && width * height <= 4096)) throw new RangeError(`image must be 1 to 4096 pixels, got ${width}×${height}`);
  if (ink.length !== width * height) throw new RangeError(`expected ${width * height} pixels, got ${ink.length}`);
  const raw: number[] = [];
  for (let r = 0; r < height; r += 1) {
    raw.push(0); // filter: none
    for (let c = 0; c < width; c += 1) {
      const v = ink[r * width + c] as number;
      if (!(Number.isFinite(v) && v >= 0 && v <= 255)) throw new RangeError(`pixel ${r * width + c} must be in [0, 255], got ${v}`);
      raw.push(255 - Math.round(v));
    }
  }
  const data = new Uint8Array(raw);
  // zlib header (deflate, no dictionary), one final stored block, Adler-32.
  const zlib = [0x78, 0x01, 0x01, data.length & 0xff, data.length >>> 8, ~data.length & 0xff, (~data.length >>> 8) & 0xff, ...data, ...u32(adler32(data))];
  const header = [...u32(width), ...u32(height), 8, 0, 0, 0, 0];
  return new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...chunk("IHDR", header), ...chunk("IDAT", zlib), ...chunk("IEND", [])]);
}

export function greyPngDataUrl(ink: readonly number[], width: number, height: number): string {
  let binary = "";
  for (const b of greyPng(ink, width, height)) binary += String.fromCharCode(b);
  return `data:image/png;base64,${btoa(binary)}`;
}
