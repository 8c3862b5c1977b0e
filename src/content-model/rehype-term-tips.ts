/**
 * Term links with their definition on hover and focus, with no JavaScript:
 * a link to a glossary entry in content becomes
 *   <span class="term"><a href aria-describedby="tip-N">word</a><span role="tooltip" id="tip-N">definition</span></span>
 * and CSS shows the tooltip while the link is hovered or focused.
 * Definitions are read from the entries' frontmatter when the site builds.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { splitFrontmatter } from "./load.ts";

interface HastNode {
  type: string;
  tagName?: string;
  value?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

/** slug → one-line definition, from content/glossary/*.mdx. */
export function readDefinitions(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".mdx"))) {
    const path = join(dir, file);
    const { data } = splitFrontmatter(readFileSync(path, "utf8"), path);
    const definition = (data as { definition?: unknown }).definition;
    if (typeof definition === "string") out.set(file.replace(/\.mdx$/, ""), definition);
  }
  return out;
}

export function rehypeTermTips(options: { definitions: Map<string, string> }) {
  return (tree: HastNode) => {
    let count = 0;
    const visit = (node: HastNode): void => {
      const children = node.children ?? [];
      node.children = children.map((child) => {
        const href = child.type === "element" && child.tagName === "a" ? child.properties?.href : undefined;
        const slug = typeof href === "string" ? /\/glossary\/([a-z0-9-]+)\/?(?:#.*)?$/.exec(href)?.[1] : undefined;
        const definition = slug === undefined ? undefined : options.definitions.get(slug);
        if (definition === undefined) {
          visit(child);
          return child;
        }
        count += 1;
        const id = `term-tip-${count}`;
        const link: HastNode = { ...child, properties: { ...child.properties, ariaDescribedBy: id } };
        return {
          type: "element",
          tagName: "span",
          properties: { className: ["term"] },
          children: [
            link,
            { type: "element", tagName: "span", properties: { role: "tooltip", id, className: ["term-tip"], dataPagefindIgnore: "" }, children: [{ type: "text", value: definition }] },
          ],
        };
      });
    };
    visit(tree);
  };
}
