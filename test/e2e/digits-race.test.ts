// The handwritten-digits race in real Chromium: the notebook's precomputed
// result without JavaScript (mistakes drawn as 8×8 images, confusions), and a
// live run that loads the digits only when it starts, streams, pauses,
// resumes, finishes with the result panel, and exports.
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { useBuiltSite } from "../support/built-site.ts";
import { watch } from "../support/browser.ts";
import { ZLIB_BASE64 } from "../../src/data/digits/data.ts";

const site = useBuiltSite();

const progressOf = (page: Page) => page.locator("lr-training-race [data-role=progress]").evaluate((p) => (p as HTMLProgressElement).value);

describe("the digits race", () => {
  it("the notebook shows the built race's mistakes and confusions with JavaScript disabled", async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(site.server.url("notebooks/digits-schedules/"));
    const race = page.locator("lr-training-race").first();
    const runs = race.locator("[data-role=examples] .examples-run");
    await expect(runs.count()).resolves.toBe(4);
    const images = race.locator("[data-role=examples] img[src^='data:image/png;base64,']");
    await expect(images.count()).resolves.toBeGreaterThan(4);
    const size = await images.first().evaluate((img) => [(img as HTMLImageElement).naturalWidth, (img as HTMLImageElement).naturalHeight]);
    expect(size).toEqual([8, 8]);
    await expect(images.first().getAttribute("alt")).resolves.toMatch(/^a \d that .+ read as \d, \d+% sure$/);
    const heads = await runs.locator("h4").allTextContents();
    for (const head of heads) expect(head).toMatch(/\d+ of 400 wrong \(\d+\.\d% right\) at step 500/);
    await expect(race.locator("[data-role=examples] p").first().textContent()).resolves.toMatch(/^Most frequent: \d read as \d \(\d+ times?\)/);
    await expect(race.locator("figcaption").filter({ hasText: "Alpaydin" }).count()).resolves.toBe(1);
    await context.close();
  });

  it("trains live: the data loads only on Run; streams, pauses, resumes, shows its mistakes and exports", async () => {
    const page = await site.browser.newPage({ acceptDownloads: true });
    const log = watch(page, site.server.origin);
    // Which loaded scripts carry the digits' bytes (recognised by the start of their base64).
    const marker = ZLIB_BASE64.slice(0, 48);
    const scripts: { path: string; digits: boolean }[] = [];
    page.on("response", async (r) => {
      if (r.url().endsWith(".js")) scripts.push({ path: new URL(r.url()).pathname, digits: (await r.text().catch(() => "")).includes(marker) });
    });
    await page.goto(site.server.url("playground/?task=digits&optimizer=momentum&schedules=constant,cosine&steps=200&seed=1&lr=0.3"), { waitUntil: "networkidle" });
    const race = page.locator("lr-training-race");
    await expect.poll(() => race.getAttribute("data-state")).toBe("live");
    // The digits (a 63 KB module) are not part of the page's own code, not even of the live island's.
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((s) => s.digits)).toEqual([]);
    await race.locator("[data-action=run]").click();
    await expect.poll(() => progressOf(page), { timeout: 60_000 }).toBeGreaterThan(20);
    await race.locator("[data-action=run]").click();
    await expect.poll(() => race.getAttribute("data-run")).toBe("paused");
    await page.waitForTimeout(300);
    const paused = await progressOf(page);
    await page.waitForTimeout(700);
    expect(await progressOf(page)).toBe(paused);
    // A pause shows where each run stands on the validation images.
    await expect.poll(() => race.locator("[data-role=examples] .examples-run").count(), { timeout: 20_000 }).toBe(2);
    await race.locator("[data-action=run]").click();
    await expect.poll(() => progressOf(page), { timeout: 90_000 }).toBe(200);
    await expect.poll(() => race.getAttribute("data-run")).toBe("done");
    await expect.poll(() => race.locator("[data-role=examples] h4").first().textContent(), { timeout: 20_000 }).toMatch(/of 400 wrong .* at step 200/);
    await expect(race.locator("[data-role=examples] img").count()).resolves.toBeGreaterThan(0);
    // The worker fetched the digits after Run, as a chunk of their own (not inside the worker's bundle).
    expect(scripts.filter((s) => s.digits).map((s) => /worker/.test(s.path))).toEqual([false]);

    const grab = async (kind: string) => {
      const [download] = await Promise.all([page.waitForEvent("download"), race.locator(`[data-export=${kind}]`).click()]);
      const { readFileSync } = await import("node:fs");
      return readFileSync((await download.path()) as string).toString("utf8");
    };
    const csv = (await grab("csv")).trim().split(/\r\n/);
    expect(csv).toHaveLength(1 + 200 * 2);
    const json = JSON.parse(await grab("json")) as { setup: { task: string }; records: unknown[] };
    expect(json.setup.task).toBe("digits");
    expect(json.records).toHaveLength(200);
    expect(log.pageErrors).toEqual([]);
    expect(log.consoleErrors).toEqual([]);
    expect(log.foreignRequests).toEqual([]);
    await page.close();
  }, 180_000);
});
