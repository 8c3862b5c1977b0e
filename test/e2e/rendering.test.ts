// Long pages render their first screen first (src/styles/rendering.css): blocks further down skip style, layout and
// paint until the reader nears them, without moving what is on screen, without hiding a link, and all on paper.
import { describe, expect, it } from "vitest";
import type { BrowserContext } from "playwright-core";
import { phoneContext, useBuiltSite } from "../support/built-site.ts";
import { htmlFiles, routeOf } from "../support/dist.ts";

const site = useBuiltSite();
const NOTEBOOK = "notebooks/step-exponential-cosine-race/";
const phone = () => phoneContext(site.browser);

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

interface Moved {
  value: number;
  /** The moved nodes (a text node by its element), largest shift first. */
  nodes: string[];
}

/**
 * Layout shift while `route` loads, with the nodes that moved, every web font held back until the page has painted
 * (and 300 ms more): what a reader on a slow link sees, and what Lighthouse saw on a busy host (the faces landing
 * after the first paint re-set the first screen: 0.1-0.4 on every notebook while they were font-display: swap/block).
 */
async function movedWithFontsLate(context: BrowserContext, route: string): Promise<Moved> {
  const page = await context.newPage();
  let painted: () => void = () => {};
  const firstPaint = new Promise<void>((resolve) => (painted = resolve));
  await page.exposeBinding("__painted", () => painted());
  await page.route(/\.woff2$/, async (request) => {
    // Never held past 4 s: a page that does not paint still gets its faces.
    await Promise.race([firstPaint, new Promise((resolve) => setTimeout(resolve, 4000))]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await request.continue();
  });
  await page.addInitScript(() => {
    const w = window as unknown as { moved: { value: number; nodes: [string, number][] } };
    w.moved = { value: 0, nodes: [] };
    const name = (node: Node | null): string => {
      const el = node instanceof Element ? node : node?.parentElement;
      if (!el) return "?";
      const cls = el.getAttribute("class")?.split(" ")[0];
      return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : cls ? `.${cls}` : ""}${el === node ? "" : " (text)"}`;
    };
    new PerformanceObserver(() => (window as unknown as { __painted: () => void }).__painted()).observe({ type: "paint", buffered: true });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as { value: number; sources: { node: Node | null }[] }[]) {
        w.moved.value += entry.value;
        for (const source of entry.sources) w.moved.nodes.push([name(source.node), entry.value]);
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
  await page.goto(site.server.url(route), { waitUntil: "load" });
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(500);
  const found = await page.evaluate(() => (window as unknown as { moved: { value: number; nodes: [string, number][] } }).moved);
  await page.close();
  const nodes = [...new Set(found.nodes.toSorted((a, b) => b[1] - a[1]).map(([node]) => node))];
  return { value: found.value, nodes };
}

describe("every notebook and playground page on a phone", () => {
  const routes = () => htmlFiles().map(routeOf).filter((route) => /^(notebooks|playground)\//.test(route));

  it("moves nothing while it loads (< 0.01), even when the web fonts arrive after the first paint", async () => {
    const pages = routes();
    expect(pages.length).toBeGreaterThan(12);
    const context = await phone();
    const shifted: string[] = [];
    // Four pages at a time (each page's fonts wait for its own first paint, so the pages do not disturb each other's hold).
    const queue = [...pages];
    const worker = async () => {
      for (let route = queue.shift(); route !== undefined; route = queue.shift()) {
        const found = await movedWithFontsLate(context, route);
        if (found.value >= 0.01) shifted.push(`${route}: ${found.value.toFixed(3)}, moved ${found.nodes.slice(0, 6).join(", ")}`);
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    await context.close();
    shifted.sort();
    expect(shifted).toEqual([]);
  });
});

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
