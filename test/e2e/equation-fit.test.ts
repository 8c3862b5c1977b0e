// Display equations fit their column at 1280 px: every KaTeX display (.katex-display) on every built page, Markdown
// maths and islands' formulas alike, holds its content without scrolling sideways. (On a phone a wide formula may
// scroll inside its own box; site.test.ts holds that the page itself never does.)
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { useBuiltSite } from "../support/built-site.ts";
import { htmlFiles, read, routeOf } from "../support/dist.ts";

const site = useBuiltSite();
const DESKTOP = { width: 1280, height: 900 };

interface Display {
  tex: string;
  /** Width of the typeset content (scrollWidth) and of the box that shows it (clientWidth), in CSS px. */
  content: number;
  box: number;
}

/**
 * Blocks below the first screen skip layout until the reader nears them (content-visibility, src/styles/rendering.css)
 * and would measure at their placeholder size: the test page gets every block laid out at once, as print does.
 */
const LAY_OUT_EVERYTHING = "* { content-visibility: visible !important; }";

/** Every display equation on the page, measured once rendered, with closed `<details>` opened first. */
function displays(page: Page): Promise<Display[]> {
  return page.evaluate(async (css) => {
    const style = document.createElement("style");
    style.textContent = css;
    document.head.append(style);
    for (const details of document.querySelectorAll("details")) details.open = true;
    // Laying the page out requests the fonts the newly shown blocks use; measure once they are in.
    void document.body.offsetHeight;
    await document.fonts.ready;
    return [...document.querySelectorAll<HTMLElement>(".katex-display")].map((display) => {
      const tex = display.querySelector('annotation[encoding="application/x-tex"]')?.textContent ?? display.textContent ?? "";
      return { tex: tex.replace(/\s+/g, " ").trim().slice(0, 80), content: display.scrollWidth, box: display.clientWidth };
    });
  }, LAY_OUT_EVERYTHING);
}

describe("display equations at 1280 px", () => {
  it("fit their column on every page: no equation scrolls sideways", async () => {
    const pages = htmlFiles()
      .filter((file) => read(file).includes("katex-display"))
      .map(routeOf)
      .filter((route) => route !== "404.html");
    expect(pages.length).toBeGreaterThan(10);
    // One tab for every page (two tabs were slower on two cores: 53 s against 38): the site's fonts (font-display:
    // optional, so one arriving late would leave its fallback for the page's life) are fetched once, before the first
    // measure, and then come from the cache.
    const context = await site.browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    await page.goto(site.server.url(pages[0] ?? ""), { waitUntil: "load" });
    await page.evaluate(() => Promise.all([...document.fonts].map((face) => face.load())));
    const wide: string[] = [];
    let measured = 0;
    for (const route of pages) {
      await page.goto(site.server.url(route), { waitUntil: "load" });
      const found = await displays(page);
      expect(found.length, `${route}: its HTML holds a display equation`).toBeGreaterThan(0);
      measured += found.length;
      found.forEach((d, i) => {
        if (d.box === 0) wide.push(`/${route} equation ${i + 1} "${d.tex}": not laid out`);
        // One pixel of slack for sub-pixel rounding.
        else if (d.content > d.box + 1) wide.push(`/${route} equation ${i + 1} "${d.tex}": ${d.content}px of content in a ${d.box}px box`);
      });
    }
    await context.close();
    expect(measured).toBeGreaterThan(pages.length);
    expect(wide).toEqual([]);
  }, 300_000);
});
