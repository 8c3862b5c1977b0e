// What a reader gets from any page: a citation without invented addresses, and a print that keeps closed panels.
import { describe, expect, it } from "vitest";
import { useBuiltSite } from "../support/built-site.ts";
import { htmlFiles, read } from "../support/dist.ts";

const site = useBuiltSite();

describe("cite this page", () => {
  it("never names a placeholder origin, and names no URL when the build had no SITE", async () => {
    const placeholders = htmlFiles().filter((file) => read(file).includes("lr-atlas.example"));
    expect(placeholders).toEqual([]);
    const page = await site.browser.newPage();
    for (const route of ["glossary/adam/", "notebooks/why-decrease-the-learning-rate/"]) {
      await page.goto(site.server.url(route));
      const line = (await page.locator(".cite-this").textContent())?.trim() ?? "";
      expect(line, route).toMatch(/^Cite this page: LR Atlas contributors\./);
      if (process.env.SITE === undefined) expect(line, route).not.toMatch(/https?:/);
      else expect(line, route).toContain(new URL(route, process.env.SITE).host);
    }
    await page.close();
  });
});

describe("print", () => {
  it("prints closed <details> open (data tables, other libraries' code) without a script", async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(site.server.url("glossary/exponential-decay/"));
    const table = page.locator("details.data-table table").first();
    const keras = page.locator("details[data-library=keras] pre").first();
    await expect(table.isVisible()).resolves.toBe(false);
    await page.emulateMedia({ media: "print" });
    await expect(table.isVisible()).resolves.toBe(true);
    await expect(keras.isVisible()).resolves.toBe(true);
    expect((await table.boundingBox())?.height ?? 0).toBeGreaterThan(100);
    await context.close();
  });
});
