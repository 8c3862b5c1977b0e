/**
 * Weight averages (src/training/averaging.ts): the running mean and the EMA
 * against the same averages computed by hand from snapshots of the weights,
 * PyTorch AveragedModel's conventions (the first update copies), the tail's
 * window, and a race that reports its averages beside its weights.
 */
import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { atWeights, parseAverage, WeightAverages } from "../../src/training/averaging.ts";
import { Race } from "../../src/training/race.ts";
import { loadTaskData } from "../../src/data/datasets.ts";
import { parseExperimentArgs, ExperimentError } from "../../src/cli/experiment-core.ts";

beforeAll(async () => {
  await tf.setBackend("cpu");
  await loadTaskData("digits");
});

describe("parseAverage", () => {
  it("reads ema:β and tail:f, resolving the tail's first step from the run's length", () => {
    expect(parseAverage("ema:0.99", 500)).toEqual({ kind: "ema", decay: 0.99, label: "ema:0.99" });
    expect(parseAverage("tail:0.5", 500)).toEqual({ kind: "tail", fraction: 0.5, start: 250, label: "tail:0.5" });
    expect(parseAverage("tail:0", 500)).toMatchObject({ start: 0 });
  });

  it("refuses what it cannot read, naming the form", () => {
    expect(() => parseAverage("swa", 500)).toThrow(/must be ema:β or tail:f .* got "swa"/);
    expect(() => parseAverage("ema:1", 500)).toThrow(/β in \(0, 1\), got 1/);
    expect(() => parseAverage("tail:1.5", 500)).toThrow(/f in \[0, 1\), got 1.5/);
    expect(() => parseAverage("ema:0x1", 500)).toThrow(/must be ema:β/);
  });

  it("is a race setting: --average on the command line, with the flag named in its errors", () => {
    const config = parseExperimentArgs(["--task", "digits", "--steps", "100", "--average", "ema:0.9,tail:0.25"]);
    expect(config.average.map((a) => a.label)).toEqual(["ema:0.9", "tail:0.25"]);
    expect(config.average[1]).toMatchObject({ start: 25 });
    expect(() => parseExperimentArgs(["--task", "digits", "--average", "ema:2"])).toThrow(ExperimentError);
    expect(() => parseExperimentArgs(["--task", "digits", "--average", "ema:2"])).toThrow(/--average 1: ema:β needs β in \(0, 1\), got 2/);
    expect(parseExperimentArgs(["--task", "digits"]).average).toEqual([]);
  });
});

describe("WeightAverages", () => {
  it("keeps the running mean of the tail and the EMA of every step, as computed by hand", () => {
    const w = tf.variable(tf.tensor3d([0, 0], [2, 1, 1]));
    const averages = new WeightAverages(tf, [parseAverage("tail:0.5", 6), parseAverage("ema:0.5", 6)]);
    const seen: number[][] = [];
    for (let step = 0; step < 6; step += 1) {
      // Two copies with different weights after each step: 1, 2, …, and 10, 20, ….
      w.assign(tf.tensor3d([step + 1, 10 * (step + 1)], [2, 1, 1]));
      seen.push([step + 1, 10 * (step + 1)]);
      averages.update([w], step);
      if (step < 3) expect(averages.values(0), `the tail starts at step 3, not ${step}`).toBeNull();
    }
    // Tail: weights after steps 3, 4, 5 (4, 5, 6 and 40, 50, 60).
    expect(averages.count(0)).toBe(3);
    expect(Array.from(((averages.values(0) ?? [])[0] as tf.Tensor).dataSync())).toEqual([5, 50]);
    // EMA, first update copies: 1 → 0.5·1 + 0.5·2 = 1.5 → 2.25 → 3.125 → 4.0625 → 5.03125.
    let ema = [1, 10];
    for (const s of seen.slice(1)) ema = ema.map((e, k) => 0.5 * e + 0.5 * (s[k] as number));
    const got = Array.from(((averages.values(1) ?? [])[0] as tf.Tensor).dataSync());
    expect(got[0]).toBeCloseTo(5.03125, 6);
    got.forEach((v, k) => expect(v).toBeCloseTo(ema[k] as number, 5));
    averages.dispose();
    w.dispose();
  });

  it("atWeights evaluates at other values and puts the weights back", () => {
    const w = tf.variable(tf.tensor1d([1, 2]));
    const inside = atWeights(tf, [w], [tf.tensor1d([7, 8])], () => Array.from(w.dataSync()));
    expect(inside).toEqual([7, 8]);
    expect(Array.from(w.dataSync())).toEqual([1, 2]);
    w.dispose();
  });
});

describe("a race with averages", () => {
  it("reports each average beside the weights: null before a tail begins, equal to the weights when it holds one step", async () => {
    // The tail starts at the last step, so at the last evaluation it holds exactly the current weights.
    const config = parseExperimentArgs(["--task", "digits", "--optimizer", "momentum", "--schedules", "constant,cosine", "--lr", "0.3", "--steps", "20", "--eval-every", "10", "--average", "tail:0.95,ema:0.9"]);
    expect(config.average[0]).toMatchObject({ start: 19 });
    const before = tf.memory().numTensors;
    const race = new Race(tf, config);
    const { records } = await race.runSteps(20);
    race.dispose();
    expect(tf.memory().numTensors).toBe(before);
    const [mid, last] = records.filter((r) => r.valLoss);
    expect(mid?.averaged?.[0]).toEqual({ valLoss: [null, null], valAccuracy: [null, null] });
    expect(last?.averaged?.[0]?.valLoss).toEqual(last?.valLoss);
    // The EMA lags the weights: a different loss, and a finite one.
    const ema = last?.averaged?.[1]?.valLoss as number[];
    ema.forEach((v, k) => {
      expect(Number.isFinite(v)).toBe(true);
      expect(v).not.toBe(last?.valLoss?.[k]);
    });
  });
});
