/**
 * Schedule-free SGD and AdamW (OPTIMIZER_TABLE) against the authors' own
 * reference optimizers: test/fixtures/schedule-free-golden.py ran
 * facebookresearch/schedule_free's sgd_schedulefree_reference.py and
 * adamw_schedulefree_reference.py (float64, PyTorch) on a small quadratic and
 * recorded y (the weights, where gradients are taken) and x (where the model
 * is evaluated) after each step. The same steps here, in float32, must agree.
 */
import * as tf from "@tensorflow/tfjs";
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { createOptimizer, type OptimizerName } from "../../src/training/optimizers.ts";

interface Golden {
  problem: { a: number[]; b: number[]; start: number[]; lr: number; warmupSteps: number; weightDecay: number; steps: number };
  "schedule-free-sgd": { y: number[]; x: number[] }[];
  "schedule-free-adamw": { y: number[]; x: number[] }[];
}
const golden = JSON.parse(readFileSync(new URL("../fixtures/schedule-free-golden.json", import.meta.url), "utf8")) as Golden;
const { a, b, start, lr, warmupSteps, weightDecay, steps } = golden.problem;

beforeAll(async () => {
  await tf.setBackend("cpu");
});

/** Steps the optimizer on f(w) = ½ Σ a w² − b·w with the reference's warmup as the rate schedule; y and x after each step. */
function train(name: OptimizerName): { y: number[]; x: number[] }[] {
  const w = tf.variable(tf.tensor3d(start, [1, 1, 3]));
  const optimizer = createOptimizer(tf, { name, weightDecay, epsilon: 1e-8 });
  const out: { y: number[]; x: number[] }[] = [];
  for (let t = 0; t < steps; t += 1) {
    tf.tidy(() => {
      // ∇f = a ∘ w − b
      const g = tf.sub(tf.mul(w, tf.tensor3d(a, [1, 1, 3])), tf.tensor3d(b, [1, 1, 3]));
      optimizer.apply([w], [g], { lr: Float32Array.of(lr * Math.min(1, (t + 1) / warmupSteps)), momentum: Float32Array.of(0) });
    });
    const x = optimizer.evalPoint();
    if (!x) throw new Error("a schedule-free optimizer evaluates at x");
    out.push({ y: Array.from(w.dataSync()), x: Array.from((x[0] as tf.Tensor).dataSync()) });
  }
  optimizer.dispose();
  w.dispose();
  return out;
}

describe("schedule-free optimizers", () => {
  it("the first step by hand: with one step taken, c = 1 and x = y = z = w − η₀(g + λw)", () => {
    const [first] = train("schedule-free-sgd");
    // η₀ = 0.1 · 1/3; g = a ∘ w − b = (0.2, −3.8, 0.5); λw = (0.005, −0.01, 0.02).
    const eta = 0.1 / 3;
    const expected = [0.5 - eta * 0.205, -1 + eta * 3.81, 2 - eta * 0.52];
    expected.forEach((v, i) => {
      expect(first?.y[i]).toBeCloseTo(v, 6);
      expect(first?.x[i]).toBeCloseTo(v, 6);
    });
  });

  for (const name of ["schedule-free-sgd", "schedule-free-adamw"] as const) {
    it(`${name}: y and x after each of ${steps} steps match the authors' reference implementation`, () => {
      const ours = train(name);
      golden[name].forEach((row, t) => {
        for (const key of ["y", "x"] as const) {
          row[key].forEach((v, i) => expect(Math.abs((ours[t]?.[key][i] as number) - v), `${name} step ${t + 1} ${key}[${i}]`).toBeLessThan(2e-6 + 2e-6 * Math.abs(v)));
        }
      });
      // After warmup the two points part: y = 0.9 x + 0.1 z is not x.
      const last = ours.at(-1) as { y: number[]; x: number[] };
      expect(Math.max(...last.y.map((v, i) => Math.abs(v - (last.x[i] as number))))).toBeGreaterThan(1e-3);
    });
  }

  it("optimizers without an averaged point evaluate at the weights", () => {
    const optimizer = createOptimizer(tf, { name: "adamw" });
    expect(optimizer.evalPoint()).toBeNull();
    optimizer.dispose();
  });
});
