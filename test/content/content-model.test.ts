import { describe, expect, it } from "vitest";
import { glossarySchema, missingSections, REQUIRED_SECTIONS } from "../../src/content-model/schema.ts";
import { checkContentTree } from "../../src/content-model/remark-checks.ts";
import { splitFrontmatter, internalLinks } from "../../src/content-model/load.ts";
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkMath from "remark-math";
import { entry } from "../support/scratch-site.ts";

const parse = (md: string) => unified().use(remarkParse).use(remarkMath).parse(md);
const schema = glossarySchema(new Set(["learning-rate", "test-term"]));
const valid = () => splitFrontmatter(entry(), "test.mdx").data as Record<string, unknown>;

describe("glossary frontmatter schema", () => {
  it("accepts a complete entry", () => {
    expect(schema.safeParse(valid()).success).toBe(true);
  });

  it.each([
    ["related", { related: ["ghost"] }, "related term 'ghost' does not exist"],
    ["faq", { faq: [{ q: "a", a: "b" }] }, "FAQ needs at least 3 questions"],
    ["sources", { sources: [] }, "cite at least one source"],
    ["definition", { definition: "two\nlines" }, "single line"],
    ["year", { sources: [{ author: "A", title: "T", venue: "V", year: 1951.5, url: "https://x.org" }] }, "whole number"],
    ["url", { sources: [{ author: "A", title: "T", venue: "V", year: 1951, url: "ftp://x.org" }] }, "http"],
    ["tags", { tags: ["Not A Slug"] }, "lowercase slug"],
  ])("rejects a bad %s with a message naming the problem", (_field, patch, message) => {
    const result = schema.safeParse({ ...valid(), ...patch });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain(message);
  });
});

describe("body checks", () => {
  it("lists missing sections in their canonical order", () => {
    expect(missingSections(["Origin", "usage"])).toEqual(["Explained easy", "Etymology", "Examples in context"]);
    expect(missingSections([...REQUIRED_SECTIONS])).toEqual([]);
  });

  it("reports a bad inline formula with its line", () => {
    const problems = checkContentTree(parse("Line one.\n\nSee $\\frac{1}{$ here."), "content/notebooks/x.mdx");
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^line 3: formula "\\frac\{1\}\{" does not parse/);
  });

  it("requires sections only in glossary entries", () => {
    expect(checkContentTree(parse("## Something\n"), "/x/content/notebooks/n.mdx")).toEqual([]);
    expect(checkContentTree(parse("## Something\n"), "/x/content/glossary/g.mdx")).toHaveLength(5);
  });

  it("finds site-absolute links in markdown and href props", () => {
    expect(internalLinks('[a](/glossary/adam/#faq) <a href="/notebooks/n/">n</a> [ext](https://x.org)')).toEqual([
      "/glossary/adam/",
      "/notebooks/n/",
    ]);
  });
});
