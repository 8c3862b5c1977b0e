import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { DIGITS, digitsBytes, loadDigits, splitDigits, unpackDigits } from "../../src/data/digits.ts";
import { loadTaskData, makeDataset } from "../../src/data/datasets.ts";
import { RAW_SHA256, SOURCE_SHA256 } from "../../src/data/digits/data.ts";

// Written down here from the source file (python3 scripts/data/digits.py prints it), so a
// regenerated or edited data.ts cannot pass by updating its own recorded hash.
const EXPECTED_RAW_SHA256 = "87ff0c9e40dc7e2c0e34e7257799c2e3f3aec1a016363bb11cad869ec428a826";
const EXPECTED_SOURCE_SHA256 = "46abec6b12486ad9e51943373abcf22bbea1b5a51a1619b361570d8893f1464a";
const CLASS_COUNTS = [178, 182, 177, 183, 181, 182, 181, 179, 174, 180];

const counts = (labels: ArrayLike<number>) => {
  const out = new Array<number>(10).fill(0);
  for (let i = 0; i < labels.length; i += 1) out[labels[i] as number] = (out[labels[i] as number] as number) + 1;
  return out;
};

describe("handwritten digits (UCI, via scikit-learn)", () => {
  it("the committed copy decodes to the bytes the script recorded, from the recorded source", async () => {
    const raw = await digitsBytes();
    expect(raw.length).toBe(1797 * 65);
    expect(createHash("sha256").update(raw).digest("hex")).toBe(EXPECTED_RAW_SHA256);
    expect(RAW_SHA256).toBe(EXPECTED_RAW_SHA256);
    expect(SOURCE_SHA256).toBe(EXPECTED_SOURCE_SHA256);
  });

  it("holds 1,797 images of 8×8 pixels in 0..16, with scikit-learn's class counts", async () => {
    const data = await loadDigits();
    expect(data.labels.length).toBe(DIGITS.count);
    expect(data.pixels.length).toBe(DIGITS.count * 64);
    expect(counts(data.labels)).toEqual(CLASS_COUNTS);
    expect(Math.max(...data.pixels)).toBe(16);
    expect(Math.min(...data.pixels)).toBe(0);
    // The first image of scikit-learn's load_digits() is a 0; its first row is 0,0,5,13,9,1,0,0.
    expect(data.labels[0]).toBe(0);
    expect(Array.from(data.pixels.subarray(0, 8))).toEqual([0, 0, 5, 13, 9, 1, 0, 0]);
  });

  it("rejects bytes of the wrong length or out of range, naming the problem", () => {
    expect(() => unpackDigits(new Uint8Array(10))).toThrow(/must be 116805 bytes, got 10/);
    const bad = new Uint8Array(1797 * 65);
    bad[5] = 17;
    expect(() => unpackDigits(bad)).toThrow(/pixel 5 is 17, above 16/);
    const badLabel = new Uint8Array(1797 * 65);
    badLabel[1797 * 64 + 3] = 10;
    expect(() => unpackDigits(badLabel)).toThrow(/label 3 is 10/);
  });

  it("splits 1,397 / 400, stratified (40 of each digit), disjoint, covering every image", async () => {
    const data = await loadDigits();
    const split = splitDigits(data);
    expect(split.train.count).toBe(1397);
    expect(split.val.count).toBe(400);
    expect(counts(split.val.y)).toEqual(new Array(10).fill(40));
    expect(counts(split.train.y)).toEqual(CLASS_COUNTS.map((c) => c - 40));
    const all = new Set([...split.trainSource, ...split.valSource]);
    expect(all.size).toBe(1797);
    // Inputs are the pixels scaled to [0, 1], labels follow their source row.
    const k = 7;
    const src = split.valSource[k] as number;
    expect(split.val.y[k]).toBe(data.labels[src]);
    expect(Array.from(split.val.x.subarray(k * 64, k * 64 + 64))).toEqual(Array.from(data.pixels.subarray(src * 64, src * 64 + 64), (v) => v / 16));
    // The validation set is not sorted by class.
    expect(new Set(Array.from(split.val.y.subarray(0, 20))).size).toBeGreaterThan(5);
  });

  it("the split is deterministic, and fixed whatever the race's seed", async () => {
    const data = await loadDigits();
    const one = splitDigits(data);
    const two = splitDigits(data);
    expect(Array.from(two.valSource)).toEqual(Array.from(one.valSource));
    expect(Array.from(two.trainSource)).toEqual(Array.from(one.trainSource));
    // A different split seed gives a different split (so the seed is really used).
    expect(Array.from(splitDigits(data, 7).valSource)).not.toEqual(Array.from(one.valSource));
    // The first validation rows of the fixed split, pinned: changing the split must be deliberate.
    expect(Array.from(one.valSource.subarray(0, 5))).toMatchInlineSnapshot(`
      [
        1500,
        786,
        1615,
        1219,
        1194,
      ]
    `);
    await loadTaskData("digits");
    const a = makeDataset("digits", { seed: 1 });
    const b = makeDataset("digits", { seed: 99 });
    expect(Array.from(a.val.x)).toEqual(Array.from(b.val.x));
    expect(Array.from(a.train.y)).toEqual(Array.from(one.train.y));
    expect(a.inputShape).toEqual([8, 8, 1]);
  });

  it("a fixed data set refuses generator options", async () => {
    await loadTaskData("digits");
    expect(() => makeDataset("digits", { seed: 1, size: 500 })).toThrow(/digits is a fixed data set: it takes no size/);
    expect(() => makeDataset("digits", { seed: 1, noise: 0.1 })).toThrow(/no noise/);
  });
});
