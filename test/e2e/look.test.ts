// The look: every schedule's shape on the home page and in the glossary gallery (build-time SVG, no script),
// one colour per schedule across the site, self-hosted fonts.
import { describe, expect, it } from "vitest";
import { useBuiltSite } from "../support/built-site.ts";
import { watch } from "../support/browser.ts";
import { BASE } from "../support/dist.ts";

const site = useBuiltSite();

describe("the home page", () => {
  it("opens with every schedule's shape, each opening its entry, without JavaScript", async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const response = await page.goto(site.server.url(""));
    expect(await response?.text()).not.toMatch(/<script\b/);
    const cards = page.locator(".shape-grid a.shape-card");
    expect(await cards.count()).toBeGreaterThanOrEqual(15);
    for (const card of await cards.all()) {
      await expect(card.locator("svg path").getAttribute("d")).resolves.toMatch(/^M[\d.]+,[\d.]+/);
      expect(await card.getAttribute("href")).toMatch(new RegExp(`^${BASE}glossary/[a-z0-9-]+/$`));
    }
    await cards.filter({ hasText: "Cosine annealing" }).first().click();
    await expect(page.locator("h1").textContent()).resolves.toBe("Cosine annealing");
    await context.close();
  });
});

describe("the glossary index", () => {
  it("shows schedules as a gallery of sparklines and keeps A–Z with every definition, without JavaScript", async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const response = await page.goto(site.server.url("glossary/"));
    expect(await response?.text()).not.toMatch(/<script\b/);
    expect(await page.locator(".gallery-card svg.shape path").count()).toBeGreaterThanOrEqual(15);
    const letters = await page.locator(".az-nav a").count();
    expect(letters).toBeGreaterThan(10);
    expect(await page.locator("h3.letter").count()).toBe(letters);
    const terms = await page.locator(".az-list dt").count();
    expect(await page.locator(".az-list dd").count()).toBe(terms);
    await context.close();
  });
});

describe("one colour per schedule", () => {
  it("draws cosine annealing in the same colour on the home page, in the gallery and in its explorer, in both themes", async () => {
    for (const colorScheme of ["light", "dark"] as const) {
      const context = await site.browser.newContext({ colorScheme, javaScriptEnabled: false });
      const page = await context.newPage();
      const strokeOf = (selector: string) => page.locator(selector).first().evaluate((el) => getComputedStyle(el).stroke);
      await page.goto(site.server.url(""));
      const home = await strokeOf(".shape-card:has-text('Cosine annealing') svg path");
      await page.goto(site.server.url("glossary/"));
      const gallery = await strokeOf(".gallery-card:has-text('Cosine annealing') svg path");
      await page.goto(site.server.url("glossary/cosine-annealing/"));
      const explorer = await strokeOf("lr-schedule-figure [data-role=plot] svg path[stroke]:not([stroke='currentColor'])");
      expect(home, colorScheme).toMatch(/^rgb\(/);
      expect([gallery, explorer], colorScheme).toEqual([home, home]);
      await context.close();
    }
  });
});

describe("fonts", () => {
  it("are the site's own: text, UI and code faces load from the site, nothing from another origin", async () => {
    const page = await site.browser.newPage();
    const log = watch(page, site.server.origin);
    await page.goto(site.server.url("glossary/cosine-annealing/"), { waitUntil: "networkidle" });
    await page.evaluate(() => document.fonts.ready);
    const loaded = await page.evaluate(() => [...document.fonts].filter((f) => f.status === "loaded").map((f) => f.family.replaceAll('"', "")));
    expect(new Set(loaded)).toEqual(new Set(["Source Serif 4 Variable", "Inter Variable", "JetBrains Mono Variable", ...loaded.filter((f) => f.startsWith("KaTeX"))]));
    expect(log.requests.filter((u) => u.endsWith(".woff2")).every((u) => u.startsWith(`${site.server.origin}${BASE}`))).toBe(true);
    expect(log.foreignRequests).toEqual([]);
    await page.close();
  });
});
