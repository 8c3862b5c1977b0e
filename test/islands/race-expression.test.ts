/** A written schedule (kind lambda) in the race: its expression in the setup, the permalink (`expr`), and refusals with notices. */
import { describe, expect, it } from "vitest";
import { raceFromQuery, raceToQuery } from "../../components/islands/race-url.ts";
import { expressionOf, raceSetup } from "../../components/islands/training-race-model.ts";
import { raceLinkQuery } from "../../components/islands/converter-model.ts";
import { DEFAULT_EXPRESSION } from "../../src/schedules/lambda.ts";
import { kindsThat, sampleSchedule } from "../../src/schedules/index.ts";

const current = raceSetup({ task: "moons", schedules: "constant,cosine", steps: 400 });
const read = (query: string) => raceFromQuery(new URLSearchParams(query), current);
const EXPR = "lambda t: 1 if t < 100 else 0.5 ** ((t - 100) // 50)";

describe("a written schedule in the race", () => {
  it("is raceable, with the default expression unless one is given, at the peak rate", () => {
    expect(kindsThat("raceable")).toContain("lambda");
    const plain = raceSetup({ task: "moons", schedules: "constant,lambda", steps: 400, lr: 0.3 });
    expect(plain.schedules[1]).toEqual({ kind: "lambda", lr: 0.3, expression: DEFAULT_EXPRESSION });
    const setup = raceSetup({ task: "moons", schedules: "constant,lambda", steps: 400, lr: 0.3, expression: EXPR });
    expect(expressionOf(setup)).toBe(EXPR);
    const rates = sampleSchedule(setup.schedules[1]!, 400);
    expect([rates[99], rates[100], rates[149], rates[150], rates[399]]).toEqual([0.3, 0.3, 0.3, 0.15, 0.3 * 0.5 ** 5]);
  });

  it("refuses a bad expression naming what is wrong, and a bad rate naming its step", () => {
    expect(() => raceSetup({ schedules: "lambda", expression: "lambda t: open('x')" })).toThrow(/^expression: .*open/);
    expect(() => raceSetup({ schedules: "lambda", expression: "lambda t: 1 - t / 100", steps: 400 })).toThrow(/^expression: .*negative.*t = 101/);
    expect(() => raceSetup({ schedules: "lambda", expression: "lambda t: 1 / abs(t - 7)", steps: 400 })).toThrow(/^expression: .*t = 7/);
  });

  it("travels in the permalink as expr, and comes back as the same race", () => {
    const setup = raceSetup({ task: "xor", schedules: "cosine,lambda", steps: 300, lr: 0.5, expression: EXPR });
    const query = raceToQuery(setup, "auto");
    expect(query.get("expr")).toBe(EXPR);
    const back = raceFromQuery(query, current);
    expect(back.notices).toEqual([]);
    expect(raceSetup({ ...back.input, cycleMomentum: setup.cycleMomentum })).toEqual(setup);
    // A race without a written schedule writes no expr.
    expect(raceToQuery(current, "auto").has("expr")).toBe(false);
  });

  it("answers a hostile or broken expr with a notice and keeps the default expression", () => {
    for (const [expr, reason] of [
      ["__import__('os').system('rm -rf /')", /__import__|not allowed|lambda/],
      ["lambda t: t.__class__.__bases__", /attribute|not allowed|__class__/],
      ["lambda t: " + "(".repeat(100) + "t" + ")".repeat(100), /nested more than 40 levels deep/],
      ["lambda t: 10 ** 10 ** 10", /.+/],
      ["lambda t: 1 - t / 100", /negative.*t = 101/],
    ] as const) {
      const { input, notices } = read(new URLSearchParams({ schedules: "constant,lambda", expr }).toString());
      const notice = notices.find((n) => n.param === "expr");
      expect(notice?.message, expr).toMatch(/^expr: /);
      expect(notice?.message).toMatch(reason);
      expect(input.expression).toBeUndefined();
      expect(raceSetup(input).schedules[1]).toMatchObject({ kind: "lambda", expression: DEFAULT_EXPRESSION });
    }
  });

  it("the converter's Race it link names the expression and base rate", () => {
    const query = new URLSearchParams(raceLinkQuery({ kind: "lambda", lr: 0.1, expression: EXPR }));
    const back = raceFromQuery(query, current);
    expect(back.notices).toEqual([]);
    expect(raceSetup(back.input).schedules).toEqual([{ kind: "lambda", lr: 0.1, expression: EXPR }]);
  });
});
