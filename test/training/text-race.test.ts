/**
 * The text race: same seed, same numbers; a copy's schedule is the rate its
 * optimizer used; batched copies equal separate single-copy races; samples are
 * seeded; no tensor leak over steps; a NaN in one copy stops that copy only.
 */
import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { loadShakespeare, type TextCorpus } from "../../src/data/shakespeare/corpus.ts";
import { checkSpec, sampleSchedule, type ScheduleSpec } from "../../src/schedules/index.ts";
import { TextRace, type TextRaceOptions } from "../../src/training/text-race.ts";

let corpus: TextCorpus;
beforeAll(async () => {
  await tf.setBackend("cpu");
  corpus = await loadShakespeare();
});

const constant = checkSpec({ kind: "constant", lr: 0.01 } as ScheduleSpec);
const isqrt = checkSpec({ kind: "inverse-sqrt", lr: 0.01, warmupSteps: 4, timescale: 4 } as ScheduleSpec);
const options = (schedules: ScheduleSpec[], extra: Partial<TextRaceOptions> = {}): TextRaceOptions => ({
  schedules, norm: "post", layers: 1, width: 8, heads: 2, context: 8, batchSize: 4, seed: 3, evalEvery: 3, valWindows: 8, ...extra,
});

async function run(o: TextRaceOptions, steps: number) {
  const race = new TextRace(tf, corpus, o);
  const { records } = await race.runSteps(steps);
  race.dispose();
  return records;
}

describe("text race", () => {
  it("same seed, same losses; another seed, other losses; rates are the schedules'", async () => {
    const a = await run(options([constant, isqrt]), 6);
    const b = await run(options([constant, isqrt]), 6);
    const c = await run(options([constant, isqrt], { seed: 4 }), 6);
    expect(b).toEqual(a);
    expect(c.map((r) => r.trainLoss)).not.toEqual(a.map((r) => r.trainLoss));
    expect(a.map((r) => r.lr[1])).toEqual(sampleSchedule(isqrt, 6));
    expect(a[2]?.valLoss?.every((v) => v !== null && v > 0 && v < 10)).toBe(true);
    // Bits per character at step 0, before any update, are the same for both copies (shared weights and batch).
    expect(a[0]?.trainLoss[0]).toBe(a[0]?.trainLoss[1]);
  });

  it("batched copies equal separate races of one copy each", async () => {
    const both = await run(options([constant, isqrt], { norm: "pre" }), 5);
    const one = await run(options([isqrt], { norm: "pre" }), 5);
    both.forEach((r, i) => expect(Math.abs((r.trainLoss[1] as number) - (one[i]?.trainLoss[0] as number))).toBeLessThan(1e-4));
  });

  it("frees its tensors: the count is flat over steps, and back to the start after dispose", async () => {
    const start = tf.memory().numTensors;
    const race = new TextRace(tf, corpus, options([constant, isqrt]));
    await race.runSteps(2);
    const after2 = tf.memory().numTensors;
    await race.runSteps(7);
    expect(tf.memory().numTensors).toBe(after2);
    await race.generate("\n", 5, 0.8, 1);
    expect(tf.memory().numTensors).toBe(after2);
    race.dispose();
    expect(tf.memory().numTensors).toBe(start);
  });

  it("the chunking of steps (one read per chunk) changes no number, even across a divergence", async () => {
    const poisoned = async (chunks: number[]) => {
      const race = new TextRace(tf, corpus, options([constant, isqrt], { evalEvery: 2 }));
      const records = [...(await race.runSteps(2)).records];
      const head = race.model.variables.at(-2) as tf.Variable;
      tf.tidy(() => head.assign(tf.concat([tf.fill([1, ...head.shape.slice(1)], Number.NaN), tf.slice(head, [1, 0, 0], [1, -1, -1])])));
      const divergences = [];
      for (const n of chunks) {
        const chunk = await race.runSteps(n);
        records.push(...chunk.records);
        divergences.push(...chunk.divergences);
      }
      race.dispose();
      return { records, divergences };
    };
    const stepwise = await poisoned([1, 1, 1, 1, 1]);
    const chunked = await poisoned([5]);
    const mixed = await poisoned([3, 0, 2]);
    expect(chunked).toEqual(stepwise);
    expect(mixed).toEqual(stepwise);
    expect(stepwise.divergences).toEqual([{ run: 0, step: 2, message: "diverged at step 2" }]);
    // The stopped copy's rate is 0 from the step after its divergence, inside the chunk too.
    expect(chunked.records.map((r) => r.lr[0])).toEqual([0.01, 0.01, 0.01, 0, 0, 0, 0]);
    expect(chunked.records[3]?.valLoss?.[0]).toBeNull();
    expect(chunked.records[3]?.valLoss?.[1]).toBeGreaterThan(0);
  });

  it("holds its tensor count over a long run read in chunks (the browser's loop)", async () => {
    const race = new TextRace(tf, corpus, options([constant, isqrt, constant], { evalEvery: 5 }));
    await race.runSteps(3);
    const settled = tf.memory().numTensors;
    for (let i = 0; i < 12; i += 1) await race.runSteps(1 + (i % 4));
    expect(race.stepCount).toBe(3 + 30);
    expect(tf.memory().numTensors).toBe(settled);
    race.dispose();
  });

  it("samples are seeded, from the vocabulary, one per copy", async () => {
    const race = new TextRace(tf, corpus, options([constant, isqrt]));
    await race.runSteps(3);
    const one = await race.generate("ROMEO:", 30, 0.8, 5);
    const two = await race.generate("ROMEO:", 30, 0.8, 5);
    const other = await race.generate("ROMEO:", 30, 0.8, 6);
    race.dispose();
    expect(two).toEqual(one);
    expect(other).not.toEqual(one);
    for (const text of one) {
      expect(text).toHaveLength(30);
      expect([...(text as string)].every((ch) => corpus.vocab.includes(ch))).toBe(true);
    }
    await expect(race.generate("é", 3, 1, 1)).rejects.toThrow(/not in the vocabulary/);
  });

  it("a copy whose weights turn NaN stops with 'diverged at step N'; the other trains on as if alone", async () => {
    const race = new TextRace(tf, corpus, options([constant, isqrt], { evalEvery: 0 }));
    await race.runSteps(2);
    // Poison copy 1's output head (the last weight but one): its loss is NaN from the next step on.
    const head = race.model.variables.at(-2) as tf.Variable;
    tf.tidy(() => head.assign(tf.concat([tf.slice(head, [0, 0, 0], [1, -1, -1]), tf.fill([1, ...head.shape.slice(1)], Number.NaN)])));
    const { records, divergences } = await race.runSteps(4);
    race.dispose();
    expect(divergences).toEqual([{ run: 1, step: 2, message: "diverged at step 2" }]);
    expect(records.map((r) => r.trainLoss[1])).toEqual([null, null, null, null]);
    expect(records.at(-1)?.lr[1]).toBe(0);
    const alone = await run(options([constant], { evalEvery: 0 }), 6);
    records.forEach((r, i) => expect(Math.abs((r.trainLoss[0] as number) - (alone[i + 2]?.trainLoss[0] as number))).toBeLessThan(1e-4));
  });
});
