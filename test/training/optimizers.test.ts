/**
 * Our per-step optimizers against the stock tfjs optimizers at a constant
 * rate (same gradients, same starting weights), and against a float64
 * reference where tfjs has no optimizer (AdamW) or a rate that changes.
 */
import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { createOptimizer, type OptimizerName } from "../../src/training/optimizers.ts";
import { mulberry32 } from "../../src/data/prng.ts";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

const SHAPE = [3, 2];
const STEPS = 25;

function gradients(seed: number): Float32Array[] {
  const rng = mulberry32(seed);
  return Array.from({ length: STEPS }, () => Float32Array.from({ length: 6 }, () => rng.normal()));
}

const START = Float32Array.from([0.5, -0.3, 0.2, 0.1, -0.7, 0.4]);

/** tfjs's own optimizers (it has no AdamW: that one is checked against the float64 reference below). */
const STOCK: Partial<Record<OptimizerName, (lr: number) => tf.Optimizer>> = {
  sgd: (lr) => tf.train.sgd(lr),
  momentum: (lr) => tf.train.momentum(lr, 0.9),
  nesterov: (lr) => tf.train.momentum(lr, 0.9, true),
  adagrad: (lr) => tf.train.adagrad(lr),
  rmsprop: (lr) => tf.train.rmsprop(lr),
  adam: (lr) => tf.train.adam(lr),
};

function stock(name: OptimizerName, lr: number): tf.Optimizer {
  const make = STOCK[name];
  if (!make) throw new Error(`no stock tfjs optimizer for ${name}`);
  return make(lr);
}

describe("per-step optimizers equal stock tfjs at a constant rate", () => {
  for (const name of ["sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam"] as const) {
    it(name, () => {
      const lr = 0.05;
      const grads = gradients(5);
      const reference = tf.variable(tf.tensor(START, SHAPE));
      const theirs = stock(name, lr);
      const ours = createOptimizer(tf, { name });
      const mine = tf.variable(tf.tensor(START, [1, ...SHAPE]));
      for (const g of grads) {
        theirs.applyGradients({ [reference.name]: tf.tensor(g, SHAPE) });
        tf.tidy(() => ours.apply([mine], [tf.tensor(g, [1, ...SHAPE])], { lr: Float32Array.of(lr), momentum: Float32Array.of(0.9) }));
      }
      const a = reference.dataSync();
      const b = mine.dataSync();
      for (let i = 0; i < a.length; i += 1) expect(b[i]).toBeCloseTo(a[i] as number, 5);
      expect(Array.from(b)).not.toEqual(Array.from(START));
      reference.dispose();
      mine.dispose();
      theirs.dispose();
      ours.dispose();
    });
  }
});

/** Adam / AdamW in float64, PyTorch's form: decoupled decay first, bias correction with the β₁ of each step. */
function adamReference(lrs: number[], betas1: number[], grads: Float32Array[], decay: number): number[] {
  const p = Array.from(START, Number);
  const m = p.map(() => 0);
  const v = p.map(() => 0);
  let b1 = 1;
  let b2 = 1;
  grads.forEach((g, t) => {
    const lr = lrs[t] as number;
    const beta1 = betas1[t] as number;
    b1 *= beta1;
    b2 *= 0.999;
    for (let i = 0; i < p.length; i += 1) {
      p[i] = (p[i] as number) * (1 - lr * decay);
      m[i] = beta1 * (m[i] as number) + (1 - beta1) * (g[i] as number);
      v[i] = 0.999 * (v[i] as number) + 0.001 * (g[i] as number) ** 2;
      p[i] = (p[i] as number) - (lr * ((m[i] as number) / (1 - b1))) / (Math.sqrt((v[i] as number) / (1 - b2)) + 1e-7);
    }
  });
  return p;
}

describe("rates and momenta that change every step", () => {
  const grads = gradients(9);
  const lrs = grads.map((_, t) => 0.1 * 0.9 ** t);
  const betas = grads.map((_, t) => 0.85 + 0.1 * Math.abs(Math.sin(t)));

  for (const [name, decay] of [["adam", 0], ["adamw", 0.01]] as const) {
    it(`${name} keeps its moments across rate changes (never recreated) and cycles β₁`, () => {
      const ours = createOptimizer(tf, { name, weightDecay: decay });
      const mine = tf.variable(tf.tensor(START, [1, ...SHAPE]));
      grads.forEach((g, t) => {
        tf.tidy(() => ours.apply([mine], [tf.tensor(g, [1, ...SHAPE])], { lr: Float32Array.of(lrs[t] as number), momentum: Float32Array.of(betas[t] as number) }));
      });
      const expected = adamReference(lrs, betas, grads, decay);
      const got = mine.dataSync();
      expected.forEach((e, i) => expect(got[i]).toBeCloseTo(e, 5));
      mine.dispose();
      ours.dispose();
    });
  }

  it("each copy follows its own rate: copy k equals a single run at rate k", () => {
    const run = (rates: number[]) => {
      const opt = createOptimizer(tf, { name: "momentum" });
      const v = tf.variable(tf.tensor(Array.from({ length: rates.length }, () => Array.from(START)).flat(), [rates.length, ...SHAPE]));
      for (const g of grads) {
        tf.tidy(() => opt.apply([v], [tf.tensor(Array.from({ length: rates.length }, () => Array.from(g)).flat(), [rates.length, ...SHAPE])], { lr: Float32Array.from(rates), momentum: Float32Array.from(rates, () => 0.9) }));
      }
      const out = Array.from(v.dataSync());
      v.dispose();
      opt.dispose();
      return out;
    };
    const both = run([0.01, 0.2]);
    expect(both.slice(0, 6)).toEqual(run([0.01]));
    expect(both.slice(6)).toEqual(run([0.2]));
  });
});
