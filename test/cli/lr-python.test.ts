/**
 * `lr --python '<call>'`: a scheduler call pasted from Python, parsed (never
 * run), its positional arguments named from the library's signature, and
 * computed by the same adapter as the JSON form; refusals name the library's
 * own parameter names and point at the characters.
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { runCase, runPython } from "../../src/cli/lr-core.ts";
import { parsePythonCall } from "../../src/schedules/frameworks/python-call.ts";

const same: [string, number | undefined, Record<string, unknown>][] = [
  ["torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=0.1, total_steps=20)", 0.1, { library: "pytorch", name: "OneCycleLR", params: { max_lr: 0.1, total_steps: 20 } }],
  ["StepLR(optimizer, 5, 0.5)", 0.1, { library: "pytorch", name: "StepLR", params: { step_size: 5, gamma: 0.5 } }],
  ["CyclicLR(opt, 0.001, 0.1, step_size_up=4, scale_fn=lambda x: 0.9 ** x, scale_mode='iterations')", 0.1, { library: "pytorch", name: "CyclicLR", params: { base_lr: 0.001, max_lr: 0.1, step_size_up: 4, scale_fn: "lambda x: 0.9 ** x", scale_mode: "iterations" } }],
  [
    "SequentialLR(opt, schedulers=[LinearLR(opt, start_factor=0.1, total_iters=5), MultiplicativeLR(opt, lambda e: 0.95)], milestones=[5])",
    0.1,
    { library: "pytorch", name: "SequentialLR", params: { schedulers: [{ name: "LinearLR", params: { start_factor: 0.1, total_iters: 5 } }, { name: "MultiplicativeLR", params: { lr_lambda: "lambda e: 0.95" } }], milestones: [5] } },
  ],
  ["keras.optimizers.schedules.CosineDecay(0.1, decay_steps=20, warmup_steps=5, warmup_target=0.2)", undefined, { library: "keras", name: "CosineDecay", params: { initial_learning_rate: 0.1, decay_steps: 20, warmup_steps: 5, warmup_target: 0.2 } }],
  ["ExponentialDecay(0.1, 10, 0.96, staircase=True)", undefined, { library: "keras", name: "ExponentialDecay", params: { initial_learning_rate: 0.1, decay_steps: 10, decay_rate: 0.96, staircase: true } }],
  ["optax.warmup_cosine_decay_schedule(0.0, 0.1, 5, 20)", undefined, { library: "optax", name: "warmup_cosine_decay_schedule", params: { init_value: 0, peak_value: 0.1, warmup_steps: 5, decay_steps: 20 } }],
  ["optax.piecewise_constant_schedule(0.1, {5: 0.5, 10: 0.1})", undefined, { library: "optax", name: "piecewise_constant_schedule", params: { init_value: 0.1, boundaries_and_scales: { 5: 0.5, 10: 0.1 } } }],
  ["get_cosine_schedule_with_warmup(optimizer, num_warmup_steps=5, num_training_steps=20)", 0.1, { library: "hf", name: "cosine", params: { num_warmup_steps: 5, num_training_steps: 20 } }],
  ["get_polynomial_decay_schedule_with_warmup(opt, 2, 20, 1e-4, 2.0)", 0.1, { library: "hf", name: "polynomial", params: { num_warmup_steps: 2, num_training_steps: 20, lr_end: 1e-4, power: 2 } }],
  ["ExponentialLR(opt, gamma=math.exp(-1 / 10))", 0.1, { library: "pytorch", name: "ExponentialLR", params: { gamma: Math.exp(-0.1) } }],
];

describe("lr --python", () => {
  for (const [call, baseLr, json] of same) {
    it(call, () => {
      const pasted = runPython(call, baseLr, 20);
      expect("error" in pasted ? pasted.error : "").toBe("");
      expect(pasted).toEqual(runCase({ ...json, base_lr: baseLr, steps: 20 }));
    });
  }

  const refused: [string, RegExp, string][] = [
    ["StepLR(opt, step_size=2, gama=0.5)", /StepLR has no argument `gama`; it takes step_size, gamma, last_epoch, verbose/, "gama"],
    ["os.system('rm -rf /')", /unknown scheduler `system`/, "os.system"],
    ["__import__('os')", /unknown scheduler `__import__`/, "__import__"],
    ["StepLR(opt, step_size=__import__('os'))", /step_size: `__import__` is not allowed here/, "__import__"],
    ["StepLR(opt, step_size=n)", /step_size: `n` is not defined here; write its value/, "n"],
    ["StepLR(opt, *args)", /not a plain argument/, "*args"],
    ["StepLR(opt, step_size=2, step_size=3)", /step_size is given twice/, "step_size"],
    ["StepLR(opt, gamma=0.5, 3)", /positional argument after a keyword argument/, "3"],
    ["StepLR(opt, 2); import os", /paste one scheduler call/, "StepLR(opt, 2); import os"],
    ["StepLR(opt, step_size=1 +", /Python cannot parse/, ""],
  ];
  for (const [call, message, part] of refused) {
    it(`refuses ${call}`, () => {
      let error: { message: string; from: number; to: number } | undefined;
      try {
        parsePythonCall(call);
      } catch (e) {
        error = e as { message: string; from: number; to: number };
      }
      expect(error?.message).toMatch(message);
      if (part !== "") expect(call.slice(error!.from, error!.to)).toBe(part);
    });
  }

  it("names the adapter's own refusal in the library's terms", () => {
    expect(runPython("OneCycleLR(opt, max_lr=0.1)", 0.1, 5)).toEqual({ error: expect.stringMatching(/give total_steps, or epochs and steps_per_epoch/) });
  });

  it("runs from the command line", () => {
    const run = spawnSync(process.execPath, ["src/cli/lr.ts", "--python", "get_constant_schedule_with_warmup(opt, 2)", "--base-lr", "0.5", "--steps", "4"], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toEqual({ lr: [0, 0.25, 0.5, 0.5] });
  });
});
