// axe on every kind of page, in the light and the dark theme, with the live code loaded.
import { describe, expect, it } from "vitest";
import { useBuiltSite } from "../support/built-site.ts";
import { strictAxe } from "../support/axe.ts";
import { trackRequests } from "../support/settle.ts";

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

describe("axe, light and dark theme", () => {
  it("finds nothing on any kind of page", async () => {
    // Each page is loaded once and checked in both themes: the themes are CSS alone (prefers-color-scheme), so
    // switching the emulated scheme on the loaded page shows what a reader in that theme sees.
    const context = await site.browser.newContext();
    const page = await context.newPage();
    const rest = trackRequests(page);
    const found: string[] = [];
    for (const route of PAGES) {
      await page.emulateMedia({ colorScheme: "light" });
      await page.goto(site.server.url(route), { waitUntil: "load" });
      const tags = await page.evaluate(() => [...new Set([...document.querySelectorAll("body *")].map((e) => e.localName).filter((n) => n.startsWith("lr-")))]);
      if (tags.length > 0) for (const island of await page.locator(tags.join(", ")).all()) await island.hover();
      await rest.settled();
      for (const colorScheme of ["light", "dark"] as const) {
        await page.emulateMedia({ colorScheme });
        found.push(...(await strictAxe(page)).map((v) => `${colorScheme} ${route}: ${v}`));
      }
    }
    expect(found).toEqual([]);
    await context.close();
  }, 600_000);
});
