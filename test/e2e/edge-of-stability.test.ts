// The notebook "Edge of stability" as a reader sees it in Chromium: its two
// figures draw the committed race of seed 1 (every sharpness measurement and
// training loss where the run file puts it, each 2/η line at its rate's
// threshold), its tables and sentences show the numbers the committed races
// give (recomputed here from src/data/runs/edge-of-stability/, never copied),
// its loss-landscape figure wakes on first touch and stops settling once the
// rate passes 2/λ, and the page fits a 390-pixel screen with no axe violation.
import { describe, expect, it } from "vitest";
import { useBuiltSite } from "../support/built-site.ts";
import { watch } from "../support/browser.ts";
import { strictAxe } from "../support/axe.ts";
import { axisScale, expectCurve, readDrawnFigure } from "../support/drawn-figure.ts";
import { expectFitsScreen, tableCells, unreadSentences } from "../support/notebook-page.ts";
import { RATES } from "../../scripts/edge-of-stability-runs.ts";
import { lossRises, mean, sharpnessSeries, trainLosses, type RunResult } from "../../src/data/runs/summary.ts";
import { loadStudy, race } from "../content/run-tables.ts";
import { quadratic } from "../../src/landscape/functions.ts";

const site = useBuiltSite();
const PAGE = "notebooks/edge-of-stability/";
const runs = loadStudy("edge-of-stability");
/** The page's "second half": measurements from this step on. */
const LATE_FROM = 520;

const labelOf = (result: RunResult, lr: number) => result.config.labels[RATES.indexOf(lr as (typeof RATES)[number])] as string;
function stats(name: string, lr: number) {
  const result = race(runs, name);
  const series = sharpnessSeries(result, labelOf(result, lr)).flatMap((p) => (p.sharpness === null ? [] : [{ step: p.step, sharpness: p.sharpness }]));
  const late = mean(series.filter((p) => p.step >= LATE_FROM).map((p) => p.sharpness));
  const edge = series.find((p) => p.sharpness >= 2 / lr)?.step ?? null;
  const band = series.filter((p) => edge !== null && p.step >= edge).map((p) => p.sharpness / (2 / lr));
  return {
    first: series[0]?.sharpness as number,
    max: Math.max(...series.map((p) => p.sharpness)),
    late,
    ratio: late / (2 / lr),
    edge,
    band: [Math.min(...band), Math.max(...band)],
    rises: lossRises(result, labelOf(result, lr)),
    losses: trainLosses(result, labelOf(result, lr)).map((p) => p.loss as number),
  };
}
const one = (x: number) => x.toFixed(1);
const two = (x: number) => x.toFixed(2);
const four = (x: number) => x.toFixed(4);
const s1 = (lr: number) => stats("seed1", lr);

const SENTENCES = [
  `(between ${one(Math.min(...RATES.map((lr) => s1(lr).first)))} and ${one(Math.max(...RATES.map((lr) => s1(lr).first)))} at the first measurement)`,
  `it climbs from ${one(s1(0.1).first)} to ${one(s1(0.1).max)} over the run`,
  `for the remaining ${1000 - (s1(0.3).edge ?? 0)} steps (every later measurement lies between ${two(s1(0.3).band[0] as number)} and ${two(s1(0.3).band[1] as number)} times`,
  `it rose at ${s1(0.3).rises} of them, nearly every other step`,
  `at ${s1(0.2).rises}, all of them after step ${s1(0.2).edge}, the step at which its sharpness first reached`,
  `ended at ${four(s1(0.3).losses.at(-1) as number)}, from ${four(s1(0.3).losses[0] as number)} at the start`,
  `at ${four(s1(0.2).losses.at(-1) as number)}, close to the ${four(s1(0.1).losses.at(-1) as number)} of the stable run at 0.1.`,
  `the loss rose at ${s1(0.4).rises} of 999 steps and ended at ${four(s1(0.4).losses.at(-1) as number)}, about ten times the loss`,
  `(from ${four(s1(0.4).losses[19] as number)} after 20 steps)`,
];

/** One table row per rate, as the page prints it. */
const tableRows = (name: string) =>
  RATES.map((lr) => {
    const s = stats(name, lr);
    return [String(lr), one(2 / lr), one(s.first), one(s.max), one(s.late), two(s.ratio), String(s.rises), four(s.losses.at(-1) as number)];
  });

describe("the edge-of-stability notebook, in the browser", () => {
  it("draws the committed race: every sharpness measurement, each rate's 2/η line, every training loss", async () => {
    const page = await site.browser.newPage();
    const log = watch(page, site.server.origin);
    await page.goto(site.server.url(PAGE), { waitUntil: "networkidle" });
    const figures = page.locator("figure.race-curves");
    await expect(figures.count()).resolves.toBe(2);
    const result = race(runs, "seed1");
    const labels = RATES.map((lr) => `η = ${lr}`);

    const sharpness = await readDrawnFigure(figures.nth(0));
    expect(sharpness.legend.map((l) => l.label)).toEqual(labels);
    const y = axisScale(sharpness.yTicks, "sharpness axis");
    RATES.forEach((lr, k) => {
      const label = labels[k] as string;
      expectCurve(sharpness, label, sharpnessSeries(result, labelOf(result, lr)).map((p) => ({ step: p.step, value: p.sharpness })));
      const color = sharpness.legend[k]?.color;
      const rules = sharpness.rules.filter((r) => r.stroke === color);
      expect(rules, `2/η line of ${label}`).toHaveLength(1);
      expect(Math.abs((rules[0]?.y as number) - y(2 / lr)), `2/η line of ${label}`).toBeLessThan(0.15);
    });

    const losses = await readDrawnFigure(figures.nth(1));
    expect(losses.legend.map((l) => l.label)).toEqual(labels);
    for (const [k, lr] of RATES.entries()) expectCurve(losses, labels[k] as string, trainLosses(result, labelOf(result, lr)).map((p) => ({ step: p.step, value: p.loss })));
    for (const figure of [figures.nth(0), figures.nth(1)]) await expect(figure.locator("pre.command").textContent()).resolves.toBe(runs.get("seed1")?.command);
    expect(log.pageErrors).toEqual([]);
    expect(log.consoleErrors).toEqual([]);
    expect(log.foreignRequests).toEqual([]);
    await page.close();
  });

  it("shows both tables and every quoted number as the committed races give them", async () => {
    const page = await site.browser.newPage();
    await page.goto(site.server.url(PAGE), { waitUntil: "networkidle" });
    const tables = page.locator("main table", { has: page.locator("th", { hasText: "steps the loss rose" }) });
    await expect(tables.count()).resolves.toBe(2);
    for (const [i, name] of ["seed1", "seed2"].entries()) {
      const rows = await tableCells(tables.nth(i));
      expect(rows, name).toEqual(tableRows(name));
    }
    expect(await unreadSentences(page, SENTENCES)).toEqual([]);
    await page.close();
  });

  it("wakes the landscape figure on first touch; past 2/λ its path no longer settles", async () => {
    const page = await site.browser.newPage();
    const log = watch(page, site.server.origin);
    await page.goto(site.server.url(PAGE), { waitUntil: "networkidle" });
    const island = page.locator("lr-loss-landscape");
    await expect(island.count()).resolves.toBe(1);
    // As built: a constant rate of 0.078 under 2/λ settles.
    const description = island.locator("[data-role=description]");
    const unstable = /diverged at step \d+|f ended higher than it started/;
    await expect(description.textContent()).resolves.toMatch(/at peak rate 0\.078, .*nearest the global minimum/);
    await expect(description.textContent()).resolves.not.toMatch(unstable);
    await expect(island.locator("output[data-field=lr]").textContent()).resolves.toBe("0.078");
    const slider = island.locator("input[data-field=lr]");
    await slider.focus();
    await expect.poll(() => island.getAttribute("data-state"), { timeout: 30_000 }).toBe("live");
    // The slider moves on a log scale; its output shows the rate.
    const rate = async () => Number(await island.locator("output[data-field=lr]").textContent());
    const threshold = 2 / quadratic.grad(0, 1)[1];
    for (let i = 0; i < 40 && (await rate()) <= threshold; i += 1) await page.keyboard.press("ArrowRight");
    expect(await rate()).toBeGreaterThan(threshold);
    await expect.poll(() => description.textContent(), { timeout: 30_000 }).toMatch(unstable);
    expect(log.pageErrors).toEqual([]);
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  });

  it("fits a 390-pixel screen, figures included, and has no axe violation with the landscape awake", async () => {
    const page = await site.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(site.server.url(PAGE), { waitUntil: "networkidle" });
    await expectFitsScreen(page, "figure.race-curves svg");
    await page.locator("lr-loss-landscape input[data-field=lr]").focus();
    await expect.poll(() => page.locator("lr-loss-landscape").getAttribute("data-state"), { timeout: 30_000 }).toBe("live");
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(392);
    expect(await strictAxe(page)).toEqual([]);
    await page.close();
  });
});
