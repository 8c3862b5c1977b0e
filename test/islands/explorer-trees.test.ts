// The written-expression explorer's first move without the Python grammar: the build writes the page's expressions
// parsed (schedule-explorer-trees.ts), the island hands them over (src/schedules/expression/tree.ts), and everything
// the island computes for a move (the spec's validation, the model with its sliders, choices and formula) then needs
// no parser. This file imports only what the island does (the library's grammar-free face), so the grammar is absent
// here until the last test loads it to check what the build writes.
import { describe, expect, it } from "vitest";
import { GrammarPending, loadPythonGrammar, parseSpec, registry, type ScheduleSpec } from "../../src/schedules/core.ts";
import { handOverTrees } from "../../src/schedules/expression/tree.ts";
import { explorerModel } from "../../components/islands/schedule-explorer-model.ts";

const page = { ...(registry.lambda.defaults as ScheduleSpec & { kind: "lambda" }), lr: 0.2 };
/** What ScheduleExplorer.astro writes for the default expression (the last test checks it is). */
const WRITTEN = JSON.stringify([
  {
    source: "lambda t: 0.5 ** (t / 25)",
    variable: "t",
    body: {
      from: 10, to: 25, type: "binary", op: "**",
      left: { from: 10, to: 13, type: "number", value: 0.5, integer: false, text: "0.5" },
      right: { from: 18, to: 24, type: "binary", op: "/", left: { from: 18, to: 19, type: "variable" }, right: { from: 22, to: 24, type: "number", value: 25, integer: true, text: "25" } },
    },
  },
]);

describe("the written-expression explorer without the grammar", () => {
  it("cannot compute a move before the page's tree is handed over", () => {
    expect(() => explorerModel({ spec: page })).toThrow(GrammarPending);
  });

  it("computes a whole move from the handed-over tree: validation, curve, sliders, the expression field, formula", () => {
    expect(handOverTrees(WRITTEN)).toEqual([]);
    const parsed = parseSpec({ ...page, lr: 0.25 });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const model = explorerModel({ spec: parsed.spec, steps: 50 });
    expect(model.points.map((p) => p.lr).filter((_, step) => step % 25 === 0)).toEqual([0.25, 0.125, 0.0625]);
    expect(model.sliders.map((s) => [s.name, s.moves])).toEqual([["lr", true]]);
    expect(model.choices).toEqual([{ name: "expression", type: "text", value: "lambda t: 0.5 ** (t / 25)", options: [] }]);
    expect(model.latex).toBe("\\eta_t = \\eta_0 \\cdot {0.5}^{\\frac{t}{25}}");
    expect(() => explorerModel({ spec: { ...parsed.spec, expression: "lambda t: 0.9 ** t" } as ScheduleSpec })).toThrow(GrammarPending);
  });

  it("gets from the build exactly the tree handed over above, and with the grammar the same model", async () => {
    await loadPythonGrammar();
    const { expressionTreesAttribute } = await import("../../components/islands/schedule-explorer-trees.ts");
    expect(expressionTreesAttribute([page, null])).toBe(WRITTEN);
    expect(expressionTreesAttribute([{ ...page, expression: "lambda t: 0.5**(t/25)" }])).toBeUndefined();
    expect(expressionTreesAttribute({ kind: "warmup", after: page })).toBe(WRITTEN);
    expect(expressionTreesAttribute(registry.cosine.defaults)).toBeUndefined();
  });
});
