/** `experiment -- --range-test` as a reader runs it: a child process on tfjs's CPU backend. */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { isRangeTest, parseRangeTestArgs } from "../../src/cli/range-test.ts";
import { rangeRates } from "../../src/training/range-test.ts";

const run = (args: string[]) => spawnSync(process.execPath, ["src/cli/experiment.ts", "--range-test", ...args], { encoding: "utf8", cwd: process.cwd() });

describe("experiment --range-test", () => {
  it("reads the range and the race's own settings, with defaults", () => {
    expect(isRangeTest(["--task", "digits", "--range-test"])).toBe(true);
    expect(isRangeTest(["--task", "digits"])).toBe(false);
    const { config, format } = parseRangeTestArgs(["--range-test", "--task", "moons", "--low", "1e-3", "--high", "3", "--steps", "50", "--modes", "linear", "--csv"]);
    expect(config).toMatchObject({ task: "moons", model: "mlp", optimizer: "sgd", low: 1e-3, high: 3, steps: 50, modes: ["linear"], batchSize: 32, seed: 1 });
    expect(format).toBe("csv");
    expect(parseRangeTestArgs(["--range-test"]).config).toMatchObject({ task: "digits", low: 1e-4, high: 10, steps: 300, modes: ["exponential", "linear"] });
  });

  it("names the bad option", () => {
    expect(() => parseRangeTestArgs(["--low", "0"])).toThrow(/--low must be a number in \(0, 1000\], got "0"/);
    expect(() => parseRangeTestArgs(["--low", "2", "--high", "1"])).toThrow(/--high must be above low \(2\), got 1/);
    expect(() => parseRangeTestArgs(["--modes", "cubic"])).toThrow(/--modes must list exponential and\/or linear once each, got \["cubic"\]/);
    expect(() => parseRangeTestArgs(["--task", "gridworld"])).toThrow(/--task must be one of spirals/);
    expect(() => parseRangeTestArgs(["--task", "moons", "--model", "cnn"])).toThrow(/--model cnn needs image inputs/);
    expect(() => parseRangeTestArgs(["--lr", "1"])).toThrow(/unknown option --lr/);
  });

  it("trains at exactly the rising rates, stops once both curves diverge, and prints the readings; same seed, same numbers", () => {
    const args = ["--task", "sine", "--low", "1e-4", "--high", "100", "--steps", "200", "--seed", "2"];
    const r = run(args);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { task: string; stepsRun: number; curves: { mode: "linear" | "exponential"; rates: number[]; losses: (number | null)[]; reading: { divergedAt: number | null; minimum: { rate: number }; suggestion: { low: number; high: number } } }[] };
    expect(out.task).toBe("range-test");
    expect(out.stepsRun).toBeLessThan(200);
    for (const curve of out.curves) {
      const expected = rangeRates(1e-4, 100, 200, curve.mode);
      curve.rates.forEach((rate, t) => expect(rate).toBe(expected[t]));
      expect(curve.reading.divergedAt).toBe(curve.rates.length - 1);
    }
    // Over six decades in 200 steps, the linear sweep passes 0.5 at step 1: the loss never falls, and no bounds are suggested.
    const [exponential, linear] = out.curves;
    expect(linear!.reading.divergedAt).toBeLessThan(10);
    expect(linear!.reading.suggestion).toBeNull();
    expect(exponential!.reading.suggestion!.low).toBeLessThan(exponential!.reading.suggestion!.high);
    expect(JSON.parse(run(args).stdout)).toEqual(out);
  }, 60_000);

  it("prints CSV rows per step and mode, and one line on stderr for bad input", () => {
    const r = run(["--task", "moons", "--steps", "20", "--modes", "exponential", "--csv"]);
    expect(r.status, r.stderr).toBe(0);
    const rows = r.stdout.trim().split("\n");
    expect(rows[0]).toBe("step,mode,rate,loss,smoothed,centered");
    expect(rows).toHaveLength(21);
    expect(rows[1]).toMatch(/^0,exponential,0\.0001,\d/);
    const bad = run(["--high", "0.00001"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr.split("\n")[0]).toBe("experiment: --high must be above low (0.0001), got 0.00001");
  }, 60_000);
});
