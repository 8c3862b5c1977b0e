/**
 * The batched transformer against a plain loop-based reference (both layer-norm
 * placements), its causal mask, its attention rows, its gradients against
 * finite differences, identical copies, shapes, and no tensor leak.
 */
import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { mulberry32 } from "../../src/data/prng.ts";
import { createTransformer, NORMS, type TransformerOptions } from "../../src/training/transformer.ts";
import { plainAttentionWeights, plainForward, plainWeights } from "./transformer-reference.ts";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

const tiny = (norm: TransformerOptions["norm"], layers = 2): TransformerOptions => ({ vocab: 7, context: 5, width: 8, heads: 2, layers, norm });
const ids = [[3, 1, 4, 1, 5], [2, 6, 0, 6, 2]];

async function logitsOf(model: ReturnType<typeof createTransformer>, rows: number[][]): Promise<Float32Array> {
  const out = tf.tidy(() => model.forward(tf.tensor2d(rows, [rows.length, (rows[0] as number[]).length], "int32")));
  const data = (await out.data()) as Float32Array;
  out.dispose();
  return data;
}

async function weightsOf(model: ReturnType<typeof createTransformer>) {
  return Promise.all(model.variables.map(async (v) => ({ data: (await v.data()) as Float32Array, shape: v.shape })));
}

describe("transformer", () => {
  for (const norm of NORMS) {
    it(`${norm}-LN: the batched graph equals a plain loop-based forward pass, for every copy`, async () => {
      const options = tiny(norm);
      const model = createTransformer(tf, options, 2, mulberry32(5));
      // Give the copies different weights so a mix-up between copies would show.
      tf.tidy(() => model.variables.forEach((v, i) => v.assign(tf.add(v, tf.mul(tf.randomNormal(v.shape, 0, 0.1, "float32", 100 + i), tf.tensor([0, 1]).reshape([2, ...v.shape.slice(1).map(() => 1)]))))));
      const logits = await logitsOf(model, ids);
      const values = await weightsOf(model);
      for (let k = 0; k < 2; k += 1) {
        const w = plainWeights(values, k, options.layers, norm);
        ids.forEach((row, b) => {
          const expected = plainForward(w, row, options.heads, norm);
          expected.forEach((position, t) => position.forEach((value, v) => {
            const got = logits[((k * ids.length + b) * row.length + t) * options.vocab + v] as number;
            expect(Math.abs(got - value)).toBeLessThan(1e-4);
          }));
        });
      }
      model.dispose();
    });
  }

  it("attention weights match the reference: causal, rows summing to 1", async () => {
    const options = tiny("pre", 1);
    const model = createTransformer(tf, options, 1, mulberry32(8));
    const out = tf.tidy(() => model.attention(tf.tensor2d(ids, [2, 5], "int32"), 0));
    expect(out.shape).toEqual([1, 2, 2, 5, 5]);
    const a = (await out.data()) as Float32Array;
    out.dispose();
    const w = plainWeights(await weightsOf(model), 0, 1, "pre");
    ids.forEach((row, b) => {
      const x = row.map((id, t) => (w.tokens[id] as number[]).map((v, d) => v + ((w.positions[t] as number[])[d] as number)));
      const normed = x.map((r) => {
        const mean = r.reduce((s, v) => s + v, 0) / r.length;
        const sd = Math.sqrt(r.reduce((s, v) => s + (v - mean) ** 2, 0) / r.length + 1e-5);
        return r.map((v) => (v - mean) / sd);
      });
      const expected = plainAttentionWeights(normed, w.blocks[0] as (typeof w.blocks)[number], 2);
      for (let h = 0; h < 2; h += 1) for (let i = 0; i < 5; i += 1) {
        let sum = 0;
        for (let j = 0; j < 5; j += 1) {
          const got = a[(((b * 2 + h) * 5 + i) * 5) + j] as number;
          sum += got;
          if (j > i) expect(got).toBe(0);
          expect(Math.abs(got - (((expected[h] as number[][])[i] as number[])[j] as number))).toBeLessThan(1e-5);
        }
        expect(Math.abs(sum - 1)).toBeLessThan(1e-5);
      }
    });
    model.dispose();
  });

  for (const norm of NORMS) {
    it(`${norm}-LN: changing a later token changes no earlier output`, async () => {
      const options = tiny(norm, 2);
      const model = createTransformer(tf, options, 1, mulberry32(9));
      const before = await logitsOf(model, [[3, 1, 4, 1, 5]]);
      const after = await logitsOf(model, [[3, 1, 4, 6, 0]]);
      const V = options.vocab;
      for (let t = 0; t < 5; t += 1) {
        const diff = Math.max(...Array.from({ length: V }, (_, v) => Math.abs((before[t * V + v] as number) - (after[t * V + v] as number))));
        if (t < 3) expect(diff).toBe(0);
        else expect(diff).toBeGreaterThan(1e-3);
      }
      model.dispose();
    });
  }

  it("copies start identical and outputs have shape [K, B·T, V]; fewer tokens than the context work", async () => {
    const model = createTransformer(tf, tiny("post"), 3, mulberry32(2));
    const out = tf.tidy(() => model.forward(tf.tensor2d([[1, 2, 3], [4, 5, 6]], [2, 3], "int32")));
    expect(out.shape).toEqual([3, 6, 7]);
    const [a, b, c] = tf.unstack(out).map((t) => Array.from(t.dataSync()));
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    out.dispose();
    // tokens 7·8 + positions 5·8 + 2 blocks × (4·8·8 + 4·8 + 2·2·8 + 8·32 + 32 + 32·8 + 8) + head 8·7 + 7
    expect(model.size).toBe(56 + 40 + 2 * (256 + 32 + 32 + 256 + 32 + 256 + 8) + 56 + 7);
    expect(() => tf.tidy(() => model.forward(tf.zeros([1, 6], "int32")))).toThrow(/at most 5 tokens/);
    model.dispose();
  });

  it("rejects bad options with a message naming them", () => {
    expect(() => createTransformer(tf, { ...tiny("post"), width: 9 }, 1, mulberry32(1))).toThrow(/multiple of heads/);
    expect(() => createTransformer(tf, { ...tiny("post"), norm: "middle" as "post" }, 1, mulberry32(1))).toThrow(/norm must be one of post, pre/);
    expect(() => createTransformer(tf, { ...tiny("post"), layers: 0 }, 1, mulberry32(1))).toThrow(/layers must be an integer/);
  });

  for (const norm of NORMS) {
    it(`${norm}-LN: gradients equal central finite differences`, async () => {
      const options = tiny(norm, 2);
      const model = createTransformer(tf, options, 1, mulberry32(4));
      const x = tf.tensor2d(ids, [2, 5], "int32");
      const y = tf.oneHot(tf.tensor1d([1, 4, 1, 5, 9 % 7, 6, 0, 6, 2, 3], "int32"), 7);
      const lossOf = () => tf.tidy(() => tf.neg(tf.mean(tf.sum(tf.mul(tf.logSoftmax(model.forward(x)), y), 2))) as tf.Scalar);
      const { grads } = tf.variableGrads(lossOf, model.variables);
      let checked = 0;
      for (const v of model.variables) {
        const g = (await (grads[v.name] as tf.Tensor).data()) as Float32Array;
        // The entry with the largest gradient in each weight (biases of the last LN included).
        let at = 0;
        g.forEach((value, i) => { if (Math.abs(value) > Math.abs(g[at] as number)) at = i; });
        const original = (await v.data()) as Float32Array;
        const eps = 1e-2;
        const shifted = (delta: number) => {
          const copy = original.slice();
          copy[at] = (copy[at] as number) + delta;
          tf.tidy(() => v.assign(tf.tensor(copy, v.shape)));
          const l = lossOf();
          const value = l.dataSync()[0] as number;
          l.dispose();
          return value;
        };
        const numeric = (shifted(eps) - shifted(-eps)) / (2 * eps);
        tf.tidy(() => v.assign(tf.tensor(original, v.shape)));
        const analytic = g[at] as number;
        expect(Math.abs(numeric - analytic)).toBeLessThan(2e-3 + 0.05 * Math.abs(analytic));
        if (Math.abs(analytic) > 1e-3) checked += 1;
      }
      expect(checked).toBeGreaterThan(model.variables.length / 2);
      tf.dispose([x, y, ...Object.values(grads)]);
      model.dispose();
    });
  }
});
