// Real Chromium against the built site served on 127.0.0.1 under the base path.
import { describe, expect, it } from "vitest";
import { useBuiltSite } from "../support/built-site.ts";
import { watch, holdRequests } from "../support/browser.ts";
import { htmlFiles, routeOf } from "../support/dist.ts";
import { trackRequests } from "../support/settle.ts";

const site = useBuiltSite();

describe("every page", () => {
  it("loads with no console error, no page error and no request off 127.0.0.1", async () => {
    const routes = htmlFiles().map(routeOf).filter((r) => r !== "404.html");
    expect(routes.length).toBeGreaterThan(4);
    // Three tabs of one browser context (one cache) share the pages (each route is visited once); every tab's log is checked.
    const queue = [...routes];
    const context = await site.browser.newContext();
    const logs = await Promise.all(
      [0, 1, 2].map(async () => {
        const page = await context.newPage();
        const log = watch(page, site.server.origin);
        const rest = trackRequests(page);
        for (let route = queue.shift(); route !== undefined; route = queue.shift()) {
          const response = await page.goto(site.server.url(route), { waitUntil: "load" });
          expect(response?.status(), route).toBe(200);
          // Touch every island (every lr-* custom element on the page) so its live code runs too, and wait for it to
          // have loaded and for the network to fall quiet before leaving the page.
          const tags = await page.evaluate(() => [...new Set([...document.querySelectorAll("body *")].map((e) => e.localName).filter((n) => n.startsWith("lr-")))]);
          if (tags.length > 0) for (const island of await page.locator(tags.join(", ")).all()) await island.hover();
          await rest.settled();
        }
        await page.close();
        return log;
      }),
    );
    await context.close();
    expect(logs.flatMap((l) => l.consoleErrors)).toEqual([]);
    expect(logs.flatMap((l) => l.pageErrors)).toEqual([]);
    expect(logs.flatMap((l) => l.foreignRequests)).toEqual([]);
  }, 300_000);

  it("fits a 390-pixel phone screen: no page scrolls sideways", async () => {
    // Two tabs of one browser context share the pages.
    const context = await site.browser.newContext({ viewport: { width: 390, height: 844 } });
    const queue = htmlFiles().map(routeOf).filter((r) => r !== "404.html");
    const wide: string[] = [];
    await Promise.all(
      [0, 1].map(async () => {
        const page = await context.newPage();
        for (let route = queue.shift(); route !== undefined; route = queue.shift()) {
          await page.goto(site.server.url(route), { waitUntil: "load" });
          const width = await page.evaluate(() => document.documentElement.scrollWidth);
          if (width > 392) wide.push(`${route} (${width}px)`);
        }
        await page.close();
      }),
    );
    expect(wide).toEqual([]);
    await context.close();
  }, 180_000);

  it("answers an unknown address with the 404 page", async () => {
    const page = await site.browser.newPage();
    const response = await page.goto(site.server.url("no/such/page/"));
    expect(response?.status()).toBe(404);
    await expect(page.locator("h1").textContent()).resolves.toBe("Page not found");
    await page.close();
  });
});

describe("the exponential-decay figure", () => {
  it("is a complete static figure with JavaScript disabled", async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(site.server.url("glossary/exponential-decay/"));
    const figure = page.locator("lr-schedule-figure");
    await expect(figure.locator("svg[aria-label]").count()).resolves.toBeGreaterThan(0);
    await expect(figure.locator(".katex").count()).resolves.toBeGreaterThan(0);
    await expect(figure.locator("[data-role=table] tbody tr").count()).resolves.toBeGreaterThan(5);
    await context.close();
  });

  it("redraws the curve and the values when a slider moves", async () => {
    const page = await site.browser.newPage();
    const log = watch(page, site.server.origin);
    await page.goto(site.server.url("glossary/exponential-decay/"), { waitUntil: "networkidle" });
    const figure = page.locator("lr-schedule-figure");
    const before = await figure.locator("[data-role=plot]").innerHTML();
    const firstRow = figure.locator("[data-role=table] tbody tr").last();
    const lastRateBefore = await firstRow.locator("td").last().textContent();

    const slider = figure.locator("input[type=range]").first();
    await slider.focus();
    for (let i = 0; i < 40; i += 1) await page.keyboard.press("ArrowRight");
    await expect.poll(() => figure.getAttribute("data-state")).toBe("live");
    await expect.poll(() => figure.locator("[data-role=plot]").innerHTML()).not.toBe(before);
    await expect.poll(() => firstRow.locator("td").last().textContent()).not.toBe(lastRateBefore);
    expect(log.pageErrors).toEqual([]);
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  });

  it("keeps slider moves made while the live code is still loading", async () => {
    const page = await site.browser.newPage();
    const release = await holdRequests(page, /schedule-explorer-live/);
    await page.goto(site.server.url("glossary/exponential-decay/"), { waitUntil: "domcontentloaded" });
    const figure = page.locator("lr-schedule-figure");
    const lastRow = figure.locator("[data-role=table] tbody tr").last().locator("td").last();
    const before = await lastRow.textContent();
    const slider = figure.locator("input[type=range]").first();
    await slider.focus();
    for (let i = 0; i < 20; i += 1) await page.keyboard.press("ArrowRight");
    await expect(figure.getAttribute("data-state")).resolves.toBe("loading");
    release();
    await expect.poll(() => figure.getAttribute("data-state")).toBe("live");
    await expect.poll(() => lastRow.textContent()).not.toBe(before);
    await page.close();
  });
});

describe("term links", () => {
  it("show the linked term's definition on focus, without JavaScript", async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(site.server.url("glossary/learning-rate/"));
    const term = page.locator(".prose .term").first();
    const tip = term.locator("[role=tooltip]");
    await expect(tip.isVisible()).resolves.toBe(false);
    await term.locator("a").focus();
    await expect(tip.isVisible()).resolves.toBe(true);
    const id = await tip.getAttribute("id");
    await expect(term.locator("a").getAttribute("aria-describedby")).resolves.toBe(id);
    await context.close();
  });

  it("tag pages list what carries each tag", async () => {
    const page = await site.browser.newPage();
    await page.goto(site.server.url("glossary/exponential-decay/"));
    await page.locator(".tags a", { hasText: "#decay" }).click();
    await expect(page.locator("h1").textContent()).resolves.toBe("#decay");
    await expect(page.locator("a", { hasText: "Exponential decay" }).count()).resolves.toBeGreaterThan(0);
    await page.close();
  });
});
