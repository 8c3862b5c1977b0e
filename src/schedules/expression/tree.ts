/**
 * Parsed expressions handed over from elsewhere, so that a program without the
 * Python grammar (./grammar.ts) can still run an expression it was given
 * already parsed: the schedule explorer's page carries the trees its build
 * parsed (data-expressions), and the explorer's first slider move then needs no
 * parser. parseExpression (./parse.ts) answers from the trees kept here
 * (./handed-over.ts) for exactly the text each was parsed from; any other text
 * needs the grammar. The explorer loads this module only on a page with trees.
 *
 * A tree from a page is untrusted input (an attribute anyone can edit), so it is
 * read field by field, rebuilt from the fields an Expr has, and kept only if it
 * is what the parser would give for its text: every node of the language
 * (./ast.ts), each number's value and kind read again from its literal, each
 * leaf's range holding its own text, no deeper than the parser allows, and the
 * tree printed back as canonical Python (./format.ts) is its text, character
 * for character. The build hands over only trees of canonical text; any other
 * is refused with a message naming the node, and its text is parsed as usual.
 */
import { bracketDepth, checkShape, CONSTANTS, ExpressionError, FUNCTIONS, isConstantName, isFunctionName, MAX_DEPTH, MAX_LENGTH, numberValue } from "./ast.ts";
import type { BinaryOp, CompareOp, Expr, ParsedExpression, Span, UnaryOp } from "./ast.ts";
import { toPython } from "./format.ts";
import { keepChecked } from "./handed-over.ts";

const BINARY: readonly BinaryOp[] = ["+", "-", "*", "/", "//", "%", "**"];
const COMPARE: readonly CompareOp[] = ["<", "<=", ">", ">=", "==", "!="];
const UNARY: readonly UnaryOp[] = ["-", "+", "not"];
/** Python literals as the tokenizer reads them (decimal, with an exponent, 0x/0o/0b; underscores between digits). */
const DIGITS = "\\d(?:_?\\d)*";
const PY_NUMBER = new RegExp(`^(?:(?:${DIGITS}(?:\\.(?:${DIGITS})?)?|\\.${DIGITS})(?:[eE][+-]?${DIGITS})?|0[xX](?:_?[0-9a-fA-F])+|0[oO](?:_?[0-7])+|0[bB](?:_?[01])+)$`);
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Python's keywords and the names the language gives a meaning: never the lambda's argument. */
const RESERVED = new Set(
  "False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield match case type _ math".split(" "),
);

class Refused extends Error {}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const describe = (value: unknown): string => (typeof value === "string" ? JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value) : Array.isArray(value) ? "a list" : String(value));

/** Fields each node type has besides `type`, `from` and `to`: anything else is refused. */
const FIELDS: Record<Expr["type"], readonly string[]> = {
  number: ["value", "integer", "text"],
  bool: ["value"],
  variable: [],
  constant: ["name"],
  unary: ["op", "arg"],
  binary: ["op", "left", "right"],
  compare: ["ops", "operands"],
  logic: ["op", "left", "right"],
  if: ["test", "whenTrue", "whenFalse"],
  call: ["fn", "args"],
};
const isType = (value: unknown): value is Expr["type"] => typeof value === "string" && Object.hasOwn(FIELDS, value);

class Reader {
  nodes = 0;
  readonly source: string;
  readonly variable: string;
  /** How deep the parser may still nest once the text's brackets are counted. */
  readonly deepest: number;
  constructor(source: string, variable: string) {
    this.source = source;
    this.variable = variable;
    this.deepest = MAX_DEPTH - bracketDepth(source).deepest;
  }

  /**
   * One node and its children, rebuilt. `depth` bounds the parser's nesting depth at this node, less the brackets
   * around it: one per node above, and one more per comparison of a chain and per and/or/not, which the parser
   * unfolds a level at a time (an overestimate: a tree near the limit is refused, and its text then parsed).
   */
  node(value: unknown, path: string, depth: number, outer: Span): Expr {
    if (++this.nodes > MAX_LENGTH) throw new Refused(`the tree has more than ${MAX_LENGTH} nodes`);
    if (!isRecord(value)) throw new Refused(`${path} must be a node (an object), got ${describe(value)}`);
    const { type, from, to } = value;
    if (!isType(type)) throw new Refused(`${path}.type: ${describe(type)} is not a node of the expression language`);
    const unfolded = type === "compare" ? (Array.isArray(value.ops) ? value.ops.length : 0) : type === "logic" || (type === "unary" && value.op === "not") ? 1 : 0;
    if (depth + unfolded > this.deepest) throw new Refused(`${path}: the expression is nested more than ${MAX_DEPTH} levels deep`);
    const extra = Object.keys(value).find((key) => key !== "type" && key !== "from" && key !== "to" && !FIELDS[type].includes(key));
    if (extra !== undefined) throw new Refused(`${path}.${extra}: a ${type} node has no such field`);
    if (!Number.isInteger(from) || !Number.isInteger(to) || (from as number) > (to as number)) throw new Refused(`${path}: ${describe(from)}–${describe(to)} is not a range of the text`);
    const span = { from: from as number, to: to as number };
    if (span.from < outer.from || span.to > outer.to) throw new Refused(`${path}: the range ${span.from}–${span.to} is outside its parent's (${outer.from}–${outer.to})`);
    const text = this.source.slice(span.from, span.to);
    const leaf = (expected: string): void => {
      if (text !== expected) throw new Refused(`${path}: its range holds ${describe(text)}, not ${describe(expected)}`);
    };
    const child = (key: string, at = value[key], name = `${path}.${key}`): Expr => this.node(at, name, depth + unfolded + 1, span);
    switch (type) {
      case "number": {
        const literal = value.text;
        if (typeof literal !== "string" || !PY_NUMBER.test(literal)) throw new Refused(`${path}.text: ${describe(literal)} is not a Python number`);
        const read = numberValue(literal);
        if ("refused" in read) throw new Refused(`${path}.text: ${describe(literal)}${read.refused}`);
        if (value.value !== read.value || value.integer !== read.integer) throw new Refused(`${path}: ${describe(value.value)} (integer: ${describe(value.integer)}) is not the value of ${literal}`);
        leaf(literal);
        return { ...span, type, value: read.value, integer: read.integer, text: literal };
      }
      case "bool":
        if (typeof value.value !== "boolean") throw new Refused(`${path}.value must be true or false, got ${describe(value.value)}`);
        leaf(value.value ? "True" : "False");
        return { ...span, type, value: value.value };
      case "variable":
        leaf(this.variable);
        return { ...span, type };
      case "constant": {
        const name = value.name;
        if (typeof name !== "string" || !isConstantName(name)) throw new Refused(`${path}.name: ${describe(name)} is not one of ${Object.keys(CONSTANTS).join(", ")}`);
        leaf(name);
        return { ...span, type, name };
      }
      case "unary": {
        return { ...span, type, op: this.oneOf(value.op, UNARY, `${path}.op`), arg: child("arg") };
      }
      case "binary":
      case "logic": {
        const left = child("left");
        const right = child("right");
        if (type === "logic") return { ...span, type, op: this.oneOf(value.op, ["and", "or"] as const, `${path}.op`), left, right };
        return { ...span, type, op: this.oneOf(value.op, BINARY, `${path}.op`), left, right };
      }
      case "compare": {
        const ops = this.list(value.ops, `${path}.ops`, 1, MAX_DEPTH).map((op, i) => this.oneOf(op, COMPARE, `${path}.ops[${i}]`));
        const operands = this.list(value.operands, `${path}.operands`, ops.length + 1, ops.length + 1).map((o, i) => child("", o, `${path}.operands[${i}]`));
        return { ...span, type, ops, operands };
      }
      case "if": {
        return { ...span, type, test: child("test"), whenTrue: child("whenTrue"), whenFalse: child("whenFalse") };
      }
      case "call": {
        const fn = value.fn;
        if (typeof fn !== "string" || !isFunctionName(fn)) throw new Refused(`${path}.fn: ${describe(fn)} is not a function of the language`);
        const [least, most] = FUNCTIONS[fn].arity;
        const args = this.list(value.args, `${path}.args`, least, most).map((a, i) => child("", a, `${path}.args[${i}]`));
        return { ...span, type, fn, args };
      }
    }
  }

  oneOf<T extends string>(value: unknown, allowed: readonly T[], path: string): T {
    if (!allowed.includes(value as T)) throw new Refused(`${path}: ${describe(value)} is not one of ${allowed.join(" ")}`);
    return value as T;
  }

  list(value: unknown, path: string, least: number, most: number): unknown[] {
    if (!Array.isArray(value) || value.length < least || value.length > most) {
      throw new Refused(`${path} must be a list of ${least === most ? least : `${least} to ${most}`}, got ${Array.isArray(value) ? `${value.length}` : describe(value)}`);
    }
    return value;
  }
}

/**
 * Read an untrusted parsed expression ({ source, variable, body }, as JSON gives it back); when it is what the
 * parser gives for its text, keep it so that parsing that text needs no grammar. Answers the tree, or why not.
 */
export function handOverTree(value: unknown): { ok: true; parsed: ParsedExpression } | { ok: false; reason: string } {
  try {
    if (!isRecord(value)) throw new Refused(`a parsed expression must be an object, got ${describe(value)}`);
    const { source, variable, body } = value;
    const extra = Object.keys(value).find((key) => key !== "source" && key !== "variable" && key !== "body");
    if (extra !== undefined) throw new Refused(`${extra}: a parsed expression has no such field`);
    if (typeof source !== "string") throw new Refused(`source must be the expression's text, got ${describe(source)}`);
    try {
      checkShape(source);
    } catch (error) {
      if (error instanceof ExpressionError) throw new Refused(`source: ${error.message}`);
      throw error;
    }
    if (typeof variable !== "string" || !IDENTIFIER.test(variable) || RESERVED.has(variable) || isFunctionName(variable)) {
      throw new Refused(`variable: ${describe(variable)} cannot name the lambda's argument`);
    }
    const tree = new Reader(source, variable).node(body, "body", 0, { from: 0, to: source.length });
    const printed = toPython(tree, variable);
    if (source !== `lambda ${variable}: ${printed}` && !(variable === "t" && source === printed)) {
      throw new Refused(`the tree is not the expression's: it reads ${describe(`lambda ${variable}: ${printed}`)}`);
    }
    const parsed: ParsedExpression = { source, variable, body: tree };
    keepChecked(parsed);
    return { ok: true, parsed };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, reason: error.message };
    throw error;
  }
}

/** Hand over every tree of a JSON list (the explorer's data-expressions); answers why each refused one was. */
export function handOverTrees(json: string): string[] {
  let trees: unknown;
  try {
    trees = JSON.parse(json);
  } catch (error) {
    return [`the parsed expressions are not JSON (${String(error)})`];
  }
  if (!Array.isArray(trees)) return [`the parsed expressions must be a list, got ${describe(trees)}`];
  return trees.flatMap((tree, i) => {
    const read = handOverTree(tree);
    return read.ok ? [] : [`expression ${i + 1}: ${read.reason}`];
  });
}
