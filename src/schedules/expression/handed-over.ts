/**
 * The parsed expressions handed over to this program (./tree.ts checks each one
 * before it keeps it here), by their exact text: parseExpression (./parse.ts)
 * answers from here first, so a handed-over text parses without the grammar.
 * Kept apart from ./tree.ts so that the parser carries only this lookup, and a
 * program loads the checks only where it has trees to check.
 */
import type { ParsedExpression } from "./ast.ts";

const kept = new Map<string, ParsedExpression>();

/** The checked tree handed over for exactly this text, if any. */
export function checkedBefore(source: string): ParsedExpression | undefined {
  return kept.get(source);
}

/** Keep a tree for its text: for ./tree.ts, once the tree has passed its checks (it is the parser's tree for that text). */
export function keepChecked(parsed: ParsedExpression): void {
  kept.set(parsed.source, parsed);
}
