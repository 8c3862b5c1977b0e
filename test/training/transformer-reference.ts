/**
 * A plain, loop-based forward pass of one copy of src/training/transformer.ts,
 * on nested arrays (no tfjs): every product, softmax and normalization written
 * out, so the batched graph can be checked against it.
 */
import type { NormPlacement } from "../../src/training/transformer.ts";

export type Matrix = number[][];

/** One copy's weights in the order createTransformer creates them. */
export interface PlainWeights {
  tokens: Matrix;
  positions: Matrix;
  blocks: {
    ln1g: number[]; ln1b: number[]; wq: Matrix; wk: Matrix; wv: Matrix; wo: Matrix; bq: number[]; bk: number[]; bv: number[]; bo: number[];
    ln2g: number[]; ln2b: number[]; w1: Matrix; b1: number[]; w2: Matrix; b2: number[];
  }[];
  finalG: number[] | null;
  finalB: number[] | null;
  head: Matrix;
  headBias: number[];
}

/** Split copy `k` of the model's flat variable values into named weights. */
export function plainWeights(values: { data: Float32Array; shape: number[] }[], k: number, layers: number, norm: NormPlacement): PlainWeights {
  let next = 0;
  const take = (): Matrix => {
    const { data, shape } = values[next++] as { data: Float32Array; shape: number[] };
    const [, rows, cols] = shape as [number, number, number];
    const offset = k * rows * cols;
    return Array.from({ length: rows }, (_, r) => Array.from(data.subarray(offset + r * cols, offset + (r + 1) * cols)));
  };
  const row = (): number[] => take()[0] as number[];
  const tokens = take();
  const positions = take();
  const blocks = Array.from({ length: layers }, () => ({
    ln1g: row(), ln1b: row(), wq: take(), wk: take(), wv: take(), wo: take(), bq: row(), bk: row(), bv: row(), bo: row(),
    ln2g: row(), ln2b: row(), w1: take(), b1: row(), w2: take(), b2: row(),
  }));
  const finalG = norm === "pre" ? row() : null;
  const finalB = norm === "pre" ? row() : null;
  return { tokens, positions, blocks, finalG, finalB, head: take(), headBias: row() };
}

const affine = (x: number[], w: Matrix, b: number[]): number[] =>
  b.map((bias, j) => x.reduce((s, xi, i) => s + xi * ((w[i] as number[])[j] as number), bias));

const layerNorm = (x: number[], g: number[], b: number[]): number[] => {
  const mean = x.reduce((s, v) => s + v, 0) / x.length;
  const variance = x.reduce((s, v) => s + (v - mean) ** 2, 0) / x.length;
  return x.map((v, i) => ((v - mean) / Math.sqrt(variance + 1e-5)) * (g[i] as number) + (b[i] as number));
};

const add = (a: number[], b: number[]): number[] => a.map((v, i) => v + (b[i] as number));

/** Causal attention weights per head: [H][t][t], rows summing to 1, zero above the diagonal. */
export function plainAttentionWeights(x: Matrix, block: PlainWeights["blocks"][number], heads: number): number[][][] {
  const width = (x[0] as number[]).length;
  const dh = width / heads;
  const q = x.map((r) => affine(r, block.wq, block.bq));
  const k = x.map((r) => affine(r, block.wk, block.bk));
  return Array.from({ length: heads }, (_, h) =>
    x.map((_, i) => {
      const scores: number[] = [];
      for (let j = 0; j <= i; j += 1) {
        let s = 0;
        for (let d = h * dh; d < (h + 1) * dh; d += 1) s += ((q[i] as number[])[d] as number) * ((k[j] as number[])[d] as number);
        scores.push(s / Math.sqrt(dh));
      }
      const top = Math.max(...scores);
      const e = scores.map((s) => Math.exp(s - top));
      const total = e.reduce((a, b) => a + b, 0);
      return x.map((__, j) => (j <= i ? (e[j] as number) / total : 0));
    }),
  );
}

function attend(x: Matrix, block: PlainWeights["blocks"][number], heads: number): Matrix {
  const width = (x[0] as number[]).length;
  const dh = width / heads;
  const weights = plainAttentionWeights(x, block, heads);
  const v = x.map((r) => affine(r, block.wv, block.bv));
  const mixed = x.map((_, i) =>
    Array.from({ length: width }, (__, d) => {
      const h = Math.floor(d / dh);
      return x.reduce((s, ___, j) => s + (((weights[h] as Matrix)[i] as number[])[j] as number) * ((v[j] as number[])[d] as number), 0);
    }),
  );
  return mixed.map((r) => affine(r, block.wo, block.bo));
}

const mlp = (x: number[], block: PlainWeights["blocks"][number]): number[] =>
  affine(affine(x, block.w1, block.b1).map((v) => Math.max(0, v)), block.w2, block.b2);

/** Logits [t][V] for one sequence of token ids. */
export function plainForward(w: PlainWeights, ids: number[], heads: number, norm: NormPlacement): Matrix {
  let h: Matrix = ids.map((id, t) => add(w.tokens[id] as number[], w.positions[t] as number[]));
  for (const block of w.blocks) {
    if (norm === "post") {
      const a = attend(h, block, heads);
      h = h.map((r, i) => layerNorm(add(r, a[i] as number[]), block.ln1g, block.ln1b));
      h = h.map((r) => layerNorm(add(r, mlp(r, block)), block.ln2g, block.ln2b));
    } else {
      const a = attend(h.map((r) => layerNorm(r, block.ln1g, block.ln1b)), block, heads);
      h = h.map((r, i) => add(r, a[i] as number[]));
      h = h.map((r) => add(r, mlp(layerNorm(r, block.ln2g, block.ln2b), block)));
    }
  }
  if (w.finalG && w.finalB) h = h.map((r) => layerNorm(r, w.finalG as number[], w.finalB as number[]));
  return h.map((r) => affine(r, w.head, w.headBias));
}
