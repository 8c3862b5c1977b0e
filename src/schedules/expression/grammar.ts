/**
 * Where the expression parser finds the Python grammar (@lezer/python, about
 * 30 KB gzipped with its runtime). Every written-expression schedule needs it;
 * no other kind does. Node, the build, the CLI, the workers and every island
 * but the schedule explorer get it up front from the library's public faces
 * (src/schedules/index.ts and ./index.ts import ./python-grammar.ts). The
 * explorer imports the library through src/schedules/core.ts instead, so its
 * first touch does not carry the grammar for the nineteen kinds that never
 * parse anything; when a spec does need it, parsing throws GrammarPending and
 * the explorer awaits loadPythonGrammar() and draws again.
 *
 * The grammar is an immutable parser table, set once: islands sharing a page
 * share it and cannot disturb each other.
 */
import type { parser as lezerPython } from "@lezer/python";

export type PythonGrammar = typeof lezerPython;

let grammar: PythonGrammar | undefined;

/** Thrown by anything that parses an expression before the grammar is loaded (see loadPythonGrammar). */
export class GrammarPending extends Error {
  constructor() {
    super("the Python grammar for written expressions is not loaded yet: import src/schedules/index.ts, or await loadPythonGrammar() first");
    this.name = "GrammarPending";
  }
}

/** The grammar, or GrammarPending. */
export function pythonGrammar(): PythonGrammar {
  if (grammar === undefined) throw new GrammarPending();
  return grammar;
}

/** Hand the grammar over (./python-grammar.ts does, for everything that imports a public face). */
export function provideGrammar(parser: PythonGrammar): void {
  grammar = parser;
}

/** Load the grammar on demand (the schedule explorer, when a spec first needs it); resolves at once when it is loaded. */
export async function loadPythonGrammar(): Promise<void> {
  if (grammar !== undefined) return;
  const { parser } = await import("@lezer/python");
  provideGrammar(parser);
}
