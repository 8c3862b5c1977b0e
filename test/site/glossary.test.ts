import { describe, expect, it } from "vitest";
import { backlinks, canonicalUrl, citeThisPage, groupByLetter, indexLetter } from "../../src/site/glossary.ts";

const term = (slug: string, title: string, related: string[] = []) => ({ slug, title, definition: "", related });

describe("A–Z index", () => {
  it("groups by first letter, sorted, with non-letters last", () => {
    const groups = groupByLetter([term("b", "beta"), term("a2", "Adam"), term("n", "1cycle"), term("a1", "AdaGrad")]);
    expect(groups.map(([letter, items]) => [letter, items.map((t) => t.title)])).toEqual([
      ["A", ["AdaGrad", "Adam"]],
      ["B", ["beta"]],
      ["#", ["1cycle"]],
    ]);
    expect(indexLetter("  warmup")).toBe("W");
  });
});

describe("backlinks", () => {
  it("lists entries that point here but are not already listed here", () => {
    const terms = [term("adam", "Adam", ["momentum"]), term("momentum", "Momentum", ["nesterov"]), term("nesterov", "Nesterov", ["momentum"]), term("sgd", "SGD", ["momentum"])];
    expect(backlinks("momentum", terms).map((t) => t.slug)).toEqual(["adam", "sgd"]);
    expect(backlinks("adam", terms)).toEqual([]);
  });
});

describe("cite this page", () => {
  it("names the page, the site and the URL, and the revision date when known", () => {
    const line = citeThisPage("Adam", "https://x.org/glossary/adam/", new Date("2026-11-01T00:00:00Z"));
    expect(line).toBe('LR Atlas contributors. "Adam". LR Atlas: learning-rate schedules, explained and runnable. Revised 2026-11-01. https://x.org/glossary/adam/');
    expect(citeThisPage("Adam", "u")).not.toContain("Revised");
  });

  it("names no URL when the site's origin is unknown, and an absolute one when it is", () => {
    expect(citeThisPage("Adam", undefined)).toBe('LR Atlas contributors. "Adam". LR Atlas: learning-rate schedules, explained and runnable.');
    expect(canonicalUrl(undefined, "/lr-atlas/glossary/adam/")).toBeUndefined();
    expect(canonicalUrl(new URL("https://me.github.io"), "/lr-atlas/glossary/adam/")).toBe("https://me.github.io/lr-atlas/glossary/adam/");
  });
});
