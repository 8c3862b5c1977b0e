/**
 * The Shakespeare excerpt as a character-level language-modelling task: its
 * vocabulary (every character of the excerpt, in code-point order), a fixed
 * train/validation split by contiguous blocks, seeded random training windows
 * and a fixed set of validation windows. Pure (no tfjs, no DOM); the text itself
 * arrives by dynamic import, so it loads only when a race on it starts.
 */
import { mulberry32, permutation, type Rng } from "../prng.ts";

/** The excerpt is cut into this many contiguous blocks ... */
export const BLOCKS = 20;
/** ... of which this many, chosen by a permutation seeded with SPLIT_SEED, are held out. */
export const VAL_BLOCKS = 2;
/** Fixed, not the race's seed: every race is measured on the same held-out text. */
export const SPLIT_SEED = 2020;

export interface TextCorpus {
  text: string;
  /** One character per token id, in code-point order. */
  vocab: string[];
  /** The whole text as token ids. */
  ids: Uint8Array;
  /** Training and validation blocks, as [start, end) character offsets in the text, in text order. */
  trainBlocks: [number, number][];
  valBlocks: [number, number][];
  /** Entropy of the training text's character frequencies, in bits per character. */
  unigramBits: number;
  /** Cross-entropy of the validation text under the training frequencies, in bits per character. */
  unigramValBits: number;
}

export async function loadShakespeare(): Promise<TextCorpus> {
  const { TEXT } = await import("./text.ts");
  return makeCorpus(TEXT);
}

/** A corpus from any text of at least BLOCKS × 64 characters (tests use small ones). */
export function makeCorpus(text: string): TextCorpus {
  if (text.length < BLOCKS * 64) throw new RangeError(`the text must have at least ${BLOCKS * 64} characters, got ${text.length}`);
  const vocab = [...new Set(text)].sort((a, b) => (a.codePointAt(0) as number) - (b.codePointAt(0) as number));
  if (vocab.length > 255) throw new RangeError(`at most 255 distinct characters, got ${vocab.length}`);
  const index = new Map(vocab.map((c, i) => [c, i]));
  const chars = [...text];
  const ids = Uint8Array.from(chars, (c) => index.get(c) as number);
  const size = Math.floor(ids.length / BLOCKS);
  const bounds = Array.from({ length: BLOCKS }, (_, b): [number, number] => [b * size, b === BLOCKS - 1 ? ids.length : (b + 1) * size]);
  const held = new Set(Array.from(permutation(BLOCKS, mulberry32(SPLIT_SEED)).subarray(0, VAL_BLOCKS)));
  const trainBlocks = bounds.filter((_, b) => !held.has(b));
  const valBlocks = bounds.filter((_, b) => held.has(b));
  const counts = new Float64Array(vocab.length);
  let total = 0;
  for (const [s, e] of trainBlocks) for (let i = s; i < e; i += 1) {
    const id = ids[i] as number;
    counts[id] = (counts[id] as number) + 1;
    total += 1;
  }
  let unigramBits = 0;
  for (const c of counts) if (c > 0) unigramBits -= (c / total) * Math.log2(c / total);
  let valBits = 0;
  let valCount = 0;
  // A character never seen in training gets one pseudo-count, so the reference stays finite.
  for (const [s, e] of valBlocks) for (let i = s; i < e; i += 1) {
    valBits -= Math.log2(Math.max(1, counts[ids[i] as number] as number) / total);
    valCount += 1;
  }
  return { text, vocab, ids, trainBlocks, valBlocks, unigramBits, unigramValBits: valBits / valCount };
}

export function encode(corpus: TextCorpus, text: string): Uint8Array {
  const index = new Map(corpus.vocab.map((c, i) => [c, i]));
  return Uint8Array.from([...text], (c) => {
    const id = index.get(c);
    if (id === undefined) throw new RangeError(`character ${JSON.stringify(c)} is not in the vocabulary`);
    return id;
  });
}

export function decode(corpus: TextCorpus, ids: ArrayLike<number>): string {
  return Array.from(ids, (id) => {
    const c = corpus.vocab[id];
    if (c === undefined) throw new RangeError(`token id ${id} is outside the vocabulary of ${corpus.vocab.length}`);
    return c;
  }).join("");
}

/** Windows of `context` inputs and their next-character targets, row-major: count × context each. */
export interface Windows {
  x: Int32Array;
  y: Int32Array;
  count: number;
  context: number;
}

function window(corpus: TextCorpus, start: number, context: number, x: Int32Array, y: Int32Array, row: number): void {
  for (let t = 0; t < context; t += 1) {
    x[row * context + t] = corpus.ids[start + t] as number;
    y[row * context + t] = corpus.ids[start + t + 1] as number;
  }
}

/**
 * Training batches: windows starting at uniformly random positions of the
 * training blocks (a window never crosses a block's end, so held-out text never
 * leaks in and no two distant passages are stitched together).
 */
export class TextWindowStream {
  readonly #corpus: TextCorpus;
  readonly #context: number;
  readonly #rng: Rng;
  /** Per block: its first valid start and how many starts it offers. */
  readonly #starts: { first: number; count: number }[];
  readonly #total: number;

  constructor(corpus: TextCorpus, context: number, rng: Rng) {
    const shortest = Math.min(...corpus.trainBlocks.map(([s, e]) => e - s));
    if (!(Number.isInteger(context) && context >= 1 && context < shortest)) throw new RangeError(`context must be an integer in [1, ${shortest - 1}], got ${context}`);
    this.#corpus = corpus;
    this.#context = context;
    this.#rng = rng;
    this.#starts = corpus.trainBlocks.map(([s, e]) => ({ first: s, count: e - s - context }));
    this.#total = this.#starts.reduce((n, b) => n + b.count, 0);
  }

  next(batchSize: number): Windows {
    const context = this.#context;
    const x = new Int32Array(batchSize * context);
    const y = new Int32Array(batchSize * context);
    for (let row = 0; row < batchSize; row += 1) {
      let r = this.#rng.int(this.#total);
      let block = 0;
      while (r >= (this.#starts[block] as { count: number }).count) {
        r -= (this.#starts[block] as { count: number }).count;
        block += 1;
      }
      window(this.#corpus, (this.#starts[block] as { first: number }).first + r, context, x, y, row);
    }
    return { x, y, count: batchSize, context };
  }
}

/**
 * The validation set: `count` non-overlapping windows spread evenly over the
 * held-out blocks (the same for every race with the same context).
 */
export function validationWindows(corpus: TextCorpus, context: number, count: number): Windows {
  const starts: number[] = [];
  for (const [s, e] of corpus.valBlocks) for (let p = s; p + context + 1 <= e; p += context) starts.push(p);
  if (!(Number.isInteger(count) && count >= 1 && count <= starts.length)) throw new RangeError(`validation windows must be an integer in [1, ${starts.length}] for context ${context}, got ${count}`);
  const x = new Int32Array(count * context);
  const y = new Int32Array(count * context);
  for (let row = 0; row < count; row += 1) window(corpus, starts[Math.floor((row * starts.length) / count)] as number, context, x, y, row);
  return { x, y, count, context };
}
