/**
 * content/notebooks/schedule-free-vs-cosine.mdx quotes numbers from the races
 * that scripts/schedule-free-runs.ts made with the site's CLI
 * (src/data/runs/schedule-free/*.json). This test holds the page to the files
 * (every table cell and quoted number recomputed), the files to the code (the
 * first steps of two races re-run must give the recorded losses) and the page
 * to the script (its commands and races).
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { commandLine, KEPT_FIRST_STEPS } from "../../scripts/cli-runs.ts";
import { RACES, RATES, SEEDS } from "../../scripts/schedule-free-runs.ts";
import { mean, percent, type Variant } from "../../src/data/runs/summary.ts";
import { accuracyCell, acrossSeeds, expectCommittedRaces, loadStudy, lossCell, race, rerun } from "./run-tables.ts";

const page = readFileSync(new URL("../../content/notebooks/schedule-free-vs-cosine.mdx", import.meta.url), "utf8");
const runs = loadStudy("schedule-free");

/** The table's methods: the label on the page, the race family and the run in it. */
const METHODS: [string, "adamw" | "sf", Variant][] = [
  ["AdamW, warmup + cosine", "adamw", { run: "warmup#1", average: null }],
  ["AdamW, warmup-stable-decay", "adamw", { run: "wsd#2", average: null }],
  ["AdamW, warmup + constant", "adamw", { run: "warmup#3", average: null }],
  ["schedule-free AdamW, warmup + constant (at x)", "sf", { run: "warmup#1", average: null }],
];
const racesOf = (family: string, lr: number) => SEEDS.map((seed) => `${family}-lr${lr}-seed${seed}`);
const finals = (method: string, lr: number) => {
  const [, family, variant] = METHODS.find((m) => m[0] === method) as (typeof METHODS)[number];
  return acrossSeeds(runs, racesOf(family, lr), variant);
};
const acc = (method: string, lr: number) => percent(mean(finals(method, lr).accuracy));
const loss = (method: string, lr: number) => lossCell(finals(method, lr).loss);

const COS = "AdamW, warmup + cosine";
const WSD = "AdamW, warmup-stable-decay";
const CONST = "AdamW, warmup + constant";
const SF = "schedule-free AdamW, warmup + constant (at x)";
const ADAMW = [COS, WSD, CONST];
/** Seeds on which the first (method, rate) ends with a lower validation loss than the second. */
const lowerOn = (a: [string, number], b: [string, number]) => {
  const x = finals(...a).loss;
  const y = finals(...b).loss;
  return x.filter((v, i) => v < (y[i] as number)).length;
};
/** AdamW's best (schedule, rate) by mean validation loss. */
const bestAdamW = ADAMW.flatMap((m) => RATES.map((lr) => [m, lr] as [string, number])).reduce((best, c) => (mean(finals(...c).loss) < mean(finals(...best).loss) ? c : best));

const SENTENCES: string[] = [
  `At 0.1 schedule-free AdamW ends at ${acc(SF, 0.1)}% with a validation loss of ${loss(SF, 0.1)}, the lowest mean loss in the table, and its loss is below cosine's at the same rate on ${lowerOn([SF, 0.1], [COS, 0.1])} of the 5 seeds.`,
  `AdamW's best setting by validation loss, warmup-stable-decay at ${bestAdamW[1]}, ends at ${acc(...bestAdamW)}% with a loss of ${loss(...bestAdamW)}, and schedule-free AdamW at 0.1 ends below it on ${lowerOn([SF, 0.1], bestAdamW)} of the 5 seeds too.`,
  `At 0.01 schedule-free AdamW ends with the lowest accuracy of the four (${acc(SF, 0.01)}%) and a loss, ${loss(SF, 0.01)}, that beats only cosine's (${loss(COS, 0.01)}; warmup-stable-decay ends at ${loss(WSD, 0.01)})`,
  `and at 0.03 its loss, ${loss(SF, 0.03)}, is behind warmup-stable-decay's and the constant rate's and ahead of cosine's.`,
  `At 0.1 AdamW with a constant rate falls apart (${acc(CONST, 0.1)}%, loss ${loss(CONST, 0.1)})`,
  `Cosine, which decays the same rate to zero, ends at ${acc(COS, 0.1)}% and ${loss(COS, 0.1)}.`,
  `(${loss(CONST, 0.01)} against ${loss(COS, 0.01)}, and ${loss(CONST, 0.03)} against ${loss(COS, 0.03)})`,
  `ends level with the constant rate at 0.01 (${loss(WSD, 0.01)}) and lowest of the AdamW schedules at 0.03 (${loss(WSD, 0.03)}).`,
];

describe("the schedule-free notebook", () => {
  it("has every race the script makes, each with its exact command", () => {
    expectCommittedRaces(runs, RACES);
    for (const [name, file] of runs) expect(file.result.config.optimizer).toBe(name.startsWith("sf-") ? "schedule-free-adamw" : "adamw");
  });

  it("quotes every table cell as the runs give it", () => {
    for (const lr of RATES) for (const [method] of METHODS) {
      const f = finals(method, lr);
      expect(page, `${lr} ${method}`).toContain(`| ${lr} | ${method} | ${accuracyCell(f.accuracy)} | ${lossCell(f.loss)} |`);
    }
  });

  it("quotes the runs in its sentences", () => {
    for (const text of SENTENCES) expect(page, text).toContain(text);
  });

  it("says what the table says: orderings and ratios hold", () => {
    const all = RATES.flatMap((lr) => METHODS.map(([m]) => mean(finals(m, lr).loss)));
    expect(Math.min(...all)).toBe(mean(finals(SF, 0.1).loss));
    expect(bestAdamW[0]).toBe(WSD);
    // At 0.01: the lowest accuracy of the four, a loss that beats only cosine's; at 0.1 "less than a third of that loss".
    for (const m of ADAMW) expect(mean(finals(SF, 0.01).accuracy)).toBeLessThan(mean(finals(m, 0.01).accuracy));
    for (const m of [WSD, CONST]) expect(mean(finals(SF, 0.01).loss)).toBeGreaterThan(mean(finals(m, 0.01).loss));
    expect(mean(finals(SF, 0.01).loss)).toBeLessThan(mean(finals(COS, 0.01).loss));
    expect(mean(finals(SF, 0.1).loss)).toBeLessThan(mean(finals(CONST, 0.1).loss) / 3);
    // 0.03: behind WSD and constant, ahead of cosine; WSD lowest of AdamW's at 0.03.
    const at03 = (m: string) => mean(finals(m, 0.03).loss);
    expect(at03(SF)).toBeGreaterThan(Math.max(at03(WSD), at03(CONST)));
    expect(at03(SF)).toBeLessThan(at03(COS));
    expect(at03(WSD)).toBe(Math.min(...ADAMW.map(at03)));
    // "within half a point": the best accuracies of the two methods.
    const bestAcc = (ms: string[]) => Math.max(...ms.flatMap((m) => RATES.map((lr) => mean(finals(m, lr).accuracy))));
    expect(Math.abs(bestAcc([SF]) - bestAcc(ADAMW)) * 100).toBeLessThanOrEqual(0.5);
  });

  it("prints the commands of one seed's races", () => {
    const flat = page.replace(/\\\n\s*/g, "").replace(/[ \t]+/g, " ");
    for (const name of ["adamw-lr0.01-seed1", "sf-lr0.01-seed1"]) expect(flat).toContain(commandLine(RACES[name] as string[]));
  });

  it("re-runs the first steps of two races and gets the recorded losses exactly", async () => {
    for (const name of ["adamw-lr0.01-seed1", "sf-lr0.01-seed1"]) {
      const records = await rerun(RACES[name] as string[], KEPT_FIRST_STEPS);
      expect(records.map((r) => r.trainLoss), name).toEqual(race(runs, name).records.slice(0, KEPT_FIRST_STEPS).map((r) => r.trainLoss));
    }
  });
});
