/**
 * A race of schedules on character-level language modelling: K copies of the
 * transformer (transformer.ts) trained in one batched graph on the same random
 * windows of the Shakespeare excerpt, from the same initial weights, each copy
 * with its own learning-rate schedule, through the same per-copy optimizers as
 * every race. Losses are in bits per character. A copy whose loss turns NaN or
 * infinite stops ("diverged at step N"); the others go on. At the end,
 * `generate` draws a seeded sample from every copy.
 */
import type * as tfNamespace from "@tensorflow/tfjs";
import { mulberry32, type Rng } from "../data/prng.ts";
import { TextWindowStream, validationWindows, type TextCorpus, type Windows } from "../data/shakespeare/corpus.ts";
import { makeScheduler, type Scheduler } from "../schedules/index.ts";
import type { ScheduleSpec } from "../schedules/types.ts";
import { raceStreams } from "./batches.ts";
import type { Tf } from "./model.ts";
import { createOptimizer, type BatchedOptimizer, type OptimizerOptions } from "./optimizers.ts";
import type { Divergence, RaceRecord } from "./race.ts";
import { createTransformer, type NormPlacement, type TransformerModel } from "./transformer.ts";

export interface TextRaceOptions {
  schedules: ScheduleSpec[];
  norm: NormPlacement;
  layers: number;
  width: number;
  heads: number;
  /** Characters of context T (and training window length). */
  context: number;
  batchSize: number;
  seed: number;
  /** Steps between validation evaluations; 0 for none. */
  evalEvery: number;
  /** Validation windows of `context` characters (fixed for a context). */
  valWindows: number;
  /** Adam's β₂ and the like; the optimizer is always Adam here, as in the papers this race reproduces. */
  optimizerOptions?: Omit<OptimizerOptions, "name">;
}

const LN2 = Math.log(2);

export class TextRace {
  readonly options: TextRaceOptions;
  readonly corpus: TextCorpus;
  readonly copies: number;
  readonly model: TransformerModel;
  readonly #tf: Tf;
  readonly #optimizer: BatchedOptimizer;
  readonly #schedulers: Scheduler[];
  readonly #batches: TextWindowStream;
  readonly #val: Windows;
  readonly #diverged: (Divergence | null)[];
  #step = 0;

  constructor(tf: Tf, corpus: TextCorpus, options: TextRaceOptions) {
    if (options.schedules.length === 0) throw new RangeError("a race needs at least one schedule");
    if (!(Number.isInteger(options.batchSize) && options.batchSize >= 1 && options.batchSize <= 512)) throw new RangeError(`batchSize must be an integer in [1, 512], got ${options.batchSize}`);
    if (!(Number.isInteger(options.evalEvery) && options.evalEvery >= 0)) throw new RangeError(`evalEvery must be a whole number, got ${options.evalEvery}`);
    this.#tf = tf;
    this.options = options;
    this.corpus = corpus;
    this.copies = options.schedules.length;
    const streams = raceStreams(options.seed);
    this.model = createTransformer(tf, { vocab: corpus.vocab.length, context: options.context, width: options.width, heads: options.heads, layers: options.layers, norm: options.norm }, this.copies, streams.weights);
    this.#optimizer = createOptimizer(tf, { name: "adam", ...options.optimizerOptions });
    this.#schedulers = options.schedules.map((s) => makeScheduler(s));
    this.#batches = new TextWindowStream(corpus, options.context, streams.batches);
    this.#val = validationWindows(corpus, options.context, options.valWindows);
    this.#diverged = options.schedules.map(() => null);
  }

  get stepCount(): number {
    return this.#step;
  }

  get divergences(): readonly (Divergence | null)[] {
    return this.#diverged;
  }

  /** Mean cross-entropy per copy [K], in nats, of logits [K, N, V] against target ids [N]. */
  #loss(logits: tfNamespace.Tensor3D, targets: tfNamespace.Tensor): tfNamespace.Tensor1D {
    const tf = this.#tf;
    const oneHot = tf.oneHot(targets, this.corpus.vocab.length);
    return tf.neg(tf.mean(tf.sum(tf.mul(tf.logSoftmax(logits), oneHot), 2), 1)) as tfNamespace.Tensor1D;
  }

  #tensors(w: Windows): { x: tfNamespace.Tensor; y: tfNamespace.Tensor } {
    const tf = this.#tf;
    return { x: tf.tensor2d(w.x, [w.count, w.context], "int32"), y: tf.tensor1d(w.y, "int32") };
  }

  /**
   * n batched Adam updates; validation every evalEvery steps. Losses in bits per character.
   * The n steps are queued on the backend without waiting, and every loss of the chunk
   * (training and validation, K per step) is read back at the end in one transfer, so a
   * GPU backend is never stalled by a read per step. A copy whose loss turns non-finite
   * is stopped on the backend (its rate and its share of the loss are multiplied by 0 from
   * the next step on, as a read per step would have done), so the numbers do not depend
   * on how the steps are cut into chunks.
   */
  async runSteps(n: number): Promise<{ records: RaceRecord[]; divergences: Divergence[] }> {
    if (!(Number.isInteger(n) && n >= 0)) throw new RangeError(`steps must be a whole number, got ${n}`);
    const tf = this.#tf;
    const K = this.copies;
    const momentum = new Float32Array(K).fill(this.#optimizer.baseMomentum);
    // 1 while a copy trains, 0 once it diverged: known here from earlier chunks, then updated on the backend.
    let alive: tfNamespace.Tensor = tf.tensor1d(this.#diverged.map((d) => (d ? 0 : 1)));
    const queued: { step: number; lr: number[]; train: tfNamespace.Tensor; val: tfNamespace.Tensor | null }[] = [];
    try {
      for (let i = 0; i < n; i += 1) {
        const step = this.#step;
        const lr = this.#schedulers.map((s) => s.rateAt(step));
        const { x, y } = this.#tensors(this.#batches.next(this.options.batchSize));
        const active = alive;
        const train = tf.tidy(() => {
          let kept: tfNamespace.Tensor | null = null;
          const { grads } = tf.variableGrads(() => {
            const loss = this.#loss(this.model.forward(x), y);
            kept = tf.keep(loss);
            // No weights are shared between copies: each copy's gradient comes from its own loss alone.
            return tf.sum(tf.mul(loss, active)) as tfNamespace.Scalar;
          }, this.model.variables);
          this.#optimizer.apply(this.model.variables, this.model.variables.map((v) => grads[v.name] as tfNamespace.Tensor), { lr: Float32Array.from(lr), momentum, scale: active });
          return kept as unknown as tfNamespace.Tensor;
        });
        alive = tf.tidy(() => tf.mul(active, tf.cast(tf.isFinite(train), "float32")));
        tf.dispose([x, y, active]);
        this.#step += 1;
        const val = this.options.evalEvery > 0 && this.#step % this.options.evalEvery === 0 ? this.#valLoss() : null;
        queued.push({ step, lr, train, val });
      }
      const values = queued.length === 0 ? new Float32Array(0) : await this.#readAll(queued.flatMap((q) => (q.val ? [q.train, q.val] : [q.train])));
      const fresh: Divergence[] = [];
      let at = 0;
      const next = (): number[] => Array.from(values.subarray(at, (at += K)));
      const records = queued.map(({ step, lr, val }): RaceRecord => {
        // The rate applied: the schedule's, or 0 for a copy stopped before this step.
        const applied = lr.map((rate, k) => (this.#diverged[k] ? 0 : rate));
        const trainLoss = next().map((v, k): number | null => {
          if (this.#diverged[k]) return null;
          if (Number.isFinite(v)) return v / LN2;
          const d = { run: k, step, message: `diverged at step ${step}` };
          this.#diverged[k] = d;
          fresh.push(d);
          return null;
        });
        const record: RaceRecord = { step, lr: applied, momentum: lr.map(() => this.#optimizer.baseMomentum), trainLoss };
        if (val) record.valLoss = next().map((v, k) => (this.#diverged[k] || !Number.isFinite(v) ? null : v / LN2));
        return record;
      });
      return { records, divergences: fresh };
    } finally {
      tf.dispose([alive, ...queued.flatMap((q) => (q.val ? [q.train, q.val] : [q.train]))]);
    }
  }

  /** The values of many 1-D tensors, concatenated, in one read. */
  async #readAll(tensors: tfNamespace.Tensor[]): Promise<Float32Array> {
    const all = this.#tf.concat(tensors);
    try {
      return (await all.data()) as Float32Array;
    } finally {
      all.dispose();
    }
  }

  /** Validation loss per copy [K], in nats, not yet read. */
  #valLoss(): tfNamespace.Tensor {
    const { x, y } = this.#tensors(this.#val);
    const loss = this.#tf.tidy(() => this.#loss(this.model.forward(x), y));
    this.#tf.dispose([x, y]);
    return loss;
  }

  /** Validation loss per copy, in bits per character (null once diverged). */
  async evaluate(): Promise<(number | null)[]> {
    const loss = this.#valLoss();
    const values = await loss.data();
    loss.dispose();
    return Array.from(values, (v, k) => (this.#diverged[k] || !Number.isFinite(v) ? null : v / LN2));
  }

  /**
   * `length` characters from each copy, after `prompt`, sampling softmax(logits / temperature)
   * with a generator seeded by `seed` (one draw per copy per character, copies in order).
   * A diverged copy gets null.
   */
  async generate(prompt: string, length: number, temperature: number, seed: number): Promise<(string | null)[]> {
    if (!(temperature > 0 && temperature <= 10)) throw new RangeError(`temperature must be in (0, 10], got ${temperature}`);
    if (!(Number.isInteger(length) && length >= 1 && length <= 10_000)) throw new RangeError(`length must be an integer in [1, 10000], got ${length}`);
    const tf = this.#tf;
    const { vocab } = this.corpus;
    const index = new Map(vocab.map((c, i) => [c, i]));
    const start = [...prompt].map((c) => {
      const id = index.get(c);
      if (id === undefined) throw new RangeError(`prompt character ${JSON.stringify(c)} is not in the vocabulary`);
      return id;
    });
    if (start.length === 0) throw new RangeError("the prompt needs at least one character");
    const rng: Rng = mulberry32(seed);
    const K = this.copies;
    const V = vocab.length;
    const sequences = Array.from({ length: K }, () => [...start]);
    for (let n = 0; n < length; n += 1) {
      const t = Math.min(this.options.context, (sequences[0] as number[]).length);
      const ids = Int32Array.from(sequences.flatMap((s) => s.slice(-t)));
      // Every copy reads all K sequences (they share inputs); copy k's row for sequence k is kept.
      const last = tf.tidy(() => {
        const logits = tf.reshape(this.model.forward(tf.tensor2d(ids, [K, t], "int32")), [K, K, t, V]);
        const rows = tf.stack(Array.from({ length: K }, (_, k) => tf.slice(logits, [k, k, t - 1, 0], [1, 1, 1, V]).reshape([V])));
        return tf.softmax(tf.div(rows, temperature));
      });
      const probs = (await last.data()) as Float32Array;
      last.dispose();
      for (let k = 0; k < K; k += 1) {
        const u = rng.next();
        let acc = 0;
        let pick = V - 1;
        for (let v = 0; v < V; v += 1) {
          acc += probs[k * V + v] as number;
          if (u < acc) {
            pick = v;
            break;
          }
        }
        (sequences[k] as number[]).push(pick);
      }
    }
    return sequences.map((s, k) => (this.#diverged[k] ? null : s.slice(start.length).map((id) => vocab[id]).join("")));
  }

  dispose(): void {
    this.model.dispose();
    this.#optimizer.dispose();
  }
}
