/**
 * The live island's half of the page's parsed expressions (data-expressions,
 * written by schedule-explorer-trees.ts). The first parse that finds no grammar
 * (GrammarPending) waits for them instead, once: their checks
 * (src/schedules/expression/tree.ts, loaded then, and only on a page that has
 * trees) hand over each tree that passes, and the parse is tried again. Only a
 * text that is none of them (the reader's own, an address's) then loads the
 * Python grammar.
 */
import { loadPythonGrammar } from "../../src/schedules/core.ts";

interface PageTrees {
  done: boolean;
  refused: string[];
  loading: Promise<void>;
}

const pages = new WeakMap<HTMLElement, PageTrees>();

/** What to wait for before parsing again after GrammarPending: the page's trees the first time, then the grammar. */
export function parserFor(element: HTMLElement): Promise<void> {
  if (element.dataset.expressions === undefined) return loadPythonGrammar();
  let trees = pages.get(element);
  if (!trees) {
    const entry: PageTrees = { done: false, refused: [], loading: Promise.resolve() };
    entry.loading = import("../../src/schedules/expression/tree.ts")
      .then(
        ({ handOverTrees }) => {
          entry.refused = handOverTrees(element.dataset.expressions ?? "");
        },
        // Without the checks, the text is parsed as on any page.
        () => undefined,
      )
      .finally(() => {
        entry.done = true;
      });
    pages.set(element, entry);
    trees = entry;
  }
  return trees.done ? loadPythonGrammar() : trees.loading;
}

/** Why the page's trees were refused, once they have been checked (a reader edited the attribute); null if none was. */
export function refusedTreesNotice(element: HTMLElement): string | null {
  const refused = pages.get(element)?.refused ?? [];
  return refused.length > 0 ? `The page's parsed expression was refused (${refused.join("; ")}); the expression is parsed here instead.` : null;
}
