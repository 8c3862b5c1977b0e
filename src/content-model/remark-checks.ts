/**
 * A remark plugin that fails the build on a broken content file:
 * - a glossary entry without one of the required `##` sections;
 * - any formula (inline `$...$` or display `$$...$$`) that KaTeX cannot parse.
 * rehype-katex only warns and renders a red error in the page; we would
 * rather stop the build and name the file and line.
 */
import katex from "katex";
import { missingSections } from "./schema.ts";

interface MdNode {
  type: string;
  depth?: number;
  value?: string;
  children?: MdNode[];
  position?: { start: { line: number } };
}

interface VFileLike {
  path?: string;
  history?: string[];
}

export class ContentError extends Error {
  override name = "ContentError";
}

function textOf(node: MdNode): string {
  if (typeof node.value === "string") return node.value;
  return (node.children ?? []).map(textOf).join("");
}

function walk(node: MdNode, visit: (n: MdNode) => void): void {
  visit(node);
  for (const child of node.children ?? []) walk(child, visit);
}

/** Formula errors in a markdown tree: `line: message` strings. */
export function formulaErrors(tree: MdNode): string[] {
  const errors: string[] = [];
  walk(tree, (node) => {
    if (node.type !== "math" && node.type !== "inlineMath") return;
    try {
      katex.renderToString(node.value ?? "", {
        throwOnError: true,
        displayMode: node.type === "math",
        strict: "error",
      });
    } catch (error) {
      const line = node.position?.start.line ?? "?";
      const message = error instanceof Error ? error.message : String(error);
      errors.push(`line ${line}: formula "${node.value}" does not parse: ${message}`);
    }
  });
  return errors;
}

/** Level-2 headings of a markdown tree, as plain text. */
export function sectionHeadings(tree: MdNode): string[] {
  return (tree.children ?? []).filter((n) => n.type === "heading" && n.depth === 2).map(textOf);
}

export function checkContentTree(tree: MdNode, path: string): string[] {
  const problems = formulaErrors(tree);
  if (/[\\/]content[\\/]glossary[\\/]/.test(path)) {
    for (const section of missingSections(sectionHeadings(tree))) {
      problems.push(`missing section "## ${section}"`);
    }
  }
  return problems;
}

export function remarkContentChecks() {
  return (tree: MdNode, file: VFileLike) => {
    const path = file.path ?? file.history?.[0] ?? "(unknown file)";
    const problems = checkContentTree(tree, path);
    if (problems.length > 0) {
      throw new ContentError(`${path}:\n  - ${problems.join("\n  - ")}`);
    }
  };
}
