/** What the notebook tests read off a built page: its article as text, and whether it fits a phone. */
import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";

/**
 * The article's text, whitespace collapsed, with the build's typographic apostrophes turned back into the
 * source's. textContent, not innerText: sections below the fold may skip rendering (content-visibility), and
 * innerText leaves out what is not rendered yet although the reader gets it on scrolling.
 */
export async function articleText(page: Page): Promise<string> {
  return ((await page.locator("main").textContent()) ?? "").replace(/\s+/g, " ").replaceAll("\u2019", "'");
}

/** The cells of each body row of a table, as text. */
export async function tableCells(table: Locator): Promise<string[][]> {
  return table.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => (td.textContent ?? "").trim())));
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
