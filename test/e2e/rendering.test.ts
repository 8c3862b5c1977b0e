// Long pages render their first screen first (src/styles/rendering.css): blocks further down skip style, layout and
// paint until the reader nears them, without moving what is on screen, without hiding a link, and all on paper.
import { describe, expect, it } from "vitest";
import type { BrowserContext } from "playwright-core";
import { useBuiltSite } from "../support/built-site.ts";

const site = useBuiltSite();
const NOTEBOOK = "notebooks/step-exponential-cosine-race/";
/** Lighthouse's phone (its mobile settings): what the audit measures. */
const phone = () => site.browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });

interface Blocks {
  skipping: number;
  skippedNow: number;
  withTargets: string[];
  firstScreen: string[];
}

/** The blocks that may skip their contents, and which of them do now. */
async function blocks(context: BrowserContext, route: string): Promise<Blocks> {
  const page = await context.newPage();
  await page.goto(site.server.url(route), { waitUntil: "load" });
  const result = await page.evaluate(() => {
    const all = [...document.querySelectorAll("main *")].filter((el) => getComputedStyle(el).contentVisibility === "auto");
    const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.className ? "." + String(el.className).split(" ")[0] : ""}`;
    const columns = [...document.querySelectorAll(".prose, .entry-layout > div")];
    return {
      skipping: all.length,
      // A skipped block's descendants are not rendered: checkVisibility says so.
      skippedNow: all.filter((el) => [...el.querySelectorAll("*")].some((child) => !child.checkVisibility({ contentVisibilityAuto: true }))).length,
      withTargets: all.filter((el) => el.querySelector("a[href], button, input, select, textarea, summary, .term")).map(describe),
      // Each block's place in its column: its own, or its island's.
      firstScreen: all
        .filter((block) => {
          const inColumn = columns.includes(block.parentElement!) ? block : block.parentElement?.tagName.startsWith("LR-") ? block.parentElement : null;
          // A glossary entry's text after its explorer is far below the first screen, all of it.
          const belowExplorer = inColumn?.parentElement?.matches(".entry-layout > div > section:has(> lr-schedule-figure) ~ .prose") ?? false;
          return inColumn !== null && !belowExplorer && [...inColumn.parentElement!.children].indexOf(inColumn) < 7;
        })
        .map(describe),
    };
  });
  await page.close();
  return result;
}

/** Layout shift while the page loads, as Lighthouse sums it (no input, so every shift counts). */
async function shift(context: BrowserContext, route: string): Promise<number> {
  const page = await context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { shift: number };
    w.shift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as { value: number }[]) w.shift += entry.value;
    }).observe({ type: "layout-shift", buffered: true });
  });
  await page.goto(site.server.url(route), { waitUntil: "load" });
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(500);
  const value = await page.evaluate(() => (window as unknown as { shift: number }).shift);
  await page.close();
  return value;
}

describe("long pages on a phone", () => {
  it("skip the blocks below the first screen, never one holding a link or a control, and move nothing on screen", async () => {
    const context = await phone();
    for (const route of [NOTEBOOK, "glossary/cosine-annealing/", "playground/"]) {
      const found = await blocks(context, route);
      expect(found.skipping, route).toBeGreaterThan(3);
      expect(found.skippedNow, route).toBeGreaterThan(0);
      expect(found.withTargets, route).toEqual([]);
      expect(found.firstScreen, route).toEqual([]);
      // Blocks at their estimated height on the first layout moved the playground's race by 156 px (0.079).
      expect(await shift(context, route), route).toBeLessThan(0.01);
    }
    await context.close();
  });

  it("still land an anchor link far down the page on its heading", async () => {
    const context = await phone();
    const page = await context.newPage();
    await page.goto(site.server.url(NOTEBOOK), { waitUntil: "load" });
    const id = await page.evaluate(() => [...document.querySelectorAll("article.prose > h2[id]")].at(-1)?.id);
    expect(id).toBeTruthy();
    await page.goto(site.server.url(`${NOTEBOOK}#${id}`), { waitUntil: "load" });
    await page.evaluate(() => document.fonts.ready);
    await page.waitForTimeout(300);
    const top = await page.evaluate((target) => document.getElementById(target)!.getBoundingClientRect().top, id!);
    expect(Math.abs(top)).toBeLessThan(40);
    await context.close();
  });

  it("fetch a face used only further down when the reader gets there, and Source Serif as its weight-axis files", async () => {
    const context = await phone();
    const page = await context.newPage();
    const fonts: string[] = [];
    page.on("request", (request) => {
      if (request.resourceType() === "font") fonts.push(request.url());
    });
    await page.goto(site.server.url(NOTEBOOK), { waitUntil: "load" });
    await page.evaluate(() => document.fonts.ready);
    expect(fonts.some((url) => url.includes("source-serif-4-latin-wght-normal"))).toBe(true);
    expect(fonts.filter((url) => /source-serif-4-.*-opsz-/.test(url))).toEqual([]);
    // The notebook's code is near its end: the mono face is not part of the first screen.
    expect(fonts.filter((url) => url.includes("jetbrains-mono"))).toEqual([]);
    await page.locator("pre").last().scrollIntoViewIfNeeded();
    await page.evaluate(() => document.fonts.ready);
    await expect.poll(() => fonts.filter((url) => url.includes("jetbrains-mono")).length).toBeGreaterThan(0);
    await context.close();
  });

  it("print every block", async () => {
    const context = await phone();
    const page = await context.newPage();
    await page.goto(site.server.url(NOTEBOOK), { waitUntil: "load" });
    await page.emulateMedia({ media: "print" });
    const skipping = await page.evaluate(() => [...document.querySelectorAll("main *")].filter((el) => getComputedStyle(el).contentVisibility !== "visible").length);
    expect(skipping).toBe(0);
    await context.close();
  });
});

describe("maths fonts", () => {
  // Which pages preload which faces: test/e2e/fonts.test.ts, against what Chromium fetches.
  it("are used where a page sets maths", async () => {
    const context = await phone();
    const page = await context.newPage();
    await page.goto(site.server.url(NOTEBOOK), { waitUntil: "load" });
    await page.evaluate(() => document.fonts.ready);
    const loaded = await page.evaluate(() => [...document.fonts].filter((face) => face.status === "loaded").map((face) => face.family.replaceAll('"', "")));
    expect(loaded).toEqual(expect.arrayContaining(["KaTeX_Main", "KaTeX_Math"]));
    await context.close();
  });
});
