/**
 * K copies of one small network in one graph: every weight has a leading
 * axis of length K, so a single batched forward and backward pass trains all
 * copies at once. The copies start from identical weights (drawn once from
 * the seeded generator) and see the same batches; only their learning rates
 * differ. The MLP is a chain of batched matrix products; the CNN computes its
 * 3×3 convolution as a batched product with image patches (the input is shared,
 * so the patches are built once per batch).
 */
import type * as tfNamespace from "@tensorflow/tfjs";
import type { Rng } from "../data/prng.ts";
import type { ModelName } from "../data/datasets.ts";

export type { ModelName };
export type Tf = typeof tfNamespace;
export type Activation = "relu" | "tanh";

export interface ModelOptions {
  model: ModelName;
  /** Input shape of one example: [d] for the MLP, [h, w, 1] for the CNN. */
  inputShape: number[];
  /** Output units: classes, or 1 for regression. */
  outputs: number;
  /** MLP hidden widths, e.g. [16, 16]. */
  hidden?: number[];
  activation?: Activation;
  /** CNN filters in its one convolution. */
  filters?: number;
}

export interface BatchedModel {
  /** Trainable weights, each [K, …]. */
  readonly variables: tfNamespace.Variable[];
  readonly copies: number;
  /** Inputs [B, …] shared by every copy → outputs [K, B, outputs]. Call inside tf.tidy. */
  forward(x: tfNamespace.Tensor): tfNamespace.Tensor3D;
  dispose(): void;
  /** Number of weights in one copy. */
  readonly size: number;
}

/** Glorot-uniform weights for one copy, from the seeded generator. */
function glorot(rng: Rng, fanIn: number, fanOut: number, count: number): Float32Array {
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  const out = new Float32Array(count);
  for (let i = 0; i < count; i += 1) out[i] = (rng.next() * 2 - 1) * limit;
  return out;
}

/** The same values repeated K times along a new leading axis, as a variable. */
function stacked(tf: Tf, values: Float32Array, shape: number[], copies: number): tfNamespace.Variable {
  const all = new Float32Array(values.length * copies);
  for (let k = 0; k < copies; k += 1) all.set(values, k * values.length);
  const initial = tf.tensor(all, [copies, ...shape]);
  const v = tf.variable(initial, true);
  initial.dispose();
  return v;
}

export interface LayerWeights {
  /** One copy's weights and biases, per layer, for comparing with an unbatched model. */
  kernels: { values: Float32Array; shape: number[] }[];
}

export function createModel(tf: Tf, options: ModelOptions, copies: number, rng: Rng): BatchedModel & { initial: LayerWeights } {
  if (!(Number.isInteger(copies) && copies >= 1 && copies <= 64)) throw new RangeError(`copies must be an integer in [1, 64], got ${copies}`);
  const act = options.activation ?? "relu";
  const activate = (t: tfNamespace.Tensor): tfNamespace.Tensor => (act === "relu" ? tf.relu(t) : tf.tanh(t));
  const variables: tfNamespace.Variable[] = [];
  const initial: LayerWeights = { kernels: [] };
  const add = (values: Float32Array, shape: number[]) => {
    initial.kernels.push({ values, shape });
    const v = stacked(tf, values, shape, copies);
    variables.push(v);
    return v;
  };

  if (options.model === "mlp") {
    const inputSize = options.inputShape.reduce((a, b) => a * b, 1);
    const widths = [inputSize, ...(options.hidden ?? [16, 16]), options.outputs];
    const layers: { w: tfNamespace.Variable; b: tfNamespace.Variable }[] = [];
    for (let l = 0; l + 1 < widths.length; l += 1) {
      const fanIn = widths[l] as number;
      const fanOut = widths[l + 1] as number;
      const w = add(glorot(rng, fanIn, fanOut, fanIn * fanOut), [fanIn, fanOut]);
      const b = add(new Float32Array(fanOut), [1, fanOut]);
      layers.push({ w, b });
    }
    return {
      variables, copies, initial,
      size: widths.slice(1).reduce((n, w, l) => n + (widths[l] as number) * w + w, 0),
      forward(x) {
        const batch = x.shape[0] as number;
        let h: tfNamespace.Tensor = tf.broadcastTo(tf.reshape(x, [1, batch, inputSize]), [copies, batch, inputSize]);
        layers.forEach(({ w, b }, l) => {
          h = tf.add(tf.matMul(h as tfNamespace.Tensor3D, w as tfNamespace.Tensor3D), b);
          if (l < layers.length - 1) h = activate(h);
        });
        return h as tfNamespace.Tensor3D;
      },
      dispose() {
        for (const v of variables) v.dispose();
      },
    };
  }

  if (options.model !== "cnn") {
    // A model named in MODELS (src/data/datasets.ts) but not built here is a type error, not a silent CNN.
    const unbuilt: never = options.model;
    throw new RangeError(`no builder for model ${String(unbuilt)}`);
  }
  // CNN: 3×3 'same' convolution with F filters → activation → 2×2 max pool → dense to the outputs.
  const [height, width, channels] = options.inputShape as [number, number, number];
  if (options.inputShape.length !== 3 || channels !== 1) throw new RangeError(`the CNN takes [height, width, 1] inputs, got [${options.inputShape.join(", ")}]`);
  const filters = options.filters ?? 8;
  const patch = 9 * channels;
  const wc = add(glorot(rng, patch, filters, patch * filters), [patch, filters]);
  const bc = add(new Float32Array(filters), [1, filters]);
  const pooled = Math.floor(height / 2) * Math.floor(width / 2) * filters;
  const wd = add(glorot(rng, pooled, options.outputs, pooled * options.outputs), [pooled, options.outputs]);
  const bd = add(new Float32Array(options.outputs), [1, options.outputs]);
  return {
    variables, copies, initial,
    size: patch * filters + filters + pooled * options.outputs + options.outputs,
    forward(x) {
      const batch = x.shape[0] as number;
      const images = tf.reshape(x, [batch, height, width, channels]) as tfNamespace.Tensor4D;
      const padded = tf.pad(images, [[0, 0], [1, 1], [1, 1], [0, 0]]);
      const slices: tfNamespace.Tensor[] = [];
      for (let dy = 0; dy < 3; dy += 1) for (let dx = 0; dx < 3; dx += 1) slices.push(tf.slice(padded, [0, dy, dx, 0], [batch, height, width, channels]));
      const patches = tf.reshape(tf.concat(slices, 3), [1, batch * height * width, patch]);
      const conv = tf.add(tf.matMul(tf.broadcastTo(patches, [copies, batch * height * width, patch]) as tfNamespace.Tensor3D, wc as tfNamespace.Tensor3D), bc);
      const maps = tf.reshape(activate(conv), [copies * batch, height, width, filters]) as tfNamespace.Tensor4D;
      const pool = tf.maxPool(maps, 2, 2, "valid");
      const flat = tf.reshape(pool, [copies, batch, pooled]) as tfNamespace.Tensor3D;
      return tf.add(tf.matMul(flat, wd as tfNamespace.Tensor3D), bd) as tfNamespace.Tensor3D;
    },
    dispose() {
      for (const v of variables) v.dispose();
    },
  };
}
