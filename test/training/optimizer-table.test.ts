/**
 * The optimizer table: every record trains (one step moves the weights of a
 * real race), says whether it has a momentum, and names its hyper-parameters.
 */
import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { createOptimizer, isOptimizer, OPTIMIZER_TABLE, OPTIMIZERS, usesMomentum } from "../../src/training/optimizers.ts";
import { createModel } from "../../src/training/model.ts";
import { mulberry32 } from "../../src/data/prng.ts";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

describe("optimizer table", () => {
  it("lists every record, and only records, as an optimizer", () => {
    expect(OPTIMIZERS).toEqual(Object.keys(OPTIMIZER_TABLE));
    expect(OPTIMIZERS.length).toBeGreaterThanOrEqual(7);
    for (const name of OPTIMIZERS) expect(isOptimizer(name)).toBe(true);
    for (const name of ["constructor", "toString", "__proto__", "", "Adam"]) expect(isOptimizer(name)).toBe(false);
  });

  it("says which optimizers have a momentum to cycle", () => {
    expect(OPTIMIZERS.filter(usesMomentum)).toEqual(["momentum", "nesterov", "adam", "adamw"]);
  });

  for (const name of OPTIMIZERS) {
    it(`${name}: one step of a two-copy MLP moves every weight of each copy`, () => {
      const model = createModel(tf, { model: "mlp", inputShape: [2], outputs: 2, hidden: [4] }, 2, mulberry32(3));
      const optimizer = createOptimizer(tf, { name });
      const before = model.variables.map((v) => Array.from(v.dataSync()));
      tf.tidy(() => {
        const x = tf.tensor2d([0.5, -0.2, -0.4, 0.9, 0.1, 0.3], [3, 2]);
        const y = tf.oneHot(tf.tensor1d([0, 1, 1], "int32"), 2).toFloat();
        const { grads } = tf.variableGrads(() => {
          const logProbs = tf.logSoftmax(model.forward(x));
          return tf.neg(tf.sum(tf.mul(logProbs, y))) as tf.Scalar;
        }, model.variables);
        optimizer.apply(model.variables, model.variables.map((v) => grads[v.name] as tf.Tensor), { lr: Float32Array.of(0.1, 0.01), momentum: Float32Array.of(0.9, 0.9) });
      });
      model.variables.forEach((v, i) => {
        const after = Array.from(v.dataSync());
        const moved = after.map((a, j) => Math.abs(a - (before[i]?.[j] as number)));
        expect(moved.every(Number.isFinite), `${name}: finite weights`).toBe(true);
        // Each layer's weights (and biases) change; the copy with the larger rate moves further.
        const half = moved.length / 2;
        const sum = (xs: number[]) => xs.reduce((s, m) => s + m, 0);
        expect(sum(moved.slice(half)), `${name}: variable ${i}, copy at 0.01`).toBeGreaterThan(0);
        expect(sum(moved.slice(0, half)), `${name}: variable ${i}, copy at 0.1`).toBeGreaterThan(sum(moved.slice(half)));
      });
      optimizer.dispose();
      model.dispose();
    });
  }

  it("refuses a hyper-parameter that is not a finite number", () => {
    expect(() => createOptimizer(tf, { name: "rmsprop", rho: Number.NaN })).toThrow(/rmsprop: rho must be a finite number, got NaN/);
  });

  it("gives every record a label and an update rule that KaTeX can typeset", async () => {
    const katex = (await import("katex")).default;
    for (const name of OPTIMIZERS) {
      const def = OPTIMIZER_TABLE[name];
      expect(def.label.length, name).toBeGreaterThan(0);
      expect(() => katex.renderToString(def.rule, { throwOnError: true }), name).not.toThrow();
    }
  });
});
