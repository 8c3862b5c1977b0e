/**
 * A schedule entry's `## Formula` section shows its family's formula from the
 * registry (`<Formula kind=… />`, the symbols of its sliders) and writes any
 * other maths in those symbols, or in symbols the section itself explains
 * ("$r$ is Keras's decay_rate"): no second copy in another notation.
 */
import { describe, expect, it } from "vitest";
import { loadContentDir } from "../../src/content-model/load.ts";
import { isKind, registry } from "../../src/schedules/index.ts";
import { unexplainedSymbols } from "../../src/schedules/symbols.ts";

interface Node {
  type: string;
  depth?: number;
  value?: string;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: Node[];
}

function walk(node: Node, visit: (n: Node, parent: Node | null, index: number) => void, parent: Node | null = null, index = 0): void {
  visit(node, parent, index);
  (node.children ?? []).forEach((child, i) => walk(child, visit, node, i));
}

const textOf = (n: Node): string => (typeof n.value === "string" ? n.value : (n.children ?? []).map(textOf).join(""));

/** The top-level nodes between `## Formula` (reduce on plateau: `## Rule`) and the next `##`. */
function formulaSection(tree: Node): Node[] | null {
  const nodes = tree.children ?? [];
  const start = nodes.findIndex((n) => n.type === "heading" && n.depth === 2 && ["Formula", "Rule"].includes(textOf(n).trim()));
  if (start < 0) return null;
  const end = nodes.findIndex((n, i) => i > start && n.type === "heading" && n.depth === 2);
  return nodes.slice(start + 1, end < 0 ? undefined : end);
}

/**
 * Maths the section explains (its symbols count as defined): an inline `$X$`
 * followed by "is", "are", "=", "means", "counts", "stands", ", the" or
 * "(the", and the left side of an inline definition `$X = …$`.
 */
function explainedIn(section: Node[]): string[] {
  const explained: string[] = [];
  for (const top of section) {
    walk(top, (n, parent, i) => {
      if (n.type !== "inlineMath" || !parent) return;
      const next = parent.children?.[i + 1];
      if (next?.type === "text" && /^,?\s*\(?(?:(?:is|are|means|counts|stands|the|its)\b|=)/.test(next.value ?? "")) explained.push(n.value ?? "");
      // An inline definition, "$r_i(t) = g_i(t) / g_i(t - 1)$", explains the symbol on its left.
      const left = /^([^=]+)=/.exec(n.value ?? "");
      if (left) explained.push(left[1] as string);
    });
  }
  return explained;
}

const entries = loadContentDir("content/glossary").filter((e) => typeof (e.data as { schedule?: unknown }).schedule === "string");

describe("schedule entries' formula sections", () => {
  it("finds the schedule entries", () => {
    expect(entries.length).toBeGreaterThanOrEqual(19);
  });

  for (const entry of entries) {
    const kind = (entry.data as { schedule: string }).schedule;
    describe(entry.slug, () => {
      const section = formulaSection(entry.tree as Node);

      it(`shows the registry's formula for "${kind}"`, () => {
        expect(section, `${entry.path}: no "## Formula" section`).not.toBeNull();
        const kinds: unknown[] = [];
        for (const top of section ?? []) walk(top, (n) => {
          if ((n.type === "mdxJsxFlowElement" || n.type === "mdxJsxTextElement") && n.name === "Formula") kinds.push(n.attributes?.find((a) => a.name === "kind")?.value);
        });
        expect(kinds, `${entry.path}: "## Formula" needs <Formula kind="${kind}" />`).toContain(kind);
      });

      it("writes its maths only in the family's symbols or symbols it explains", () => {
        if (!isKind(kind)) throw new Error(`${entry.path}: schedule "${kind}" is not a registry kind`);
        expect(section, `${entry.path}: no "## Formula" section`).not.toBeNull();
        const family = registry[kind];
        const allowed = [...family.params.map((p) => p.symbol), ...Object.keys(family.where ?? {}), ...explainedIn(section ?? [])];
        const strays: string[] = [];
        for (const top of section ?? []) walk(top, (n) => {
          if (n.type === "math" || n.type === "inlineMath") for (const s of unexplainedSymbols(n.value ?? "", allowed)) strays.push(`${s} in $${n.value}$`);
        });
        expect(strays, `${entry.path}: symbols the "${kind}" family does not define and the section does not explain`).toEqual([]);
      });
    });
  }
});
