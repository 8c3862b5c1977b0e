/**
 * The expression language's guards and printers: hostile inputs are refused
 * with a message pointing at the offending text and no hang; LaTeX always
 * parses in KaTeX; printing a tree as Python and parsing it again gives the
 * same values (fast-check); a 100,000-step curve evaluates in well under a second.
 */
import fc from "fast-check";
import katex from "katex";
import { describe, expect, it } from "vitest";
import { compile, ExpressionError, firstBadStep, MAX_DEPTH, MAX_LENGTH, parseExpression, toLatex, toPython, type Expr } from "../../../src/schedules/expression/index.ts";

function refusal(source: string): ExpressionError {
  try {
    parseExpression(source);
  } catch (error) {
    if (error instanceof ExpressionError) return error;
    throw error;
  }
  throw new Error(`accepted: ${source}`);
}

describe("hostile and invalid expressions are refused, pointing at the offending part", () => {
  const cases: [string, RegExp, string][] = [
    ["__import__('os')", /`__import__` is not allowed here; use math functions and t/, "__import__"],
    ["(lambda: 1)()", /calling `\(lambda: 1\)` is not allowed/, "(lambda: 1)"],
    ["lambda t: open('x')", /`open` is not allowed here/, "open"],
    ["t.__class__", /attribute access .* only math.NAME/, "t.__class__"],
    ["math.__dict__", /`math.__dict__` is not allowed/, "math.__dict__"],
    ["math.cos.__globals__", /attribute access/, "math.cos.__globals__"],
    ["().__class__.__bases__[0]", /indexing/, "().__class__.__bases__[0]"],
    ["lambda t: [t]", /not allowed/, "[t]"],
    ["import os", /one expression, not statements/, "import os"],
    ["t; t", /one expression/, "t; t"],
    ["'abc'", /a string is not allowed/, "'abc'"],
    ["lambda t: t if t else lambda: 1", /lambda inside/, "lambda: 1"],
    ["min(t, key=abs)", /`=` in a call is not allowed/, "="],
    ["max(*t)", /`\*` in a call/, "*"],
    ["lambda a, b: a", /exactly one argument/, "a, b"],
    ["lambda: 1", /exactly one argument/, "lambda: 1"],
    ["epoch * 2", /`epoch` is not allowed here; use math functions and t/, "epoch"],
    ["t @ t", /operator `@`/, "@"],
    ["t << 2", /operator `<<`/, "<<"],
    ["t is not 1", /operator `is not`/, "is not"],
    ["3j * t", /complex number/, "3j"],
    ["1 +", /ends too early/, "+"],
    ["abs(t, 1)", /abs takes 1 argument, got 2/, "abs(t, 1)"],
    ["math", /`math` alone/, "math"],
    ["math.cos", /is a function: call it/, "math.cos"],
    ["None", /`None` is not allowed/, "None"],
  ];
  for (const [source, message, part] of cases) {
    it(source, () => {
      const error = refusal(source);
      expect(error.message).toMatch(message);
      expect(source.slice(error.from, error.to)).toBe(part);
    });
  }

  it("refuses very long input and deep nesting at once, without parsing it", () => {
    const started = performance.now();
    expect(refusal("1+".repeat(5000) + "1").message).toMatch(new RegExp(`at most ${MAX_LENGTH}`));
    expect(refusal("(".repeat(10_000) + "t" + ")".repeat(10_000)).message).toMatch(/at most/);
    expect(refusal("(".repeat(MAX_DEPTH + 1) + "t" + ")".repeat(MAX_DEPTH + 1)).message).toMatch(/nested more than/);
    expect(refusal("-".repeat(200) + "t").message).toMatch(/nested more than/);
    expect(refusal("abs(".repeat(MAX_DEPTH + 1) + "t" + ")".repeat(MAX_DEPTH + 1)).message).toMatch(/nested more than/);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it("huge exponents overflow with a message naming the step, never hang", () => {
    const { f } = compile("lambda t: 10 ** 10 ** 10 ** t");
    expect(() => f(1)).toThrow(/too large \(overflow\) at t = 1/);
    expect(firstBadStep(compile("2.0 ** (t * 100)").f, 20)).toEqual({ step: 11, message: expect.stringMatching(/overflow\) at t = 11/) });
  });

  it("reports the first step where the rate is NaN, infinite or negative", () => {
    expect(firstBadStep(compile("1 - t / 10").f, 100)).toEqual({ step: 11, message: "the rate is negative (-0.10000000000000009) at t = 11" });
    expect(firstBadStep(compile("math.inf if t == 5 else 1").f, 100)?.step).toBe(5);
    expect(firstBadStep(compile("1 / (t - 3)").f, 100)).toEqual({ step: 0, message: "the rate is negative (-0.3333333333333333) at t = 0" });
    expect(firstBadStep(compile("abs(1 / (t - 3))").f, 100)).toEqual({ step: 3, message: "division by zero at t = 3" });
    expect(firstBadStep(compile("0.95 ** t").f, 1000)).toBeUndefined();
  });
});

describe("LaTeX", () => {
  const cases: [string, string][] = [
    ["lambda t: 0.1 * 0.5 ** (t // 30)", "0.1 \\cdot {0.5}^{\\left\\lfloor t/30 \\right\\rfloor}"],
    ["lambda s: s / 20 if s < 20 else (20 / s) ** 0.5", "\\begin{cases} \\frac{t}{20} & \\text{if } t < 20 \\\\ {\\left(\\frac{20}{t}\\right)}^{0.5} & \\text{otherwise} \\end{cases}"],
    ["-2 ** 2", "-{2}^{2}"],
    ["(-2) ** t", "{\\left(-2\\right)}^{t}"],
    ["1e-3 * math.exp(-t / 10)", "10^{-3} \\cdot e^{\\frac{-t}{10}}"],
    ["2.5e4 - t % 7", "2.5 \\times 10^{4} - t \\bmod 7"],
    ["0 < t <= 10 and not t == 3", "0 < t \\le 10 \\text{ and } \\lnot t = 3"],
  ];
  for (const [source, latex] of cases) it(source, () => expect(compile(source).latex).toBe(latex));

  it("every construct renders in KaTeX with throwOnError", () => {
    const all = [
      ...cases.map(([s]) => s),
      "min(t, 3) + max(1, 2, t) - abs(t - 4) * math.fabs(t) / round(t) // int(t) % float(t)",
      "math.cos(math.pi * t) + math.sin(t) + math.tan(t) + math.tanh(t) + math.log(t) + math.log(t, 2)",
      "math.log2(t) + math.log10(t) + math.sqrt(t) + math.floor(t) + math.ceil(t) + math.pow(t, 2) + math.e + math.tau + math.inf",
      "(t if t else 1) ** 2 + (1 if t < 3 else 2 if t < 4 else 3) * True - False + (t or 3) and not (t and 2)",
      "0x1f + 0o7 + 0b1 + 1_000 + .5 + 5. + 1E+3",
    ];
    for (const source of all) expect(() => katex.renderToString(compile(source).latex, { throwOnError: true }), source).not.toThrow();
  });
});

describe("printing", () => {
  // Trees built from the grammar's constructors, printed, parsed again: same values.
  const leaf: fc.Arbitrary<string> = fc.oneof(fc.constant("t"), fc.integer({ min: 0, max: 50 }).map(String), fc.constantFrom("0.5", "2.5", "math.pi", "True"));
  const { tree } = fc.letrec<{ tree: string }>((tie) => ({
    tree: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      leaf,
      fc.tuple(tie("tree"), fc.constantFrom("+", "-", "*", "/", "//", "%", "**", "<", "<=", "==", "and", "or"), tie("tree")).map(([a, op, b]) => `(${a}) ${op} (${b})`),
      fc.tuple(fc.constantFrom("-", "not ", "+"), tie("tree")).map(([op, a]) => `${op}(${a})`),
      fc.tuple(tie("tree"), tie("tree"), tie("tree")).map(([a, c, b]) => `(${a}) if (${c}) else (${b})`),
      fc.tuple(fc.constantFrom("min", "max"), tie("tree"), tie("tree")).map(([f, a, b]) => `${f}(${a}, ${b})`),
    ),
  }));
  const values = (source: string): string[] => {
    const { f } = compile(source);
    return [0, 1, 2, 3, 7].map((t) => {
      try {
        return String(f(t));
      } catch (error) {
        return error instanceof ExpressionError ? "error" : "?";
      }
    });
  };

  it("printing a tree as Python and parsing it again gives the same values", () => {
    fc.assert(
      fc.property(tree, (source) => {
        let parsed: Expr;
        try {
          parsed = parseExpression(source).body;
        } catch {
          return; // nested deeper than MAX_DEPTH: refused, as it should be
        }
        const printed = toPython(parsed);
        expect(printed.length).toBeLessThanOrEqual(source.length);
        expect(values(printed)).toEqual(values(source));
        expect(() => katex.renderToString(toLatex(parsed), { throwOnError: true })).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it("keeps the lambda's argument name", () => {
    const parsed = parseExpression("lambda epoch: 0.95 ** (epoch // 3)");
    expect(toPython(parsed.body, parsed.variable)).toBe("0.95 ** (epoch // 3)");
  });
});

describe("speed", () => {
  it("a 100,000-step curve evaluates in well under a second", () => {
    const { f } = compile("lambda s: 0.1 * (s / 2000 if s < 2000 else 0.5 * (1 + math.cos(math.pi * min(s - 2000, 98000) / 98000)))");
    const started = performance.now();
    let sum = 0;
    for (let t = 0; t < 100_000; t++) sum += f(t);
    const elapsed = performance.now() - started;
    expect(sum).toBeGreaterThan(0);
    expect(elapsed).toBeLessThan(500);
  });
});
