/**
 * Sharpness: the largest eigenvalue of the Hessian of the training loss, per
 * copy of a batched model, by power iteration on Hessian-vector products.
 *
 * A Hessian-vector product is a central difference of gradients,
 *   H v ≈ (∇L(w + εv) − ∇L(w − εv)) / (2ε),   ‖v‖ = 1,
 * whose error is O(ε²) for a smooth loss (ReLU units whose sign flips within
 * ε of the weights add a small error too); test/training/sharpness.test.ts
 * checks it against second differences of the loss and against a known
 * Hessian. The copies share no weights, so one batched gradient gives every
 * copy's product at once, each along its own vector.
 *
 * Power iteration finds the eigenvalue of largest magnitude; for a network's
 * training loss that is the top (positive) one in practice. Each measurement
 * starts from the previous vector (the first from a seeded random one), so a
 * few iterations per measurement track a slowly moving top eigenvector.
 */
import type * as tfNamespace from "@tensorflow/tfjs";
import { mulberry32 } from "../data/prng.ts";
import type { Tf } from "./model.ts";

/** Power iterations per measurement, and the finite-difference step. */
export const SHARPNESS_ITERATIONS = 50;
export const FD_STEP = 1e-3;

/** Per-copy squared norm [K] of tensors shaped [K, …]. */
function copyNorms(tf: Tf, parts: readonly tfNamespace.Tensor[]): tfNamespace.Tensor1D {
  return tf.addN(parts.map((p) => tf.sum(tf.square(p), p.shape.slice(1).map((_, i) => i + 1)))) as tfNamespace.Tensor1D;
}

/** Scale each copy's slice by s[k] (s shaped [K]). */
function scaleCopies(tf: Tf, parts: readonly tfNamespace.Tensor[], s: tfNamespace.Tensor1D): tfNamespace.Tensor[] {
  return parts.map((p) => tf.mul(p, tf.reshape(s, [s.shape[0], ...p.shape.slice(1).map(() => 1)])));
}

/**
 * Per-copy Hessian-vector products of `loss` (per-copy losses [K]) along `v`
 * (unit norm per copy), by central differences of gradients. Call inside tf.tidy.
 */
export function hessianVectorProduct(tf: Tf, variables: readonly tfNamespace.Variable[], loss: () => tfNamespace.Tensor1D, v: readonly tfNamespace.Tensor[], step = FD_STEP): tfNamespace.Tensor[] {
  const saved = variables.map((w) => tf.clone(w));
  const gradientAt = (sign: number): tfNamespace.Tensor[] => {
    variables.forEach((w, i) => w.assign(tf.add(saved[i] as tfNamespace.Tensor, tf.mul(v[i] as tfNamespace.Tensor, sign * step))));
    const { grads } = tf.variableGrads(() => tf.sum(loss()) as tfNamespace.Scalar, variables as tfNamespace.Variable[]);
    return variables.map((w) => grads[w.name] as tfNamespace.Tensor);
  };
  try {
    const plus = gradientAt(1);
    const minus = gradientAt(-1);
    return plus.map((g, i) => tf.div(tf.sub(g, minus[i] as tfNamespace.Tensor), 2 * step));
  } finally {
    variables.forEach((w, i) => w.assign(saved[i] as tfNamespace.Tensor));
  }
}

/** Tracks each copy's top Hessian eigenvalue across measurements, warm-starting power iteration. */
export class SharpnessMeter {
  readonly #tf: Tf;
  readonly #iterations: number;
  #vector: tfNamespace.Tensor[] | null = null;
  readonly #seed: number;

  constructor(tf: Tf, options: { iterations?: number; seed?: number } = {}) {
    this.#tf = tf;
    this.#iterations = options.iterations ?? SHARPNESS_ITERATIONS;
    this.#seed = options.seed ?? 1;
  }

  #start(variables: readonly tfNamespace.Variable[]): tfNamespace.Tensor[] {
    const rng = mulberry32(this.#seed);
    return variables.map((w) => {
      const values = new Float32Array(w.size);
      for (let i = 0; i < values.length; i += 1) values[i] = rng.next() * 2 - 1;
      return this.#tf.tensor(values, w.shape);
    });
  }

  /** The top eigenvalue of each copy's Hessian at the current weights (null where it is not finite). */
  async measure(variables: readonly tfNamespace.Variable[], loss: () => tfNamespace.Tensor1D): Promise<(number | null)[]> {
    const tf = this.#tf;
    let v = this.#vector ?? this.#start(variables);
    let rayleigh: tfNamespace.Tensor1D | null = null;
    for (let i = 0; i < this.#iterations; i += 1) {
      const [next, value] = tf.tidy(() => {
        const unit = scaleCopies(tf, v, tf.rsqrt(copyNorms(tf, v)) as tfNamespace.Tensor1D);
        const hv = hessianVectorProduct(tf, variables, loss, unit);
        // vᵀHv with ‖v‖ = 1, per copy: the Rayleigh quotient, the eigenvalue estimate.
        const q = tf.addN(unit.map((u, j) => tf.sum(tf.mul(u, hv[j] as tfNamespace.Tensor), u.shape.slice(1).map((_, a) => a + 1)))) as tfNamespace.Tensor1D;
        return [hv, q] as const;
      });
      for (const t of v) t.dispose();
      rayleigh?.dispose();
      v = next;
      rayleigh = value;
    }
    this.#vector = v;
    const values = rayleigh ? Array.from(await rayleigh.data()) : [];
    rayleigh?.dispose();
    return values.map((x) => (Number.isFinite(x) ? x : null));
  }

  dispose(): void {
    for (const t of this.#vector ?? []) t.dispose();
    this.#vector = null;
  }
}
