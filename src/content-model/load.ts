/**
 * Reads content files outside Astro (tests, CLI): frontmatter via js-yaml and
 * the MDX body via the same remark-math parse the build uses.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { load as loadYaml } from "js-yaml";
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkMdx from "remark-mdx";
import remarkMath from "remark-math";

export interface ContentFile {
  slug: string;
  path: string;
  data: unknown;
  body: string;
  tree: ReturnType<ReturnType<typeof parser>["parse"]>;
}

const parser = () => unified().use(remarkParse).use(remarkMdx).use(remarkMath);

export function splitFrontmatter(source: string, path: string): { data: unknown; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
  if (!match) throw new Error(`${path}: no frontmatter block (--- ... ---) at the top`);
  return { data: loadYaml(match[1] ?? ""), body: source.slice(match[0].length) };
}

export function loadContentDir(dir: string): ContentFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".mdx"))
    .sort()
    .map((file) => {
      const path = join(dir, file);
      const { data, body } = splitFrontmatter(readFileSync(path, "utf8"), path);
      return { slug: file.replace(/\.mdx$/, ""), path, data, body, tree: parser().parse(body) };
    });
}

/** Site-absolute links ("/glossary/x/") in a body, from markdown links and href="..." props. */
export function internalLinks(body: string): string[] {
  const links = new Set<string>();
  for (const m of body.matchAll(/\]\((\/[^)\s#]*)(?:#[^)\s]*)?\)/g)) links.add(m[1] ?? "");
  for (const m of body.matchAll(/href=["'](\/[^"'#]*)/g)) links.add(m[1] ?? "");
  return [...links];
}
