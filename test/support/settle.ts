/**
 * Waiting for a page to finish what a test started, on a condition rather than a fixed sleep: every island woken has
 * left its "loading" state, and then no request has been in flight for a short quiet window. (Playwright's
 * "networkidle" is no help after the first one: once reached for a document it stays reached, so waiting for it again
 * after touching an island returns at once.)
 */
import type { Page, Request } from "playwright-core";

/** How long the network must stay quiet, in ms: as long as Playwright's "networkidle" asks. */
const QUIET_MS = 500;

export interface Settler {
  /** Resolves once no island is loading and the network has been quiet for QUIET_MS; fails naming what still runs. */
  settled(timeoutMs?: number): Promise<void>;
}

/** Start counting the page's requests (call before goto); `settled()` then waits for the page to come to rest. */
export function trackRequests(page: Page): Settler {
  const inFlight = new Set<Request>();
  let lastChange = Date.now();
  const started = (request: Request) => {
    inFlight.add(request);
    lastChange = Date.now();
  };
  const ended = (request: Request) => {
    inFlight.delete(request);
    lastChange = Date.now();
  };
  page.on("request", started);
  page.on("requestfinished", ended);
  page.on("requestfailed", ended);
  return {
    async settled(timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      await page.waitForFunction(() => document.querySelector("[data-state=loading]") === null, undefined, { timeout: timeoutMs, polling: 50 });
      while (inFlight.size > 0 || Date.now() - lastChange < QUIET_MS) {
        if (Date.now() > deadline) throw new Error(`${page.url()}: still loading after ${timeoutMs} ms: ${[...inFlight].map((r) => r.url()).join(", ")}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
  };
}
