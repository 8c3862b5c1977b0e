// What the schedule explorer's first move relies on: through the library's grammar-free face (src/schedules/core.ts),
// a written expression whose parsed tree was handed over validates, samples and typesets without the Python grammar;
// any other text still waits for the grammar (GrammarPending), and a refused tree changes nothing.
// This file must not import a module that loads the grammar (src/schedules/index.ts, expression/index.ts).
import { describe, expect, it } from "vitest";
import { formulaOf, GrammarPending, parseSpec, sampleSchedule, type ScheduleSpec } from "../../../src/schedules/core.ts";
import { handOverTree, handOverTrees } from "../../../src/schedules/expression/tree.ts";

const SOURCE = "lambda t: 0.5 ** (t / 25)";
/** The tree ScheduleExplorer.astro writes for SOURCE (tree.test.ts checks handOverTree keeps the parser's own). */
const TREE = {
  source: SOURCE,
  variable: "t",
  body: {
    from: 10, to: 25, type: "binary", op: "**",
    left: { from: 10, to: 13, type: "number", value: 0.5, integer: false, text: "0.5" },
    right: { from: 18, to: 24, type: "binary", op: "/", left: { from: 18, to: 19, type: "variable" }, right: { from: 22, to: 24, type: "number", value: 25, integer: true, text: "25" } },
  },
};
const spec = (expression: string): unknown => ({ kind: "lambda", lr: 0.2, expression });

describe("a handed-over tree, without the grammar", () => {
  it("needs the grammar before, and a refused tree does not change that", () => {
    expect(() => parseSpec(spec(SOURCE))).toThrow(GrammarPending);
    expect(handOverTrees(JSON.stringify([{ ...TREE, body: { ...TREE.body, op: "*" } }]))).toEqual(['expression 1: the tree is not the expression\'s: it reads "lambda t: 0.5 * (t / 25)"']);
    expect(() => parseSpec(spec(SOURCE))).toThrow(GrammarPending);
  });

  it("validates, samples and typesets exactly that text once its tree is handed over; other text still waits", () => {
    expect(handOverTree(JSON.parse(JSON.stringify(TREE)))).toMatchObject({ ok: true });
    const parsed = parseSpec(spec(SOURCE));
    expect(parsed.ok).toBe(true);
    const rates = sampleSchedule((parsed as { spec: ScheduleSpec }).spec, 51);
    expect(rates[0]).toBe(0.2);
    expect(rates[25]).toBe(0.1);
    expect(rates[50]).toBe(0.05);
    expect(formulaOf((parsed as { spec: ScheduleSpec }).spec)).toBe("\\eta_t = \\eta_0 \\cdot {0.5}^{\\frac{t}{25}}");
    expect(() => parseSpec(spec("lambda t: 0.5 ** (t / 26)"))).toThrow(GrammarPending);
    expect(() => parseSpec(spec("lambda t: 0.5**(t/25)"))).toThrow(GrammarPending);
  });
});
