// axe on every kind of page, in the light and the dark theme, with the live code loaded.
import { describe, expect, it } from "vitest";
import { useBuiltSite } from "../support/built-site.ts";
import { strictAxe } from "../support/axe.ts";

const site = useBuiltSite();

const PAGES = [
  "",
  "glossary/",
  "glossary/learning-rate/",
  "glossary/exponential-decay/",
  "glossary/reduce-on-plateau/",
  "notebooks/",
  "notebooks/why-decrease-the-learning-rate/",
  "notebooks/step-exponential-cosine-race/",
  "notebooks/digits-schedules/",
  "notebooks/warmup-and-transformers/",
  "notebooks/q-learning-step-sizes/",
  "glossary/lambda-schedule/",
  "convert/",
  "embed/q-learning/",
  "embed/range-test/",
  "playground/text/",
  "playground/",
  "libraries/",
  "search/?q=cosine",
  "tags/",
  "tags/decay/",
  "embed/race/",
  "embed/explorer/exponential/",
  "404.html",
];

describe.each(["light", "dark"] as const)("axe, %s theme", (colorScheme) => {
  it("finds nothing on any kind of page", async () => {
    const context = await site.browser.newContext({ colorScheme });
    const page = await context.newPage();
    const found: string[] = [];
    for (const route of PAGES) {
      await page.goto(site.server.url(route), { waitUntil: "networkidle" });
      const tags = await page.evaluate(() => [...new Set([...document.querySelectorAll("body *")].map((e) => e.localName).filter((n) => n.startsWith("lr-")))]);
      if (tags.length > 0) for (const island of await page.locator(tags.join(", ")).all()) await island.hover();
      await page.waitForLoadState("networkidle");
      found.push(...(await strictAxe(page)).map((v) => `${route}: ${v}`));
    }
    expect(found).toEqual([]);
    await context.close();
  }, 400_000);
});
