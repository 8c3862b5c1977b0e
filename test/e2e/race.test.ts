// The training race in real Chromium: static result without JavaScript, a
// live run in the worker that streams, pauses and resumes while the page stays
// responsive, permalinks, hostile URLs, export, and axe.
import { describe, expect, it } from "vitest";
import { useBuiltSite } from "../support/built-site.ts";
import type { Page } from "playwright-core";
import { axeViolations, watch, holdRequests, recordLongTasks } from "../support/browser.ts";
import { DIST, BASE } from "../support/dist.ts";

const site = useBuiltSite();

const progressOf = (page: Page) => page.locator("lr-training-race [data-role=progress]").evaluate((p) => (p as HTMLProgressElement).value);

describe("the training race", () => {
  it("shows a real, precomputed race with JavaScript disabled", async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(site.server.url("playground/"));
    const race = page.locator("lr-training-race");
    await expect(race.locator("[data-role=loss] svg[aria-label]").count()).resolves.toBe(1);
    await expect(race.locator("[data-role=table] tbody tr").count()).resolves.toBe(4);
    const cells = await race.locator("[data-role=table] tbody td").allTextContents();
    expect(cells.filter((c) => /^\d/.test(c)).length).toBeGreaterThan(8);
    await expect(race.locator(".race-legend .katex").count()).resolves.toBe(4);
    await expect(race.locator("[data-role=boundaries] svg").count()).resolves.toBe(4);
    await context.close();
  });

  it("trains in the worker: streams progress, pauses and resumes, finishes, and the page never blocks for 50 ms", async () => {
    const page = await site.browser.newPage();
    const log = watch(page, site.server.origin);
    const longTasks = await recordLongTasks(page);
    await page.goto(site.server.url("playground/?task=moons&schedules=constant,cosine,plateau&steps=400&seed=3"), { waitUntil: "networkidle" });
    const race = page.locator("lr-training-race");
    await expect.poll(() => race.getAttribute("data-state")).toBe("live");
    await page.waitForTimeout(500);
    await longTasks.clear();
    await race.locator("[data-action=run]").click();
    await expect.poll(() => progressOf(page), { timeout: 30_000 }).toBeGreaterThan(40);
    await expect.poll(() => race.locator("[data-role=status]").textContent()).toMatch(/^Running on (webgpu|webgl|wasm|cpu)/);
    await race.locator("[data-action=run]").click();
    await expect.poll(() => race.getAttribute("data-run")).toBe("paused");
    await page.waitForTimeout(300);
    const paused = await progressOf(page);
    await page.waitForTimeout(700);
    expect(await progressOf(page)).toBe(paused);
    expect(paused).toBeLessThan(400);
    await race.locator("[data-action=run]").click();
    await expect.poll(() => progressOf(page), { timeout: 60_000 }).toBe(400);
    await expect.poll(() => race.getAttribute("data-run")).toBe("done");
    // The status says it finished (not "Running on …"); the backend's diagnostics sit behind a disclosure.
    await expect.poll(() => race.locator("[data-role=status]").textContent()).toMatch(/^Finished 400 steps in \d+\.\d s on (webgpu|webgl|wasm|cpu)\.$/);
    await expect(race.locator("[data-role=backend-details] [data-role=backend]").textContent()).resolves.toMatch(/^Running on (webgpu|webgl|wasm|cpu)/);
    const rows = await race.locator("[data-role=table] tbody tr").allTextContents();
    expect(rows).toHaveLength(3);
    expect((await longTasks.read()).filter((d) => d > 50)).toEqual([]);
    expect(log.pageErrors).toEqual([]);
    expect(log.consoleErrors).toEqual([]);
    expect(log.foreignRequests).toEqual([]);
    await page.screenshot({ path: "/tmp/shots/playground-done.png", fullPage: true });
    await page.close();
  }, 120_000);

  it("keeps a Run pressed while the live code is still loading", async () => {
    const page = await site.browser.newPage();
    const release = await holdRequests(page, /training-race-live/);
    await page.goto(site.server.url("playground/?task=xor&schedules=constant&steps=60&seed=2"), { waitUntil: "domcontentloaded" });
    const race = page.locator("lr-training-race");
    await expect.poll(() => race.getAttribute("data-state")).toBe("loading");
    await race.locator("[data-action=run]").click();
    release();
    await expect.poll(() => race.getAttribute("data-run"), { timeout: 60_000 }).toBe("done");
    await expect.poll(() => progressOf(page)).toBe(60);
    await page.close();
  }, 90_000);

  it("steps one evaluation interval at a time, and resets to step 0", async () => {
    const page = await site.browser.newPage();
    await page.goto(site.server.url("playground/?task=xor&schedules=constant,cosine&steps=400&seed=5"), { waitUntil: "networkidle" });
    const race = page.locator("lr-training-race");
    await expect.poll(() => race.getAttribute("data-state")).toBe("live");
    await race.locator("[data-action=step]").click();
    await expect.poll(() => progressOf(page), { timeout: 20_000 }).toBe(10);
    await race.locator("[data-action=step]").click();
    await expect.poll(() => progressOf(page), { timeout: 20_000 }).toBe(20);
    await page.waitForTimeout(500);
    expect(await progressOf(page)).toBe(20);
    await expect(race.locator("[data-action=run]").textContent()).resolves.toBe("Resume");
    await expect(race.locator("[data-role=speed]").textContent()).resolves.toMatch(/^\d+ steps\/s$/);
    await race.locator("[data-action=reset]").click();
    await expect.poll(() => progressOf(page)).toBe(0);
    // Reset clears the speed of the run it discarded.
    await expect(race.locator("[data-role=speed]").textContent()).resolves.toBe("");
    await expect(race.locator("[data-action=run]").textContent()).resolves.toBe("Run");
    await page.close();
  }, 60_000);

  it("reproduces its settings from a permalink and names hostile parameters in a notice", async () => {
    const page = await site.browser.newPage();
    const log = watch(page, site.server.origin);
    await page.goto(site.server.url("playground/?task=xor&optimizer=adam&seed=7&steps=200&schedules=cosine,one-cycle"), { waitUntil: "networkidle" });
    const race = page.locator("lr-training-race");
    await expect.poll(() => race.getAttribute("data-state")).toBe("live");
    await expect(race.locator("[data-setting=task]").inputValue()).resolves.toBe("xor");
    await expect(race.locator("[data-setting=optimizer]").inputValue()).resolves.toBe("adam");
    await expect(race.locator("[data-setting=seed]").inputValue()).resolves.toBe("7");
    await expect(race.locator(".race-legend li").count()).resolves.toBe(2);
    await race.locator("[data-setting=seed]").fill("11");
    await race.locator("[data-setting=seed]").dispatchEvent("change");
    await expect.poll(() => page.url()).toContain("seed=11");
    const permalink = await race.locator("[data-role=permalink]").getAttribute("href");
    expect(permalink).toContain("seed=11");

    await page.goto(site.server.url("playground/?task=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&seed=-4&steps=1e9&schedules=cosine,%3Cb%3E&lr=NaN&backend=quantum"), { waitUntil: "networkidle" });
    await expect.poll(() => race.getAttribute("data-state")).toBe("live");
    const notice = race.locator("[data-role=notice]");
    await expect(notice.isVisible()).resolves.toBe(true);
    const text = (await notice.textContent()) ?? "";
    for (const name of ["task", "seed", "steps", "schedules", "lr", "backend"]) expect(text).toContain(`${name}:`);
    await expect(page.locator("img[src=x]").count()).resolves.toBe(0);
    await expect(race.locator("[data-setting=task]").inputValue()).resolves.toBe("spirals");
    expect(log.pageErrors).toEqual([]);
    await page.close();
  });

  it("exports the run's metrics as CSV and JSON, and the figures as SVG and PNG", async () => {
    const page = await site.browser.newPage({ acceptDownloads: true });
    await page.goto(site.server.url("playground/?task=circles&schedules=constant,step&steps=60&seed=1&lr=0.1"), { waitUntil: "networkidle" });
    const race = page.locator("lr-training-race");
    await expect.poll(() => race.getAttribute("data-state")).toBe("live");
    await race.locator("[data-action=run]").click();
    await expect.poll(() => race.getAttribute("data-run"), { timeout: 60_000 }).toBe("done");
    const grab = async (kind: string) => {
      const [download] = await Promise.all([page.waitForEvent("download"), race.locator(`[data-export=${kind}]`).click()]);
      const path = await download.path();
      const { readFileSync } = await import("node:fs");
      return { name: download.suggestedFilename(), body: readFileSync(path as string) };
    };
    const csv = await grab("csv");
    const lines = csv.body.toString("utf8").trim().split(/\r\n/);
    expect(lines[0]).toBe("step,schedule,lr,momentum,train_loss,val_loss,val_accuracy");
    expect(lines).toHaveLength(1 + 60 * 2);
    expect(Number(lines[1]?.split(",")[2])).toBeCloseTo(0.1, 12);
    const json = JSON.parse((await grab("json")).body.toString("utf8")) as { setup: { seed: number }; records: unknown[] };
    expect(json.setup.seed).toBe(1);
    expect(json.records).toHaveLength(60);
    const svg = await grab("svg");
    expect(svg.name).toMatch(/\.svg$/);
    expect(svg.body.toString("utf8")).toMatch(/^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const png = await grab("png");
    expect(png.body.subarray(1, 4).toString("latin1")).toBe("PNG");
    // Changing a setting after the run does not lose it: the figures, table and export keep it until Run.
    const tableBefore = await race.locator("[data-role=table] tbody").textContent();
    await race.locator("[data-setting=seed]").fill("9");
    await race.locator("[data-setting=seed]").dispatchEvent("change");
    await expect.poll(() => race.locator("[data-role=status]").textContent()).toContain("still show the last run");
    await expect(race.locator("[data-role=table] tbody").textContent()).resolves.toBe(tableBefore);
    const kept = await grab("csv");
    expect(kept.body.toString("utf8").trim().split(/\r\n/)).toHaveLength(1 + 60 * 2);
    expect(kept.name).toContain("seed-1");
    await page.close();
  }, 120_000);

  it("embeds with no chrome, in lesson mode from the URL, and keeps a question as text", async () => {
    const page = await site.browser.newPage();
    await page.goto(site.server.url("embed/race/?task=moons&schedules=constant,cosine&hide=optimizer,task&question=%3Cb%3EWhich%3C%2Fb%3E+ends+lower%3F"), { waitUntil: "networkidle" });
    const race = page.locator("lr-training-race");
    await expect.poll(() => race.getAttribute("data-state")).toBe("live");
    await expect(page.locator(".site-header").count()).resolves.toBe(0);
    await expect(race.locator("[data-setting=optimizer]").isVisible()).resolves.toBe(false);
    await expect(race.locator("[data-setting=seed]").isVisible()).resolves.toBe(true);
    await expect(race.locator(".lesson-question").textContent()).resolves.toContain("<b>Which</b> ends lower?");
    await expect(race.locator(".lesson-question b").count()).resolves.toBe(0);
    await page.close();
  });

  it("has no axe violations, before and after hydration", async () => {
    const page = await site.browser.newPage();
    await page.goto(site.server.url("playground/"), { waitUntil: "networkidle" });
    expect(await axeViolations(page, "lr-training-race")).toEqual([]);
    await page.locator("lr-training-race [data-action=run]").hover();
    await expect.poll(() => page.locator("lr-training-race").getAttribute("data-state")).toBe("live");
    expect(await axeViolations(page, "lr-training-race")).toEqual([]);
    await page.close();
  });
});

describe("the JavaScript budget", () => {
  it("loads at most 20 KB of gzipped JS before the reader starts anything; Plot and tfjs only when needed", async () => {
    const { gzipSync } = await import("node:zlib");
    const { readFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    for (const route of ["playground/", "glossary/cosine-annealing/", "notebooks/", "embed/race/"]) {
      const page = await site.browser.newPage();
      const scripts: string[] = [];
      page.on("request", (r) => {
        if (r.resourceType() === "script" || r.url().endsWith(".js")) scripts.push(new URL(r.url()).pathname);
      });
      await page.goto(site.server.url(route), { waitUntil: "networkidle" });
      const bytes = scripts.reduce((sum, path) => sum + gzipSync(readFileSync(join(DIST, path.slice(BASE.length)))).length, 0);
      expect(bytes, `${route}: ${scripts.join(", ")}`).toBeLessThanOrEqual(20 * 1024);
      expect(scripts.filter((s) => /live|worker|tfjs|plot/i.test(s)), route).toEqual([]);
      await page.close();
    }
    // Reaching for the race loads its live code (with Plot); pressing Run starts the worker (with tfjs).
    const page = await site.browser.newPage();
    const scripts: string[] = [];
    page.on("request", (r) => {
      if (r.url().endsWith(".js")) scripts.push(new URL(r.url()).pathname);
    });
    await page.goto(site.server.url("playground/"), { waitUntil: "networkidle" });
    await page.locator("lr-training-race [data-action=run]").hover();
    await expect.poll(() => page.locator("lr-training-race").getAttribute("data-state")).toBe("live");
    expect(scripts.some((s) => /training-race-live/.test(s))).toBe(true);
    expect(scripts.some((s) => /training-worker/.test(s))).toBe(false);
    await page.locator("lr-training-race [data-action=run]").click();
    await expect.poll(() => scripts.some((s) => /training-worker/.test(s)), { timeout: 20_000 }).toBe(true);
    await page.close();
  }, 60_000);
});
