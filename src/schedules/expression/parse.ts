/**
 * Text → expression tree. @lezer/python parses the text as Python; this file
 * walks its syntax tree over a whitelist and builds an Expr (./ast.ts). Any
 * node outside the language (a name other than the lambda's argument,
 * attribute access other than math.NAME, strings, calls of anything else,
 * statements) is an ExpressionError pointing at that part of the text.
 */
import { pythonGrammar } from "./grammar.ts";
import type { SyntaxNode } from "@lezer/common";
import { CONSTANTS, ExpressionError, FUNCTIONS, isConstantName, isFunctionName, checkShape, MAX_DEPTH, numberValue, type BinaryOp, type CompareOp, type Expr, type ParsedExpression, type Span } from "./ast.ts";
import { checkedBefore } from "./handed-over.ts";

const ALLOWED = "numbers, the argument, + - * / // % **, comparisons, x if c else y, and/or/not, min, max, abs, round, int, float and math functions";
const quote = (text: string): string => `\`${text.length > 40 ? `${text.slice(0, 37)}...` : text}\``;
const spanOf = (node: SyntaxNode): Span => ({ from: node.from, to: node.to });

function children(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) out.push(child);
  return out;
}

function firstError(node: SyntaxNode): SyntaxNode | undefined {
  const cursor = node.cursor();
  do {
    if (cursor.type.isError) return cursor.node;
  } while (cursor.next());
  return undefined;
}

class Converter {
  readonly source: string;
  readonly variable: string;
  constructor(source: string, variable: string) {
    this.source = source;
    this.variable = variable;
  }

  text(node: Span): string {
    return this.source.slice(node.from, node.to);
  }

  fail(node: SyntaxNode | Span, message: string): never {
    throw new ExpressionError(message, { from: node.from, to: node.to });
  }

  notAllowed(node: SyntaxNode | Span, what = quote(this.text(node))): never {
    this.fail(node, `${what} is not allowed here; use ${ALLOWED} of ${this.variable}`);
  }

  convert(node: SyntaxNode, depth: number): Expr {
    if (depth > MAX_DEPTH) this.fail(node, `the expression is nested more than ${MAX_DEPTH} levels deep`);
    const span = spanOf(node);
    const parts = children(node);
    switch (node.name) {
      case "Number":
        return { ...span, ...this.number(node) };
      case "Boolean":
        return { ...span, type: "bool", value: this.text(node) === "True" };
      case "VariableName":
        return this.name(node);
      case "MemberExpression": {
        const name = this.member(node);
        if (isConstantName(name)) return { ...span, type: "constant", name };
        if (isFunctionName(name)) this.fail(node, `${quote(name)} is a function: call it, e.g. ${name}(${this.variable})`);
        return this.fail(node, `${quote(name)} is not allowed here; the math names allowed are ${[...Object.keys(CONSTANTS), ...Object.keys(FUNCTIONS).filter((f) => f.startsWith("math."))].join(", ")}`);
      }
      case "ParenthesizedExpression": {
        const inner = parts.filter((p) => p.name !== "(" && p.name !== ")");
        if (inner.length !== 1) this.notAllowed(node, "a tuple");
        return this.convert(inner[0]!, depth + 1);
      }
      case "UnaryExpression": {
        const [op, arg] = parts as [SyntaxNode, SyntaxNode];
        const symbol = this.text(op);
        if (symbol === "not") return this.logic(node, depth);
        if (symbol !== "-" && symbol !== "+") this.notAllowed(op, `the operator ${quote(symbol)}`);
        return { ...span, type: "unary", op: symbol, arg: this.convert(arg, depth + 1) };
      }
      case "BinaryExpression":
        return this.binary(node, parts, depth);
      case "ConditionalExpression": {
        const [whenTrue, , test, , whenFalse] = parts as [SyntaxNode, SyntaxNode, SyntaxNode, SyntaxNode, SyntaxNode];
        return { ...span, type: "if", whenTrue: this.convert(whenTrue, depth + 1), test: this.convert(test, depth + 1), whenFalse: this.convert(whenFalse, depth + 1) };
      }
      case "CallExpression":
        return this.call(node, parts, depth);
      case "LambdaExpression":
        return this.fail(node, "a lambda inside the expression is not allowed; write one lambda of one argument");
      case "String":
      case "FormatString":
        return this.notAllowed(node, "a string");
      default:
        return this.notAllowed(node);
    }
  }

  number(node: SyntaxNode): { type: "number"; value: number; integer: boolean; text: string } {
    const text = this.text(node);
    const read = numberValue(text);
    if ("refused" in read) this.fail(node, `${quote(text)}${read.refused}`);
    return { type: "number", value: read.value, integer: read.integer, text };
  }

  name(node: SyntaxNode): Expr {
    const text = this.text(node);
    if (text === this.variable) return { ...spanOf(node), type: "variable" };
    if (isFunctionName(text)) this.fail(node, `${quote(text)} is a function: call it, e.g. ${text}(${this.variable}, 1)`);
    if (text === "math") this.fail(node, `${quote("math")} alone is not a value; use math.NAME, e.g. math.pi`);
    if (text === "None") this.notAllowed(node, "`None`");
    return this.fail(node, `${quote(text)} is not allowed here; use math functions and ${this.variable}`);
  }

  /**
   * An unparenthesized run of and/or/not. @lezer/python lets `not` take
   * everything to its right (`not a and b` as not (a and b)); Python binds
   * `not` tighter than `and`, `and` tighter than `or`. So the run is read back
   * as its tokens, in source order, and re-parsed with Python's precedence.
   */
  logic(node: SyntaxNode, depth: number): Expr {
    type Token = Expr | { word: "and" | "or" | "not"; from: number; to: number };
    const tokens: Token[] = [];
    const walk = (n: SyntaxNode, d: number): void => {
      if (d > MAX_DEPTH) this.fail(n, `the expression is nested more than ${MAX_DEPTH} levels deep`);
      const parts = children(n);
      const word = parts.length > 1 ? this.text(parts[0]!.name === "not" ? parts[0]! : parts[1]!) : "";
      if (n.name === "UnaryExpression" && parts[0]!.name === "not") {
        tokens.push({ word: "not", ...spanOf(parts[0]!) });
        walk(parts[1]!, d + 1);
      } else if (n.name === "BinaryExpression" && parts.length === 3 && (word === "and" || word === "or")) {
        walk(parts[0]!, d + 1);
        tokens.push({ word, ...spanOf(parts[1]!) });
        walk(parts[2]!, d + 1);
      } else {
        tokens.push(this.convert(n, d + 1));
      }
    };
    walk(node, depth);
    let i = 0;
    const isOp = (token: Token | undefined, word: string): boolean => token !== undefined && "word" in token && token.word === word;
    const operand = (): Expr => {
      const token = tokens[i++]!;
      if (!("word" in token)) return token;
      if (token.word !== "not") this.fail(token, `${quote(token.word)} needs something on its left`);
      const arg = operand();
      return { from: token.from, to: arg.to, type: "unary", op: "not", arg };
    };
    const chain = (op: "and" | "or", next: () => Expr): Expr => {
      let left = next();
      while (isOp(tokens[i], op)) {
        i++;
        const right = next();
        left = { from: left.from, to: right.to, type: "logic", op, left, right };
      }
      return left;
    };
    return chain("or", () => chain("and", operand));
  }

  member(node: SyntaxNode): string {
    const parts = children(node);
    if (parts.length !== 3 || parts[0]!.name !== "VariableName" || this.text(parts[0]!) !== "math" || parts[2]!.name !== "PropertyName") {
      if (parts.some((p) => p.name === "[")) this.fail(node, `indexing (${quote(this.text(node))}) is not allowed here`);
      this.fail(node, `attribute access (${quote(this.text(node))}) is not allowed here; only math.NAME is`);
    }
    return `math.${this.text(parts[2]!)}`;
  }

  binary(node: SyntaxNode, parts: SyntaxNode[], depth: number): Expr {
    const span = spanOf(node);
    if (parts.length !== 3) {
      const ops = parts.slice(1, -1);
      this.notAllowed({ from: ops[0]?.from ?? node.from, to: ops.at(-1)?.to ?? node.to }, `the operator ${quote(ops.map((p) => this.text(p)).join(" "))}`);
    }
    const [left, op, right] = parts as [SyntaxNode, SyntaxNode, SyntaxNode];
    const symbol = this.text(op);
    if (op.name === "ArithOp" && ["+", "-", "*", "/", "//", "%", "**"].includes(symbol)) {
      return { ...span, type: "binary", op: symbol as BinaryOp, left: this.convert(left, depth + 1), right: this.convert(right, depth + 1) };
    }
    if (symbol === "and" || symbol === "or") return this.logic(node, depth);
    if (op.name === "CompareOp" && ["<", "<=", ">", ">=", "==", "!="].includes(symbol)) {
      if (right.name === "UnaryExpression" && this.text(right).startsWith("not")) this.fail(right, `Python needs parentheses around ${quote(this.text(right))} here`);
      // Lezer nests a < b < c as (a < b) < c; Python chains it: a < b and b < c.
      const chained = left.name === "BinaryExpression" && children(left)[1]?.name === "CompareOp";
      const head = chained ? this.binary(left, children(left), depth + 1) : undefined;
      if (head?.type === "compare") {
        return { ...span, type: "compare", ops: [...head.ops, symbol as CompareOp], operands: [...head.operands, this.convert(right, depth + 1)] };
      }
      return { ...span, type: "compare", ops: [symbol as CompareOp], operands: [this.convert(left, depth + 1), this.convert(right, depth + 1)] };
    }
    return this.notAllowed(op, `the operator ${quote(symbol)}`);
  }

  call(node: SyntaxNode, parts: SyntaxNode[], depth: number): Expr {
    const [callee, argList] = parts as [SyntaxNode, SyntaxNode | undefined];
    let name: string;
    if (callee.name === "VariableName") name = this.text(callee);
    else if (callee.name === "MemberExpression") name = this.member(callee);
    else return this.fail(callee, `calling ${quote(this.text(callee))} is not allowed; call min, max, abs, round, int, float or math functions`);
    if (!isFunctionName(name)) {
      return this.fail(callee, `${quote(name)} is not allowed here; use math functions and ${this.variable}`);
    }
    const inside = argList ? children(argList).filter((p) => p.name !== "(" && p.name !== ")") : [];
    const odd = inside.find((p) => p.name !== "," && !EXPRESSION_NODES.has(p.name));
    if (odd) this.fail(odd, `${quote(this.text(odd))} in a call is not allowed: pass plain positional arguments`);
    const args = inside.filter((p) => p.name !== ",").map((p) => this.convert(p, depth + 1));
    const [least, most] = FUNCTIONS[name].arity;
    if (args.length < least || args.length > most) {
      this.fail(node, `${name} takes ${least === most ? least : `${least} to ${most}`} argument${most === 1 ? "" : "s"}, got ${args.length}`);
    }
    return { ...spanOf(node), type: "call", fn: name, args };
  }
}

const EXPRESSION_NODES = new Set(["Number", "Boolean", "VariableName", "MemberExpression", "ParenthesizedExpression", "UnaryExpression", "BinaryExpression", "ConditionalExpression", "CallExpression", "LambdaExpression", "String", "FormatString"]);

/**
 * Parse `lambda t: …` (any one argument name) or a bare expression in t.
 * Throws ExpressionError with the offending range.
 */
export function parseExpression(source: string): ParsedExpression {
  // A tree this text was parsed into elsewhere (the build), checked and handed over (./tree.ts): the same tree.
  return checkedBefore(source) ?? parseWithGrammar(source);
}

/** parseExpression without the handed-over trees: the grammar's own answer (what ./tree.ts's tests compare with). */
export function parseWithGrammar(source: string): ParsedExpression {
  checkShape(source);
  // @lezer/python reads a float with a trailing dot ("5.") as member access;
  // parse it with the dot blanked (same length, so every range still holds).
  const top = pythonGrammar().parse(source.replace(/(?<![\w.])(\d[\d_]*)\.(?![\w.])/g, "$1 ")).topNode;
  const error = firstError(top);
  if (error) {
    const from = Math.min(error.from, Math.max(0, source.length - 1));
    throw new ExpressionError(error.from >= source.trimEnd().length ? "the expression ends too early" : `Python cannot parse ${quote(source.slice(from, Math.max(error.to, from + 1)))} here`, { from, to: Math.max(error.to, from + 1) });
  }
  const statements = children(top);
  if (statements.length !== 1 || statements[0]!.name !== "ExpressionStatement") {
    const bad = statements.find((s) => s.name !== "ExpressionStatement") ?? statements[1] ?? top;
    throw new ExpressionError(`write one expression, not statements (${quote(source.slice(bad.from, bad.to))})`, spanOf(bad));
  }
  const expression = statements[0]!.firstChild!;
  if (expression.name !== "LambdaExpression") {
    return { source, variable: "t", body: new Converter(source, "t").convert(expression, 0) };
  }
  const [, params, , body] = children(expression);
  const names = params ? children(params) : [];
  if (names.length !== 1 || names[0]!.name !== "VariableName") {
    throw new ExpressionError("the lambda takes exactly one argument, the step (e.g. lambda epoch: ...)", params && params.to > params.from ? spanOf(params) : spanOf(expression));
  }
  const variable = source.slice(names[0]!.from, names[0]!.to);
  if (isFunctionName(variable) || variable === "math") throw new ExpressionError(`${quote(variable)} names a function; call the argument something else`, spanOf(names[0]!));
  if (!body) throw new ExpressionError("the lambda has no body", spanOf(expression));
  return { source, variable, body: new Converter(source, variable).convert(body, 0) };
}
