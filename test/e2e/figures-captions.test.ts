// The words around every figure, read from the production build (no browser): captions, the screen-reader
// descriptions, symbol legends and table captions hold no doubled units ("decay steps (steps)", "(steps) (steps)"),
// no range that goes nowhere ("from 0 to 0") and no NaN, undefined or Infinity.
import { describe, expect, it } from "vitest";
import { htmlFiles, read, routeOf } from "../support/dist.ts";

/** The text of every element that names or describes a figure, tags and KaTeX's hidden MathML stripped. */
function figureWords(html: string): string[] {
  const blocks = [
    ...html.matchAll(/<figcaption\b[^>]*>([\s\S]*?)<\/figcaption>/g),
    ...html.matchAll(/<caption\b[^>]*>([\s\S]*?)<\/caption>/g),
    ...html.matchAll(/<dl class="symbol-legend"[^>]*>([\s\S]*?)<\/dl>/g),
    ...html.matchAll(/\saria-description="([^"]*)"/g),
  ].map((m) => m[1] ?? "");
  return blocks.flatMap((block) =>
    block
      .replace(/<math\b[\s\S]*?<\/math>/g, " ")
      .split(/<\/(?:dd|dt|div|p|li)>/)
      .map((part) => part.replace(/<[^>]+>/g, "").replace(/&nbsp;|\s+/g, " ").replaceAll("&amp;", "&").trim())
      .filter((text) => text !== ""),
  );
}

const GLITCHES: readonly { name: string; pattern: RegExp }[] = [
  { name: "a unit given twice", pattern: /\(([^()]+)\) \(\1\)/ },
  { name: "a word repeated as its own unit", pattern: /\b(\w+) \(\1\)/ },
  { name: "a range from a value to itself", pattern: /\bfrom (−?-?\d[\d.e−-]*) to \1(?![\d.])/ },
  { name: "a missing number", pattern: /\b(NaN|undefined|Infinity)\b/ },
];

describe("figure captions on every built page", () => {
  it("the checks find the glitches they look for", () => {
    const found = (text: string) => GLITCHES.filter((g) => g.pattern.test(text)).map((g) => g.name);
    expect(found("T decay steps (steps) = 100")).toEqual(["a word repeated as its own unit"]);
    expect(found("period (steps) (steps)")).toEqual(["a unit given twice"]);
    expect(found("Over 100 steps the rate goes from 0 to 0, peaking at 0.1")).toEqual(["a range from a value to itself"]);
    expect(found("goes from 0 to 0.04472, peaking at 0.1")).toEqual([]);
    expect(found("ends at NaN")).toEqual(["a missing number"]);
  });

  it("hold no doubled units, empty ranges or missing numbers", () => {
    const pages = htmlFiles();
    expect(pages.length).toBeGreaterThan(50);
    const problems: string[] = [];
    let checked = 0;
    for (const file of pages) {
      for (const text of figureWords(read(file))) {
        checked += 1;
        for (const glitch of GLITCHES) if (glitch.pattern.test(text)) problems.push(`${routeOf(file)}: ${glitch.name}: "${text.slice(0, 160)}"`);
      }
    }
    expect(checked).toBeGreaterThan(500);
    expect(problems).toEqual([]);
  });
});
