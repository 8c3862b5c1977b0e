/**
 * A schedule written as an expression: η_t = η_0 · f(t), f a Python lambda of
 * the step, exactly as PyTorch's LambdaLR computes it (base_lr × lr_lambda(epoch)).
 * The expression language is ./expression/ (parsed, never evaluated as
 * JavaScript); its formula is typeset from the same tree.
 * Example: η_0 = 0.1, f = lambda t: 0.5 ** (t // 30) gives 0.1 for t < 30, 0.05 for 30 ≤ t < 60.
 */
import { z } from "zod";
import { describeValue } from "./fields.ts";
import { defineFamily, keepDefaults, param } from "./family.ts";
import { compile, ExpressionError, MAX_LENGTH, parseExpression, toLatex } from "./expression/language.ts";

/** The text of a lambda: a string the expression parser accepts; the message points at the offending part. */
export function expressionField() {
  return z
    .string({ error: (issue) => `must be a Python lambda of the step as text, e.g. "lambda t: 0.95 ** t", got ${describeValue(issue.input)}` })
    .max(MAX_LENGTH, { error: `must be at most ${MAX_LENGTH} characters long` })
    .superRefine((text, ctx) => {
      try {
        parseExpression(text);
      } catch (error) {
        if (!(error instanceof ExpressionError)) throw error;
        ctx.addIssue({ code: "custom", message: `${error.message} (characters ${error.from + 1}–${error.to})` });
      }
    });
}

export const DEFAULT_EXPRESSION = "lambda t: 0.5 ** (t / 25)";

export const lambda = defineFamily({
  kind: "lambda",
  title: "Schedule written as an expression",
  summary: "Any rate you can write as a Python lambda of the step, times a base rate, as PyTorch's LambdaLR computes it.",
  latex: "\\eta_t = \\eta_0\\, f(t)",
  where: { f: "the expression written as a Python lambda of the step t" },
  params: [param.lr({ label: "base rate", description: "The rate the expression multiplies (PyTorch's base_lr): the rate at step t is η₀ f(t)." })],
  extra: { expression: expressionField() },
  extraDefaults: { expression: DEFAULT_EXPRESSION },
  latexOf: ({ expression }) => `\\eta_t = \\eta_0 \\cdot ${multiplicand(expression)}`,
  make: ({ lr, expression }) => {
    const { f } = compile(expression);
    return (t) => {
      const rate = lr * f(t);
      if (!Number.isFinite(rate) || rate < 0) throw new ExpressionError(`the rate is ${Number.isNaN(rate) ? "NaN" : rate < 0 ? `negative (${rate})` : "infinite"} at t = ${t}`, { from: 0, to: expression.length }, t);
      return rate;
    };
  },
  // Raceable: the race's URL carries the expression (`expr`), refused with a notice when it does not parse.
  capabilities: { raceable: true, comparable: true, landscape: false },
  fit: keepDefaults,
});

/** f(t) typeset, in parentheses when it is a sum (so η₀ · multiplies all of it). */
function multiplicand(expression: string): string {
  const body = parseExpression(expression).body;
  const tex = toLatex(body);
  const loose = body.type === "binary" ? body.op === "+" || body.op === "-" : body.type === "logic" || body.type === "compare";
  return loose ? `\\left(${tex}\\right)` : tex;
}
