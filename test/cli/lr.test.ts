/** The `lr` CLI as a reader runs it: a child process, stdout, stderr, exit code. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const run = (args: string[], input?: string) =>
  spawnSync(process.execPath, ["src/cli/lr.ts", ...args], { encoding: "utf8", input, cwd: process.cwd() });

describe("lr CLI", () => {
  it("prints PyTorch's values for one configuration, steps + 1 of them", () => {
    const r = run(["pytorch", "StepLR", '{"step_size":2,"gamma":0.5}', "--base-lr", "0.1", "--steps", "4"]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ lr: [0.1, 0.1, 0.05, 0.05, 0.025] });
  });

  it("prints CSV on request", () => {
    const r = run(["pytorch", "ExponentialLR", '{"gamma":0.5}', "--base-lr", "1", "--steps", "2", "--csv"]);
    expect(r.stdout).toBe("step,lr\n0,1\n1,0.5\n2,0.25\n");
  });

  it("samples our own spec", () => {
    const r = run(["spec", '{"kind":"linear","lr":1,"endLr":0,"decaySteps":4}', "--steps", "6"]);
    expect(JSON.parse(r.stdout)).toEqual({ lr: [1, 0.75, 0.5, 0.25, 0, 0] });
  });

  it("runs a batch in order, with an error object for a bad case", () => {
    const dir = mkdtempSync(join(tmpdir(), "lr-cli-"));
    const file = join(dir, "cases.json");
    writeFileSync(
      file,
      JSON.stringify([
        { library: "pytorch", name: "StepLR", params: { step_size: 1 }, base_lr: 1, steps: 2 },
        { library: "pytorch", name: "StepLR", params: { step_size: -1 }, base_lr: 1, steps: 2 },
        { library: "pytorch", name: "ReduceLROnPlateau", params: { patience: 0 }, base_lr: 1, steps: 2, metrics: [1, 1] },
        { library: "caffe", name: "step", params: {}, steps: 2 },
      ]),
    );
    const r = run(["--batch", file]);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as ({ lr: number[] } | { error: string })[];
    expect(out[0]).toEqual({ lr: [1, 0.1, 0.010000000000000002] });
    expect(out[1]).toEqual({ error: expect.stringMatching(/step_size must be an integer ≥ 1, got -1/) });
    expect(out[2]).toEqual({ lr: [1, 1, 0.1] });
    expect(out[3]).toEqual({ error: expect.stringMatching(/library must be one of/) });
  });

  it("reads a batch from standard input", () => {
    const r = run(["--batch", "-"], JSON.stringify([{ library: "pytorch", name: "ConstantLR", params: {}, base_lr: 0.3, steps: 1 }]));
    expect(JSON.parse(r.stdout)).toEqual([{ lr: [0.09999999999999999, 0.09999999999999999] }]);
  });

  for (const [args, message] of [
    [["--batch", "/nonexistent/cases.json"], /cannot read \/nonexistent\/cases.json: ENOENT/],
    [["pytorch", "StepLR", "{step_size:1}"], /the params is not valid JSON/],
    [["pytorch", "StepLR", "{}", "--steps", "ten"], /--steps must be a number, got "ten"/],
    [["--frobnicate"], /unknown option --frobnicate/],
    [[], /say which library/],
  ] as [string[], RegExp][]) {
    it(`refuses ${JSON.stringify(args)} with a message and no stack trace`, () => {
      const r = run(args);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stdout).toBe("");
    });
  }

  it("exits non-zero with the library's error for a single bad configuration", () => {
    const r = run(["pytorch", "OneCycleLR", '{"max_lr":0.1,"total_steps":5}', "--base-lr", "0.1", "--steps", "7"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/Tried to step 7 times. The specified number of total steps is 5/);
  });
});
