/**
 * Page weight as a reader's browser meets it, for the weight test and `npm run bench`:
 * the HTML's bytes, the JavaScript requested before the reader does anything,
 * and the JavaScript requested by the first touch of an island (each file
 * gzipped, as a static host would serve it). Scripts are counted by the
 * requests Chromium makes, so a chunk the page never asks for does not count.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser, Page } from "playwright-core";
import type { RunningServer } from "./static-server.ts";

/** How a reader first touches a page's island: the tag that hydrates and what they do to it. */
export interface FirstTouch {
  /** The island's element; the touch waits until its data-state is "live". */
  island: string;
  /** What the reader does, scrolling to it first. */
  act: (page: Page) => Promise<void>;
}

export interface PageWeight {
  route: string;
  /** Bytes of the HTML document as built (not gzipped). */
  html: number;
  htmlGzip: number;
  /** Gzipped bytes of every script requested up to network idle after load. */
  jsBefore: number;
  /** Gzipped bytes of the scripts the first touch added, up to network idle; null for a page without a touch. */
  jsFirstTouch: number | null;
  scriptsBefore: string[];
  scriptsFirstTouch: string[];
}

/**
 * The reader looks at the first explorer's curve (at the top of the window) and moves its first
 * slider one step with the keyboard: the smallest real use. Whatever else is then on screen
 * (the code panels, on a short explorer) may load its code too, and counts.
 */
export const EXPLORER_TOUCH: FirstTouch = {
  island: "lr-schedule-figure",
  act: async (page) => {
    await page.locator("lr-schedule-figure [data-role=plot]").first().evaluate((plot) => plot.scrollIntoView({ block: "start" }));
    const slider = page.locator("lr-schedule-figure input[type=range]").first();
    await slider.focus();
    await page.keyboard.press("ArrowRight");
  },
};

/** The written-expression explorer's base-rate slider moved one step, the code panels out of sight. */
export const LAMBDA_TOUCH: FirstTouch = {
  island: "lr-schedule-figure",
  act: async (page) => {
    const slider = page.locator("lr-schedule-figure input[type=range][data-param=lr]").first();
    await slider.evaluate((input) => input.scrollIntoView({ block: "end" }));
    await slider.focus();
    await page.keyboard.press("ArrowRight");
  },
};

/** Reaching for the race's Run button (hover hydrates it; nothing trains). */
export const RACE_TOUCH: FirstTouch = {
  island: "lr-training-race",
  act: async (page) => page.locator("lr-training-race [data-action=run]").first().hover(),
};

export function gzippedSize(dist: string, base: string, pathname: string): number {
  if (!pathname.startsWith(base)) throw new Error(`script ${pathname} is not under the base path ${base}`);
  return gzipSync(readFileSync(join(dist, pathname.slice(base.length)))).length;
}

/** Loads `route` in a fresh page (1280 × 800), then performs `touch`, and counts what each phase requested. */
export async function measurePage(
  browser: Browser,
  server: RunningServer,
  where: { dist: string; base: string },
  route: string,
  touch: FirstTouch | null,
): Promise<PageWeight> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const scripts: string[] = [];
  page.on("request", (r) => {
    const url = new URL(r.url());
    if (url.origin === server.origin && (r.resourceType() === "script" || url.pathname.endsWith(".js"))) scripts.push(url.pathname);
  });
  try {
    const response = await page.goto(server.url(route), { waitUntil: "networkidle" });
    if (!response?.ok()) throw new Error(`${route}: HTTP ${response?.status() ?? "no response"}`);
    const body = await response.body();
    const scriptsBefore = [...new Set(scripts)];
    let scriptsFirstTouch: string[] = [];
    if (touch) {
      await touch.act(page);
      await page.waitForFunction((tag) => document.querySelector(tag)?.getAttribute("data-state") === "live", touch.island, { timeout: 30_000 });
      await page.waitForLoadState("networkidle");
      // Let a redraw's own follow-up imports (if any) start and finish.
      await page.waitForTimeout(300);
      await page.waitForLoadState("networkidle");
      scriptsFirstTouch = [...new Set(scripts)].filter((s) => !scriptsBefore.includes(s));
    }
    const sum = (list: string[]) => list.reduce((n, s) => n + gzippedSize(where.dist, where.base, s), 0);
    return {
      route,
      html: body.length,
      htmlGzip: gzipSync(body).length,
      jsBefore: sum(scriptsBefore),
      jsFirstTouch: touch ? sum(scriptsFirstTouch) : null,
      scriptsBefore,
      scriptsFirstTouch,
    };
  } finally {
    await context.close();
  }
}
