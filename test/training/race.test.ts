/**
 * The batched race in Node on tfjs's CPU backend: determinism, batched ==
 * separate == an unbatched tf.layers model, divergence, plateau feedback,
 * recorded rates, momentum cycling, and no tensor leak.
 */
import * as tf from "@tensorflow/tfjs";
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { Race, type RaceOptions } from "../../src/training/race.ts";
import { BatchStream, raceStreams } from "../../src/training/batches.ts";
import { createModel } from "../../src/training/model.ts";
import { makeDataset } from "../../src/data/datasets.ts";
import { momentumSchedule } from "../../src/schedules/momentum.ts";
import { checkSpec, sampleSchedule, type ScheduleSpec } from "../../src/schedules/index.ts";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

const cosine = checkSpec({ kind: "cosine", lr: 0.1, decaySteps: 60 } as ScheduleSpec);
const step = checkSpec({ kind: "step", lr: 0.1, stepSize: 20, gamma: 0.5 } as ScheduleSpec);
const constant = checkSpec({ kind: "constant", lr: 0.05 } as ScheduleSpec);

const base = (schedules: ScheduleSpec[], extra: Partial<RaceOptions> = {}): RaceOptions => ({
  task: "moons", model: "mlp", optimizer: "sgd", schedules, batchSize: 16, seed: 3, evalEvery: 20, hidden: [8], ...extra,
});

async function losses(options: RaceOptions, steps: number): Promise<(number | null)[][]> {
  const race = new Race(tf, options);
  const { records } = await race.runSteps(steps);
  race.dispose();
  return records.map((r) => r.trainLoss);
}

describe("a race", () => {
  it("is deterministic: same seed, identical records", async () => {
    const a = await losses(base([cosine, step], { optimizer: "adam" }), 40);
    const b = await losses(base([cosine, step], { optimizer: "adam" }), 40);
    expect(b).toEqual(a);
    const c = await losses(base([cosine, step], { optimizer: "adam", seed: 4 }), 40);
    expect(c).not.toEqual(a);
  });

  it("trains K copies in one graph exactly as K separate races", async () => {
    const together = await losses(base([cosine, step, constant], { optimizer: "momentum" }), 60);
    for (const [k, spec] of [cosine, step, constant].entries()) {
      const alone = await losses(base([spec], { optimizer: "momentum" }), 60);
      alone.forEach((row, t) => expect(together[t]?.[k]).toBeCloseTo(row[0] as number, 5));
    }
  });

  it("with K = 1 matches an unbatched tf.layers model trained with the stock optimizer", async () => {
    for (const optimizer of ["sgd", "adam"] as const) {
      const options = base([constant], { optimizer, batchSize: 16 });
      const ours = (await losses(options, 50)).map((r) => r[0] as number);
      // The plain trainer: the same initial weights, the same batches, tf.layers and tf.train.
      const data = makeDataset("moons", { seed: 3 });
      const streams = raceStreams(3);
      const init = createModel(tf, { model: "mlp", inputShape: [2], outputs: 2, hidden: [8] }, 1, streams.weights);
      const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [2], units: 8, activation: "relu" }), tf.layers.dense({ units: 2 })] });
      model.setWeights(init.initial.kernels.map((k) => tf.tensor(k.values, k.shape[0] === 1 ? [k.shape[1] as number] : k.shape)));
      init.dispose();
      const opt = optimizer === "sgd" ? tf.train.sgd(0.05) : tf.train.adam(0.05);
      const batches = new BatchStream(data.train, 2, streams.batches);
      const plain: number[] = [];
      for (let t = 0; t < 50; t += 1) {
        const b = batches.next(16);
        const x = tf.tensor2d(b.x, [b.count, 2]);
        const y = tf.oneHot(tf.tensor1d(Int32Array.from(b.y), "int32"), 2).toFloat();
        const loss = opt.minimize(() => tf.losses.softmaxCrossEntropy(y, model.apply(x) as tf.Tensor, undefined, undefined, tf.Reduction.MEAN) as tf.Scalar, true) as tf.Scalar;
        plain.push(loss.dataSync()[0] as number);
        tf.dispose([x, y, loss]);
      }
      plain.forEach((p, t) => expect(ours[t]).toBeCloseTo(p, 4));
      model.dispose();
      opt.dispose();
    }
  });

  it("records the rate each optimizer applied, equal to the schedule", async () => {
    const race = new Race(tf, base([cosine, step]));
    const { records } = await race.runSteps(60);
    race.dispose();
    const expected = [sampleSchedule(cosine, 60), sampleSchedule(step, 60)];
    records.forEach((r, t) => r.lr.forEach((lr, k) => expect(lr).toBeCloseTo(expected[k]?.[t] as number, 6)));
  });

  it("stops a diverging copy with its step and lets the others go on", async () => {
    const race = new Race(tf, base([constant, checkSpec({ kind: "constant", lr: 1000 } as ScheduleSpec)], { task: "sine", evalEvery: 10 }));
    const { records, divergences } = await race.runSteps(80);
    race.dispose();
    expect(divergences).toHaveLength(1);
    const d = divergences[0] as { run: number; step: number; message: string };
    expect(d.run).toBe(1);
    expect(d.message).toBe(`diverged at step ${d.step}`);
    expect(records.slice(d.step).every((r) => r.trainLoss[1] === null)).toBe(true);
    // Losses are read back once per chunk (here: per evaluation), so the rate drops to 0 from the next read on.
    expect(records.slice(d.step + 10).every((r) => r.lr[1] === 0)).toBe(true);
    expect(records.slice(0, d.step).every((r) => typeof r.trainLoss[1] === "number")).toBe(true);
    expect(records.every((r) => typeof r.trainLoss[0] === "number" && Number.isFinite(r.trainLoss[0]))).toBe(true);
    const last = records[records.length - 1];
    expect(last?.valLoss?.[0]).toBeTypeOf("number");
    expect(last?.valLoss?.[1]).toBeNull();
  });

  it("feeds the validation loss to a plateau schedule, which cuts its rate", async () => {
    const plateau = checkSpec({ kind: "plateau", lr: 1e-6, patience: 1, factor: 0.5, threshold: 0.01 } as ScheduleSpec);
    const race = new Race(tf, base([plateau, constant], { evalEvery: 5 }));
    const { records, plateau: cuts } = await race.runSteps(40);
    race.dispose();
    expect(cuts.length).toBeGreaterThan(0);
    const first = cuts[0] as { run: number; step: number; from: number; to: number };
    expect(first.run).toBe(0);
    expect(first.to).toBeCloseTo(first.from * 0.5, 12);
    expect(records[first.step]?.lr[0]).toBeCloseTo(first.to, 10);
    expect(records[first.step - 1]?.lr[0]).toBeCloseTo(first.from, 10);
  });

  it("cycles momentum for one-cycle when asked, as PyTorch does", async () => {
    const oneCycle = checkSpec({ kind: "one-cycle", maxLr: 0.1, totalSteps: 50 } as ScheduleSpec);
    const race = new Race(tf, base([oneCycle, constant], { optimizer: "momentum", cycleMomentum: true }));
    const { records } = await race.runSteps(50);
    race.dispose();
    const expected = momentumSchedule(oneCycle) as (t: number) => number;
    records.forEach((r, t) => {
      expect(r.momentum[0]).toBeCloseTo(expected(t), 6);
      expect(r.momentum[1]).toBeCloseTo(0.9, 6);
    });
  });

  it("leaks no tensors: the count after 5000 steps equals the count after 100", async () => {
    const race = new Race(tf, base([cosine, checkSpec({ kind: "plateau", lr: 0.05 } as ScheduleSpec)], { task: "xor", hidden: [4], batchSize: 8, evalEvery: 50, optimizer: "adam" }));
    await race.runSteps(100);
    const after100 = tf.memory().numTensors;
    for (let i = 0; i < 49; i += 1) await race.runSteps(100);
    expect(race.stepCount).toBe(5000);
    expect(tf.memory().numTensors).toBe(after100);
    race.dispose();
  }, 120_000);

  it("trains the CNN on the glyphs, batched", async () => {
    const race = new Race(tf, base([constant, cosine], { task: "glyphs", model: "cnn", optimizer: "adam", batchSize: 32, evalEvery: 40 }));
    const { records } = await race.runSteps(40);
    race.dispose();
    const first = records[0]?.trainLoss[0] as number;
    const last = records[39]?.trainLoss[0] as number;
    expect(first).toBeGreaterThan(last);
    expect(records[39]?.valAccuracy?.[0]).toBeGreaterThan(0.2);
  });
});

describe("momentum cycling against torch", () => {
  const golden = JSON.parse(readFileSync(new URL("../fixtures/pytorch-momentum.json", import.meta.url), "utf8")) as {
    torch: string;
    cases: { name: string; params: Record<string, unknown>; optimizer: string; momentum: number[] }[];
  };
  for (const c of golden.cases) {
    it(`${c.name} ${JSON.stringify(c.params)} (${c.optimizer}) matches torch ${golden.torch}`, () => {
      const p = c.params as Record<string, number & string & boolean>;
      const spec: ScheduleSpec = c.name === "OneCycleLR"
        ? checkSpec({ kind: "one-cycle", maxLr: p.max_lr, totalSteps: p.total_steps, pctStart: p.pct_start ?? 0.3, anneal: p.anneal_strategy ?? "cos", threePhase: p.three_phase ?? false } as unknown as ScheduleSpec)
        : checkSpec({ kind: "cyclic", baseLr: p.base_lr, maxLr: p.max_lr, stepSizeUp: p.step_size_up, stepSizeDown: p.step_size_down ?? p.step_size_up, mode: p.mode ?? "triangular" } as unknown as ScheduleSpec);
      const m = momentumSchedule(spec) as (t: number) => number;
      c.momentum.forEach((expected, t) => expect(m(t)).toBeCloseTo(expected, 9));
    });
  }
});
