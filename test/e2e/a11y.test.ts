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
  "playground/",
  "libraries/",
  "search/?q=cosine",
  "tags/",
  "tags/decay/",
  "embed/race/",
  "embed/explorer/exponential/",
  "404.html",
];

// Findings in the islands' own markup, fixed by their owner (board, 17:07 H8 -> H4): an island's headings are a fixed
// h3 (skips a level under an embed's or the playground's h1), and two races on one page name their controls alike.
// Delete a line when its fix lands; everything else must be clean.
const KNOWN_IN_ISLANDS = [
  /^(playground|embed\/race)\/: heading-order: (\.race-title|h3)$/,
  /^embed\/explorer\/exponential\/: heading-order: \.explorer-code > h3$/,
  /^notebooks\/[^:]+: landmark-unique: #race-[^ ]+ > \.race-controls/,
];

describe.each(["light", "dark"] as const)("axe, %s theme", (colorScheme) => {
  it("finds nothing on any kind of page", async () => {
    const context = await site.browser.newContext({ colorScheme });
    const page = await context.newPage();
    const found: string[] = [];
    for (const route of PAGES) {
      await page.goto(site.server.url(route), { waitUntil: "networkidle" });
      for (const island of await page.locator("lr-schedule-figure, lr-loss-landscape, lr-training-race").all()) await island.hover();
      await page.waitForLoadState("networkidle");
      found.push(...(await strictAxe(page)).map((v) => `${route}: ${v}`));
    }
    expect(found.filter((v) => !KNOWN_IN_ISLANDS.some((known) => known.test(v)))).toEqual([]);
    await context.close();
  }, 400_000);
});
