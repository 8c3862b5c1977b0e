// The notebook "Schedule-free vs cosine" as a reader sees it in Chromium: its
// figure draws the two committed races of seed 1 at rate 0.1 (every vertex
// where the run files put it), its table and sentences show the numbers the
// thirty committed races give (recomputed here from
// src/data/runs/schedule-free/, never copied), and the page fits a 390-pixel
// screen with no axe violation.
import { describe, expect, it } from "vitest";
import { useBuiltSite } from "../support/built-site.ts";
import { watch } from "../support/browser.ts";
import { strictAxe } from "../support/axe.ts";
import { expectCurve, readDrawnFigure } from "../support/drawn-figure.ts";
import { expectFitsScreen, tableCells, unreadSentences } from "../support/notebook-page.ts";
import { RATES, SEEDS } from "../../scripts/schedule-free-runs.ts";
import { evaluations, mean, percent, type Variant } from "../../src/data/runs/summary.ts";
import { accuracyCell, acrossSeeds, loadStudy, lossCell, race } from "../content/run-tables.ts";

const site = useBuiltSite();
const PAGE = "notebooks/schedule-free-vs-cosine/";
const runs = loadStudy("schedule-free");

const COS = "AdamW, warmup + cosine";
const WSD = "AdamW, warmup-stable-decay";
const CONST = "AdamW, warmup + constant";
const SF = "schedule-free AdamW, warmup + constant (at x)";
/** The table's methods: the page's label, the race family and the run in it. */
const METHODS: [string, "adamw" | "sf", Variant][] = [
  [COS, "adamw", { run: "warmup#1", average: null }],
  [WSD, "adamw", { run: "wsd#2", average: null }],
  [CONST, "adamw", { run: "warmup#3", average: null }],
  [SF, "sf", { run: "warmup#1", average: null }],
];
const finals = (method: string, lr: number) => {
  const [, family, variant] = METHODS.find((m) => m[0] === method) as (typeof METHODS)[number];
  return acrossSeeds(runs, SEEDS.map((seed) => `${family}-lr${lr}-seed${seed}`), variant);
};
const acc = (method: string, lr: number) => percent(mean(finals(method, lr).accuracy));
const loss = (method: string, lr: number) => lossCell(finals(method, lr).loss);
const lowerOn = (a: [string, number], b: [string, number]) => finals(...a).loss.filter((x, i) => x < (finals(...b).loss[i] as number)).length;

const SENTENCES = [
  `At 0.1 schedule-free AdamW ends at ${acc(SF, 0.1)}% with a validation loss of ${loss(SF, 0.1)}, the lowest mean loss in the table, and its loss is below cosine's at the same rate on ${lowerOn([SF, 0.1], [COS, 0.1])} of the 5 seeds.`,
  `warmup-stable-decay at 0.03, ends at ${acc(WSD, 0.03)}% with a loss of ${loss(WSD, 0.03)}, and schedule-free AdamW at 0.1 ends below it on ${lowerOn([SF, 0.1], [WSD, 0.03])} of the 5 seeds too.`,
  `At 0.01 schedule-free AdamW ends with the lowest accuracy of the four (${acc(SF, 0.01)}%) and a loss, ${loss(SF, 0.01)}, that beats only cosine's (${loss(COS, 0.01)}; warmup-stable-decay ends at ${loss(WSD, 0.01)})`,
  `At 0.1 AdamW with a constant rate falls apart (${acc(CONST, 0.1)}%, loss ${loss(CONST, 0.1)})`,
  `Cosine, which decays the same rate to zero, ends at ${acc(COS, 0.1)}% and ${loss(COS, 0.1)}.`,
  `(${loss(CONST, 0.01)} against ${loss(COS, 0.01)}, and ${loss(CONST, 0.03)} against ${loss(COS, 0.03)})`,
];

/** The figure's curves, as the page's RaceCurves names them: label, race, run. */
const CURVES: [string, string, string][] = [
  ["AdamW, warmup + cosine", "adamw-lr0.1-seed1", "warmup#1"],
  ["AdamW, WSD", "adamw-lr0.1-seed1", "wsd#2"],
  ["AdamW, warmup + constant", "adamw-lr0.1-seed1", "warmup#3"],
  ["schedule-free AdamW", "sf-lr0.1-seed1", "warmup#1"],
];

describe("the schedule-free notebook, in the browser", () => {
  it("draws the committed races: every curve through the run files' validation losses, with both commands", async () => {
    const page = await site.browser.newPage();
    const log = watch(page, site.server.origin);
    await page.goto(site.server.url(PAGE), { waitUntil: "networkidle" });
    const figure = page.locator("figure.race-curves");
    await expect(figure.count()).resolves.toBe(1);
    await expect(figure.locator("svg[role=img]").count()).resolves.toBe(1);
    const drawn = await readDrawnFigure(figure);
    expect(drawn.legend.map((l) => l.label)).toEqual(CURVES.map(([label]) => label));
    for (const [label, name, run] of CURVES) {
      expectCurve(drawn, label, evaluations(race(runs, name), { run, average: null }).map((e) => ({ step: e.step, value: e.loss })));
    }
    await expect(figure.locator("pre.command").allTextContents()).resolves.toEqual(["adamw-lr0.1-seed1", "sf-lr0.1-seed1"].map((n) => runs.get(n)?.command));
    expect(log.pageErrors).toEqual([]);
    expect(log.consoleErrors).toEqual([]);
    expect(log.foreignRequests).toEqual([]);
    await page.close();
  });

  it("shows every table cell and every quoted number as the thirty committed races give them", async () => {
    const page = await site.browser.newPage();
    await page.goto(site.server.url(PAGE), { waitUntil: "networkidle" });
    const table = page.locator("main table", { has: page.locator("th", { hasText: "Peak rate" }) });
    await expect(table.count()).resolves.toBe(1);
    const rows = await tableCells(table);
    expect(rows).toEqual(RATES.flatMap((lr) => METHODS.map(([method]) => [String(lr), method, accuracyCell(finals(method, lr).accuracy), loss(method, lr)])));
    expect(await unreadSentences(page, SENTENCES)).toEqual([]);
    await page.close();
  });

  it("fits a 390-pixel screen, figure included, and has no axe violation", async () => {
    const page = await site.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(site.server.url(PAGE), { waitUntil: "networkidle" });
    await expectFitsScreen(page, "figure.race-curves svg");
    expect(await strictAxe(page)).toEqual([]);
    await page.close();
  });
});
