/**
 * A short race on the real digits in Node: both models learn (well above the
 * 10% of guessing within a hundred steps), the same seed repeats, the end-of-run
 * predictions agree with the race's own accuracy, and nothing leaks.
 */
import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { Race, type RaceOptions } from "../../src/training/race.ts";
import { loadTaskData } from "../../src/data/datasets.ts";
import { fittedSpec } from "../../src/schedules/fit.ts";
import { validationPredictions } from "../../src/training/predictions.ts";

beforeAll(async () => {
  await tf.setBackend("cpu");
  await loadTaskData("digits");
});

const options = (model: "mlp" | "cnn", steps: number): RaceOptions => ({
  task: "digits", model, optimizer: "momentum", batchSize: 32, seed: 1, evalEvery: steps, hidden: [32],
  schedules: [fittedSpec("constant", steps, 0.05), fittedSpec("cosine", steps, 0.05)],
});

describe("a race on handwritten digits", () => {
  for (const [model, steps] of [["mlp", 80], ["cnn", 30]] as const) {
    it(`${model}: learns, repeats for a seed, and its predictions match its accuracy`, async () => {
      const before = tf.memory().numTensors;
      const race = new Race(tf, options(model, steps));
      expect(race.dataset.train.count).toBe(1397);
      expect(race.dataset.val.count).toBe(400);
      const { records } = await race.runSteps(steps);
      const last = records.at(-1);
      const accuracy = last?.valAccuracy ?? [];
      for (const a of accuracy) expect(a).toBeGreaterThan(0.6);
      const predictions = await validationPredictions(race);
      expect(predictions?.step).toBe(steps);
      expect(predictions?.imageShape).toEqual([8, 8]);
      predictions?.runs.forEach((run, k) => {
        expect(run).not.toBeNull();
        expect(run?.predicted).toHaveLength(400);
        expect(1 - (run?.wrong ?? 0) / 400).toBeCloseTo(accuracy[k] as number, 6);
        const matrixTotal = run?.confusion.flat().reduce((s, v) => s + v, 0);
        expect(matrixTotal).toBe(400);
        expect(run?.mistakes.length).toBe(Math.min(6, run?.wrong ?? 0));
        for (const m of run?.mistakes ?? []) {
          expect(m.predicted).not.toBe(m.label);
          expect(m.pixels).toHaveLength(64);
        }
      });
      race.dispose();
      expect(tf.memory().numTensors).toBe(before);

      const again = new Race(tf, options(model, steps));
      const repeat = await again.runSteps(steps);
      again.dispose();
      expect(repeat.records.map((r) => r.trainLoss)).toEqual(records.map((r) => r.trainLoss));
    });
  }
});
