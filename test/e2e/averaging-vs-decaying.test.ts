// The notebook "Averaging instead of decaying" as a reader sees it in Chromium:
// its figure draws the committed race (every vertex where the run file's value
// puts it), its table and its sentences show the numbers the ten committed
// races give (recomputed here from src/data/runs/averaging/, never copied),
// and the page fits a 390-pixel screen with no axe violation.
import { describe, expect, it } from "vitest";
import { useBuiltSite } from "../support/built-site.ts";
import { watch } from "../support/browser.ts";
import { strictAxe } from "../support/axe.ts";
import { expectCurve, readDrawnFigure } from "../support/drawn-figure.ts";
import { expectFitsScreen, tableCells, unreadSentences } from "../support/notebook-page.ts";
import { RATES, SEEDS } from "../../scripts/averaging-runs.ts";
import { evaluations, mean, percent, type Variant } from "../../src/data/runs/summary.ts";
import { accuracyCell, acrossSeeds, loadStudy, lossCell, race } from "../content/run-tables.ts";

const site = useBuiltSite();
const PAGE = "notebooks/averaging-vs-decaying/";
const runs = loadStudy("averaging");
const racesAt = (lr: number) => SEEDS.map((seed) => `lr${lr}-seed${seed}`);
const C: Variant = { run: "constant", average: null };
const C_EMA: Variant = { run: "constant", average: "ema:0.99" };
const C_TAIL: Variant = { run: "constant", average: "tail:0.5" };
const STEP: Variant = { run: "step", average: null };
const COS: Variant = { run: "cosine", average: null };

/** The table's rows as the page labels them. */
const ROWS: [string, string, Variant][] = [
  ["constant", "its weights", C],
  ["constant", "EMA, β = 0.99", C_EMA],
  ["constant", "mean of steps 251–500", C_TAIL],
  ["step", "its weights", STEP],
  ["cosine", "its weights", COS],
  ["cosine", "EMA, β = 0.99", { run: "cosine", average: "ema:0.99" }],
  ["cosine", "mean of steps 251–500", { run: "cosine", average: "tail:0.5" }],
];
const finals = (lr: number, v: Variant) => acrossSeeds(runs, racesAt(lr), v);
const acc = (lr: number, v: Variant) => percent(mean(finals(lr, v).accuracy));
const loss = (lr: number, v: Variant) => lossCell(finals(lr, v).loss);
const lowerOn = (lr: number, a: Variant, b: Variant) => finals(lr, a).loss.filter((x, i) => x < (finals(lr, b).loss[i] as number)).length;

/** What the reader reads, recomputed from the run files. */
const SENTENCES = [
  `At 0.3 the constant run's own weights end at ${acc(0.3, C)}% on average`,
  `its EMA at ${acc(0.3, C_EMA)}% and its tail average at ${acc(0.3, C_TAIL)}%`,
  `cosine ends at ${acc(0.3, COS)}% and step at ${acc(0.3, STEP)}%`,
  `In validation loss: ${loss(0.3, C)} for the constant run's weights, ${loss(0.3, C_EMA)} for their EMA, ${loss(0.3, C_TAIL)} for their tail average, ${loss(0.3, COS)} for cosine and ${loss(0.3, STEP)} for step.`,
  `at 0.3 the EMA's final validation loss is lower than cosine's on ${lowerOn(0.3, C_EMA, COS)} of the 5 seeds`,
  `At 0.1 the EMA ends at ${acc(0.1, C_EMA)}%, cosine at ${acc(0.1, COS)}%, and at 0.1 the EMA's final validation loss is lower than cosine's on ${lowerOn(0.1, C_EMA, COS)} of the 5 seeds. Its mean loss, ${loss(0.1, C_EMA)}, is the lowest of the whole table.`,
  `(losses ${acrossSeeds(runs, ["lr0.3-seed4"], C_EMA).loss[0]?.toFixed(3)} and ${acrossSeeds(runs, ["lr0.3-seed4"], C_TAIL).loss[0]?.toFixed(3)})`,
];

/** The figure's curves, as the page's RaceCurves names them. */
const CURVES: [string, Variant][] = [
  ["constant", C],
  ["constant, EMA 0.99", C_EMA],
  ["constant, mean of steps 251–500", C_TAIL],
  ["step", STEP],
  ["cosine", COS],
];

describe("the averaging notebook, in the browser", () => {
  it("draws the committed race: every curve through the run file's validation losses", async () => {
    const page = await site.browser.newPage();
    const log = watch(page, site.server.origin);
    await page.goto(site.server.url(PAGE), { waitUntil: "networkidle" });
    const figures = page.locator("figure.race-curves");
    await expect(figures.count()).resolves.toBe(1);
    await expect(figures.locator("svg[role=img]").count()).resolves.toBe(1);
    const drawn = await readDrawnFigure(figures.first());
    expect(drawn.legend.map((l) => l.label)).toEqual(CURVES.map(([label]) => label));
    const result = race(runs, "lr0.3-seed1");
    for (const [label, variant] of CURVES) {
      expectCurve(drawn, label, evaluations(result, variant).map((e) => ({ step: e.step, value: e.loss })), variant.average !== null);
    }
    await expect(figures.locator("pre.command").textContent()).resolves.toBe(runs.get("lr0.3-seed1")?.command);
    expect(log.pageErrors).toEqual([]);
    expect(log.consoleErrors).toEqual([]);
    expect(log.foreignRequests).toEqual([]);
    await page.close();
  });

  it("shows every table cell and every quoted number as the ten committed races give them", async () => {
    const page = await site.browser.newPage();
    await page.goto(site.server.url(PAGE), { waitUntil: "networkidle" });
    const table = page.locator("main table", { has: page.locator("th", { hasText: "evaluated at" }) });
    await expect(table.count()).resolves.toBe(1);
    const rows = await tableCells(table);
    expect(rows).toEqual(ROWS.map(([schedule, where, variant]) => [schedule, where, ...RATES.flatMap((lr) => [accuracyCell(finals(lr, variant).accuracy), loss(lr, variant)])]));
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
