/**
 * The tree of a schedule expression: the arithmetic subset of Python lambdas
 * (numbers, + - * / // % **, comparisons, x if c else y, and/or/not, a few
 * built-ins and math.*). Every node keeps the character range it came from,
 * so an error can point at the part of the text that caused it.
 */

export interface Span {
  from: number;
  to: number;
}

/** Longest expression text accepted, in characters. */
export const MAX_LENGTH = 1000;
/** Deepest nesting of the tree (operators, calls, parentheses). */
export const MAX_DEPTH = 40;

export type BinaryOp = "+" | "-" | "*" | "/" | "//" | "%" | "**";
export type CompareOp = "<" | "<=" | ">" | ">=" | "==" | "!=";
export type UnaryOp = "-" | "+" | "not";

/** Functions a lambda may call: the built-ins min/max/abs/round/int/float and math.NAME. */
export const FUNCTIONS = {
  min: { arity: [2, 16] },
  max: { arity: [2, 16] },
  abs: { arity: [1, 1] },
  round: { arity: [1, 1] },
  int: { arity: [1, 1] },
  float: { arity: [1, 1] },
  "math.cos": { arity: [1, 1] },
  "math.sin": { arity: [1, 1] },
  "math.tan": { arity: [1, 1] },
  "math.tanh": { arity: [1, 1] },
  "math.exp": { arity: [1, 1] },
  "math.log": { arity: [1, 2] },
  "math.log2": { arity: [1, 1] },
  "math.log10": { arity: [1, 1] },
  "math.sqrt": { arity: [1, 1] },
  "math.floor": { arity: [1, 1] },
  "math.ceil": { arity: [1, 1] },
  "math.pow": { arity: [2, 2] },
  "math.fabs": { arity: [1, 1] },
} as const satisfies Record<string, { arity: readonly [number, number] }>;
export type FunctionName = keyof typeof FUNCTIONS;

export const CONSTANTS = { "math.pi": Math.PI, "math.e": Math.E, "math.tau": 2 * Math.PI, "math.inf": Infinity } as const;
export type ConstantName = keyof typeof CONSTANTS;

export type Expr = Span &
  (
    | { type: "number"; value: number; integer: boolean; text: string }
    | { type: "bool"; value: boolean }
    | { type: "variable" }
    | { type: "constant"; name: ConstantName }
    | { type: "unary"; op: UnaryOp; arg: Expr }
    | { type: "binary"; op: BinaryOp; left: Expr; right: Expr }
    | { type: "compare"; ops: CompareOp[]; operands: Expr[] }
    | { type: "logic"; op: "and" | "or"; left: Expr; right: Expr }
    | { type: "if"; test: Expr; whenTrue: Expr; whenFalse: Expr }
    | { type: "call"; fn: FunctionName; args: Expr[] }
  );

/** A parsed expression: its tree and the name the lambda gave its argument ("t" for a bare expression). */
export interface ParsedExpression {
  source: string;
  variable: string;
  body: Expr;
}

/** An expression the parser refused, or one that failed at a step; [from, to) is the offending part. */
export class ExpressionError extends Error {
  readonly from: number;
  readonly to: number;
  readonly step: number | undefined;
  constructor(message: string, span: Span, step?: number) {
    super(message);
    this.name = "ExpressionError";
    this.from = span.from;
    this.to = span.to;
    this.step = step;
  }
}

export function isFunctionName(name: string): name is FunctionName {
  return Object.hasOwn(FUNCTIONS, name);
}

export function isConstantName(name: string): name is ConstantName {
  return Object.hasOwn(CONSTANTS, name);
}

/**
 * The value of a Python number literal as the parser reads it (underscores, 0x/0o/0b, a trailing dot), or why it
 * is refused: the text after the quoted literal in the message (" is a complex number; …").
 */
export function numberValue(text: string): { value: number; integer: boolean } | { refused: string } {
  const plain = text.replaceAll("_", "").toLowerCase();
  if (plain.endsWith("j")) return { refused: " is a complex number; only real numbers are allowed" };
  const based = /^0([xob])([0-9a-f]+)$/.exec(plain);
  if (based) return { value: parseInt(based[2]!, based[1] === "x" ? 16 : based[1] === "o" ? 8 : 2), integer: true };
  if (/^0\d/.test(plain) && /^\d+$/.test(plain) && !/^0+$/.test(plain)) return { refused: ": leading zeros in a decimal integer are not allowed in Python" };
  const value = Number(plain);
  if (Number.isNaN(value)) return { refused: " is not a number" };
  return { value, integer: /^\d+$/.test(plain) };
}

/** What is refused before parsing: text too long, nested too deep, or empty. Throws ExpressionError. */
export function checkShape(source: string): void {
  if (source.length > MAX_LENGTH) throw new ExpressionError(`the expression is ${source.length} characters long; at most ${MAX_LENGTH} are allowed`, { from: MAX_LENGTH, to: source.length });
  const depth = bracketDepth(source);
  if (depth.deepest > MAX_DEPTH) throw new ExpressionError(`the expression is nested more than ${MAX_DEPTH} levels deep`, { from: depth.at, to: depth.at + 1 });
  if (source.trim() === "") throw new ExpressionError("the expression is empty; write e.g. lambda t: 0.95 ** t", { from: 0, to: source.length });
}

/** The deepest nesting of brackets in the text, and where it first goes past MAX_DEPTH (or ends). */
export function bracketDepth(source: string): { deepest: number; at: number } {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") depth--;
    deepest = Math.max(deepest, depth);
    if (depth > MAX_DEPTH) return { deepest, at: i };
  }
  return { deepest, at: source.length };
}
