// Display equations fit their column at 1280 px: every KaTeX display (.katex-display) on every built page, Markdown
// maths and islands' formulas alike, holds its content without scrolling sideways. (On a phone a wide formula may
// scroll inside its own box; site.test.ts holds that the page itself never does.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { useBuiltSite } from "../support/built-site.ts";
import { BASE, DIST, htmlFiles, read, routeOf } from "../support/dist.ts";
import { serveStatic, type RunningServer } from "../support/static-server.ts";

const site = useBuiltSite();
// A server that lets the browser keep the fonts, so that every page after the first has its faces at once.
let server: RunningServer;
beforeAll(async () => {
  server = await serveStatic(DIST, BASE, { cacheAssets: true });
});
afterAll(() => server?.close());
const DESKTOP = { width: 1280, height: 900 };

interface Display {
  tex: string;
  /** Width of the typeset content (scrollWidth) and of the box that shows it (clientWidth), in CSS px. */
  content: number;
  box: number;
}

interface Measured {
  displays: Display[];
  /** Fonts this page fetched over the network rather than from the cache: font-display: optional may leave them unused. */
  fetchedFonts: string[];
}

/**
 * Blocks below the first screen skip layout until the reader nears them (content-visibility, src/styles/rendering.css)
 * and would measure at their placeholder size: the test page gets every block laid out at once, as print does.
 */
const LAY_OUT_EVERYTHING = "* { content-visibility: visible !important; }";

/** Every display equation on the page, measured once rendered, with closed `<details>` opened first. */
function displays(page: Page): Promise<Measured> {
  return page.evaluate(async (css) => {
    const style = document.createElement("style");
    style.textContent = css;
    document.head.append(style);
    for (const details of document.querySelectorAll("details")) details.open = true;
    // Laying the page out requests the fonts the newly shown blocks use; measure once they are in.
    void document.body.offsetHeight;
    await document.fonts.ready;
    const displays = [...document.querySelectorAll<HTMLElement>(".katex-display")].map((display) => {
      const tex = display.querySelector('annotation[encoding="application/x-tex"]')?.textContent ?? display.textContent ?? "";
      return { tex: tex.replace(/\s+/g, " ").trim().slice(0, 80), content: display.scrollWidth, box: display.clientWidth };
    });
    const fetchedFonts = performance.getEntriesByType("resource").filter((e) => e.name.endsWith(".woff2") && (e as PerformanceResourceTiming).transferSize > 0).map((e) => e.name);
    return { displays, fetchedFonts };
  }, LAY_OUT_EVERYTHING);
}

describe("display equations at 1280 px", () => {
  it("fit their column on every page: no equation scrolls sideways", async () => {
    const pages = htmlFiles()
      .filter((file) => read(file).includes("katex-display"))
      .map(routeOf)
      .filter((route) => route !== "404.html");
    expect(pages.length).toBeGreaterThan(10);
    // One tab for every page (two tabs were slower on two cores: 53 s against 38). The site's fonts (font-display:
    // optional: one arriving late leaves its fallback for the page's life) are fetched once, before the first measure;
    // every measured page must then take them from the cache.
    const context = await site.browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    await page.goto(server.url(pages[0] ?? ""), { waitUntil: "load" });
    await page.evaluate(() => Promise.all([...document.fonts].map((face) => face.load())));
    const wide: string[] = [];
    const late: string[] = [];
    let measured = 0;
    for (const route of pages) {
      await page.goto(server.url(route), { waitUntil: "load" });
      const { displays: found, fetchedFonts } = await displays(page);
      if (fetchedFonts.length > 0) late.push(`/${route}: ${fetchedFonts.join(", ")}`);
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
    expect(late, "fonts fetched while measuring (not from the cache)").toEqual([]);
    expect(wide).toEqual([]);
  }, 300_000);
});
