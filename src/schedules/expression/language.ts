/**
 * Schedule expressions: the arithmetic subset of Python lambdas, parsed with
 * @lezer/python, checked against a whitelist, compiled to closures, printed
 * back as Python and LaTeX. Pure: no DOM, never eval or Function.
 *
 * This module does not bring the grammar itself (./grammar.ts): ./index.ts is
 * this plus the grammar, and is what everything but the lambda family and the
 * library's grammar-free face (src/schedules/core.ts) imports.
 */
import type { ParsedExpression } from "./ast.ts";
import { compileExpression } from "./compile.ts";
import { toLatex, toPython } from "./format.ts";
import { parseExpression } from "./parse.ts";

export { ExpressionError, type Expr, type ParsedExpression } from "./ast.ts";
export { MAX_LENGTH, MAX_DEPTH } from "./ast.ts";
export { parseExpression } from "./parse.ts";
export { firstBadStep } from "./compile.ts";
export { GrammarPending, loadPythonGrammar } from "./grammar.ts";
export { toLatex, toPython } from "./format.ts";

export interface CompiledExpression {
  parsed: ParsedExpression;
  /** f(t); throws ExpressionError (with .step) where Python would raise. */
  f: (t: number) => number;
  latex: string;
}

/** Parse and compile once; throws ExpressionError pointing at the offending part. */
export function compile(source: string): CompiledExpression {
  const parsed = parseExpression(source);
  return { parsed, f: compileExpression(parsed), latex: toLatex(parsed.body) };
}

/** The canonical Python text of an expression (`lambda <arg>: <body>`). */
export function canonicalPython(parsed: ParsedExpression): string {
  return `lambda ${parsed.variable}: ${toPython(parsed.body, parsed.variable)}`;
}
