// What the search index holds and how results look: no hidden MathML, tables or breadcrumbs in the text,
// hits highlighted, and a header search box that works without JavaScript.
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { useBuiltSite } from "../support/built-site.ts";
import { BASE } from "../support/dist.ts";

const site = useBuiltSite();

interface Indexed { url: string; content: string }

/** The indexed text of every page Pagefind returns for `query`, read through the site's own runtime. */
async function indexedText(page: Page, query: string): Promise<Indexed[]> {
  // A string, so that the test runner's transform leaves the browser's own import() alone.
  const script = `(async () => {
    const pagefind = await import(${JSON.stringify(`${BASE}pagefind/pagefind.js`)});
    await pagefind.options({ baseUrl: ${JSON.stringify(BASE)} });
    const { results } = await pagefind.search(${JSON.stringify(query)});
    return Promise.all(results.map((r) => r.data()));
  })()`;
  return (await page.evaluate(script)) as Indexed[];
}

describe("the search index", () => {
  it("holds each formula once (no hidden MathML or TeX source), and no breadcrumbs, tables or tick labels", async () => {
    const page = await site.browser.newPage();
    await page.goto(site.server.url("search/"));
    const adam = (await indexedText(page, "adam")).find((r) => r.url === `${BASE}glossary/adam/`);
    expect(adam?.content).toContain("adaptive optimizer");
    expect(adam?.content).not.toContain("\\alpha");
    expect(adam?.content).not.toMatch(/^Glossary ›/);
    const decay = (await indexedText(page, "exponential")).find((r) => r.url === `${BASE}glossary/exponential-decay/`);
    expect(decay?.content).toContain("Definition.");
    expect(decay?.content).not.toContain("learning ratecomparison");
    expect(decay?.content).not.toMatch(/(\d\.\d+ ){6}/);
    await page.close();
  });

  it("highlights the matched words in each excerpt", async () => {
    const page = await site.browser.newPage();
    await page.goto(site.server.url("search/?q=cosine"));
    const marks = page.locator("[data-role=results] li p mark");
    await expect.poll(() => marks.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect((await marks.first().textContent())?.toLowerCase()).toContain("cosine");
    await page.close();
  });
});

describe("the header search", () => {
  it("sends a query to the search page without JavaScript, and the search page answers it", async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(site.server.url("glossary/adam/"));
    await page.getByRole("search", { name: "Site" }).getByRole("searchbox").fill("warmup");
    await page.getByRole("search", { name: "Site" }).getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/search\/\?q=warmup$/);
    expect(new URL(page.url()).pathname).toBe(`${BASE}search/`);
    await context.close();

    const live = await site.browser.newPage();
    await live.goto(page.url());
    await expect.poll(() => live.locator("[data-role=results] li a").count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await expect(live.getByLabel("Search the glossary and notebooks").inputValue()).resolves.toBe("warmup");
    await live.close();
  });

  it("is a plain link to the search page on a phone", async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(site.server.url("glossary/"));
    const link = page.getByRole("navigation", { name: "Site" }).getByRole("link", { name: "Search" });
    await expect(link.isVisible()).resolves.toBe(true);
    await expect(link.getAttribute("href")).resolves.toBe(`${BASE}search/`);
    await context.close();
  });
});
