/**
 * The Hugging Face adapter against values worked out by hand from
 * transformers' src/transformers/optimization.py (huggingface/transformers at
 * 005edac). Each schedule is a LambdaLR: value i = base_lr × λ(i).
 */
import { describe, expect, it } from "vitest";
import { hfAdapter } from "../../../src/schedules/frameworks/hf.ts";
import { pytorchAdapter } from "../../../src/schedules/frameworks/pytorch.ts";
import { sampleSchedule } from "../../../src/schedules/index.ts";
import { mismatches } from "../../support/close.ts";

function run(name: string, params: Record<string, unknown>, steps: number, extra: { baseLr?: number; metrics?: number[] } = {}): number[] {
  const result = hfAdapter.values({ name, params, steps, ...extra });
  if (!result.ok) throw new Error(result.error);
  return result.lr;
}

const C1 = Math.cos(Math.PI / 4);

describe("Hugging Face schedules, worked from the source", () => {
  it("linear: warmup from 0 (update 0 has rate 0), decay to 0 at num_training_steps, then 0", () => {
    expect(mismatches(run("linear", { num_warmup_steps: 2, num_training_steps: 6 }, 9), [0, 0.5, 1, 0.75, 0.5, 0.25, 0, 0, 0])).toEqual([]);
  });

  it("cosine has no clamp: past num_training_steps it rises again", () => {
    expect(mismatches(run("cosine", { num_warmup_steps: 0, num_training_steps: 4 }, 7), [1, (1 + C1) / 2, 0.5, (1 - C1) / 2, 0, (1 - C1) / 2, 0.5])).toEqual([]);
  });

  it("cosine_with_restarts: hard restarts, 0 once progress reaches 1", () => {
    expect(mismatches(run("cosine_with_restarts", { num_warmup_steps: 0, num_training_steps: 4, num_cycles: 2 }, 6), [1, 0.5, 1, 0.5, 0, 0])).toEqual([]);
  });

  it("polynomial reads lr_init from the optimizer and holds lr_end past the horizon", () => {
    // (1 − 0.1)(1 − 2/4)^2 + 0.1 = 0.325
    expect(mismatches(run("polynomial", { num_warmup_steps: 0, num_training_steps: 4, lr_end: 0.1, power: 2 }, 6, { baseLr: 1 }), [1, 0.60625, 0.325, 0.15625, 0.1, 0.1])).toEqual([]);
    const r = hfAdapter.values({ name: "polynomial", params: { num_warmup_steps: 0, num_training_steps: 4, lr_end: 0.5 }, baseLr: 0.1, steps: 2 });
    expect(r.ok ? "" : r.error).toMatch(/lr_end \(0.5\) must be smaller than initial lr \(0.1\)/);
  });

  it("constant and constant_with_warmup", () => {
    expect(run("constant", {}, 3, { baseLr: 0.1 })).toEqual([0.1, 0.1, 0.1]);
    expect(run("constant_with_warmup", { num_warmup_steps: 4 }, 6)).toEqual([0, 0.25, 0.5, 0.75, 1, 1]);
  });

  it("inverse_sqrt: 1/sqrt((t + timescale − W)/timescale), timescale defaulting to W or 10000", () => {
    const lr = run("inverse_sqrt", { num_warmup_steps: 4 }, 17);
    expect(mismatches([lr[2], lr[4], lr[16]] as number[], [0.5, 1, 0.5])).toEqual([]);
    const noWarmup = run("inverse_sqrt", { num_warmup_steps: 0 }, 30_001);
    expect(noWarmup[30_000]).toBeCloseTo(0.5, 12);
  });

  it("cosine_with_min_lr: a floor as a ratio (min_lr_rate) or absolute (min_lr / optimizer lr)", () => {
    expect(mismatches(run("cosine_with_min_lr", { num_warmup_steps: 0, num_training_steps: 4, min_lr_rate: 0.1 }, 5), [1, 0.9 * (1 + C1) / 2 + 0.1, 0.55, 0.9 * (1 - C1) / 2 + 0.1, 0.1])).toEqual([]);
    expect(mismatches(run("cosine_with_min_lr", { num_warmup_steps: 0, num_training_steps: 4, min_lr: 0.02 }, 5, { baseLr: 0.2 }).slice(4), [0.02])).toEqual([]);
    const both = hfAdapter.values({ name: "cosine_with_min_lr", params: { num_warmup_steps: 0, num_training_steps: 4, min_lr: 0.1, min_lr_rate: 0.1 }, steps: 1 });
    expect(both.ok ? "" : both.error).toMatch(/only one of min_lr or min_lr_rate/);
  });

  it("cosine_warmup_with_min_lr warms up with (t + 1)/W, never 0, and shifts the decay by one", () => {
    const lr = run("cosine_warmup_with_min_lr", { num_warmup_steps: 4, num_training_steps: 8, min_lr_rate: 0 }, 6);
    expect(mismatches(lr, [0.25, 0.5, 0.75, 1, (1 + C1) / 2, 0.5])).toEqual([]);
  });

  it("warmup_stable_decay starts its warmup at min_lr_ratio, holds, decays, then stays at the ratio", () => {
    const lr = run("warmup_stable_decay", { num_warmup_steps: 2, num_stable_steps: 2, num_decay_steps: 2, decay_type: "linear", min_lr_ratio: 0.1 }, 8);
    expect(mismatches(lr, [0.1, 0.55, 1, 1, 1, 0.55, 0.1, 0.1])).toEqual([]);
    const missing = hfAdapter.values({ name: "warmup_stable_decay", params: { num_warmup_steps: 2, num_decay_steps: 2 }, steps: 1 });
    expect(missing.ok ? "" : missing.error).toMatch(/either num_training_steps or num_stable_steps/);
  });

  it("reduce_lr_on_plateau is PyTorch's ReduceLROnPlateau", () => {
    const metrics = [1, 1, 1, 1, 1, 1];
    const hf = run("reduce_lr_on_plateau", { patience: 2, factor: 0.5 }, 6, { baseLr: 1, metrics });
    const torch = pytorchAdapter.values({ name: "ReduceLROnPlateau", params: { patience: 2, factor: 0.5 }, baseLr: 1, steps: 5, metrics });
    expect(torch.ok && torch.lr).toEqual(hf);
  });

  it("names the problem in a bad configuration", () => {
    const r = hfAdapter.values({ name: "linear", params: { num_warmup_steps: -1, num_training_steps: 10 }, steps: 2 });
    expect(r.ok ? "" : r.error).toMatch(/num_warmup_steps must be an integer ≥ 0, got -1/);
    const u = hfAdapter.values({ name: "cosine_annealing", params: {}, steps: 2 });
    expect(u.ok ? "" : u.error).toMatch(/unknown Hugging Face scheduler "cosine_annealing"/);
  });
});

describe("Hugging Face configurations map to our specs", () => {
  const cases: [string, Record<string, unknown>, number][] = [
    ["linear", { num_warmup_steps: 10, num_training_steps: 100 }, 0.1],
    ["cosine", { num_warmup_steps: 10, num_training_steps: 100 }, 0.1],
    ["cosine_with_min_lr", { num_warmup_steps: 10, num_training_steps: 100, min_lr_rate: 0.1 }, 0.1],
    ["cosine_with_restarts", { num_warmup_steps: 10, num_training_steps: 100, num_cycles: 3 }, 0.1],
    ["polynomial", { num_warmup_steps: 10, num_training_steps: 100, lr_end: 0.001, power: 2 }, 0.1],
    ["constant_with_warmup", { num_warmup_steps: 10 }, 0.1],
    ["inverse_sqrt", { num_warmup_steps: 10 }, 0.1],
    ["warmup_stable_decay", { num_warmup_steps: 10, num_training_steps: 100, num_decay_steps: 20, warmup_type: "cosine", decay_type: "1-sqrt", min_lr_ratio: 0.05 }, 0.1],
  ];
  for (const [name, params, baseLr] of cases) {
    it(`${name} ${JSON.stringify(params)}: our spec gives Hugging Face's values`, () => {
      const spec = hfAdapter.toSpec(name, params, baseLr);
      if (!spec.ok) throw new Error(spec.error);
      // cosine_with_restarts returns 0 from num_training_steps on; our restarts go on (the caveat says so).
      const horizon = name === "cosine_with_restarts" ? 100 : 130;
      if (name === "cosine_with_restarts") expect(spec.caveat).toMatch(/returns 0/);
      expect(mismatches(sampleSchedule(spec.spec, horizon), run(name, params, horizon, { baseLr }), 1e-9)).toEqual([]);
    });
  }
});
