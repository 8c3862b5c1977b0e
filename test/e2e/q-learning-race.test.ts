// The Q-learning race in real Chromium: the notebook's build-time result with
// JavaScript disabled, then a live run in the worker that streams, pauses
// (progress holds still), resumes, finishes and exports the CLI's CSV; and a
// permalink that sets the race, with a notice for a bad value.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { useBuiltSite } from "../support/built-site.ts";
import { axeViolations, watch } from "../support/browser.ts";

const site = useBuiltSite();
const PAGE = "notebooks/q-learning-step-sizes/";
const progressOf = (page: Page) => page.locator("lr-q-race [data-role=progress]").evaluate((p) => (p as HTMLProgressElement).value);

describe("the Q-learning race", () => {
  it("shows the built race's figure and table with JavaScript disabled", async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(site.server.url(PAGE));
    const race = page.locator("lr-q-race");
    await expect(race.locator("[data-role=figure] svg g[data-mark=line] path").count()).resolves.toBe(3);
    const rows = await race.locator("[data-role=table] tbody tr td:first-child").allTextContents();
    expect(rows).toEqual(["constant", "1/n", "1/n^0.7"]);
    await expect(race.locator("[data-role=legend] li").allTextContents()).resolves.toEqual([" constant", " 1/n", " 1/n^0.7"]);
    await expect(page.locator("figure.q-race table tbody tr").count()).resolves.toBe(6);
    await context.close();
  });

  it("runs live in a worker: streams, pauses, resumes, finishes and exports", async () => {
    const page = await site.browser.newPage({ acceptDownloads: true });
    const log = watch(page, site.server.origin);
    await page.goto(site.server.url(PAGE), { waitUntil: "networkidle" });
    const race = page.locator("lr-q-race");
    await race.locator("[data-setting=steps]").fill("1000000");
    await race.locator("[data-setting=rules]").fill("constant,1/n,1/n^0.7,1/n^0.55");
    await race.locator("[data-action=run]").click();
    await expect.poll(() => race.getAttribute("data-state"), { timeout: 30_000 }).toBe("running");
    await expect.poll(() => progressOf(page), { timeout: 60_000 }).toBeGreaterThan(0);
    await race.locator("[data-action=pause]").click();
    await expect.poll(() => race.getAttribute("data-state")).toBe("paused");
    await page.waitForTimeout(300);
    const paused = await progressOf(page);
    await page.waitForTimeout(700);
    expect(await progressOf(page)).toBe(paused);
    expect(paused).toBeLessThan(1_000_000);
    await race.locator("[data-action=pause]").click();
    await expect.poll(() => race.getAttribute("data-state"), { timeout: 120_000 }).toBe("done");
    expect(await progressOf(page)).toBe(1_000_000);
    await expect(race.locator("[data-role=table] tbody tr").count()).resolves.toBe(4);
    await expect(race.locator("[data-role=legend] li strong").allTextContents()).resolves.toEqual(["constant", "1/n", "1/n^0.7", "1/n^0.55"]);
    const [download] = await Promise.all([page.waitForEvent("download"), race.locator("[data-action=export-csv]").click()]);
    const csv = readFileSync((await download.path()) as string, "utf8").trim().split("\n");
    expect(csv[0]).toBe("step,run,label,alpha,distance,greedy_return,episodes");
    expect(csv).toHaveLength(1 + 101 * 4);
    expect(csv.at(-1)).toMatch(/^1000000,3,1\/n\^0\.55,/);
    await expect(race.locator("[data-role=permalink]").getAttribute("href")).resolves.toContain("rules=constant%2C1%2Fn%2C1%2Fn%5E0.7%2C1%2Fn%5E0.55");
    expect(log.pageErrors).toEqual([]);
    expect(log.consoleErrors).toEqual([]);
    expect(log.foreignRequests).toEqual([]);
    await page.close();
  }, 240_000);

  it("reads a permalink: good values set the controls, a bad one keeps the default with a notice", async () => {
    const page = await site.browser.newPage();
    await page.goto(site.server.url(`${PAGE}?rules=1/n,potato&steps=20000&seed=7`));
    const race = page.locator("lr-q-race");
    await expect.poll(() => race.getAttribute("data-state"), { timeout: 30_000 }).toBe("ready");
    await expect(race.locator("[data-setting=steps]").inputValue()).resolves.toBe("20000");
    await expect(race.locator("[data-setting=seed]").inputValue()).resolves.toBe("7");
    await expect(race.locator("[data-setting=rules]").inputValue()).resolves.toBe("constant,1/n,1/n^0.7");
    await expect(race.locator("[data-role=notice]").textContent()).resolves.toMatch(/rules: step size "potato" is neither/);
    await page.close();
  });

  it("has no WCAG A/AA violations on the notebook page, before and after a run", async () => {
    const page = await site.browser.newPage();
    await page.goto(site.server.url(PAGE), { waitUntil: "networkidle" });
    expect(await axeViolations(page)).toEqual([]);
    const race = page.locator("lr-q-race");
    await race.locator("[data-setting=steps]").fill("5000");
    await race.locator("[data-action=run]").click();
    await expect.poll(() => race.getAttribute("data-state"), { timeout: 60_000 }).toBe("done");
    expect(await axeViolations(page, "lr-q-race")).toEqual([]);
    await page.close();
  }, 120_000);

  it("embeds at /embed/q-learning/: configured by its URL, runs, and passes axe", async () => {
    const page = await site.browser.newPage();
    const log = watch(page, site.server.origin);
    await page.goto(site.server.url("embed/q-learning/?rules=cosine,1/n^0.8&steps=5000&seed=3"), { waitUntil: "networkidle" });
    const race = page.locator("lr-q-race");
    await expect.poll(() => race.getAttribute("data-state"), { timeout: 30_000 }).toBe("ready");
    await expect(race.locator("[data-setting=rules]").inputValue()).resolves.toBe("cosine,1/n^0.8");
    await race.locator("[data-action=run]").click();
    await expect.poll(() => race.getAttribute("data-state"), { timeout: 60_000 }).toBe("done");
    await expect(race.locator("[data-role=legend] li strong").allTextContents()).resolves.toEqual(["cosine", "1/n^0.8"]);
    expect(await axeViolations(page)).toEqual([]);
    expect(log.pageErrors).toEqual([]);
    expect(log.foreignRequests).toEqual([]);
    await page.close();
  }, 120_000);
});
