/**
 * The browser's text-race loop (TextSession): slices sized from the measured
 * speed, the same records as one uninterrupted race, no tensor growth over a
 * long run, and samples at the end.
 */
import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { loadShakespeare, type TextCorpus } from "../../src/data/shakespeare/corpus.ts";
import { checkSpec, type ScheduleSpec } from "../../src/schedules/index.ts";
import { TextRace } from "../../src/training/text-race.ts";
import { TextSession, type TextRunConfig } from "../../src/training/text-session.ts";

let corpus: TextCorpus;
beforeAll(async () => {
  await tf.setBackend("cpu");
  corpus = await loadShakespeare();
});

const constant = checkSpec({ kind: "constant", lr: 0.01 } as ScheduleSpec);
const warm = checkSpec({ kind: "inverse-sqrt", lr: 0.01, warmupSteps: 3, timescale: 3 } as ScheduleSpec);
const config = (extra: Partial<TextRunConfig> = {}): TextRunConfig => ({
  schedules: [constant, warm], labels: ["no warmup", "inverse sqrt"], norm: "pre", layers: 1, width: 8, heads: 2, context: 8, batchSize: 4, seed: 2,
  evalEvery: 4, valWindows: 8, steps: 30, sampleLength: 12, temperature: 0.8, prompt: "\n", ...extra,
});

describe("text session", () => {
  it("trains in slices to the end and gives the records of one uninterrupted race", async () => {
    const session = new TextSession(tf, corpus, config());
    expect(session.chunkSize(100)).toBe(1);
    const sizes: number[] = [];
    const records = [];
    while (!session.done) {
      const n = session.chunkSize(20);
      const slice = await session.advance(20);
      expect(slice.records).toHaveLength(n);
      sizes.push(n);
      records.push(...slice.records);
    }
    expect(session.stepsPerSecond).toBeGreaterThan(0);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(30);
    // After the first (timed) step the slices follow the budget: a tiny budget gives 1 step, a huge one the cap or what is left.
    expect(session.chunkSize(1e-6)).toBe(0);
    const samples = await session.samples();
    session.dispose();
    expect(samples.map((s) => [s.label, s.seed, s.temperature, s.text?.length])).toEqual([["no warmup", 2, 0.8, 12], ["inverse sqrt", 2, 0.8, 12]]);
    const whole = new TextRace(tf, corpus, config());
    const once = await whole.runSteps(30);
    whole.dispose();
    expect(records).toEqual(once.records);
    expect(records.filter((r) => r.valLoss).map((r) => r.step)).toEqual([3, 7, 11, 15, 19, 23, 27]);
  });

  it("slices follow the time budget once a step is timed", async () => {
    const session = new TextSession(tf, corpus, config({ steps: 500 }));
    await session.advance(50);
    expect(session.chunkSize(1e-6)).toBe(1);
    expect(session.chunkSize(1e9)).toBe(64);
    session.dispose();
  });

  it("holds its tensor count flat over a long run, and frees everything on dispose", async () => {
    const start = tf.memory().numTensors;
    const session = new TextSession(tf, corpus, config({ steps: 120, evalEvery: 7 }));
    await session.advance(5);
    const settled = tf.memory().numTensors;
    const counts: number[] = [];
    while (!session.done) {
      await session.advance(15);
      counts.push(tf.memory().numTensors);
    }
    expect(counts.length).toBeGreaterThan(3);
    expect(new Set(counts)).toEqual(new Set([settled]));
    await session.samples();
    expect(tf.memory().numTensors).toBe(settled);
    session.dispose();
    expect(tf.memory().numTensors).toBe(start);
  }, 60_000);

  it("refuses labels that do not match the schedules", () => {
    expect(() => new TextSession(tf, corpus, config({ labels: ["one"] }))).toThrow("2 schedules need as many labels, got 1");
  });
});
