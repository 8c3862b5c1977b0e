// Full-text search runs in the browser against the Pagefind index built with the site.
import { describe, expect, it } from "vitest";
import { useBuiltSite } from "../support/built-site.ts";
import { watch } from "../support/browser.ts";
import { BASE } from "../support/dist.ts";

const site = useBuiltSite();

describe("search", () => {
  it('finds the cosine entries for "cosine", with links under the base path', async () => {
    const page = await site.browser.newPage();
    const log = watch(page, site.server.origin);
    await page.goto(site.server.url("search/"));
    await page.getByLabel("Search the glossary and notebooks").fill("cosine");
    await page.keyboard.press("Enter");
    const links = page.locator("[data-role=results] li a");
    await expect.poll(() => links.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
    expect(hrefs).toContain(`${BASE}glossary/cosine-annealing/`);
    for (const href of hrefs) expect(href.startsWith(BASE)).toBe(true);
    expect(new URL(page.url()).searchParams.get("q")).toBe("cosine");
    expect(log.foreignRequests).toEqual([]);
    expect(log.pageErrors).toEqual([]);
    await page.close();
  });

  it("shows a hostile query as text, never as HTML", async () => {
    const page = await site.browser.newPage();
    await page.goto(site.server.url(`search/?q=${encodeURIComponent('<img src=x onerror="window.hacked=1">')}`));
    await expect.poll(() => page.locator("[data-role=status]").textContent(), { timeout: 15_000 }).toContain("<img src=x");
    expect(await page.evaluate(() => (window as unknown as { hacked?: number }).hacked)).toBeUndefined();
    await expect(page.locator("[data-role=results] img").count()).resolves.toBe(0);
    await page.close();
  });
});
