// Cross-references between entries, and one term for one idea.
import { describe, expect, it } from "vitest";
import { loadContentDir, internalLinks } from "../../src/content-model/load.ts";

const glossary = loadContentDir("content/glossary");
const notebooks = loadContentDir("content/notebooks");

/** Glossary slugs an entry's body links to (not itself). */
function linkedTerms(body: string, self: string): string[] {
  const slugs = internalLinks(body).flatMap((link) => /^\/glossary\/([a-z0-9-]+)\/?$/.exec(link)?.[1] ?? []);
  return [...new Set(slugs)].filter((slug) => slug !== self);
}

const relatedOf = (data: unknown): string[] => {
  const related = (data as { related?: unknown }).related;
  return Array.isArray(related) ? related.filter((r): r is string => typeof r === "string") : [];
};

/**
 * Body links that may stay out of `related`, each with the reason. Empty today;
 * an entry here that no longer applies fails the test below.
 */
const INCIDENTAL: readonly { from: string; to: string; reason: string }[] = [];

describe("related terms", () => {
  it("the check sees links (sanity: many entries link to others)", () => {
    expect(glossary.filter((e) => linkedTerms(e.body, e.slug).length > 0).length).toBeGreaterThan(20);
  });

  for (const entry of glossary) {
    it(`${entry.slug}: every glossary entry its text links to is in its related list`, () => {
      const related = new Set(relatedOf(entry.data));
      const missing = linkedTerms(entry.body, entry.slug).filter(
        (slug) => !related.has(slug) && !INCIDENTAL.some((x) => x.from === entry.slug && x.to === slug),
      );
      expect(missing, `${entry.path}: add these to related (or list the link in INCIDENTAL with a reason)`).toEqual([]);
    });
  }

  it("every listed incidental link still exists and is still outside related", () => {
    const stale = INCIDENTAL.filter((x) => {
      const entry = glossary.find((e) => e.slug === x.from);
      return !entry || !linkedTerms(entry.body, entry.slug).includes(x.to) || relatedOf(entry.data).includes(x.to);
    });
    expect(stale).toEqual([]);
  });

  it("lists the pairs the audit found (issue 14, item 7)", () => {
    const related = (slug: string) => relatedOf(glossary.find((e) => e.slug === slug)?.data);
    expect(related("reduce-on-plateau")).toContain("plateau");
    expect(related("cyclical-learning-rate")).toContain("learning-rate-range-test");
    expect(related("inverse-square-root")).toEqual(expect.arrayContaining(["adam", "robbins-monro-conditions"]));
  });
});

describe("one term for one idea", () => {
  // "Fixed" means constant (Caffe's lr_policy "fixed"); a schedule set before training is "predefined (open-loop)".
  const ALLOWED = new Set(["content/glossary/constant-learning-rate.mdx"]);

  it('no text calls a predefined schedule a "fixed schedule"', () => {
    const uses = [...glossary, ...notebooks]
      .filter((f) => !ALLOWED.has(f.path))
      .flatMap((f) => [...`${JSON.stringify(f.data)}\n${f.body}`.matchAll(/.{0,40}\bfixed[- ]schedules?\b.{0,40}/gi)].map((m) => `${f.path}: ${m[0]}`));
    expect(uses).toEqual([]);
  });

  it("the constant-rate entry still explains the two meanings", () => {
    const entry = glossary.find((e) => e.slug === "constant-learning-rate");
    expect(entry?.body).toMatch(/"fixed schedule"[^.]*; in Caffe and in most papers, "fixed learning rate" means constant/);
  });
});
