// Margin notes (components/mdx/MarginNote.astro): beside the text column on a wide screen, in the flow on a phone,
// never covering the text, and no script for it.
import { describe, expect, it } from "vitest";
import { useBuiltSite } from "../support/built-site.ts";

const site = useBuiltSite();
const ROUTE = "notebooks/step-exponential-cosine-race/";

describe("margin notes", () => {
  it("sit in the right margin at 1280 px and in the text column at 390 px", async () => {
    for (const [width, inMargin] of [[1280, true], [390, false]] as const) {
      const context = await site.browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(site.server.url(ROUTE));
      const note = page.locator("article.prose > aside.margin-note").first();
      await expect(note.textContent()).resolves.toMatch(/Why decrease the learning rate\?/);
      const [box, column, text] = await Promise.all([
        note.boundingBox(),
        page.locator("article.prose").boundingBox(),
        // The paragraph the note belongs to: the next one.
        note.evaluate((el) => {
          const r = el.nextElementSibling?.getBoundingClientRect();
          return r ? { x: r.x, y: r.y, width: r.width } : null;
        }),
      ]);
      if (!box || !column || !text) throw new Error("note, column or paragraph not laid out");
      if (inMargin) {
        expect(box.x, `${width}: the note starts right of the text column`).toBeGreaterThanOrEqual(column.x + column.width);
        expect(box.x + box.width, `${width}: and stays on the page`).toBeLessThanOrEqual(width);
        expect(Math.abs(box.y - text.y), `${width}: level with its paragraph`).toBeLessThan(40);
      } else {
        expect(box.x + box.width, `${width}: inside the column`).toBeLessThanOrEqual(column.x + column.width + 1);
        expect(box.y + box.height, `${width}: above its paragraph`).toBeLessThanOrEqual(text.y);
      }
      await context.close();
    }
  });
});
