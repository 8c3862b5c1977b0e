/** The `experiment` CLI as an instructor runs it: a child process on tfjs's CPU backend. */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { sampleSchedule, type ScheduleSpec } from "../../src/schedules/index.ts";

const run = (args: string[]) => spawnSync(process.execPath, ["src/cli/experiment.ts", ...args], { encoding: "utf8", cwd: process.cwd() });

describe("experiment CLI", () => {
  it("trains every schedule and prints per-step JSON metrics, the same for the same seed", () => {
    const args = ["--task", "spirals", "--model", "mlp", "--optimizer", "sgd", "--schedules", "cosine,step,exponential", "--steps", "60", "--seed", "1", "--eval-every", "20", "--json"];
    const r = run(args);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { backend: string; records: { step: number; lr: number[]; trainLoss: number[]; valAccuracy?: number[] }[]; config: { schedules: ScheduleSpec[]; labels: string[] } };
    expect(out.backend).toBe("cpu");
    expect(out.config.labels).toEqual(["cosine", "step", "exponential"]);
    expect(out.records).toHaveLength(60);
    out.config.schedules.forEach((spec, k) => {
      const expected = sampleSchedule(spec, 60);
      out.records.forEach((rec, t) => expect(rec.lr[k]).toBe(expected[t]));
    });
    expect(out.records.every((rec) => rec.trainLoss.every((l) => Number.isFinite(l)))).toBe(true);
    expect(out.records[19]?.valAccuracy).toHaveLength(3);
    expect(JSON.parse(run(args).stdout).records).toEqual(out.records);
  }, 60_000);

  it("prints output larger than a pipe buffer in full to a slow reader (stdout drains before exit)", () => {
    // Through a shell pipe whose reader starts late: process.exit() used to cut the output at 64 KB there.
    const r = spawnSync("sh", ["-c", `"${process.execPath}" src/cli/experiment.ts --task sine --schedules constant,cosine --steps 1000 --hidden 4 | (sleep 1; cat)`], { encoding: "utf8", cwd: process.cwd(), maxBuffer: 1 << 26 });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(100_000);
    expect((JSON.parse(r.stdout) as { records: unknown[] }).records).toHaveLength(1000);
  }, 60_000);

  it("prints CSV, one row per step and schedule", () => {
    const r = run(["--task", "sine", "--schedules", "constant,cosine", "--steps", "10", "--csv"]);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toBe("step,run,schedule,lr,train_loss,val_loss,val_accuracy");
    expect(lines).toHaveLength(1 + 10 * 2);
    expect(lines[1]).toMatch(/^0,0,constant,0\.1,[0-9.e-]+,,$/);
  }, 60_000);

  it("refuses bad arguments with a message naming the option, exit code 2, no stack trace", () => {
    for (const [args, message] of [
      [["--task", "cifar"], /--task must be one of spirals/],
      [["--steps", "-5"], /--steps must be an integer in \[10, 1000000\]/],
      [["--schedules", "cosine,nope"], /unknown kind "nope"/],
      [["--schedule", '{"kind":"cosine","lr":-1}'], /--schedule 1: lr/],
      [["--model", "cnn", "--task", "moons"], /--model cnn needs image inputs/],
      [["--bogus"], /unknown option --bogus/],
    ] as const) {
      const r = run([...args]);
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
    }
  });
});
