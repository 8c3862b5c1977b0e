/** `experiment --task shakespeare` as a reader runs it: a child process, JSON and CSV, clear errors. */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { parseTextExperimentArgs } from "../../src/cli/text-experiment.ts";
import { sampleSchedule } from "../../src/schedules/index.ts";

const run = (args: string[]) => spawnSync(process.execPath, ["src/cli/experiment.ts", ...args], { encoding: "utf8", cwd: process.cwd() });
const small = ["--task", "shakespeare", "--model", "transformer", "--layers", "1", "--width", "8", "--heads", "2", "--context", "8", "--batch-size", "4", "--val-windows", "8", "--sample-length", "20", "--seed", "2"];

describe("experiment --task shakespeare", () => {
  it("prints bits/char per step, the unigram reference and one seeded sample per schedule; same seed, same output", () => {
    const args = [...small, "--norm", "pre", "--schedules", "constant,inverse-sqrt", "--lr", "0.01", "--steps", "10", "--eval-every", "5", "--temperature", "0.5"];
    const r = run(args);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as {
      backend: string; unit: string; unigramBits: number;
      config: { schedules: Parameters<typeof sampleSchedule>[0][]; norm: string };
      records: { lr: number[]; trainLoss: number[]; valLoss?: number[] }[];
      samples: { label: string; temperature: number; text: string }[];
    };
    expect(out.backend).toBe("wasm");
    expect(out.unit).toBe("bits/char");
    expect(out.unigramBits).toBeCloseTo(4.7638, 3);
    expect(out.config.norm).toBe("pre");
    expect(out.records).toHaveLength(10);
    out.config.schedules.forEach((spec, k) => expect(out.records.map((rec) => rec.lr[k])).toEqual(sampleSchedule(spec, 10)));
    // An untrained model over 62 characters sits near log2(62) ≈ 5.95 bits/char, not at a nat-valued loss.
    expect(out.records[0]?.trainLoss[0]).toBeGreaterThan(4.5);
    expect(out.records[0]?.trainLoss[0]).toBeLessThan(9);
    expect(out.records[4]?.valLoss).toHaveLength(2);
    expect(out.samples.map((s) => [s.label, s.temperature, s.text.length])).toEqual([["constant", 0.5, 20], ["inverse-sqrt", 0.5, 20]]);
    expect(JSON.parse(run(args).stdout)).toMatchObject({ records: out.records, samples: out.samples });
  }, 120_000);

  it("prints CSV rows in bits/char", () => {
    const r = run([...small, "--schedules", "constant", "--steps", "10", "--csv", "--backend", "cpu"]);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toBe("step,run,schedule,lr,train_bits,val_bits");
    expect(lines).toHaveLength(11);
    expect(lines[1]).toMatch(/^0,0,constant,0\.1,[0-9.]+,$/);
  }, 120_000);

  it("--help documents the task; bad options get one line naming the option", () => {
    expect(run(["--help"]).stdout).toMatch(/--task shakespeare --model transformer[\s\S]*--norm post\|pre/);
    const bad = run([...small, "--norm", "middle"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr.split("\n")[0]).toBe('experiment: --norm must be one of post, pre, got "middle"');
    expect(() => parseTextExperimentArgs([...small, "--width", "10", "--heads", "4"])).toThrow("--width (10) must be a multiple of --heads (4)");
    expect(() => parseTextExperimentArgs([...small, "--model", "mlp"])).toThrow(/--model must be transformer/);
    expect(() => parseTextExperimentArgs([...small, "--schedules", "constant,cosine", "--labels", "one"])).toThrow(/--labels needs one non-empty name per schedule \(2\)/);
    expect(() => parseTextExperimentArgs([...small, "--temperature", "0"])).toThrow(/--temperature must be a number in \(0, 10\]/);
    expect(() => parseTextExperimentArgs([...small, "--hidden", "8"])).toThrow(/unknown option --hidden/);
  }, 120_000);
});
