/** What the notebook tests read off a built page: its sentences and tables as rendered, and whether it fits a phone. */
import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";

/**
 * Which of `sentences` a reader does not read in the article: each must lie in one block (paragraph, list
 * item, cell, caption) that, scrolled to, renders it (innerText, so text hidden by CSS does not count). The
 * scroll matters: sections below the fold skip rendering until the reader nears them (content-visibility).
 * Typographic apostrophes and runs of whitespace compare as the source's ' and one space.
 */
export async function unreadSentences(page: Page, sentences: readonly string[]): Promise<string[]> {
  return page.locator("main").evaluate(async (main, wanted) => {
    const normal = (text: string) => text.replace(/\s+/g, " ").replaceAll("\u2019", "'");
    const blocks = [...main.querySelectorAll<HTMLElement>("p, li, td, th, figcaption")];
    const missing: string[] = [];
    for (const sentence of wanted) {
      const block = blocks.findLast((b) => normal(b.textContent ?? "").includes(sentence));
      if (!block) {
        missing.push(`${sentence} (not in the page)`);
        continue;
      }
      block.scrollIntoView({ block: "center" });
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      if (!block.checkVisibility({ opacityProperty: true, visibilityProperty: true })) missing.push(`${sentence} (in the page, hidden)`);
      else if (!normal(block.innerText).includes(sentence)) missing.push(`${sentence} (in the page, not rendered: "${normal(block.innerText).slice(0, 80)}")`);
    }
    return missing;
  }, sentences);
}

/** The cells of each body row of a table as the reader sees them, once scrolled to (rendered text). */
export async function tableCells(table: Locator): Promise<string[][]> {
  return table.evaluate(async (t) => {
    t.scrollIntoView({ block: "center" });
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    return [...t.querySelectorAll("tbody tr")].map((tr) => [...tr.querySelectorAll("td")].map((td) => (td as HTMLElement).innerText.trim()));
  });
}

/** Nothing scrolls the page sideways at the current (phone) width, and every drawn figure lies inside the screen, scaled down rather than cropped. */
export async function expectFitsScreen(page: Page, figures: string): Promise<void> {
  const width = page.viewportSize()?.width ?? 0;
  await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(width + 2);
  // A figure is an outermost <svg>: the layouts and shared lines of a figure in two layouts (dual-figure.ts) are parts of it.
  const boxes = await page.locator(figures).evaluateAll((svgs) => svgs.filter((s) => !s.parentElement?.closest("svg")).map((s) => s.getBoundingClientRect().toJSON() as DOMRect));
  expect(boxes.length).toBeGreaterThan(0);
  for (const box of boxes) {
    expect(box.width).toBeGreaterThan(width / 2);
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.right).toBeLessThanOrEqual(width);
  }
}
