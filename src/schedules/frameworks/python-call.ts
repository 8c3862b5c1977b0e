/**
 * A scheduler call pasted from Python, e.g.
 * `torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=0.1, total_steps=1000)`:
 * parsed with @lezer/python (never run) into the library, the name and the
 * keyword arguments the adapters take. Arguments may be numbers (any
 * constant arithmetic, math.pi included), strings, True/False/None, lists,
 * tuples, dicts, lambdas (kept as text for the expression language) and
 * nested scheduler calls (SequentialLR's schedulers, join_schedules').
 * Positional arguments get their names from each call's signature.
 */
import { parser } from "@lezer/python";
import type { SyntaxNode } from "@lezer/common";
import { compile, ExpressionError, MAX_LENGTH, type Expr } from "../expression/index.ts";
import type { Library } from "./types.ts";
import { SIGNATURES } from "./python-signatures.ts";

export type PyValue = number | boolean | string | null | PyValue[] | { [key: string]: PyValue } | { name: string; params: Record<string, PyValue> };

export interface PythonCall {
  library: Library;
  name: string;
  params: Record<string, PyValue>;
}

const MAX_CALL_LENGTH = 4 * MAX_LENGTH;
const quote = (text: string): string => `\`${text.length > 40 ? `${text.slice(0, 37)}...` : text}\``;
const kids = (node: SyntaxNode): SyntaxNode[] => {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) out.push(c);
  return out;
};
const PUNCTUATION = new Set(["(", ")", "[", "]", "{", "}", ",", ":"]);

function usesVariable(node: Expr): boolean {
  switch (node.type) {
    case "variable":
      return true;
    case "unary":
      return usesVariable(node.arg);
    case "binary":
    case "logic":
      return usesVariable(node.left) || usesVariable(node.right);
    case "compare":
      return node.operands.some(usesVariable);
    case "if":
      return usesVariable(node.test) || usesVariable(node.whenTrue) || usesVariable(node.whenFalse);
    case "call":
      return node.args.some(usesVariable);
    case "number":
    case "bool":
    case "constant":
      return false;
  }
}

/** Which library a dotted prefix names, if any. */
function libraryOfPrefix(prefix: string): Library | undefined {
  if (/^(torch|optim|lr_scheduler)\b/.test(prefix)) return "pytorch";
  if (/^(keras|tf)\b/.test(prefix)) return "keras";
  if (/^optax\b/.test(prefix)) return "optax";
  if (/^(transformers|optimization)\b/.test(prefix)) return "hf";
  return undefined;
}

class CallReader {
  readonly source: string;
  constructor(source: string) {
    this.source = source;
  }

  text(node: { from: number; to: number }): string {
    return this.source.slice(node.from, node.to);
  }

  fail(node: { from: number; to: number }, message: string): never {
    throw new ExpressionError(message, { from: node.from, to: node.to });
  }

  /** `a.b.C` → ["a.b", "C"]. */
  callee(node: SyntaxNode): [string, string] {
    if (node.name === "VariableName") return ["", this.text(node)];
    if (node.name === "MemberExpression") {
      const text = this.text(node).replace(/\s+/g, "");
      if (/^[A-Za-z_][\w.]*$/.test(text)) {
        const dot = text.lastIndexOf(".");
        return [text.slice(0, dot), text.slice(dot + 1)];
      }
    }
    return this.fail(node, `${quote(this.text(node))} is not a scheduler name`);
  }

  call(node: SyntaxNode, library: Library | undefined, depth: number): PythonCall {
    if (depth > 4) this.fail(node, "scheduler calls nest at most 4 deep here");
    if (node.name !== "CallExpression") this.fail(node, `expected a scheduler call such as OneCycleLR(opt, max_lr=0.1, total_steps=1000), got ${quote(this.text(node))}`);
    const [calleeNode, argList] = kids(node) as [SyntaxNode, SyntaxNode];
    const [prefix, name] = this.callee(calleeNode);
    const candidates = (Object.keys(SIGNATURES) as Library[]).filter((lib) => Object.hasOwn(SIGNATURES[lib], name));
    const lib = libraryOfPrefix(prefix) ?? (library && candidates.includes(library) ? library : candidates[0]);
    if (!lib || !Object.hasOwn(SIGNATURES[lib], name)) {
      this.fail(calleeNode, `unknown scheduler ${quote(name)}${lib ? ` in ${lib}` : ""}; known: PyTorch lr_scheduler classes, Keras schedules, optax schedules, Hugging Face get_*_schedule* functions`);
    }
    const signature = SIGNATURES[lib][name] as readonly string[];
    const params: Record<string, PyValue> = {};
    const groups: SyntaxNode[][] = [[]];
    for (const part of kids(argList)) {
      if (part.name === "(" || part.name === ")") continue;
      if (part.name === ",") groups.push([]);
      else groups.at(-1)!.push(part);
    }
    let position = 0;
    let keywords = false;
    for (const group of groups.filter((g) => g.length > 0)) {
      const span = { from: group[0]!.from, to: group.at(-1)!.to };
      if (group.length === 3 && group[0]!.name === "VariableName" && group[1]!.name === "AssignOp") {
        keywords = true;
        const key = this.text(group[0]!);
        if (!signature.includes(key) && key !== "optimizer") this.fail(group[0]!, `${name} has no argument ${quote(key)}; it takes ${signature.filter((s) => s !== "optimizer").join(", ")}`);
        if (Object.hasOwn(params, key)) this.fail(group[0]!, `${name}: ${key} is given twice`);
        if (key !== "optimizer") params[key] = this.value(group[2]!, key, lib, depth);
        continue;
      }
      if (group.length !== 1) this.fail(span, `${quote(this.text(span))} is not a plain argument (no *args or **kwargs)`);
      if (keywords) this.fail(span, `${name}: a positional argument after a keyword argument`);
      const key = signature[position];
      if (key === undefined) this.fail(group[0]!, `${name} takes at most ${signature.length} positional arguments`);
      position += 1;
      if (key === "optimizer") continue; // the optimizer object: its lr is --base-lr
      params[key] = this.value(group[0]!, key, lib, depth);
    }
    return { library: lib, name, params };
  }

  value(node: SyntaxNode, key: string, library: Library, depth: number): PyValue {
    switch (node.name) {
      case "String": {
        const text = this.text(node);
        if (!/^(["'])[^"'\\\n]*\1$/.test(text)) this.fail(node, `${key}: only plain strings are read here, got ${quote(text)}`);
        return text.slice(1, -1);
      }
      case "Boolean":
        return this.text(node) === "True";
      case "None":
        return null;
      case "ArrayExpression":
      case "TupleExpression":
        return kids(node).filter((k) => !PUNCTUATION.has(k.name)).map((k) => this.value(k, key, library, depth));
      case "DictionaryExpression": {
        const items = kids(node).filter((k) => !PUNCTUATION.has(k.name));
        const out: Record<string, PyValue> = {};
        for (let i = 0; i + 1 < items.length; i += 2) {
          const k = this.value(items[i]!, key, library, depth);
          if (typeof k !== "string" && typeof k !== "number") this.fail(items[i]!, `${key}: dictionary keys must be numbers or strings`);
          out[String(k)] = this.value(items[i + 1]!, key, library, depth);
        }
        return out;
      }
      case "LambdaExpression":
        return this.text(node);
      case "CallExpression": {
        const [calleeNode] = kids(node) as [SyntaxNode];
        const [, name] = this.callee(calleeNode);
        if (!Object.hasOwn(SIGNATURES[library], name)) break;
        const inner = this.call(node, library, depth + 1);
        return { name: inner.name, params: inner.params };
      }
      case "VariableName":
        if (this.text(node) !== "t") this.fail(node, `${key}: ${quote(this.text(node))} is not defined here; write its value`);
        break;
      default:
        break;
    }
    try {
      const { parsed, f } = compile(this.text(node));
      if (usesVariable(parsed.body)) this.fail(node, `${key}: ${quote(this.text(node))} is not a constant`);
      return f(0);
    } catch (error) {
      if (error instanceof ExpressionError) this.fail({ from: node.from + error.from, to: node.from + error.to }, `${key}: ${error.message}`);
      throw error;
    }
  }
}

/** The scheduler a pasted Python call describes; throws ExpressionError pointing at the offending part. */
export function parsePythonCall(source: string): PythonCall {
  if (source.length > MAX_CALL_LENGTH) throw new ExpressionError(`the call is ${source.length} characters long; at most ${MAX_CALL_LENGTH} are allowed`, { from: MAX_CALL_LENGTH, to: source.length });
  const top = parser.parse(source).topNode;
  const cursor = top.cursor();
  do {
    if (cursor.type.isError) {
      const from = Math.min(cursor.from, Math.max(0, source.length - 1));
      throw new ExpressionError(`Python cannot parse ${quote(source.slice(from, Math.max(cursor.to, from + 1)))} here`, { from, to: Math.max(cursor.to, from + 1) });
    }
  } while (cursor.next());
  const statements = kids(top);
  if (statements.length !== 1 || statements[0]!.name !== "ExpressionStatement") {
    throw new ExpressionError("paste one scheduler call, e.g. OneCycleLR(opt, max_lr=0.1, total_steps=1000)", { from: 0, to: source.length });
  }
  const reader = new CallReader(source);
  return reader.call(statements[0]!.firstChild!, undefined, 0);
}
