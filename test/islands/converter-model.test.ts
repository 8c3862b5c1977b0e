/** The converter's model: a pasted call → the library's values, our spec and formula, the other libraries' closest calls. */
import { describe, expect, it } from "vitest";
import { convertCall, converterFromQuery, converterToQuery } from "../../components/islands/converter-model.ts";
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

  describe("the converter's address (embeds and permalinks)", () => {
    const current = { call: "OneCycleLR(opt, max_lr=0.1, total_steps=100)", baseLr: 0.1 };
    const read = (query: string) => converterFromQuery(new URLSearchParams(query), current, 100);

    it("a call that converts and an lr set the state, and write back the same", () => {
      const { state, notices } = read("call=CosineAnnealingLR(opt%2C%20T_max%3D50)&lr=0.3");
      expect(notices).toEqual([]);
      expect(state).toEqual({ call: "CosineAnnealingLR(opt, T_max=50)", baseLr: 0.3 });
      expect(converterFromQuery(converterToQuery(state), current, 100).state).toEqual(state);
    });

    it("refuses a hostile or broken call with the parser's reason, keeping the example", () => {
      for (const [call, reason] of [
        ["LambdaLR(opt, lambda t: __import__('os').system('x'))", /__import__|not allowed/],
        ["open('/etc/passwd')", /open/],
        ["LambdaLR(opt, lambda t: " + "(".repeat(100) + "t" + ")".repeat(100) + ")", /nested more than 40 levels deep/],
        ["LambdaLR(opt, lambda t: " + "(".repeat(900) + "t" + ")".repeat(900) + ")", /at most 1000 are allowed/],
        ["LambdaLR(opt, lambda t: " + "(".repeat(5000) + "t" + ")".repeat(5000) + ")", /is 10026 characters long \(at most 2000\)/],
        ["StepLR(opt, step_size=-3)", /step_size/],
      ] as const) {
        const { state, notices } = read(new URLSearchParams({ call }).toString());
        expect(state.call, call.slice(0, 40)).toBe(current.call);
        expect(notices.map((n) => n.param)).toContain("call");
        const message = notices.find((n) => n.param === "call")!.message;
        expect(message).toMatch(/^call: /);
        expect(message.length).toBeLessThan(300);
        expect(message).toMatch(reason);
        expect(message).toMatch(/; using (the example|OneCycleLR\(opt, max_lr=0\.1, total_steps=100\))$/);
      }
    });

    it("a bad lr keeps the current one and says so; unknown keys are named", () => {
      const { state, notices } = read("lr=0x10&evil=1");
      expect(state).toEqual(current);
      expect(notices.map((n) => n.message).join(" ")).toMatch(/lr: must be a number in \(0, 1000000\], got .*0x10.*; using 0\.1/);
      expect(notices.map((n) => n.param)).toContain("ignored");
    });
  });
});
