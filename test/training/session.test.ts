import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { TrainingSession, type SessionState } from "../../src/training/session.ts";
import { checkSpec, type ScheduleSpec } from "../../src/schedules/index.ts";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

const options = (steps: number) => ({
  task: "xor" as const, model: "mlp" as const, optimizer: "sgd" as const, batchSize: 8, seed: 2, evalEvery: 10, hidden: [4], steps, chunkMs: 5,
  schedules: [checkSpec({ kind: "constant", lr: 0.1 } as ScheduleSpec), checkSpec({ kind: "cosine", lr: 0.1, decaySteps: 100 } as ScheduleSpec)],
});

describe("a training session", () => {
  it("streams every step once, in order, in chunks, then says done", async () => {
    const steps: number[] = [];
    const states: SessionState[] = [];
    let chunks = 0;
    let speed = 0;
    const session = new TrainingSession(tf, options(120), {
      records: (records, stepsPerSecond) => {
        chunks += 1;
        speed = stepsPerSecond;
        steps.push(...records.map((r) => r.step));
      },
      state: (s) => states.push(s),
    });
    await expect(session.start()).resolves.toBe("done");
    expect(steps).toEqual(Array.from({ length: 120 }, (_, i) => i));
    expect(chunks).toBeGreaterThan(1);
    expect(speed).toBeGreaterThan(0);
    expect(states).toEqual(["running", "done"]);
    await session.dispose();
  });

  it("pauses, resumes and stops", async () => {
    let seen = 0;
    const session = new TrainingSession(tf, options(100_000), { records: (r) => (seen += r.length) });
    const run = session.start();
    while (seen < 20) await new Promise((r) => setTimeout(r, 1));
    session.pause();
    await new Promise((r) => setTimeout(r, 30));
    const paused = seen;
    await new Promise((r) => setTimeout(r, 60));
    expect(seen).toBe(paused);
    expect(session.state).toBe("paused");
    session.resume();
    while (seen < paused + 20) await new Promise((r) => setTimeout(r, 1));
    session.stop();
    await expect(run).resolves.toBe("stopped");
    expect(session.race.stepCount).toBeLessThan(100_000);
    await session.dispose();
  });

  it("resets to step 0 with the same starting weights, and can run again", async () => {
    const first: (number | null)[] = [];
    const session = new TrainingSession(tf, options(30), { records: (r) => first.push(...r.map((x) => x.trainLoss[0] as number)) });
    await session.start();
    const before = first.slice();
    first.length = 0;
    await session.reset();
    expect(session.state).toBe("idle");
    expect(session.race.stepCount).toBe(0);
    await session.start();
    expect(first).toEqual(before);
    await session.dispose();
  });
});

describe("stepping a paused session", () => {
  it("continues in order from where the loop stopped when stepped right after pausing", async () => {
    const steps: number[] = [];
    const session = new TrainingSession(tf, options(100_000), { records: (r) => steps.push(...r.map((x) => x.step)) });
    // start() runs until its first chunk awaits its losses; pause and step right then.
    const run = session.start();
    session.pause();
    await session.advance(3);
    expect(steps).toEqual([0, 1, 2, 3]);
    session.stop();
    await run;
    await session.dispose();
  });
});
