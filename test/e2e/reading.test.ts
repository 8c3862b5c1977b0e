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

describe("definitions and summaries", () => {
  it("typeset their formulas (η_t as η with a subscript t) on the home page, the glossary index, tag pages and entries", async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    for (const route of ["", "glossary/", "tags/decay/", "glossary/exponential-decay/", "glossary/robbins-monro-conditions/"]) {
      await page.goto(site.server.url(route));
      const texts = await page.locator(".definition, .az-list dd, main li:not(:has(code))").allInnerTexts();
      const raw = texts.filter((t) => /(?<![\p{L}\p{N}_.])\p{L}_[\p{L}0-9]|\^\(/u.test(t));
      expect(raw, route).toEqual([]);
      expect(await page.locator(".definition sub, .az-list dd sub, main li sub").count(), route).toBeGreaterThan(0);
    }
    await context.close();
  });
});
