/**
 * The Shakespeare excerpt: its hash and bounds as recorded, the vocabulary,
 * the fixed block split (counts, disjoint, covering), windows that never cross
 * a block, and determinism by seed.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { mulberry32 } from "../../src/data/prng.ts";
import { BLOCKS, decode, encode, loadShakespeare, makeCorpus, TextWindowStream, VAL_BLOCKS, validationWindows } from "../../src/data/shakespeare/corpus.ts";
import { EXCERPT_SHA256, TEXT } from "../../src/data/shakespeare/text.ts";

describe("Shakespeare excerpt", () => {
  it("is the recorded 199,994 bytes with the recorded SHA-256 (README and script agree)", () => {
    const digest = createHash("sha256").update(Buffer.from(TEXT, "ascii")).digest("hex");
    expect(TEXT.length).toBe(199_994);
    expect(digest).toBe(EXCERPT_SHA256);
    const readme = readFileSync(new URL("../../src/data/shakespeare/README.md", import.meta.url), "utf8");
    expect(readme).toContain(digest);
    const script = readFileSync(new URL("../../scripts/shakespeare-excerpt.ts", import.meta.url), "utf8");
    expect(script).toContain("end: 199_994");
    expect(TEXT.startsWith("First Citizen:\nBefore we proceed any further")).toBe(true);
    expect(TEXT.endsWith("\n")).toBe(true);
  });

  it("has a 62-character vocabulary in code-point order, and encode/decode round-trip", async () => {
    const corpus = await loadShakespeare();
    expect(corpus.vocab).toHaveLength(62);
    expect(corpus.vocab[0]).toBe("\n");
    expect([...corpus.vocab].sort()).toEqual(corpus.vocab);
    expect(decode(corpus, corpus.ids.subarray(0, 200))).toBe(TEXT.slice(0, 200));
    expect(Array.from(encode(corpus, "ROMEO"))).toEqual([..."ROMEO"].map((c) => corpus.vocab.indexOf(c)));
    expect(() => encode(corpus, "é")).toThrow(/not in the vocabulary/);
  });

  it("splits into 18 training and 2 validation blocks that are disjoint and cover the text", async () => {
    const corpus = await loadShakespeare();
    expect(corpus.trainBlocks).toHaveLength(BLOCKS - VAL_BLOCKS);
    expect(corpus.valBlocks).toEqual([[19_998, 29_997], [49_995, 59_994]]);
    const all = [...corpus.trainBlocks, ...corpus.valBlocks].sort((a, b) => a[0] - b[0]);
    expect(all[0]?.[0]).toBe(0);
    all.forEach(([, end], i) => expect(all[i + 1]?.[0] ?? TEXT.length).toBe(end));
    // The unigram reference the notebook quotes.
    expect(corpus.unigramBits).toBeCloseTo(4.7638, 3);
    expect(corpus.unigramValBits).toBeCloseTo(4.7313, 3);
  });

  it("training windows repeat by seed, never cross a block's end, and never touch held-out text", async () => {
    const corpus = await loadShakespeare();
    const a = new TextWindowStream(corpus, 32, mulberry32(7)).next(64);
    const b = new TextWindowStream(corpus, 32, mulberry32(7)).next(64);
    const c = new TextWindowStream(corpus, 32, mulberry32(8)).next(64);
    expect(Array.from(b.x)).toEqual(Array.from(a.x));
    expect(Array.from(c.x)).not.toEqual(Array.from(a.x));
    // Targets are the inputs shifted by one character.
    for (let row = 0; row < 64; row += 1) for (let t = 0; t + 1 < 32; t += 1) expect(a.y[row * 32 + t]).toBe(a.x[row * 32 + t + 1]);
    // Every window (inputs and its last target) is a substring of one training block.
    const blocks = corpus.trainBlocks.map(([s, e]) => TEXT.slice(s, e));
    const stream = new TextWindowStream(corpus, 32, mulberry32(1));
    for (let n = 0; n < 20; n += 1) {
      const w = stream.next(50);
      for (let row = 0; row < 50; row += 1) {
        const text = decode(corpus, w.x.subarray(row * 32, row * 32 + 32)) + decode(corpus, [w.y[row * 32 + 31] as number]);
        expect(blocks.some((block) => block.includes(text))).toBe(true);
      }
    }
  });

  it("validation windows are fixed, inside the held-out blocks, and bounded", async () => {
    const corpus = await loadShakespeare();
    const v = validationWindows(corpus, 32, 64);
    expect(Array.from(validationWindows(corpus, 32, 64).x)).toEqual(Array.from(v.x));
    const held = corpus.valBlocks.map(([s, e]) => TEXT.slice(s, e));
    for (let row = 0; row < 64; row += 1) expect(held.some((block) => block.includes(decode(corpus, v.x.subarray(row * 32, row * 32 + 32))))).toBe(true);
    expect(() => validationWindows(corpus, 32, 10_000)).toThrow(/validation windows must be an integer in \[1, 624\]/);
    expect(() => new TextWindowStream(corpus, 0, mulberry32(1))).toThrow(/context must be an integer/);
    expect(() => makeCorpus("too short")).toThrow(/at least 1280 characters/);
  });
});
