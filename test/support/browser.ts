/**
 * Real Chromium for the browser tests: Debian's /usr/bin/chromium driven by
 * playwright-core (Playwright's own browser download cannot work offline).
 * Missing Chromium is a failure with instructions, never a silent skip.
 */
import { existsSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";

export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--enable-unsafe-swiftshader",
];

export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}. The browser tests need a real Chromium: ` +
        `on Debian run "apt-get install -y chromium" (as root), or set CHROMIUM_PATH to a Chromium binary. ` +
        `.ci/run installs it automatically when run as root.`,
    );
  }
  return path;
}

/**
 * Launch Chromium. Playwright gives every launch a fresh temporary profile
 * (its own --user-data-dir), removed on close.
 */
export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_FLAGS });
}

export interface PageLog {
  consoleErrors: string[];
  pageErrors: string[];
  foreignRequests: string[];
  requests: string[];
}

/** Record console errors, uncaught errors and every request leaving `origin`. */
export function watch(page: Page, origin: string): PageLog {
  const log: PageLog = { consoleErrors: [], pageErrors: [], foreignRequests: [], requests: [] };
  page.on("console", (msg) => {
    if (msg.type() === "error") log.consoleErrors.push(msg.text());
  });
  page.on("pageerror", (error) => log.pageErrors.push(String(error)));
  page.on("request", (request) => {
    const url = request.url();
    log.requests.push(url);
    if (!url.startsWith(origin) && !url.startsWith("data:") && !url.startsWith("blob:") && url !== "about:blank") {
      log.foreignRequests.push(url);
    }
  });
  return log;
}

/** axe-core's violations on the page (WCAG 2.x A and AA rules), as "rule: target" lines. */
export async function axeViolations(page: Page, selector?: string): Promise<string[]> {
  const { readFileSync } = await import("node:fs");
  const { createRequire } = await import("node:module");
  const source = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
  await page.addScriptTag({ content: source });
  const result = await page.evaluate(async (context) => {
    const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return axe.run(context ?? document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
  }, selector ?? null);
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")}`));
}

/** Holds back the requests matching `pattern` (an island's live code arriving late) until the returned release() is called. */
export async function holdRequests(page: Page, pattern: RegExp): Promise<() => void> {
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(pattern, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

export interface LongTasks {
  /** Forget what was recorded so far (e.g. page load), keep recording. */
  clear(): Promise<void>;
  /** The durations (ms) of the long tasks recorded since the page loaded or since clear(). */
  read(): Promise<number[]>;
}

/** Record every long task (a main-thread task over 50 ms) from the page's first script on. Call before goto. */
export async function recordLongTasks(page: Page): Promise<LongTasks> {
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__longTasks.push(entry.duration);
    }).observe({ type: "longtask", buffered: true });
  });
  return {
    clear: async () => {
      await page.evaluate(() => ((window as unknown as { __longTasks: number[] }).__longTasks = []));
    },
    read: () => page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks),
  };
}
