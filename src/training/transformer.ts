/**
 * A decoder-only character transformer in K copies, as one batched graph (the
 * same idea as model.ts: every weight has a leading axis of K; the copies start
 * from identical weights drawn once from the seeded generator and see the same
 * batches). Token + learned position embedding, `layers` blocks of causal
 * multi-head self-attention and a ReLU MLP (4× wide), layer normalization, and
 * an untied output head.
 *
 * `norm` chooses where the layer norms sit:
 * - "post" (Vaswani et al. 2017): h ← LN(h + Attn(h)); h ← LN(h + MLP(h)).
 * - "pre" (Xiong et al. 2020): h ← h + Attn(LN(h)); h ← h + MLP(LN(h)); a final LN before the head.
 *
 * Inputs are token ids [B, T] (int32, shared by every copy); outputs are
 * logits [K, B·T, V], so the race's cross-entropy over [K, N, classes] applies
 * with the targets flattened to [B·T].
 */
import type * as tfNamespace from "@tensorflow/tfjs";
import type { Rng } from "../data/prng.ts";
import type { Tf } from "./model.ts";

type Tensor = tfNamespace.Tensor;
type Tensor3D = tfNamespace.Tensor3D;

export const NORMS = ["post", "pre"] as const;
export type NormPlacement = (typeof NORMS)[number];

export interface TransformerOptions {
  /** Vocabulary size V. */
  vocab: number;
  /** Longest input T (the position table's length). */
  context: number;
  /** Model width D; a multiple of `heads`. */
  width: number;
  heads: number;
  /** Blocks, 1–8. */
  layers: number;
  norm: NormPlacement;
}

export interface TransformerModel {
  readonly variables: tfNamespace.Variable[];
  readonly copies: number;
  readonly options: TransformerOptions;
  /** Weights in one copy. */
  readonly size: number;
  /** Token ids [B, T'] with T' ≤ context → logits [K, B·T', V]. Call inside tf.tidy. */
  forward(ids: Tensor): Tensor3D;
  /** The attention weights [K, B, H, T', T'] of block `layer` (for tests and figures). Call inside tf.tidy. */
  attention(ids: Tensor, layer: number): Tensor;
  dispose(): void;
}

export function validateTransformerOptions(o: TransformerOptions): void {
  const whole = (name: string, v: number, min: number, max: number) => {
    if (!(Number.isInteger(v) && v >= min && v <= max)) throw new RangeError(`${name} must be an integer in [${min}, ${max}], got ${v}`);
  };
  whole("vocab", o.vocab, 2, 255);
  whole("context", o.context, 1, 256);
  whole("width", o.width, 4, 256);
  whole("heads", o.heads, 1, 16);
  whole("layers", o.layers, 1, 8);
  if (o.width % o.heads !== 0) throw new RangeError(`width (${o.width}) must be a multiple of heads (${o.heads})`);
  if (!(NORMS as readonly string[]).includes(o.norm)) throw new RangeError(`norm must be one of ${NORMS.join(", ")}, got "${String(o.norm)}"`);
}

/** Glorot-uniform values for a [fanIn, fanOut] matrix. */
function glorot(rng: Rng, fanIn: number, fanOut: number): Float32Array {
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  return Float32Array.from({ length: fanIn * fanOut }, () => (rng.next() * 2 - 1) * limit);
}

function gaussian(rng: Rng, count: number, std: number): Float32Array {
  return Float32Array.from({ length: count }, () => rng.normal() * std);
}

interface Block {
  ln1g: Tensor; ln1b: Tensor; wq: Tensor; wk: Tensor; wv: Tensor; wo: Tensor; bq: Tensor; bk: Tensor; bv: Tensor; bo: Tensor;
  ln2g: Tensor; ln2b: Tensor; w1: Tensor; b1: Tensor; w2: Tensor; b2: Tensor;
}

export function createTransformer(tf: Tf, options: TransformerOptions, copies: number, rng: Rng): TransformerModel {
  validateTransformerOptions(options);
  if (!(Number.isInteger(copies) && copies >= 1 && copies <= 64)) throw new RangeError(`copies must be an integer in [1, 64], got ${copies}`);
  const { vocab: V, context: T, width: D, heads: H, layers, norm } = options;
  const dh = D / H;
  const variables: tfNamespace.Variable[] = [];
  let size = 0;
  const add = (values: Float32Array, shape: number[]): tfNamespace.Variable => {
    const all = new Float32Array(values.length * copies);
    for (let k = 0; k < copies; k += 1) all.set(values, k * values.length);
    const v = tf.tidy(() => tf.variable(tf.tensor(all, [copies, ...shape]), true));
    variables.push(v);
    size += values.length;
    return v;
  };
  const ones = (n: number) => new Float32Array(n).fill(1);
  const zeros = (n: number) => new Float32Array(n);

  // Draw order is part of the seed's meaning: embeddings, then each block in order, then the head.
  const tokens = add(gaussian(rng, V * D, 1), [V, D]);
  const positions = add(gaussian(rng, T * D, 0.1), [T, D]);
  const blocks: Block[] = [];
  for (let l = 0; l < layers; l += 1) {
    blocks.push({
      ln1g: add(ones(D), [1, D]), ln1b: add(zeros(D), [1, D]),
      wq: add(glorot(rng, D, D), [D, D]), wk: add(glorot(rng, D, D), [D, D]), wv: add(glorot(rng, D, D), [D, D]), wo: add(glorot(rng, D, D), [D, D]),
      bq: add(zeros(D), [1, D]), bk: add(zeros(D), [1, D]), bv: add(zeros(D), [1, D]), bo: add(zeros(D), [1, D]),
      ln2g: add(ones(D), [1, D]), ln2b: add(zeros(D), [1, D]),
      w1: add(glorot(rng, D, 4 * D), [D, 4 * D]), b1: add(zeros(4 * D), [1, 4 * D]),
      w2: add(glorot(rng, 4 * D, D), [4 * D, D]), b2: add(zeros(D), [1, D]),
    });
  }
  const finalG = norm === "pre" ? add(ones(D), [1, D]) : null;
  const finalB = norm === "pre" ? add(zeros(D), [1, D]) : null;
  const head = add(glorot(rng, D, V), [D, V]);
  const headBias = add(zeros(V), [1, V]);

  // Causal mask: 0 where a position may look (itself and earlier), −1e9 where it may not.
  const maskValues = new Float32Array(T * T);
  for (let i = 0; i < T; i += 1) for (let j = i + 1; j < T; j += 1) maskValues[i * T + j] = -1e9;
  const mask = tf.tensor2d(maskValues, [T, T]);

  const layerNorm = (h: Tensor, g: Tensor, b: Tensor): Tensor => {
    const { mean, variance } = tf.moments(h, -1, true);
    return tf.add(tf.mul(tf.div(tf.sub(h, mean), tf.sqrt(tf.add(variance, 1e-5))), g), b);
  };
  const linear = (h: Tensor, w: Tensor, b: Tensor): Tensor => tf.add(tf.matMul(h as Tensor3D, w as Tensor3D), b);

  /** Attention weights [K·B·H, t, t] and values [K·B·H, t, dh] for normalized input x [K, B·t, D]. */
  const heads = (x: Tensor, block: Block, batch: number, t: number): { weights: Tensor; values: Tensor } => {
    const split = (y: Tensor) => tf.reshape(tf.transpose(tf.reshape(y, [copies, batch, t, H, dh]), [0, 1, 3, 2, 4]), [copies * batch * H, t, dh]) as Tensor3D;
    const q = split(linear(x, block.wq, block.bq));
    const k = split(linear(x, block.wk, block.bk));
    const v = split(linear(x, block.wv, block.bv));
    const scores = tf.add(tf.mul(tf.matMul(q, k, false, true), 1 / Math.sqrt(dh)), tf.slice(mask, [0, 0], [t, t]));
    return { weights: tf.softmax(scores), values: v };
  };
  const attend = (x: Tensor, block: Block, batch: number, t: number): Tensor => {
    const { weights, values } = heads(x, block, batch, t);
    const mixed = tf.matMul(weights as Tensor3D, values as Tensor3D);
    const merged = tf.reshape(tf.transpose(tf.reshape(mixed, [copies, batch, H, t, dh]), [0, 1, 3, 2, 4]), [copies, batch * t, D]);
    return linear(merged, block.wo, block.bo);
  };
  const mlp = (x: Tensor, block: Block): Tensor => linear(tf.relu(linear(x, block.w1, block.b1)), block.w2, block.b2);

  const embed = (ids: Tensor): { h: Tensor; batch: number; t: number } => {
    if (ids.rank !== 2) throw new RangeError(`token ids must be [batch, time], got shape [${ids.shape.join(", ")}]`);
    const [batch, t] = ids.shape as [number, number];
    if (t > T) throw new RangeError(`at most ${T} tokens of context, got ${t}`);
    // A one-hot product rather than tf.gather: gather's gradient (UnsortedSegmentSum) is missing on the wasm backend.
    const oneHot = tf.oneHot(tf.reshape(tf.cast(ids, "int32"), [batch * t]), V);
    const tok = tf.matMul(tf.broadcastTo(tf.reshape(oneHot, [1, batch * t, V]), [copies, batch * t, V]) as Tensor3D, tokens as Tensor3D); // [K, B·t, D]
    const pos = tf.tile(tf.slice(positions, [0, 0, 0], [copies, t, D]), [1, batch, 1]);
    return { h: tf.add(tok, pos), batch, t };
  };

  const run = (ids: Tensor, stopAt: number | null): { h: Tensor; weights: Tensor | null } => {
    const e = embed(ids);
    let h = e.h;
    for (let l = 0; l < blocks.length; l += 1) {
      const block = blocks[l] as Block;
      if (l === stopAt) {
        const x = norm === "pre" ? layerNorm(h, block.ln1g, block.ln1b) : h;
        return { h, weights: tf.reshape(heads(x, block, e.batch, e.t).weights, [copies, e.batch, H, e.t, e.t]) };
      }
      if (norm === "post") {
        h = layerNorm(tf.add(h, attend(h, block, e.batch, e.t)), block.ln1g, block.ln1b);
        h = layerNorm(tf.add(h, mlp(h, block)), block.ln2g, block.ln2b);
      } else {
        h = tf.add(h, attend(layerNorm(h, block.ln1g, block.ln1b), block, e.batch, e.t));
        h = tf.add(h, mlp(layerNorm(h, block.ln2g, block.ln2b), block));
      }
    }
    return { h, weights: null };
  };

  return {
    variables, copies, options, size,
    forward(ids) {
      let { h } = run(ids, null);
      if (finalG && finalB) h = layerNorm(h, finalG, finalB);
      return linear(h, head, headBias) as Tensor3D;
    },
    attention(ids, layer) {
      if (!(Number.isInteger(layer) && layer >= 0 && layer < layers)) throw new RangeError(`layer must be an integer in [0, ${layers - 1}], got ${layer}`);
      return run(ids, layer).weights as Tensor;
    },
    dispose() {
      for (const v of variables) v.dispose();
      mask.dispose();
    },
  };
}
