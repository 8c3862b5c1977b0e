// Parsed expressions handed over from a page (src/schedules/expression/tree.ts): a tree the parser made for canonical
// text is kept as it is; anything else a reader could write into the attribute is refused with a message naming the
// node, or, if it gets through, is the parser's own tree for its text (a fuzz over random mutations checks).
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { toPython, type Expr } from "../../../src/schedules/expression/index.ts";
// The grammar's own trees, never a handed-over one: what every tree handed over here is compared with.
import { parseWithGrammar as parseExpression } from "../../../src/schedules/expression/parse.ts";
import { handOverTree, handOverTrees } from "../../../src/schedules/expression/tree.ts";

/** The text the build writes for a tree: canonical, so the tree printed back is its text. */
const canonical = (source: string): string => {
  const parsed = parseExpression(source);
  return `lambda ${parsed.variable}: ${toPython(parsed.body, parsed.variable)}`;
};
/** The tree as the page carries it: JSON, read back. */
const onPage = (source: string): Record<string, unknown> => JSON.parse(JSON.stringify(parseExpression(source))) as Record<string, unknown>;

const CORPUS = [
  "lambda t: 0.5 ** (t / 25)",
  "lambda epoch: 0.95 ** (epoch // 3)",
  "0.5 * (1 + math.cos(math.pi * t / 100))",
  "min(1, (t + 1) / 10) * max(0.1, 1 - t / 100, 0.2)",
  "(t if t else 1) ** 2 + (1 if t < 3 else 2 if t < 4 else 3) * True - False + (t or 3) and not (t and 2)",
  "0x1f + 0o7 + 0b1 + 1_000 + .5 + 5. + 1E+3 + 2e-3",
  "1 < t <= 5 != 3",
  "not t < 2 and -t ** 2 < (-t) ** 2 or abs(round(t)) % 7 > int(float(t))",
  "math.log(t + 1, 2) + math.log2(t + 1) + math.sqrt(t) + math.floor(t / 3) + math.ceil(t / 3) + math.pow(t, 0.5) + math.e + math.tau + math.inf * 0",
];

describe("a tree the build parsed", () => {
  it("is kept exactly as the parser made it, for every construct of the language", () => {
    for (const source of CORPUS.map(canonical)) {
      const read = handOverTree(onPage(source));
      expect(read, source).toEqual({ ok: true, parsed: parseExpression(source) });
    }
  });

  it("is refused for text that is not canonical: the build leaves that text to the parser", () => {
    const read = handOverTree(onPage("lambda t: 0.5**(t/25)"));
    expect(read).toEqual({ ok: false, reason: 'the tree is not the expression\'s: it reads "lambda t: 0.5 ** (t / 25)"' });
    expect(handOverTree(onPage("0.5 ** (t / 25)")).ok, "a bare expression in t is canonical too").toBe(true);
  });
});

/** The page's tree for the default expression with fields changed: each "a.b.c" path set to its value. */
function tampered(changes: Record<string, unknown>, source = "lambda t: 0.5 ** (t / 25)"): unknown {
  const tree = onPage(source);
  for (const [path, value] of Object.entries(changes)) {
    const keys = path.split(".");
    const last = keys.pop() ?? "";
    const parent = keys.reduce<Record<string, unknown>>((node, key) => node[key] as Record<string, unknown>, tree);
    parent[last] = typeof value === "function" ? (value as (tree: Record<string, unknown>) => unknown)(tree) : value;
  }
  return tree;
}

const rightOf = (tree: Record<string, unknown>): Record<string, unknown> => (tree.body as Record<string, unknown>).right as Record<string, unknown>;

describe("a tree a reader edited", () => {
  const cases: [string, unknown, string][] = [
    ["a number's value", tampered({ "body.left.value": 5 }), "body.left: 5 (integer: false) is not the value of 0.5"],
    ["a number's kind", tampered({ "body.left.integer": true }), "body.left: 0.5 (integer: true) is not the value of 0.5"],
    ["a number that is not Python's", tampered({ "body.left.text": "Infinity", "body.left.value": Infinity }), 'body.left.text: "Infinity" is not a Python number'],
    ["a negative literal", tampered({ "body.left.text": "-1", "body.left.value": -1 }), 'body.left.text: "-1" is not a Python number'],
    ["an operator", tampered({ "body.right.op": "*" }), 'the tree is not the expression\'s: it reads "lambda t: 0.5 ** (t * 25)"'],
    ["an operator outside the language", tampered({ "body.op": "^" }), 'body.op: "^" is not one of + - * / // % **'],
    ["a node type outside the language", tampered({ "body.right.type": "eval" }), 'body.right.type: "eval" is not a node of the expression language'],
    ["a call of something else", tampered({ "body.right": { type: "call", fn: "eval", args: [], from: 17, to: 25 } }), 'body.right.fn: "eval" is not a function of the language'],
    ["a call with too many arguments", tampered({ "body.right": (tree: Record<string, unknown>) => ({ type: "call", fn: "abs", args: [rightOf(tree).left, rightOf(tree).right], from: 17, to: 25 }) }), "body.right.args must be a list of 1, got 2"],
    ["an extra field", tampered({ "body.left.code": "alert(1)" }), "body.left.code: a number node has no such field"],
    ["a prototype key", JSON.parse('{"source":"lambda t: t","variable":"t","body":{"type":"variable","from":10,"to":11,"__proto__":{"x":1}}}'), "body.__proto__: a variable node has no such field"],
    ["a range outside the text", tampered({ "body.left.to": 99 }), "body.left: the range 10–99 is outside its parent's (10–25)"],
    ["a leaf's range", tampered({ "body.right.right.from": 10, "body.right.right.to": 13 }), 'body.right.right: the range 10–13 is outside its parent\'s (18–24)'],
    ["a leaf pointing at other text", tampered({ "body.right.right.from": 18, "body.right.right.to": 20 }), 'body.right.right: its range holds "t ", not "25"'],
    ["the argument's name", tampered({ variable: "lambda" }), 'variable: "lambda" cannot name the lambda\'s argument'],
    ["the text", tampered({ source: "lambda t: 0.5 ** (t / 26)" }), 'body.right.right: its range holds "26", not "25"'],
    ["a field of the whole", tampered({ extra: 1 }), "extra: a parsed expression has no such field"],
    ["no tree at all", "lambda t: t", 'a parsed expression must be an object, got "lambda t: t"'],
    ["a list for a node", tampered({ "body.right": [] }), "body.right must be a node (an object), got a list"],
  ];
  for (const [what, tree, reason] of cases) {
    it(`is refused for ${what}, naming the node`, () => expect(handOverTree(tree)).toEqual({ ok: false, reason }));
  }

  it("is refused when nested deeper than the parser allows, even though each bracket level is within the limit", () => {
    // 30 levels of unary minus inside 20 brackets: the parser counts both and refuses the text.
    const source = `lambda t: ${"(".repeat(20)}${"-".repeat(30)}t${")".repeat(20)}`;
    expect(() => parseExpression(source)).toThrow(/nested more than 40 levels/);
    let body: Record<string, unknown> = { type: "variable", from: 60, to: 61 };
    for (let i = 29; i >= 0; i--) body = { type: "unary", op: "-", arg: body, from: 30 + i, to: 61 };
    const read = handOverTree({ source, variable: "t", body });
    expect(read.ok).toBe(false);
    expect(read.ok ? "" : read.reason).toMatch(/nested more than 40 levels deep/);
  });

  it("is refused when it is not JSON, or not a list of trees", () => {
    expect(handOverTrees("[{")[0]).toMatch(/^the parsed expressions are not JSON/);
    expect(handOverTrees('{"source":"t"}')).toEqual(["the parsed expressions must be a list, got [object Object]"]);
    expect(handOverTrees(`[${JSON.stringify(onPage("lambda t: t"))}, 3]`)).toEqual(["expression 2: a parsed expression must be an object, got 3"]);
  });
});

/** Every node of a tree, with a function that replaces it (in a copy). */
function nodesOf(tree: Expr): { node: Expr; replace: (by: unknown) => unknown }[] {
  const out: { node: Expr; replace: (by: unknown) => unknown }[] = [];
  const walk = (node: Expr, rebuild: (by: unknown) => unknown): void => {
    out.push({ node, replace: rebuild });
    for (const [key, value] of Object.entries(node)) {
      if (Array.isArray(value) && typeof value[0] === "object") value.forEach((child: Expr, i) => walk(child, (by) => rebuild({ ...node, [key]: value.map((c, j) => (j === i ? by : c)) })));
      else if (typeof value === "object" && value !== null) walk(value as Expr, (by) => rebuild({ ...node, [key]: by }));
    }
  };
  walk(tree, (by) => by);
  return out;
}

const withoutRanges = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === "from" || key === "to" ? undefined : v)));

describe("any edit that gets through", () => {
  it("leaves the tree the parser gives for the text (random edits of random expressions)", () => {
    const leaf = fc.constantFrom("t", "0", "1", "2", "25", "0.5", "1e-3", "math.pi", "True");
    const { expr } = fc.letrec<{ expr: string }>((tie) => ({
      expr: fc.oneof(
        { depthSize: "small" },
        leaf,
        fc.tuple(tie("expr"), fc.constantFrom("+", "-", "*", "/", "//", "%", "**", "<", "<=", "==", "and", "or"), tie("expr")).map(([a, op, b]) => `(${a}) ${op} (${b})`),
        fc.tuple(fc.constantFrom("-", "not ", "+"), tie("expr")).map(([op, a]) => `${op}(${a})`),
        fc.tuple(tie("expr"), tie("expr"), tie("expr")).map(([a, c, b]) => `(${a}) if (${c}) else (${b})`),
        fc.tuple(fc.constantFrom("min", "max"), tie("expr"), tie("expr")).map(([f, a, b]) => `${f}(${a}, ${b})`),
      ),
    }));
    const edit = fc.record({ node: fc.nat(), other: fc.nat(), how: fc.constantFrom("swap", "op", "graft", "number") });
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(expr, edit, (text, { node, other, how }) => {
        let source: string;
        try {
          source = canonical(text);
        } catch {
          return; // nested deeper than the parser allows
        }
        const parsed = parseExpression(source);
        const nodes = nodesOf(parsed.body);
        const target = nodes[node % nodes.length]!;
        const donor = nodes[other % nodes.length]!.node;
        const n = target.node;
        const changed =
          how === "graft" ? donor
          : how === "swap" && (n.type === "binary" || n.type === "logic") ? { ...n, left: n.right, right: n.left }
          : how === "op" && n.type === "binary" ? { ...n, op: n.op === "-" ? "+" : "-" }
          : how === "op" && n.type === "logic" ? { ...n, op: n.op === "and" ? "or" : "and" }
          : how === "number" && n.type === "number" ? { ...n, value: n.value + 1 }
          : { ...donor, from: n.from, to: n.to };
        const body = target.replace(changed);
        const read = handOverTree({ source, variable: parsed.variable, body: JSON.parse(JSON.stringify(body)) as unknown });
        if (read.ok) {
          accepted += 1;
          expect(withoutRanges(read.parsed.body)).toEqual(withoutRanges(parsed.body));
        } else refused += 1;
      }),
      { numRuns: 400 },
    );
    expect(refused).toBeGreaterThan(100);
    expect(accepted).toBeGreaterThan(10);
  });
});
