import { describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { loadContentDir, internalLinks } from "../../src/content-model/load.ts";
import { glossarySchema, notebookSchema } from "../../src/content-model/schema.ts";
import { checkContentTree } from "../../src/content-model/remark-checks.ts";

const glossary = loadContentDir("content/glossary");
const notebooks = loadContentDir("content/notebooks");
const terms = new Set(glossary.map((e) => e.slug));
const schema = glossarySchema(terms);

/** Does a site-absolute link name a page the build will emit? */
function resolves(link: string): boolean {
  const path = link.replace(/\/+$/, "");
  if (path === "" || ["/glossary", "/notebooks", "/tags", "/playground", "/search"].includes(path)) return true;
  const entry = /^\/glossary\/([a-z0-9-]+)$/.exec(path);
  if (entry) return terms.has(entry[1] ?? "");
  const notebook = /^\/notebooks\/([a-z0-9-]+)$/.exec(path);
  if (notebook) return existsSync(`content/notebooks/${notebook[1]}.mdx`);
  return existsSync(`src/pages${path}.astro`) || existsSync(`src/pages${path}/index.astro`);
}

describe("glossary entries", () => {
  it("has the entries the site links from its home page", () => {
    for (const slug of ["learning-rate", "learning-rate-decay", "exponential-decay"]) {
      expect(terms, `content/glossary/${slug}.mdx`).toContain(slug);
    }
  });

  for (const entry of glossary) {
    describe(entry.slug, () => {
      it("has valid frontmatter", () => {
        const result = schema.safeParse(entry.data);
        const issues = result.success
          ? []
          : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
        expect(issues, entry.path).toEqual([]);
      });

      it("has every required section and only parseable formulas", () => {
        expect(checkContentTree(entry.tree, entry.path), entry.path).toEqual([]);
      });

      it("links only to pages that exist", () => {
        const broken = internalLinks(entry.body).filter((l) => !resolves(l));
        expect(broken, entry.path).toEqual([]);
      });
    });
  }
});

describe("notebooks", () => {
  for (const notebook of notebooks) {
    it(`${notebook.slug} has valid frontmatter, formulas and links`, () => {
      const result = notebookSchema.safeParse(notebook.data);
      expect(result.success ? [] : result.error.issues, notebook.path).toEqual([]);
      expect(checkContentTree(notebook.tree, notebook.path)).toEqual([]);
      expect(internalLinks(notebook.body).filter((l) => !resolves(l)), notebook.path).toEqual([]);
    });
  }
});
