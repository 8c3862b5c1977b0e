/**
 * Rewrites site-absolute links in content ("/glossary/momentum/") to include
 * the deploy base ("/lr-atlas/glossary/momentum/"), so authors write one form
 * and the same content works at the origin root or under any sub-path.
 */
import { withBase } from "../site/base-path.ts";

interface HastNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

export function rehypeBaseLinks(options: { base: string }) {
  const visit = (node: HastNode): void => {
    if (node.type === "element" && node.tagName === "a") {
      const href = node.properties?.href;
      if (typeof href === "string" && href.startsWith("/") && !href.startsWith("//")) {
        node.properties = { ...node.properties, href: withBase(options.base, href) };
      }
    }
    for (const child of node.children ?? []) visit(child);
  };
  return (tree: HastNode) => visit(tree);
}
