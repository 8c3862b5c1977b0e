/**
 * A written expression in the explorer's URL: a permalink reproduces it
 * exactly; a bad, hostile or oversized one is refused with a notice that
 * names the field and keeps the default, like any other parameter.
 */
import { describe, expect, it } from "vitest";
import { registry, type ScheduleSpec } from "../../src/schedules/index.ts";
import { explorerFromQuery, explorerToQuery } from "../../components/islands/explorer-url.ts";
import { explorerModel } from "../../components/islands/schedule-explorer-model.ts";
import { libraryPanels } from "../../components/islands/schedule-explorer-libraries.ts";
import { NO_LESSON } from "../../components/islands/lesson.ts";

const defaults = registry.lambda.defaults;
const read = (query: string) => explorerFromQuery(new URLSearchParams(query), "lambda", { spec: defaults, compare: "" });

describe("the lambda explorer's URL", () => {
  it("round-trips an expression through a permalink", () => {
    const spec: ScheduleSpec = { kind: "lambda", lr: 0.05, expression: "lambda s: s / 20 if s < 20 else (20 / s) ** 0.5" };
    const query = explorerToQuery({ spec, compare: "", lesson: NO_LESSON });
    expect(query.get("expression")).toBe(spec.expression);
    const { state, notices } = read(query.toString());
    expect(notices).toEqual([]);
    expect(state.spec).toEqual(spec);
  });

  const refused: [string, RegExp][] = [
    ["__import__('os').system('ls')", /expression: attribute access/],
    ["lambda t: open('x')", /expression: `open` is not allowed here; use math functions and t \(characters 11–14\)/],
    ["(lambda: 1)()", /expression: calling `\(lambda: 1\)` is not allowed/],
    ["1 +", /expression: the expression ends too early/],
    ["(".repeat(500) + "t" + ")".repeat(500), /expression: .*at most 1000 characters/],
    ["(".repeat(60) + "t" + ")".repeat(60), /nested more than 40 levels/],
    ["t".repeat(3000), /expression: is 3000 characters long \(at most 2000\)/],
    ["lambda t: t \u202e", /expression: must be plain ASCII text/],
  ];
  for (const [expression, message] of refused) {
    it(`refuses ${JSON.stringify(expression.slice(0, 30))} with a notice and keeps the default`, () => {
      const { state, notices } = read(new URLSearchParams({ kind: "lambda", expression }).toString());
      expect(state.spec).toEqual(defaults);
      expect(notices).toHaveLength(1);
      expect(notices[0]?.param).toBe("expression");
      expect(notices[0]?.message).toMatch(message);
      expect(notices[0]?.message).toMatch(/using lambda t: 0\.5 \*\* \(t \/ 25\)$/);
    });
  }

  it("the explorer's model typesets the expression and offers a text field for it", () => {
    const model = explorerModel({ spec: { kind: "lambda", lr: 0.1, expression: "lambda e: 0.5 ** (e // 30)" }, libraries: libraryPanels });
    expect(model.latex).toBe("\\eta_t = \\eta_0 \\cdot {0.5}^{\\left\\lfloor t/30 \\right\\rfloor}");
    expect(model.choices).toEqual([{ name: "expression", type: "text", value: "lambda e: 0.5 ** (e // 30)", options: [] }]);
    const pytorch = model.libraries.find((run) => run.library === "pytorch");
    expect(pytorch?.firstDifference).toBeNull();
    expect(pytorch?.call).toContain("LambdaLR");
  });
});
