/**
 * The build's half of an explorer's parsed expressions: every written
 * expression in the page's settings, parsed here, goes into the page
 * (data-expressions) so that the live island's first move runs it without
 * downloading the Python grammar (src/schedules/expression/tree.ts checks each
 * tree again there, as untrusted). Only trees the island will accept are
 * written: an expression whose text is not in canonical form is left to the
 * parser in the browser, as before. Build-time only: it parses with the grammar.
 */
import { parseExpression } from "../../src/schedules/expression/index.ts";
import { handOverTree } from "../../src/schedules/expression/tree.ts";

/** The `expression` of every written-expression spec in `spec`, nested ones included, in order, once each. */
function expressionsIn(spec: unknown, out: Set<string> = new Set()): Set<string> {
  if (Array.isArray(spec)) for (const item of spec) expressionsIn(item, out);
  else if (typeof spec === "object" && spec !== null) {
    const fields = spec as Record<string, unknown>;
    if (fields.kind === "lambda" && typeof fields.expression === "string") out.add(fields.expression);
    for (const value of Object.values(fields)) expressionsIn(value, out);
  }
  return out;
}

/** The data-expressions attribute for an explorer starting from `spec`: a JSON list of trees, or undefined for none. */
export function expressionTreesAttribute(spec: unknown): string | undefined {
  const trees = [...expressionsIn(spec)].map((source) => JSON.stringify(parseExpression(source))).filter((json) => handOverTree(JSON.parse(json)).ok);
  return trees.length > 0 ? `[${trees.join(",")}]` : undefined;
}
