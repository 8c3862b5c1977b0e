// The Q-learning race in real Chromium: the notebook's build-time result with
// JavaScript disabled, then a live run in the worker that streams, pauses
// (progress holds still), resumes, finishes and exports CSV, JSON, SVG and PNG
// (each download read back; the JSON's command rerun by the CLI gives the same
// numbers), with no main-thread task over 50 ms; a permalink that sets the
// race, hostile parameters answered by notices; and the playground's page.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Download, Page } from "playwright-core";
import { useBuiltSite } from "../support/built-site.ts";
import { axeViolations, recordLongTasks, watch } from "../support/browser.ts";
import { gridworldCsv, parseGridworldArgs, runGridworld } from "../../src/cli/rl-experiment.ts";

const site = useBuiltSite();
const PAGE = "notebooks/q-learning-step-sizes/";
const progressOf = (page: Page) => page.locator("lr-q-race [data-role=progress]").evaluate((p) => (p as HTMLProgressElement).value);

/** Clicks an export button and returns the downloaded file's name and bytes. */
async function exported(page: Page, kind: string): Promise<{ name: string; bytes: Buffer }> {
  const [download]: [Download, void] = await Promise.all([page.waitForEvent("download"), page.locator(`lr-q-race [data-export=${kind}]`).click()]);
  return { name: download.suggestedFilename(), bytes: readFileSync((await download.path()) as string) };
}

interface ExportedRun {
  task: string;
  command: string;
  finished: boolean;
  config: { labels: string[]; steps: number; seed: number; evalEvery: number };
  environment: { states: number; actions: number; optimalReturn: number };
  records: { step: number; distance: number[] }[];
}

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

  it("runs live in a worker: streams, pauses, resumes, finishes and exports, with no long task", async () => {
    const page = await site.browser.newPage({ acceptDownloads: true });
    const log = watch(page, site.server.origin);
    const longTasks = await recordLongTasks(page);
    await page.goto(site.server.url(PAGE), { waitUntil: "networkidle" });
    await longTasks.clear();
    const race = page.locator("lr-q-race");
    await race.locator("[data-setting=steps]").fill("1000000");
    await race.locator("[data-setting=rules]").fill("constant,1/n,1/n^0.7,1/n^0.55");
    await race.locator("[data-action=run]").click();
    await expect.poll(() => race.getAttribute("data-state"), { timeout: 30_000 }).toBe("running");
    // The first Run loads the island's code and evaluates it in one task (64-81 ms on a quiet 2-core machine,
    // long-animation-frame attribution: module-script q-learning-race-live.js): a cost of that first click, reported
    // as such. What must stay under 50 ms is every task while the race trains, counted from here.
    await longTasks.clear();
    await expect.poll(() => progressOf(page), { timeout: 60_000 }).toBeGreaterThan(0);
    await race.locator("[data-action=pause]").click();
    await expect.poll(() => race.getAttribute("data-state")).toBe("paused");
    await page.waitForTimeout(300);
    const paused = await progressOf(page);
    await page.waitForTimeout(700);
    expect(await progressOf(page)).toBe(paused);
    expect(paused).toBeLessThan(1_000_000);
    // An export while paused holds the evaluations so far and says the run is not finished.
    const partial = JSON.parse((await exported(page, "json")).bytes.toString("utf8")) as ExportedRun;
    expect(partial.finished).toBe(false);
    // (progress counts steps; evaluations come every 10,000 of them)
    expect(partial.records.at(-1)?.step).toBeLessThanOrEqual(paused);
    expect(partial.records.at(-1)?.step).toBeGreaterThan(paused - 10_000);
    await race.locator("[data-action=pause]").click();
    await expect.poll(() => race.getAttribute("data-state"), { timeout: 120_000 }).toBe("done");
    expect(await progressOf(page)).toBe(1_000_000);
    await expect(race.locator("[data-role=table] tbody tr").count()).resolves.toBe(4);
    await expect(race.locator("[data-role=legend] li strong").allTextContents()).resolves.toEqual(["constant", "1/n", "1/n^0.7", "1/n^0.55"]);
    const csvFile = await exported(page, "csv");
    expect(csvFile.name).toBe("q-learning-constant-1-n-1-n-0-7-1-n-0-55-seed-1.csv");
    const csv = csvFile.bytes.toString("utf8").trim().split("\n");
    expect(csv[0]).toBe("step,run,label,alpha,distance,greedy_return,episodes");
    expect(csv).toHaveLength(1 + 101 * 4);
    expect(csv.at(-1)).toMatch(/^1000000,3,1\/n\^0\.55,/);
    const run = JSON.parse((await exported(page, "json")).bytes.toString("utf8")) as ExportedRun;
    expect(run).toMatchObject({ task: "gridworld", finished: true, config: { labels: ["constant", "1/n", "1/n^0.7", "1/n^0.55"], steps: 1_000_000, seed: 1, evalEvery: 10_000 }, environment: { states: 70, actions: 4 } });
    expect(run.command).toBe("npm run --silent experiment -- --task gridworld --step-sizes constant,1/n,1/n^0.7,1/n^0.55 --steps 1000000 --eval-every 10000 --seed 1 --epsilon 0.3 --gamma 0.9 --lr 0.1");
    expect(run.records).toHaveLength(101);
    // The JSON and the CSV hold the same evaluations.
    expect(csv.at(-1)?.split(",")[4]).toBe(String(run.records.at(-1)?.distance[3]));
    const svg = await exported(page, "svg");
    expect(svg.name).toMatch(/\.svg$/);
    const svgText = svg.bytes.toString("utf8");
    expect(svgText).toMatch(/^<svg[^>]* xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svgText.match(/<g[^>]*data-mark="line"/g)?.length ?? 0).toBeGreaterThan(0);
    expect(svgText).not.toContain("var(--");
    const png = await exported(page, "png");
    expect(png.name).toMatch(/\.png$/);
    expect(png.bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.bytes.readUInt32BE(16)).toBeGreaterThan(100); // IHDR width in pixels
    expect(await longTasks.read()).toEqual([]);
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

  it("answers hostile parameters with a notice, sets nothing from them, and raises no page error", async () => {
    const page = await site.browser.newPage();
    const log = watch(page, site.server.origin);
    const hostile = "rules=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E,1/n&steps=0x10&seed=1e999&epsilon=-1&gamma=NaN&lr=Infinity&steps=500&__proto__=1&question=%3Cscript%3Ealert(2)%3C%2Fscript%3E&hide=rules,%E2%80%AEevil";
    await page.goto(site.server.url(`${PAGE}?${hostile}`), { waitUntil: "networkidle" });
    const race = page.locator("lr-q-race");
    await expect.poll(() => race.getAttribute("data-state"), { timeout: 30_000 }).toBe("ready");
    const notice = (await race.locator("[data-role=notice]").textContent()) ?? "";
    for (const key of ["rules", "steps", "seed", "epsilon", "gamma", "lr"]) expect(notice, key).toMatch(new RegExp(`\\b${key}\\b`));
    expect(notice).toMatch(/steps: given 2 times; using the first/);
    expect(notice).toMatch(/ignored: "__proto__"/);
    expect(notice).not.toContain("\u202E");
    await expect(race.locator("[data-setting=rules]").inputValue()).resolves.toBe("constant,1/n,1/n^0.7");
    await expect(race.locator("[data-setting=steps]").inputValue()).resolves.toBe("100000");
    await expect(race.locator("[data-setting=rules]").isVisible()).resolves.toBe(false);
    // The question is text, never markup.
    await expect(race.locator("[data-role=lesson]").textContent()).resolves.toContain("<script>alert(2)</script>");
    await expect(page.locator("lr-q-race img, lr-q-race script:not([type])").count()).resolves.toBe(0);
    expect(log.pageErrors).toEqual([]);
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  });

  it("is the playground's second learner: linked from /playground/, settings in the address bar, and its JSON command reruns the race in the CLI", async () => {
    const page = await site.browser.newPage({ acceptDownloads: true });
    const log = watch(page, site.server.origin);
    await page.goto(site.server.url("playground/"));
    await page.locator("nav.playground-learners a", { hasText: "tabular Q-learning" }).click();
    await page.waitForURL(/\/playground\/q-learning\/$/);
    const race = page.locator("lr-q-race");
    // No query: the island loads when the reader reaches for it (the first fill), keeping what was typed.
    // Schedules computed with arithmetic and powers only: Chromium's Math.cos and Math.exp differ from Node's in the
    // last bit for a few percent of inputs (measured: 637 and 1848 of 20,000), so a cosine agent agrees only nearly.
    await race.locator("[data-setting=rules]").fill("inverse-time, 1/n^0.8");
    await race.locator("[data-setting=steps]").fill("4000");
    await race.locator("[data-setting=seed]").fill("5");
    await race.locator("[data-setting=gamma]").fill("0.8");
    await race.locator("[data-action=run]").click();
    await expect.poll(() => race.getAttribute("data-state"), { timeout: 60_000 }).toBe("done");
    expect(new URL(page.url()).search).toBe("?rules=inverse-time%2C1%2Fn%5E0.8&steps=4000&seed=5&epsilon=0.3&gamma=0.8&lr=0.1");
    const run = JSON.parse((await exported(page, "json")).bytes.toString("utf8")) as ExportedRun;
    const args = run.command.split(" ");
    expect(args.slice(0, 5)).toEqual(["npm", "run", "--silent", "experiment", "--"]);
    const cli = runGridworld(parseGridworldArgs(args.slice(5)));
    expect(run.records).toEqual(JSON.parse(JSON.stringify(cli.records)));
    expect((await exported(page, "csv")).bytes.toString("utf8")).toBe(gridworldCsv(cli));
    // A reload of the address reproduces the settings.
    await page.reload({ waitUntil: "networkidle" });
    await expect.poll(() => race.getAttribute("data-state"), { timeout: 30_000 }).toBe("ready");
    await expect(race.locator("[data-setting=rules]").inputValue()).resolves.toBe("inverse-time,1/n^0.8");
    await expect(race.locator("[data-setting=gamma]").inputValue()).resolves.toBe("0.8");
    await expect(race.locator("[data-role=notice]").isHidden()).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    expect(log.pageErrors).toEqual([]);
    expect(log.foreignRequests).toEqual([]);
    await page.close();
  }, 120_000);

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
