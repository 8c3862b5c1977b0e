/**
 * Real handwritten digits: the UCI test set as scikit-learn ships it (1,797
 * images of 8×8 pixels, 0–16, classes 0–9; Alpaydin & Kaynak 1998, CC BY 4.0;
 * provenance in src/data/digits/README.md). The bytes sit in a generated
 * module that is imported dynamically, so they load only when a digits race
 * runs. The split is fixed: 40 images of each class for validation, drawn by a
 * seeded shuffle within each class, the rest (1,397) for training.
 */
import { mulberry32, permutation } from "./prng.ts";
import type { Split } from "./datasets.ts";

export const DIGITS = {
  count: 1797,
  side: 8,
  /** Pixel values run 0 … maxLevel; inputs are value / maxLevel. */
  maxLevel: 16,
  classes: 10,
  valPerClass: 40,
  /** Seed of the train/validation split (fixed: every run is scored on the same images). */
  splitSeed: 1998,
} as const;

export interface DigitsData {
  /** count × 64 pixels, row by row, each 0 … 16. */
  pixels: Uint8Array;
  /** count labels, 0 … 9. */
  labels: Uint8Array;
}

export interface DigitsSplit {
  train: Split;
  val: Split;
  /** Row of the source file behind each validation example (for citing an image). */
  valSource: Int32Array;
  trainSource: Int32Array;
}

function base64Bytes(text: string): Uint8Array {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) out[i] = binary.charCodeAt(i);
  return out;
}

/** zlib-inflate with the platform's DecompressionStream (Node ≥ 18, every current browser and worker). */
async function inflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream("deflate"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Split the raw bytes (pixels, then labels) and check their shape and ranges. */
export function unpackDigits(raw: Uint8Array): DigitsData {
  const { count, side, maxLevel, classes } = DIGITS;
  const pixelCount = count * side * side;
  if (raw.length !== pixelCount + count) throw new RangeError(`digits data must be ${pixelCount + count} bytes, got ${raw.length}`);
  const pixels = raw.subarray(0, pixelCount);
  const labels = raw.subarray(pixelCount);
  const badPixel = pixels.findIndex((v) => v > maxLevel);
  if (badPixel >= 0) throw new RangeError(`digits pixel ${badPixel} is ${pixels[badPixel]}, above ${maxLevel}`);
  const badLabel = labels.findIndex((v) => v >= classes);
  if (badLabel >= 0) throw new RangeError(`digits label ${badLabel} is ${labels[badLabel]}, not a digit`);
  return { pixels, labels };
}

/** Decode the committed copy (the raw bytes, before unpacking, for hashing). */
export async function digitsBytes(): Promise<Uint8Array> {
  const { ZLIB_BASE64, RAW_BYTES } = await import("./digits/data.ts");
  const raw = await inflate(base64Bytes(ZLIB_BASE64));
  if (raw.length !== RAW_BYTES) throw new RangeError(`digits data inflated to ${raw.length} bytes, expected ${RAW_BYTES}`);
  return raw;
}

// The data never changes once decoded, so one copy serves every race on the page.
let loading: Promise<DigitsData> | null = null;
let loaded: DigitsData | null = null;

/** Load (once) and decode the digits; later calls share the result. */
export function loadDigits(): Promise<DigitsData> {
  loading ??= digitsBytes().then((raw) => {
    loaded = unpackDigits(raw);
    return loaded;
  });
  return loading;
}

/** The decoded digits, after `loadDigits()` has resolved. */
export function loadedDigits(): DigitsData {
  if (!loaded) throw new Error("the digits data is not loaded yet: await loadTaskData(\"digits\") before making the dataset");
  return loaded;
}

/** The fixed stratified split: valPerClass of each class for validation, in a seeded order. */
export function splitDigits(data: DigitsData, seed: number = DIGITS.splitSeed): DigitsSplit {
  const { classes, valPerClass, maxLevel } = DIGITS;
  const inputSize = DIGITS.side * DIGITS.side;
  const count = data.labels.length;
  const rng = mulberry32(seed);
  const byClass: number[][] = Array.from({ length: classes }, () => []);
  data.labels.forEach((label, i) => byClass[label]?.push(i));
  const val: number[] = [];
  const train: number[] = [];
  for (const members of byClass) {
    if (members.length <= valPerClass) throw new RangeError(`a digit class has ${members.length} images, need more than ${valPerClass}`);
    const order = permutation(members.length, rng);
    order.forEach((j, rank) => (rank < valPerClass ? val : train).push(members[j] as number));
  }
  // Interleave the classes: shuffle each side once more, so no consumer sees class-sorted data.
  const shuffled = (rows: number[]): Int32Array => Int32Array.from(permutation(rows.length, rng), (j) => rows[j] as number);
  const take = (rows: Int32Array): Split => {
    const x = new Float32Array(rows.length * inputSize);
    const y = new Float32Array(rows.length);
    rows.forEach((src, k) => {
      for (let p = 0; p < inputSize; p += 1) x[k * inputSize + p] = (data.pixels[src * inputSize + p] as number) / maxLevel;
      y[k] = data.labels[src] as number;
    });
    return { x, y, count: rows.length };
  };
  const valSource = shuffled(val);
  const trainSource = shuffled(train);
  if (valSource.length + trainSource.length !== count) throw new Error("digits split lost images");
  return { train: take(trainSource), val: take(valSource), valSource, trainSource };
}
