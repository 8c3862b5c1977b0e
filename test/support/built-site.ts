/**
 * The set-up every real-browser test file shares: the built site served on
 * 127.0.0.1 under its base path, and one Chromium, both closed after the file.
 */
import { afterAll, beforeAll, expect } from "vitest";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { launch } from "./browser.ts";
import { serveStatic, type RunningServer } from "./static-server.ts";
import { BASE, DIST } from "./dist.ts";

export interface BuiltSite {
  readonly server: RunningServer;
  readonly browser: Browser;
}

/** A context as Lighthouse's mobile settings load a page (412 × 823, device scale 1.75, touch): what `npm run audit` measures. */
export function phoneContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
}

/** Registers the file's beforeAll/afterAll; read `server` and `browser` inside tests. */
export function useBuiltSite(): BuiltSite {
  const site = {} as { server: RunningServer; browser: Browser };
  beforeAll(async () => {
    site.server = await serveStatic(DIST, BASE);
    site.browser = await launch();
  });
  afterAll(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}

/** Open `url` and wake its first schedule explorer (hover loads the live code); the explorer, once live. */
export async function hydratedExplorer(page: Page, url: string): Promise<Locator> {
  await page.goto(url, { waitUntil: "networkidle" });
  const explorer = page.locator("lr-schedule-figure").first();
  await explorer.hover();
  await expect.poll(() => explorer.getAttribute("data-state")).toBe("live");
  return explorer;
}
