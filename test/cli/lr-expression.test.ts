/**
 * Python functions given as text on the command line: PyTorch's LambdaLR and
 * MultiplicativeLR (lr_lambda), CyclicLR's scale_fn, an optax callable and a
 * Keras LearningRateSchedule (`lambda` with {"fn": ...}), and our own
 * `lambda` spec. PyTorch's own numbers are in pytorch-golden.json (the
 * adapter test holds them at 1e-9); here: the CLI path, and the refusals.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runCase, runSpec } from "../../src/cli/lr-core.ts";

const golden = JSON.parse(readFileSync(new URL("../fixtures/pytorch-golden.json", import.meta.url), "utf8")) as {
  cases: { name: string; params: Record<string, unknown>; expected: { lr?: number[] } }[];
};

const lr = (result: ReturnType<typeof runCase>): number[] => {
  if ("error" in result) throw new Error(result.error);
  return result.lr;
};

describe("lambdas on the command line", () => {
  it("npm run lr -- pytorch LambdaLR '{\"lr_lambda\": ...}' prints torch 1.13's values", () => {
    const run = spawnSync(process.execPath, ["src/cli/lr.ts", "pytorch", "LambdaLR", '{"lr_lambda": "lambda epoch: 0.95 ** epoch"}', "--base-lr", "0.1", "--steps", "10"], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const torch = golden.cases.find((c) => c.name === "LambdaLR" && c.params.lr_lambda === "lambda epoch: 0.95 ** epoch")?.expected.lr ?? [];
    const printed = (JSON.parse(run.stdout) as { lr: number[] }).lr;
    expect(printed).toHaveLength(11);
    printed.forEach((v, i) => expect(Math.abs(v - torch[i]!) / torch[i]!).toBeLessThan(1e-9));
  });

  it("a hostile lambda on the command line: one line on stderr, exit code 1, nothing run", () => {
    const run = spawnSync(process.execPath, ["src/cli/lr.ts", "pytorch", "MultiplicativeLR", '{"lr_lambda": "lambda e: __import__(\'os\')"}', "--base-lr", "0.1"], { encoding: "utf8" });
    expect(run.status).not.toBe(0);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain("`__import__` is not allowed here");
  });

  it("LambdaLR: base_lr × lr_lambda(epoch)", () => {
    const values = lr(runCase({ library: "pytorch", name: "LambdaLR", params: { lr_lambda: "lambda epoch: 0.95 ** epoch" }, base_lr: 0.1, steps: 10 }));
    expect(values).toHaveLength(11);
    values.forEach((v, epoch) => expect(v).toBeCloseTo(0.1 * 0.95 ** epoch, 15));
  });

  it("MultiplicativeLR multiplies from epoch 1 on: lambda e: 0.95 is LambdaLR's 0.95 ** e", () => {
    const mult = lr(runCase({ library: "pytorch", name: "MultiplicativeLR", params: { lr_lambda: "lambda e: 0.95" }, base_lr: 0.1, steps: 30 }));
    const lambda = lr(runCase({ library: "pytorch", name: "LambdaLR", params: { lr_lambda: "lambda e: 0.95 ** e" }, base_lr: 0.1, steps: 30 }));
    mult.forEach((v, i) => expect(v).toBeCloseTo(lambda[i]!, 12));
    // f(0) is never used: a factor of 0 at epoch 0 leaves the first value alone.
    expect(lr(runCase({ library: "pytorch", name: "MultiplicativeLR", params: { lr_lambda: "lambda e: 0 if e == 0 else 0.5" }, base_lr: 0.1, steps: 2 }))).toEqual([0.1, 0.05, 0.025]);
  });

  it("optax and Keras take a callable of the step as {\"fn\": ...}: the rate itself, t = 0 … steps − 1", () => {
    for (const library of ["optax", "keras"]) {
      expect(lr(runCase({ library, name: "lambda", params: { fn: "lambda step: 0.1 * 0.5 ** (step // 2)" }, steps: 5 }))).toEqual([0.1, 0.1, 0.05, 0.05, 0.025]);
    }
  });

  it("our own lambda spec: η_0 × f(t)", () => {
    expect(lr(runSpec({ kind: "lambda", lr: 0.2, expression: "lambda t: 1 if t < 2 else 0.5" }, 4))).toEqual([0.2, 0.2, 0.1, 0.1]);
  });

  const refusals: [string, Record<string, unknown>, RegExp][] = [
    ["pytorch LambdaLR with __import__", { library: "pytorch", name: "LambdaLR", params: { lr_lambda: "lambda e: __import__('os')" }, base_lr: 0.1, steps: 3 }, /LambdaLR: lr_lambda: `__import__` is not allowed here; use math functions and e \(characters 11–20/],
    ["pytorch LambdaLR with a list", { library: "pytorch", name: "LambdaLR", params: { lr_lambda: ["lambda e: 1"] }, base_lr: 0.1, steps: 3 }, /lr_lambda must be a Python function written as text/],
    ["pytorch LambdaLR dividing by zero", { library: "pytorch", name: "LambdaLR", params: { lr_lambda: "lambda e: 1 / (e - 2)" }, base_lr: 0.1, steps: 5 }, /LambdaLR lr_lambda: division by zero at t = 2/],
    ["CyclicLR scale_fn with attribute access", { library: "pytorch", name: "CyclicLR", params: { base_lr: 0.01, max_lr: 0.1, scale_fn: "lambda x: x.real" }, base_lr: 0.1, steps: 3 }, /scale_fn: attribute access \(`x.real`\)/],
    ["optax lambda of two arguments", { library: "optax", name: "lambda", params: { fn: "lambda a, b: a" }, steps: 3 }, /exactly one argument/],
    ["keras lambda overflowing", { library: "keras", name: "lambda", params: { fn: "lambda s: 10.0 ** (s * 200)" }, steps: 3 }, /too large \(overflow\) at t = 2/],
  ];
  for (const [what, input, message] of refusals) {
    it(`refuses ${what} with a message`, () => {
      const result = runCase(input);
      expect("error" in result ? result.error : "accepted").toMatch(message);
    });
  }

  it("a spec whose rate goes negative names the step", () => {
    expect(runSpec({ kind: "lambda", lr: 0.1, expression: "lambda e: 1 - e / 3" }, 6)).toEqual({ error: "the expression fails: the rate is negative (-0.033333333333333326) at t = 4" });
  });
});
