// KaTeX typesetting, measured in Chromium: Markdown maths (rendered by
// rehype-katex at build) and island formulas (rendered by the site's own
// katex) must both match the one stylesheet the site ships. With two KaTeX
// versions the class names differ and subscripts come out at full size.
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { useBuiltSite } from "../support/built-site.ts";

const site = useBuiltSite();

interface Typeset {
  /** Font size of the first subscript/superscript divided by its formula's size. */
  scriptRatio: number | null;
  /** Display equations whose rendered box pokes out of their container (px). */
  clipped: string[];
  displays: number;
}

async function measure(page: Page, scope: string): Promise<Typeset> {
  return page.evaluate((selector) => {
    const root = document.querySelector(selector);
    if (!root) throw new Error(`no ${selector} on the page`);
    const script = root.querySelector(".katex .msupsub .mtight");
    let scriptRatio: number | null = null;
    if (script) {
      const formula = script.closest(".katex") as HTMLElement;
      scriptRatio = parseFloat(getComputedStyle(script).fontSize) / parseFloat(getComputedStyle(formula).fontSize);
    }
    const clipped: string[] = [];
    const displays = [...root.querySelectorAll(".katex-display")];
    for (const display of displays) {
      const html = display.querySelector(".katex-html");
      if (!html) continue;
      const box = display.getBoundingClientRect();
      // Every glyph box inside must lie within the display vertically (nothing cut off top or bottom).
      for (const glyph of html.querySelectorAll(".mord, .mop, .mrel, .mbin")) {
        const g = glyph.getBoundingClientRect();
        if (g.height === 0) continue;
        if (g.top < box.top - 1 || g.bottom > box.bottom + 1) {
          clipped.push(`${(glyph.textContent ?? "").slice(0, 20)}: ${Math.round(g.top - box.top)}..${Math.round(g.bottom - box.bottom)}`);
          break;
        }
      }
    }
    return { scriptRatio, clipped, displays: displays.length };
  }, scope);
}

describe("one KaTeX for every formula", () => {
  it("sets Markdown subscripts smaller than their base and display equations whole (/glossary/adam/)", async () => {
    const page = await site.browser.newPage();
    await page.goto(site.server.url("glossary/adam/"), { waitUntil: "load" });
    const result = await measure(page, "main .prose, main");
    expect(result.displays).toBeGreaterThan(0);
    expect(result.scriptRatio).not.toBeNull();
    expect(result.scriptRatio as number).toBeLessThan(0.8);
    expect(result.clipped).toEqual([]);
    await page.close();
  });

  it("typesets a notebook's Markdown maths the same way", async () => {
    const page = await site.browser.newPage();
    await page.goto(site.server.url("notebooks/step-exponential-cosine-race/"), { waitUntil: "load" });
    const result = await measure(page, "main");
    expect(result.scriptRatio as number).toBeLessThan(0.8);
    expect(result.clipped).toEqual([]);
    await page.close();
  });

  it("typesets an island's formula with the same subscript size", async () => {
    const page = await site.browser.newPage();
    await page.goto(site.server.url("glossary/cosine-annealing/"), { waitUntil: "load" });
    const result = await measure(page, "lr-schedule-figure .formula-block");
    expect(result.scriptRatio).not.toBeNull();
    expect(result.scriptRatio as number).toBeLessThan(0.8);
    expect(result.clipped).toEqual([]);
    await page.close();
  });
});
