/**
 * Optimizers whose learning rate (and momentum) is a per-copy vector that
 * changes every step. The stock tfjs optimizers take one scalar rate fixed at
 * construction (and `setMomentum` does not take effect), so changing the rate
 * would mean recreating them, which silently resets Adam's moments. These
 * apply the same update rules with tf ops; test/training/optimizers.test.ts
 * proves each equals the stock tfjs optimizer at a constant rate.
 *
 * Every weight has a leading axis of K copies; rate and momentum are tensors
 * of shape [K] broadcast as [K, 1, 1].
 */
import type * as tfNamespace from "@tensorflow/tfjs";
import type { Tf } from "./model.ts";

export const OPTIMIZERS = ["sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw"] as const;
export type OptimizerName = (typeof OPTIMIZERS)[number];

export interface OptimizerOptions {
  name: OptimizerName;
  /** Momentum for momentum/nesterov (default 0.9); β₁ for adam/adamw (default 0.9). Cycled per step when a schedule asks. */
  momentum?: number;
  beta2?: number;
  /** RMSprop decay ρ (tfjs default 0.9). */
  rho?: number;
  /** AdaGrad's starting accumulator (tfjs default 0.1). */
  initialAccumulator?: number;
  /** AdamW decoupled weight decay (default 0.01). */
  weightDecay?: number;
  /** ε; defaults to the backend's (1e-7 in float32), as tfjs does. */
  epsilon?: number;
}

export interface StepRates {
  /** Learning rate per copy. */
  lr: Float32Array;
  /** Momentum (or β₁) per copy. */
  momentum: Float32Array;
}

export interface BatchedOptimizer {
  readonly name: OptimizerName;
  /** The default momentum / β₁ for copies whose schedule does not cycle it. */
  readonly baseMomentum: number;
  /** Apply one update to every variable; grads in the same order as the variables. */
  apply(variables: tfNamespace.Variable[], grads: tfNamespace.Tensor[], rates: StepRates): void;
  dispose(): void;
}

export function isOptimizer(name: unknown): name is OptimizerName {
  return typeof name === "string" && (OPTIMIZERS as readonly string[]).includes(name);
}

export function createOptimizer(tf: Tf, options: OptimizerOptions): BatchedOptimizer {
  const name = options.name;
  if (!isOptimizer(name)) throw new RangeError(`unknown optimizer "${String(name)}"; expected one of ${OPTIMIZERS.join(", ")}`);
  const baseMomentum = options.momentum ?? 0.9;
  const beta2 = options.beta2 ?? 0.999;
  const rho = options.rho ?? 0.9;
  const initialAccumulator = options.initialAccumulator ?? 0.1;
  const weightDecay = options.weightDecay ?? 0.01;
  const epsilon = options.epsilon ?? tf.backend().epsilon();
  const slots: tfNamespace.Variable[][] = [];
  // Adam's bias corrections: products of the β₁ actually used at each step, per copy (β₁ may cycle).
  let beta1Product: Float64Array | null = null;
  let beta2Product = 1;

  const slot = (i: number, j: number, like: tfNamespace.Variable, fill: number): tfNamespace.Variable => {
    slots[i] ??= [];
    const row = slots[i] as tfNamespace.Variable[];
    if (!row[j]) row[j] = tf.tidy(() => tf.variable(tf.fill(like.shape, fill), false));
    return row[j] as tfNamespace.Variable;
  };

  return {
    name,
    baseMomentum,
    apply(variables, grads, rates) {
      const copies = rates.lr.length;
      if (name === "adam" || name === "adamw") {
        beta1Product ??= new Float64Array(copies).fill(1);
        for (let k = 0; k < copies; k += 1) beta1Product[k] = (beta1Product[k] as number) * (rates.momentum[k] as number);
        beta2Product *= beta2;
      }
      tf.tidy(() => {
        const lr = tf.tensor3d(rates.lr, [copies, 1, 1]);
        const mu = tf.tensor3d(rates.momentum, [copies, 1, 1]);
        const correction1 = beta1Product ? tf.tensor3d(Float32Array.from(beta1Product, (p) => 1 - p), [copies, 1, 1]) : null;
        variables.forEach((value, i) => {
          const g = grads[i] as tfNamespace.Tensor;
          switch (name) {
            case "sgd":
              value.assign(tf.sub(value, tf.mul(lr, g)));
              break;
            case "momentum":
            case "nesterov": {
              const v = slot(i, 0, value, 0);
              const next = tf.add(tf.mul(mu, v), g);
              v.assign(next);
              value.assign(tf.sub(value, tf.mul(lr, name === "nesterov" ? tf.add(g, tf.mul(next, mu)) : next)));
              break;
            }
            case "adagrad": {
              const acc = slot(i, 0, value, initialAccumulator);
              const next = tf.add(acc, tf.square(g));
              acc.assign(next);
              value.assign(tf.sub(value, tf.mul(lr, tf.div(g, tf.sqrt(tf.add(next, epsilon))))));
              break;
            }
            case "rmsprop": {
              const ms = slot(i, 0, value, 0);
              const next = tf.add(tf.mul(ms, rho), tf.mul(tf.square(g), 1 - rho));
              ms.assign(next);
              value.assign(tf.sub(value, tf.div(tf.mul(lr, g), tf.sqrt(tf.add(next, epsilon)))));
              break;
            }
            case "adam":
            case "adamw": {
              const m = slot(i, 0, value, 0);
              const v = slot(i, 1, value, 0);
              if (name === "adamw") value.assign(tf.mul(value, tf.sub(1, tf.mul(lr, weightDecay))));
              const m1 = tf.add(tf.mul(mu, m), tf.mul(tf.sub(1, mu), g));
              const v1 = tf.add(tf.mul(v, beta2), tf.mul(tf.square(g), 1 - beta2));
              m.assign(m1);
              v.assign(v1);
              const mHat = tf.div(m1, correction1 as tfNamespace.Tensor);
              const vHat = tf.div(v1, 1 - beta2Product);
              value.assign(tf.sub(value, tf.mul(lr, tf.div(mHat, tf.add(tf.sqrt(vHat), epsilon)))));
              break;
            }
          }
        });
      });
    },
    dispose() {
      for (const row of slots) for (const v of row ?? []) v?.dispose();
      slots.length = 0;
    },
  };
}
