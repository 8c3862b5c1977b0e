/**
 * The seeded streams a race draws from, and its batch order: epochs of a
 * seeded permutation of the training set. Pure (no tfjs), so tests and an
 * unbatched reference trainer can reproduce exactly what a race sees.
 */
import type { Split } from "../data/datasets.ts";
import { mulberry32, permutation, type Rng } from "../data/prng.ts";

/** The generator for the initial weights and the one for the batch order, derived from the seed in a fixed order. */
export function raceStreams(seed: number): { weights: Rng; batches: Rng } {
  const root = mulberry32(seed);
  const weights = root.fork();
  const batches = root.fork();
  return { weights, batches };
}

export class BatchStream {
  readonly #split: Split;
  readonly #inputSize: number;
  readonly #rng: Rng;
  #order: Int32Array;
  #cursor = 0;

  constructor(split: Split, inputSize: number, rng: Rng) {
    this.#split = split;
    this.#inputSize = inputSize;
    this.#rng = rng;
    this.#order = permutation(split.count, rng);
  }

  /** The next `size` examples (capped at the split's size), reshuffling at each epoch's end. */
  next(size: number): { x: Float32Array; y: Float32Array; count: number } {
    const count = Math.min(size, this.#split.count);
    const d = this.#inputSize;
    const x = new Float32Array(count * d);
    const y = new Float32Array(count);
    for (let i = 0; i < count; i += 1) {
      if (this.#cursor >= this.#split.count) {
        this.#order = permutation(this.#split.count, this.#rng);
        this.#cursor = 0;
      }
      const src = this.#order[this.#cursor] as number;
      this.#cursor += 1;
      x.set(this.#split.x.subarray(src * d, (src + 1) * d), i * d);
      y[i] = this.#split.y[src] as number;
    }
    return { x, y, count };
  }
}
