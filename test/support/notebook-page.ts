/** What the notebook tests read off a built page: its article as text, and whether it fits a phone. */
import type { Page } from "playwright-core";
import { expect } from "vitest";

/** The article's text as a reader reads it, whitespace collapsed, with the build's typographic apostrophes turned back into the source's. */
export async function articleText(page: Page): Promise<string> {
  return (await page.locator("main").innerText()).replace(/\s+/g, " ").replaceAll("\u2019", "'");
}

/** Nothing scrolls the page sideways at the current (phone) width, and every drawn figure lies inside the screen, scaled down rather than cropped. */
export async function expectFitsScreen(page: Page, figures: string): Promise<void> {
  const width = page.viewportSize()?.width ?? 0;
  await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(width + 2);
  const boxes = await page.locator(figures).evaluateAll((svgs) => svgs.map((s) => s.getBoundingClientRect().toJSON() as DOMRect));
  expect(boxes.length).toBeGreaterThan(0);
  for (const box of boxes) {
    expect(box.width).toBeGreaterThan(width / 2);
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.right).toBeLessThanOrEqual(width);
  }
}
