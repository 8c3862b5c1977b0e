/**
 * `npm run shots`: screenshots of the pages that carry the look — home, glossary
 * index, a schedule entry, a notebook, the playground — at 1280 and 390 px, light
 * and dark, into test-results/shots/ (PNG, named page-width-theme.png). Reads a
 * built site (DIST_DIR, default dist; base TEST_BASE, default /lr-atlas/, as
 * `npm test` builds it); run `BASE_PATH=/lr-atlas/ npm run build` first.
 * Chromium is Debian's (CHROMIUM_PATH), as in the browser tests.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { launch } from "../test/support/browser.ts";
import { serveStatic } from "../test/support/static-server.ts";
import { BASE, DIST } from "../test/support/dist.ts";

const PAGES = [
  ["home", ""],
  ["glossary", "glossary/"],
  ["entry-cosine", "glossary/cosine-annealing/"],
  ["notebook-race", "notebooks/step-exponential-cosine-race/"],
  ["playground", "playground/"],
] as const;
const WIDTHS = [1280, 390] as const;
const THEMES = ["light", "dark"] as const;
/** Long pages are cut here: the top of a page is what a reader judges it by. */
const MAX_HEIGHT = 3200;
const OUT = join("test-results", "shots");

mkdirSync(OUT, { recursive: true });
const server = await serveStatic(DIST, BASE);
const browser = await launch();
try {
  for (const theme of THEMES) {
    for (const width of WIDTHS) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: theme, deviceScaleFactor: 1 });
      const page = await context.newPage();
      for (const [name, route] of PAGES) {
        await page.goto(server.url(route), { waitUntil: "networkidle" });
        // The faces are font-display: optional (src/styles/fonts.css): on a busy machine a first view can miss their
        // window and keep the fallback. Loaded again, the page finds them cached, as a reader's second page does.
        await page.reload({ waitUntil: "networkidle" });
        // Blocks below the first screen skip rendering until the reader nears them (src/styles/rendering.css), so a
        // whole-page picture would show them blank: render them all, as they look once scrolled to.
        await page.addStyleTag({ content: "* { content-visibility: visible !important; }" });
        await page.evaluate(() => document.fonts.ready);
        const height = Math.min(MAX_HEIGHT, await page.evaluate(() => document.documentElement.scrollHeight));
        const file = join(OUT, `${name}-${width}-${theme}.png`);
        await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y: 0, width, height } });
        console.log(file);
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
