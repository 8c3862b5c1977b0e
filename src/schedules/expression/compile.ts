/**
 * Compile an expression tree once into nested closures over doubles (no
 * eval, no Function): a 100,000-step curve costs one closure call per node
 * per step. Python's semantics where they differ from JavaScript's come from
 * ./python-math.ts; an arithmetic error at some step throws an
 * ExpressionError naming the step and pointing at the node.
 *
 * Python ints are arbitrary precision; here every number is a double, so an
 * integer beyond 2^53 is rounded (no learning-rate expression needs one) and
 * an integer power that overflows a double is refused, where Python would
 * build the big integer.
 */
import { CONSTANTS, ExpressionError, type Expr, type ParsedExpression, type Span } from "./ast.ts";
import { MATH, PythonError, floorDiv, mod, pow, pyMax, pyMin, trueDiv } from "./python-math.ts";

type Fn = (t: number) => number;

/** A failure inside a node, before the step is known. */
class Fault extends Error {
  readonly span: Span;
  constructor(message: string, span: Span) {
    super(message);
    this.span = span;
  }
}

function guarded(span: Span, f: Fn): Fn {
  return (t) => {
    try {
      return f(t);
    } catch (error) {
      if (error instanceof PythonError) throw new Fault(error.message, span);
      throw error;
    }
  };
}

const truthy = (x: number): boolean => x !== 0;

function compileNode(node: Expr): Fn {
  switch (node.type) {
    case "number": {
      const value = node.value;
      return () => value;
    }
    case "bool": {
      const value = node.value ? 1 : 0;
      return () => value;
    }
    case "variable":
      return (t) => t;
    case "constant": {
      const value = CONSTANTS[node.name];
      return () => value;
    }
    case "unary": {
      const arg = compileNode(node.arg);
      if (node.op === "-") return (t) => -arg(t);
      if (node.op === "+") return arg;
      return (t) => (truthy(arg(t)) ? 0 : 1);
    }
    case "binary": {
      const a = compileNode(node.left);
      const b = compileNode(node.right);
      switch (node.op) {
        case "+":
          return (t) => a(t) + b(t);
        case "-":
          return (t) => a(t) - b(t);
        case "*":
          return (t) => a(t) * b(t);
        case "/":
          return guarded(node, (t) => trueDiv(a(t), b(t)));
        case "//":
          return guarded(node, (t) => floorDiv(a(t), b(t)));
        case "%":
          return guarded(node, (t) => mod(a(t), b(t)));
        case "**":
          return guarded(node, (t) => pow(a(t), b(t)));
      }
      break;
    }
    case "compare": {
      const operands = node.operands.map(compileNode);
      const tests = node.ops.map((op) => COMPARE[op]);
      return (t) => {
        let left = operands[0]!(t);
        for (let i = 0; i < tests.length; i++) {
          const right = operands[i + 1]!(t);
          if (!tests[i]!(left, right)) return 0;
          left = right;
        }
        return 1;
      };
    }
    case "logic": {
      const a = compileNode(node.left);
      const b = compileNode(node.right);
      // Python returns the deciding operand, not a bool.
      if (node.op === "and") return (t) => { const x = a(t); return truthy(x) ? b(t) : x; };
      return (t) => { const x = a(t); return truthy(x) ? x : b(t); };
    }
    case "if": {
      const test = compileNode(node.test);
      const whenTrue = compileNode(node.whenTrue);
      const whenFalse = compileNode(node.whenFalse);
      return (t) => (truthy(test(t)) ? whenTrue(t) : whenFalse(t));
    }
    case "call": {
      const args = node.args.map(compileNode);
      if (node.fn === "min" || node.fn === "max") {
        const pick = node.fn === "min" ? pyMin : pyMax;
        if (args.length === 2) {
          const [a, b] = args as [Fn, Fn];
          return (t) => pick(a(t), b(t));
        }
        return (t) => {
          let best = args[0]!(t);
          for (let i = 1; i < args.length; i++) best = pick(best, args[i]!(t));
          return best;
        };
      }
      const f = MATH[node.fn]!;
      if (args.length === 1) {
        const [x] = args as [Fn];
        return guarded(node, (t) => f(x(t)));
      }
      return guarded(node, (t) => f(...args.map((g) => g(t))));
    }
  }
}

const COMPARE: Record<string, (a: number, b: number) => boolean> = {
  "<": (a, b) => a < b,
  "<=": (a, b) => a <= b,
  ">": (a, b) => a > b,
  ">=": (a, b) => a >= b,
  "==": (a, b) => a === b,
  "!=": (a, b) => a !== b,
};

/** f(t) for a parsed expression; throws ExpressionError (with .step) where Python would raise. */
export function compileExpression(parsed: ParsedExpression): (t: number) => number {
  const f = compileNode(parsed.body);
  return (t) => {
    try {
      return f(t);
    } catch (error) {
      if (error instanceof Fault) throw new ExpressionError(`${error.message} at t = ${t}`, error.span, t);
      throw error;
    }
  };
}

/** The first step in [0, steps) where f is not a finite, non-negative number (or raises), described; undefined if none. */
export function firstBadStep(f: (t: number) => number, steps: number, what = "the rate"): { step: number; message: string } | undefined {
  for (let t = 0; t < steps; t++) {
    let value: number;
    try {
      value = f(t);
    } catch (error) {
      if (error instanceof ExpressionError) return { step: t, message: error.message };
      throw error;
    }
    if (Number.isNaN(value)) return { step: t, message: `${what} is NaN at t = ${t}` };
    if (!Number.isFinite(value)) return { step: t, message: `${what} is infinite at t = ${t}` };
    if (value < 0) return { step: t, message: `${what} is negative (${value}) at t = ${t}` };
  }
  return undefined;
}
