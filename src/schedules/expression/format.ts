/**
 * Expression tree → text: Python (minimal parentheses, parses back to the
 * same tree: a property test checks) and LaTeX for KaTeX (fractions, floor
 * brackets, cases for conditionals; the argument is written t, as in every
 * formula on the site).
 */
import type { Expr, FunctionName } from "./ast.ts";

// Python's precedence levels (higher binds tighter).
const LEVEL = { if: 1, or: 2, and: 3, not: 4, compare: 5, add: 10, mul: 11, unary: 12, pow: 13, atom: 15 } as const;

function pythonLevel(node: Expr): number {
  switch (node.type) {
    case "if":
      return LEVEL.if;
    case "logic":
      return LEVEL[node.op];
    case "unary":
      return node.op === "not" ? LEVEL.not : LEVEL.unary;
    case "compare":
      return LEVEL.compare;
    case "binary":
      return node.op === "**" ? LEVEL.pow : node.op === "+" || node.op === "-" ? LEVEL.add : LEVEL.mul;
    case "number":
    case "bool":
    case "variable":
    case "constant":
    case "call":
      return LEVEL.atom;
  }
}

/** Python source for the tree; `variable` names the argument. */
export function toPython(node: Expr, variable = "t"): string {
  const go = (child: Expr, parens: boolean): string => (parens ? `(${toPython(child, variable)})` : toPython(child, variable));
  const level = pythonLevel(node);
  switch (node.type) {
    case "number":
      return node.text;
    case "bool":
      return node.value ? "True" : "False";
    case "variable":
      return variable;
    case "constant":
      return node.name;
    case "unary":
      return node.op === "not" ? `not ${go(node.arg, pythonLevel(node.arg) < LEVEL.not)}` : `${node.op}${go(node.arg, pythonLevel(node.arg) < LEVEL.unary)}`;
    case "binary":
      if (node.op === "**") return `${go(node.left, pythonLevel(node.left) <= LEVEL.pow)} ** ${go(node.right, pythonLevel(node.right) < LEVEL.unary)}`;
      return `${go(node.left, pythonLevel(node.left) < level)} ${node.op} ${go(node.right, pythonLevel(node.right) <= level)}`;
    case "compare":
      return node.operands.map((o, i) => (i === 0 ? "" : ` ${node.ops[i - 1]} `) + go(o, pythonLevel(o) <= LEVEL.compare)).join("");
    case "logic":
      return `${go(node.left, pythonLevel(node.left) < level)} ${node.op} ${go(node.right, pythonLevel(node.right) <= level)}`;
    case "if":
      return `${go(node.whenTrue, pythonLevel(node.whenTrue) <= LEVEL.if)} if ${go(node.test, pythonLevel(node.test) <= LEVEL.if)} else ${go(node.whenFalse, false)}`;
    case "call":
      return `${node.fn}(${node.args.map((a) => toPython(a, variable)).join(", ")})`;
  }
}

const paren = (s: string): string => `\\left(${s}\\right)`;

function latexNumber(text: string, value: number): string {
  const plain = text.replaceAll("_", "").toLowerCase();
  if (/^0[xob]/.test(plain)) return String(value);
  const m = /^(\d*\.?\d*)e([+-]?\d+)$/.exec(plain);
  if (!m) return plain.startsWith(".") ? `0${plain}` : plain.endsWith(".") ? plain.slice(0, -1) : plain;
  const mantissa = m[1]!.startsWith(".") ? `0${m[1]}` : m[1]!.replace(/\.$/, "");
  const exponent = String(Number(m[2]));
  return Number(mantissa) === 1 ? `10^{${exponent}}` : `${mantissa} \\times 10^{${exponent}}`;
}

const COMPARE_TEX = { "<": "<", "<=": "\\le", ">": ">", ">=": "\\ge", "==": "=", "!=": "\\ne" } as const;

/** Levels for LaTeX: \frac and delimited calls are atoms; a power's base must be an atom. */
function texLevel(node: Expr): number {
  if (node.type === "binary" && node.op === "/") return LEVEL.atom;
  if (node.type === "binary" && node.op === "//") return LEVEL.atom;
  if (node.type === "call" && (node.fn === "math.exp" || node.fn === "math.pow")) return LEVEL.pow;
  return pythonLevel(node);
}

const DELIMITED: ReadonlySet<FunctionName> = new Set(["abs", "math.fabs", "math.floor", "math.ceil", "math.sqrt"]);
const isPlainAtom = (node: Expr): boolean =>
  node.type === "variable" || node.type === "constant" || (node.type === "number" && !/e/i.test(node.text)) || (node.type === "call" && DELIMITED.has(node.fn));

function cases(node: Expr & { type: "if" }): string {
  const rows: string[] = [];
  let current: Expr = node;
  while (current.type === "if") {
    rows.push(`${toLatex(current.whenTrue)} & \\text{if } ${toLatex(current.test)}`);
    current = current.whenFalse;
  }
  rows.push(`${toLatex(current)} & \\text{otherwise}`);
  return `\\begin{cases} ${rows.join(" \\\\ ")} \\end{cases}`;
}

function callLatex(fn: FunctionName, args: string[]): string {
  const [a = "", b = ""] = args;
  switch (fn) {
    case "min":
    case "max":
      return `\\${fn}${paren(args.join(",\\ "))}`;
    case "abs":
    case "math.fabs":
      return `\\left\\lvert ${a} \\right\\rvert`;
    case "round":
    case "int":
      return `\\operatorname{${fn}}${paren(a)}`;
    case "float":
      return a;
    case "math.exp":
      return `e^{${a}}`;
    case "math.log":
      return args.length === 2 ? `\\log_{${b}}${paren(a)}` : `\\ln${paren(a)}`;
    case "math.log2":
      return `\\log_2${paren(a)}`;
    case "math.log10":
      return `\\log_{10}${paren(a)}`;
    case "math.sqrt":
      return `\\sqrt{${a}}`;
    case "math.floor":
      return `\\left\\lfloor ${a} \\right\\rfloor`;
    case "math.ceil":
      return `\\left\\lceil ${a} \\right\\rceil`;
    case "math.pow":
      return `{${a}}^{${b}}`;
    case "math.cos":
    case "math.sin":
    case "math.tan":
    case "math.tanh":
      return `\\${fn.slice(5)}${paren(a)}`;
  }
}

/** LaTeX for the tree (KaTeX-parseable; a test renders every form with throwOnError). */
export function toLatex(node: Expr): string {
  const wrap = (child: Expr, parens: boolean): string => (parens ? paren(toLatex(child)) : toLatex(child));
  const level = texLevel(node);
  switch (node.type) {
    case "number":
      return latexNumber(node.text, node.value);
    case "bool":
      return node.value ? "1" : "0";
    case "variable":
      return "t";
    case "constant":
      return { "math.pi": "\\pi", "math.e": "e", "math.tau": "\\tau", "math.inf": "\\infty" }[node.name];
    case "unary":
      if (node.op === "not") return `\\lnot ${wrap(node.arg, texLevel(node.arg) < LEVEL.not)}`;
      return `${node.op}${wrap(node.arg, texLevel(node.arg) <= LEVEL.add)}`;
    case "binary":
      switch (node.op) {
        case "/":
          return `\\frac{${toLatex(node.left)}}{${toLatex(node.right)}}`;
        case "//":
          return `\\left\\lfloor ${wrap(node.left, texLevel(node.left) < LEVEL.mul)}/${wrap(node.right, texLevel(node.right) <= LEVEL.mul)} \\right\\rfloor`;
        case "**":
          return `{${wrap(node.left, !isPlainAtom(node.left))}}^{${toLatex(node.right)}}`;
        case "+":
        case "-":
        case "*":
        case "%": {
          const symbol = node.op === "*" ? " \\cdot " : node.op === "%" ? " \\bmod " : ` ${node.op} `;
          return `${wrap(node.left, texLevel(node.left) < level)}${symbol}${wrap(node.right, texLevel(node.right) <= level)}`;
        }
      }
      break;
    case "compare":
      return node.operands.map((o, i) => (i === 0 ? "" : ` ${COMPARE_TEX[node.ops[i - 1]!]} `) + wrap(o, texLevel(o) <= LEVEL.compare)).join("");
    case "logic":
      return `${wrap(node.left, texLevel(node.left) < level)} \\text{ ${node.op} } ${wrap(node.right, texLevel(node.right) <= level)}`;
    case "if":
      return cases(node);
    case "call":
      return callLatex(node.fn, node.args.map((a) => toLatex(a)));
  }
}
