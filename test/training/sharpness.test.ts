/**
 * Sharpness (src/training/sharpness.ts): the Hessian-vector product by central
 * differences of gradients against second differences of the loss itself, and
 * power iteration against Hessians whose top eigenvalue is known; each copy of
 * a batched model gets its own.
 */
import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { hessianVectorProduct, SharpnessMeter } from "../../src/training/sharpness.ts";
import { Race } from "../../src/training/race.ts";
import { createModel } from "../../src/training/model.ts";
import { mulberry32 } from "../../src/data/prng.ts";
import { loadTaskData } from "../../src/data/datasets.ts";
import { parseExperimentArgs } from "../../src/cli/experiment-core.ts";

beforeAll(async () => {
  await tf.setBackend("cpu");
  await loadTaskData("digits");
});

describe("sharpness", () => {
  it("finds each copy's top eigenvalue of a known Hessian (two copies, diagonal Hessians, top 4 and 9)", async () => {
    // loss_k(w) = ½ Σ a_k,i w_i² + a rotation-free coupling: Hessian diag(a_k).
    const a = tf.tensor3d([[[1, 4, 0.5]], [[2, 2, 9]]]);
    const w = tf.variable(tf.tensor3d([[[0.3, -0.2, 0.1]], [[1, 2, -1]]]));
    const loss = () => tf.sum(tf.mul(0.5, tf.mul(a, tf.square(w))), [1, 2]) as tf.Tensor1D;
    const meter = new SharpnessMeter(tf, { seed: 3 });
    const [first, second] = await meter.measure([w], loss);
    expect(first).toBeCloseTo(4, 2);
    expect(second).toBeCloseTo(9, 2);
    meter.dispose();
    w.dispose();
    a.dispose();
  });

  it("on a real network, vᵀHv from the gradients agrees with the second difference of the loss", () => {
    const model = createModel(tf, { model: "mlp", inputShape: [8], outputs: 3, hidden: [6], activation: "tanh" }, 2, mulberry32(5));
    const rng = mulberry32(9);
    const x = tf.tensor2d(Array.from({ length: 40 * 8 }, () => rng.next()), [40, 8]);
    const y = tf.oneHot(tf.tensor1d(Array.from({ length: 40 }, (_, i) => i % 3), "int32"), 3).toFloat();
    const loss = () => tf.neg(tf.mean(tf.sum(tf.mul(tf.logSoftmax(model.forward(x)), y), 2), 1)) as tf.Tensor1D;
    const v = model.variables.map((w) => tf.randomNormal(w.shape, 0, 1, "float32", 4));
    const norms = tf.tidy(() => tf.sqrt(tf.addN(v.map((t) => tf.sum(tf.square(t), t.shape.slice(1).map((_, i) => i + 1))))));
    const unit = tf.tidy(() => v.map((t) => tf.div(t, tf.reshape(norms, [2, ...t.shape.slice(1).map(() => 1)]))));
    const quadratic = tf.tidy(() => {
      const hv = hessianVectorProduct(tf, model.variables, loss, unit);
      return Array.from(tf.addN(unit.map((u, i) => tf.sum(tf.mul(u, hv[i] as tf.Tensor), u.shape.slice(1).map((_, j) => j + 1)))).dataSync());
    });
    // (L(w + hv) − 2 L(w) + L(w − hv)) / h², per copy.
    const h = 0.05;
    const at = (s: number) => tf.tidy(() => {
      const saved = model.variables.map((w) => tf.clone(w));
      model.variables.forEach((w, i) => w.assign(tf.add(saved[i] as tf.Tensor, tf.mul(unit[i] as tf.Tensor, s * h))));
      const out = Array.from(loss().dataSync());
      model.variables.forEach((w, i) => w.assign(saved[i] as tf.Tensor));
      return out;
    });
    const [plus, mid, minus] = [at(1), at(0), at(-1)];
    quadratic.forEach((q, k) => {
      const second = ((plus[k] as number) - 2 * (mid[k] as number) + (minus[k] as number)) / (h * h);
      expect(Math.abs(q - second), `copy ${k}: vᵀHv ${q} against the loss's second difference ${second}`).toBeLessThan(0.03 * Math.abs(second) + 1e-3);
      expect(Math.abs(q)).toBeGreaterThan(1e-3);
    });
    for (const t of [...v, ...unit, norms, x, y]) t.dispose();
    model.dispose();
  });

  it("a race measures it every N steps on the full training loss, per copy, without leaking tensors", async () => {
    const config = parseExperimentArgs(["--task", "moons", "--optimizer", "sgd", "--schedules", "constant", "--lr", "0.5", "--steps", "10", "--batch-size", "64", "--sharpness-every", "5", "--eval-every", "10"]);
    expect(config.sharpnessEvery).toBe(5);
    const before = tf.memory().numTensors;
    const race = new Race(tf, { ...config, schedules: [config.schedules[0], { kind: "constant", lr: 0.05 }] as typeof config.schedules });
    const { records } = await race.runSteps(10);
    race.dispose();
    expect(tf.memory().numTensors).toBe(before);
    expect(records.filter((r) => r.sharpness).map((r) => r.step)).toEqual([4, 9]);
    for (const r of records.filter((x) => x.sharpness)) for (const s of r.sharpness ?? []) expect(s).toBeGreaterThan(0);
    expect(() => parseExperimentArgs(["--sharpness-every", "-1"])).toThrow(/--sharpness-every must be an integer in \[0, 1000000\], got -1/);
  });
});
