/**
 * The evaluator against CPython itself: test/fixtures/python-expressions.json
 * holds what Debian's python3 computed (generator beside it). Where Python
 * raises, the evaluator must throw an ExpressionError at that step.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compile, ExpressionError } from "../../../src/schedules/expression/index.ts";

interface Golden {
  ts: number[];
  cases: { expression: string; values: ({ value: number | string } | { error: string })[] }[];
}
const golden = JSON.parse(readFileSync(new URL("../../fixtures/python-expressions.json", import.meta.url), "utf8")) as Golden;

describe("expressions evaluate as CPython does", () => {
  it("covers a table of at least 60 expressions", () => expect(golden.cases.length).toBeGreaterThanOrEqual(60));
  for (const { expression, values } of golden.cases) {
    it(expression, () => {
      const { f } = compile(expression);
      golden.ts.forEach((t, i) => {
        const want = values[i]!;
        if ("error" in want) {
          let thrown: unknown;
          try {
            f(t);
          } catch (error) {
            thrown = error;
          }
          expect(thrown, `t = ${t}: Python raises ${want.error}`).toBeInstanceOf(ExpressionError);
          expect((thrown as ExpressionError).step).toBe(t);
          return;
        }
        const got = f(t);
        const expected = typeof want.value === "string" ? Number(want.value.replace("inf", "Infinity")) : want.value;
        // Python's ints have no -0; a rate of -0 and 0 are the same rate.
        if (expected === 0) expect(Math.abs(got), `t = ${t}`).toBe(0);
        else if (!Number.isFinite(expected)) expect(got, `t = ${t}`).toBe(expected);
        else expect(Math.abs(got - expected) / Math.abs(expected), `t = ${t}: got ${got}, Python ${expected}`).toBeLessThan(1e-12);
      });
    });
  }
});
