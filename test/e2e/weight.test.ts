// Page weight of the built site: every page's HTML under its budget (race pages, once 650–750 KB
// of pre-rendered SVG, at most 250 KB), and what a schedule explorer's first touch costs in real
// Chromium: its live code, but no framework adapter until the reader reaches the code panels.
import { describe, expect, it } from "vitest";
import { statSync } from "node:fs";
import { useBuiltSite } from "../support/built-site.ts";
import { BASE, DIST, htmlFiles, read, routeOf } from "../support/dist.ts";
import { measurePage, type FirstTouch } from "../support/weight.ts";

const site = useBuiltSite();
const KB = 1000;

/** Budgets in bytes of HTML, by what the page holds. */
const HTML_BUDGET = { race: 250 * KB, other: 300 * KB };

/** Gzipped JS an explorer's first touch may request. The target is 60 KB; see the note at the assertion. */
const EXPLORER_FIRST_TOUCH = 170 * 1024;

describe("HTML weight", () => {
  it("keeps every page under its budget; race pages at most 250 KB", () => {
    const pages = htmlFiles();
    const races = pages.filter((p) => read(p).includes("<lr-training-race"));
    expect(races.length).toBeGreaterThanOrEqual(4);
    const over = pages
      .map((p) => ({ route: routeOf(p), bytes: statSync(p).size, budget: races.includes(p) ? HTML_BUDGET.race : HTML_BUDGET.other }))
      .filter((p) => p.bytes > p.budget)
      .map((p) => `${p.route}: ${p.bytes} bytes > ${p.budget}`);
    expect(over).toEqual([]);
  });

  it("still ships the race's figures as real SVG paths and its decision boundaries as images", () => {
    const html = read(`${DIST}/playground/index.html`);
    const race = /<lr-training-race[\s\S]*?<\/lr-training-race>/.exec(html)?.[0] ?? "";
    expect(race.match(/<path[^>]* d="M/g)?.length ?? 0).toBeGreaterThan(8);
    expect(race.match(/<image[^>]*href="data:image\/png;base64,/g)?.length).toBe(4);
    const geometry = [...race.matchAll(/ (?:d|x|y|cx|cy|width|height|transform)="([^"]*)"/g)].map((m) => m[1] ?? "");
    expect(geometry.length).toBeGreaterThan(100);
    expect(geometry.filter((value) => /\d\.\d{2,}/.test(value))).toEqual([]);
  });
});

/** The reader moves a slider with the code panels (below the controls) out of sight. */
const SLIDER_AT_THE_BOTTOM: FirstTouch = {
  island: "lr-schedule-figure",
  act: async (page) => {
    const slider = page.locator("lr-schedule-figure input[type=range][data-param=period]").first();
    await slider.evaluate((input) => input.scrollIntoView({ block: "end" }));
    await slider.focus();
    await page.keyboard.press("ArrowRight");
  },
};

describe("an explorer's first touch", () => {
  it("loads the live code but no framework adapter; reaching the code panel loads them and updates the code", async () => {
    const weight = await measurePage(site.browser, site.server, { dist: DIST, base: BASE }, "glossary/warm-restarts/", SLIDER_AT_THE_BOTTOM);
    expect(weight.jsBefore).toBeLessThanOrEqual(20 * 1024);
    expect(weight.scriptsFirstTouch.some((s) => /schedule-explorer-live/.test(s)), weight.scriptsFirstTouch.join(", ")).toBe(true);
    expect(weight.scriptsFirstTouch.filter((s) => /schedule-explorer-libraries/.test(s))).toEqual([]);
    // Target 60 KB (issue 13). Measured 163.5 KB: Observable Plot (~90 KB) and the schedule library
    // (zod, and @lezer/python through the lambda kind, ~80 KB) are both needed by the first redraw
    // today. This bound only stops it growing; reaching 60 KB needs a Plot-free first redraw.
    expect(weight.jsFirstTouch ?? Infinity, weight.scriptsFirstTouch.join(", ")).toBeLessThanOrEqual(EXPLORER_FIRST_TOUCH);

    // The slider at the bottom of the window, so that the code panels below it are out of sight.
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on("request", (r) => scripts.push(r.url()));
    await page.goto(site.server.url("glossary/warm-restarts/"), { waitUntil: "networkidle" });
    const explorer = page.locator("lr-schedule-figure").first();
    const slider = explorer.locator("input[type=range][data-param=period]");
    await slider.evaluate((input) => input.scrollIntoView({ block: "end" }));
    await slider.focus();
    for (let i = 0; i < 5; i += 1) await page.keyboard.press("ArrowRight");
    // Generous waits: the live code is parsed on a shared, often busy machine.
    await expect.poll(() => explorer.locator("output[data-role=value][data-param=period]").textContent(), { timeout: 30_000 }).toBe("25");
    const code = explorer.locator("details[data-library=pytorch] code");
    await expect(code.textContent()).resolves.toContain("T_0=20");
    await expect(explorer.locator(".explorer-code").getAttribute("aria-busy")).resolves.toBe("true");
    expect(scripts.some((s) => /schedule-explorer-libraries/.test(s))).toBe(false);
    await code.scrollIntoViewIfNeeded();
    await expect.poll(() => code.textContent(), { timeout: 30_000 }).toContain("T_0=25");
    expect(scripts.some((s) => /schedule-explorer-libraries/.test(s))).toBe(true);
    await expect(explorer.locator(".explorer-code").getAttribute("aria-busy")).resolves.toBeNull();
    await context.close();
  });
});
