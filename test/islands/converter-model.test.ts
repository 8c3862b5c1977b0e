/** The converter's model: a pasted call → the library's values, our spec and formula, the other libraries' closest calls. */
import { describe, expect, it } from "vitest";
import { convertCall } from "../../components/islands/converter-model.ts";
import { pytorchAdapter } from "../../src/schedules/frameworks/pytorch.ts";

describe("convertCall", () => {
  it("OneCycleLR: PyTorch's values, our one-cycle, and where each library differs", () => {
    const result = convertCall("torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=0.1, total_steps=100)", 0.1, 100);
    if (!result.ok) throw new Error(result.message);
    const torch = pytorchAdapter.values({ name: "OneCycleLR", params: { max_lr: 0.1, total_steps: 100 }, baseLr: 0.1, steps: 100 });
    expect(torch.ok && result.values).toEqual(torch.ok ? torch.lr : null);
    expect(result.spec).toMatchObject({ kind: "one-cycle", maxLr: 0.1, totalSteps: 100 });
    expect(result.latex).toMatch(/^\\eta_t = /);
    expect(result.libraries.map((r) => r.library)).toEqual(["pytorch", "keras", "optax", "hf"]);
    expect(result.libraries[0]?.firstDifference).toBeNull();
    expect(result.explorer).toMatch(/^embed\/explorer\/one-cycle\/\?kind=one-cycle&maxLr=0\.1&totalSteps=100/);
  });

  it("LambdaLR becomes our lambda kind, typeset from the lambda", () => {
    const result = convertCall("LambdaLR(opt, lambda epoch: 0.5 ** (epoch // 30))", 0.1, 100);
    if (!result.ok) throw new Error(result.message);
    expect(result.spec).toEqual({ kind: "lambda", lr: 0.1, expression: "lambda epoch: 0.5 ** (epoch // 30)" });
    expect(result.latex).toContain("\\left\\lfloor t/30 \\right\\rfloor");
  });

  it("MultiplicativeLR: the library's values, and why there is no spec of ours", () => {
    const result = convertCall("MultiplicativeLR(opt, lambda e: 0.9)", 0.1, 10);
    if (!result.ok) throw new Error(result.message);
    expect(result.values[3]).toBeCloseTo(0.1 * 0.9 ** 3, 15);
    expect(result.spec).toBeNull();
    expect(result.note).toMatch(/product over steps/);
  });

  it("a hostile call is refused with the offending range", () => {
    const text = "StepLR(opt, step_size=__import__('os'))";
    const result = convertCall(text, 0.1, 10);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(text.slice(result.from, result.to)).toBe("__import__");
  });
});
