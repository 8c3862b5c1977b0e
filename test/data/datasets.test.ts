import { describe, expect, it } from "vitest";
import { isFixedTask, makeDataset, TASKS } from "../../src/data/datasets.ts";
import { mulberry32 } from "../../src/data/prng.ts";
import { glyphPixels } from "../../src/data/glyphs.ts";

describe("seeded data", () => {
  it("the generator repeats for a seed and differs between seeds", () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const c = mulberry32(8);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it("normal draws have mean ≈ 0 and variance ≈ 1", () => {
    const rng = mulberry32(3);
    const n = 20_000;
    const draws = Array.from({ length: n }, () => rng.normal());
    const mean = draws.reduce((s, v) => s + v, 0) / n;
    const variance = draws.reduce((s, v) => s + (v - mean) ** 2, 0) / n;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
  });

  // Tasks on real data (digits) have a fixed split: test/data/digits.test.ts.
  for (const task of TASKS.filter((t) => !isFixedTask(t))) {
    it(`${task}: same seed, same data; sizes and labels are right`, () => {
      const one = makeDataset(task, { seed: 11 });
      const two = makeDataset(task, { seed: 11 });
      const other = makeDataset(task, { seed: 12 });
      expect(Array.from(two.train.x)).toEqual(Array.from(one.train.x));
      expect(Array.from(two.val.y)).toEqual(Array.from(one.val.y));
      expect(Array.from(other.train.x)).not.toEqual(Array.from(one.train.x));
      expect(one.train.x.length).toBe(one.train.count * one.inputSize);
      expect(one.val.count).toBeGreaterThan(0);
      expect(one.train.x.every(Number.isFinite)).toBe(true);
      if (one.kind === "classification") {
        const labels = new Set([...one.train.y, ...one.val.y]);
        expect([...labels].sort((a, b) => a - b)).toEqual(Array.from({ length: one.classes }, (_, i) => i));
      }
    });
  }

  it("glyphs are 8×8 images of ten distinct digits", () => {
    const glyphs = Array.from({ length: 10 }, (_, d) => Array.from(glyphPixels(d)).join(""));
    expect(new Set(glyphs).size).toBe(10);
    const data = makeDataset("glyphs", { seed: 1, noise: 0 });
    expect(data.inputShape).toEqual([8, 8, 1]);
    expect(data.train.x.every((v) => v === 0 || v === 1)).toBe(true);
  });

  it("rejects bad options with the field's name", () => {
    expect(() => makeDataset("moons", { seed: 1, noise: 2 })).toThrow(/noise must be in \[0, 1\], got 2/);
    expect(() => makeDataset("moons", { seed: 1, size: 5 })).toThrow(/size must be an integer in \[20, 100000\]/);
    expect(() => makeDataset("nope" as never, { seed: 1 })).toThrow(/unknown task "nope"/);
  });
});
