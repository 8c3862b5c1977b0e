/**
 * content/notebooks/averaging-vs-decaying.mdx quotes numbers from the races
 * that scripts/averaging-runs.ts made with the site's CLI
 * (src/data/runs/averaging/*.json). This test holds the page to the files
 * (every table cell and quoted number recomputed), the files to the code (the
 * first steps of a race re-run must give the recorded losses) and the page to
 * the script (its command and its races).
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { KEPT_FIRST_STEPS } from "../../scripts/cli-runs.ts";
import { RACES, RATES, SEEDS, SHARED } from "../../scripts/averaging-runs.ts";
import { mean, percent, type Variant } from "../../src/data/runs/summary.ts";
import { accuracyCell, acrossSeeds, expectCommittedRaces, loadStudy, lossCell, race, rerun } from "./run-tables.ts";

const page = readFileSync(new URL("../../content/notebooks/averaging-vs-decaying.mdx", import.meta.url), "utf8");
const runs = loadStudy("averaging");
const racesAt = (lr: number) => SEEDS.map((seed) => `lr${lr}-seed${seed}`);

/** The table's rows: schedule, where it is evaluated, and the variant. */
const ROWS: [string, string, Variant][] = [
  ["constant", "its weights", { run: "constant", average: null }],
  ["constant", "EMA, β = 0.99", { run: "constant", average: "ema:0.99" }],
  ["constant", "mean of steps 251–500", { run: "constant", average: "tail:0.5" }],
  ["step", "its weights", { run: "step", average: null }],
  ["cosine", "its weights", { run: "cosine", average: null }],
  ["cosine", "EMA, β = 0.99", { run: "cosine", average: "ema:0.99" }],
  ["cosine", "mean of steps 251–500", { run: "cosine", average: "tail:0.5" }],
];

function tableRow([schedule, where, variant]: [string, string, Variant]): string {
  const cells = RATES.flatMap((lr) => {
    const s = acrossSeeds(runs, racesAt(lr), variant);
    return [accuracyCell(s.accuracy), lossCell(s.loss)];
  });
  return `| ${schedule} | ${where} | ${cells.join(" | ")} |`;
}

const meanAccuracy = (lr: number, variant: Variant) => percent(mean(acrossSeeds(runs, racesAt(lr), variant).accuracy));
const meanLoss = (lr: number, variant: Variant) => lossCell(acrossSeeds(runs, racesAt(lr), variant).loss);
/** Seeds on which the first variant ends with a lower validation loss than the second. */
const lowerLossSeeds = (lr: number, a: Variant, b: Variant) => {
  const x = acrossSeeds(runs, racesAt(lr), a).loss;
  const y = acrossSeeds(runs, racesAt(lr), b).loss;
  return x.filter((v, i) => v < (y[i] as number)).length;
};

const C = { run: "constant", average: null } as const;
const C_EMA = { run: "constant", average: "ema:0.99" } as const;
const C_TAIL = { run: "constant", average: "tail:0.5" } as const;
const COS = { run: "cosine", average: null } as const;
const STEP = { run: "step", average: null } as const;

const SENTENCES: string[] = [
  `At 0.3 the constant run's own weights end at ${meanAccuracy(0.3, C)}% on average`,
  `its EMA at ${meanAccuracy(0.3, C_EMA)}% and its tail average at ${meanAccuracy(0.3, C_TAIL)}%`,
  `cosine ends at ${meanAccuracy(0.3, COS)}% and step at ${meanAccuracy(0.3, STEP)}%`,
  `validation loss: ${meanLoss(0.3, C)} for the constant run's weights, ${meanLoss(0.3, C_EMA)} for their EMA, ${meanLoss(0.3, C_TAIL)} for their tail average, ${meanLoss(0.3, COS)} for cosine and ${meanLoss(0.3, STEP)} for step`,
  `at 0.3 the EMA's final validation loss is lower than cosine's on ${lowerLossSeeds(0.3, C_EMA, COS)} of the 5 seeds`,
  `At 0.1 the EMA ends at ${meanAccuracy(0.1, C_EMA)}%, cosine at ${meanAccuracy(0.1, COS)}%`,
  `at 0.1 the EMA's final validation loss is lower than cosine's on ${lowerLossSeeds(0.1, C_EMA, COS)} of the 5 seeds. Its mean loss, ${meanLoss(0.1, C_EMA)}, is the lowest of the whole table`,
  `On one seed (4) the constant run's averages stay poor (losses ${lossOn(0.3, 4, C_EMA)} and ${lossOn(0.3, 4, C_TAIL)})`,
];

function lossOn(lr: number, seed: number, variant: Variant): string {
  return acrossSeeds(runs, [`lr${lr}-seed${seed}`], variant).loss[0]?.toFixed(3) ?? "none";
}

describe("the averaging notebook", () => {
  it("has every race the script makes, each with its exact command", () => {
    expectCommittedRaces(runs, RACES);
    for (const r of runs.values()) {
      expect(r.result.config.labels).toEqual(["constant", "step", "cosine"]);
      expect(r.result.config.average.map((a) => a.label)).toEqual(["ema:0.99", "tail:0.5"]);
    }
  });

  it("quotes every table cell as the runs give it", () => {
    for (const row of ROWS) expect(page, row[0] + " / " + row[1]).toContain(tableRow(row));
  });

  it("quotes the runs in its sentences", () => {
    for (const text of SENTENCES) expect(page, text).toContain(text);
  });

  it("says what the table says: the averages' claims hold as inequalities", () => {
    const means = (lr: number, v: Variant) => acrossSeeds(runs, racesAt(lr), v);
    // "a validation loss twice that of the decayed runs"
    const ratio = mean(means(0.3, C).loss) / Math.max(mean(means(0.3, COS).loss), mean(means(0.3, STEP).loss));
    expect(ratio).toBeGreaterThan(1.8);
    expect(ratio).toBeLessThan(2.5);
    // "the lowest of the whole table"
    const all = RATES.flatMap((lr) => ROWS.map(([, , v]) => mean(means(lr, v).loss)));
    expect(Math.min(...all)).toBe(mean(means(0.1, C_EMA).loss));
    // "Cosine's EMA and tail average end within 0.2 points and 0.005 in loss of cosine's own weights" (means over seeds)
    for (const lr of RATES) for (const average of ["ema:0.99", "tail:0.5"]) {
      const a = means(lr, { run: "cosine", average });
      const b = means(lr, COS);
      expect(Math.abs(mean(a.accuracy) - mean(b.accuracy)) * 100).toBeLessThanOrEqual(0.2);
      expect(Math.abs(mean(a.loss) - mean(b.loss))).toBeLessThanOrEqual(0.005);
    }
    expect(page).toContain("Cosine's EMA and tail average end within 0.2 points and 0.005 in loss of cosine's own weights");
  });

  it("its runs' own weights agree with the digits notebook's table (same engine, settings and seeds)", () => {
    const digits = JSON.parse(readFileSync(new URL("../fixtures/digits-runs.json", import.meta.url), "utf8")) as { rows: { lr: number; labels: string[]; final: number[] }[] };
    for (const lr of RATES) for (const schedule of ["constant", "step", "cosine"]) {
      const theirs = digits.rows.filter((r) => r.lr === lr).map((r) => r.final[r.labels.indexOf(schedule)] as number);
      expect(percent(mean(acrossSeeds(runs, racesAt(lr), { run: schedule, average: null }).accuracy)), `${lr} ${schedule}`).toBe(percent(mean(theirs)));
    }
  });

  it("shows the command the script runs", () => {
    const flat = page.replace(/\\\n\s*/g, "").replace(/[ \t]+/g, " ");
    expect(flat).toContain(`npm run --silent experiment -- ${SHARED.join(" ")} --lr $lr --seed $seed`);
  });

  it("re-runs the first steps of a race and gets the recorded losses exactly", async () => {
    const name = "lr0.3-seed1";
    const records = await rerun(RACES[name] as string[], KEPT_FIRST_STEPS);
    expect(records.map((r) => r.trainLoss)).toEqual(race(runs, name).records.slice(0, KEPT_FIRST_STEPS).map((r) => r.trainLoss));
  });
});
