/**
 * content/notebooks/digits-schedules.mdx quotes numbers from the runs that
 * scripts/digits-runs.ts made (test/fixtures/digits-runs.json). This test
 * holds the page to the file: every table cell and every quoted sentence is
 * recomputed from the runs; the page's commands and its embedded race are the
 * runs' settings; and the first steps of one run are re-run here and must
 * match the file exactly (the same engine, the same CPU backend).
 */
import * as tf from "@tensorflow/tfjs";
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { parseExperimentArgs } from "../../src/cli/experiment-core.ts";
import { loadTaskData } from "../../src/data/datasets.ts";
import { Race } from "../../src/training/race.ts";
import { raceSetup } from "../../components/islands/training-race-model.ts";
import { BASE_ARGS, FIRST_STEPS, RATES, type RunRow } from "../../scripts/digits-runs.ts";

const runs = JSON.parse(readFileSync(new URL("../fixtures/digits-runs.json", import.meta.url), "utf8")) as { rows: RunRow[]; command: string };
const page = readFileSync(new URL("../../content/notebooks/digits-schedules.mdx", import.meta.url), "utf8");
const SCHEDULES = ["constant", "step", "cosine", "one-cycle"] as const;

const rowsAt = (lr: number) => runs.rows.filter((r) => r.lr === lr);
const column = (lr: number, schedule: string, field: "final" | "worstLate"): number[] =>
  rowsAt(lr).map((r) => {
    const v = r[field][r.labels.indexOf(schedule)];
    if (typeof v !== "number") throw new Error(`lr ${lr} seed ${r.seed}: no ${field} for ${schedule}`);
    return 100 * v;
  });
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const one = (v: number) => v.toFixed(1);

/** The table rows that follow a bold caption, as arrays of cells (first cell = the rate). */
function tableAfter(caption: string): string[][] {
  const lines = page.split("\n");
  const start = lines.findIndex((l) => l.includes(caption));
  if (start < 0) throw new Error(`the notebook has no "${caption}"`);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 1)) {
    if (!line.startsWith("|")) {
      if (rows.length > 0) break;
      continue;
    }
    if (/^\|\s*-/.test(line) || /Peak rate/.test(line)) continue;
    rows.push(line.split("|").slice(1, -1).map((c) => c.trim().replace(/\*\*/g, "")));
  }
  return rows;
}

/** Sentences of the page that quote the runs, and how each number is recomputed. */
const sentences: { text: string; values: number[]; decimals?: number }[] = [
  { text: "a constant rate of 0.3 ends at {0} % on average", values: [mean(column(0.3, "constant", "final"))] },
  { text: "while step, cosine and one-cycle end at {0}, {1} and {2} %", values: ["step", "cosine", "one-cycle"].map((s) => mean(column(0.3, s, "final"))) },
  { text: "its accuracy dips as low as {0} % in the last 125 steps", values: [Math.min(...column(0.3, "constant", "worstLate"))] },
  { text: "one-cycle still ends at {0} % on average, and the constant rate at {1} %", values: [mean(column(0.5, "one-cycle", "final")), mean(column(0.5, "constant", "final"))] },
  { text: "the best constant rate we tried, 0.1, ends at {0} %", values: [mean(column(0.1, "constant", "final"))] },
  { text: "they recover only partly ({0} to {1} % on average, with one seed of cosine at {2} %)", decimals: 0,
    values: [mean(column(0.5, "cosine", "final")), mean(column(0.5, "step", "final")), Math.min(...column(0.5, "cosine", "final"))] },
  { text: "with seed {0})", decimals: 0, values: [(() => {
    const late = column(0.3, "constant", "worstLate");
    return rowsAt(0.3)[late.indexOf(Math.min(...late))]?.seed ?? Number.NaN;
  })()] },
];

describe("the digits notebook", () => {
  beforeAll(async () => {
    await tf.setBackend("cpu");
    await loadTaskData("digits");
  });

  it("has every run the script makes: four rates, the same seeds for each", () => {
    expect([...new Set(runs.rows.map((r) => r.lr))]).toEqual(RATES);
    const seeds = rowsAt(RATES[0] as number).map((r) => r.seed);
    expect(seeds.length).toBeGreaterThanOrEqual(3);
    for (const lr of RATES) expect(rowsAt(lr).map((r) => r.seed)).toEqual(seeds);
    for (const r of runs.rows) expect(r.labels).toEqual([...SCHEDULES]);
  });

  it("quotes the final accuracies (mean and range over seeds) as the runs give them", () => {
    const table = tableAfter("**Final validation accuracy**");
    expect(table.map((r) => Number(r[0]))).toEqual(RATES);
    for (const row of table) {
      const lr = Number(row[0]);
      SCHEDULES.forEach((s, k) => {
        const values = column(lr, s, "final");
        expect(row[k + 1], `lr ${lr} ${s}`).toBe(`${one(mean(values))} (${one(Math.min(...values))}–${one(Math.max(...values))})`);
      });
    }
  });

  it("quotes the late dips (lowest accuracy over the last 125 steps, mean over seeds) as the runs give them", () => {
    const table = tableAfter("**Lowest validation accuracy over the last 125 steps**");
    expect(table.map((r) => Number(r[0]))).toEqual(RATES);
    for (const row of table) {
      const lr = Number(row[0]);
      SCHEDULES.forEach((s, k) => expect(row[k + 1], `lr ${lr} ${s}`).toBe(one(mean(column(lr, s, "worstLate")))));
    }
  });

  it("quotes the runs in its sentences", () => {
    for (const s of sentences) {
      const text = s.values.reduce((t, v, i) => t.replace(`{${i}}`, v.toFixed(s.decimals ?? 1)), s.text).replace(/ %/g, "%");
      expect(page, text).toContain(text);
    }
  });

  it("shows the exact command of the runs, and embeds the same race (lr 0.3, seed 1)", () => {
    const flat = page.replace(/\\\n\s*/g, "").replace(/[ \t]+/g, " ");
    expect(flat).toContain(`npm run --silent experiment -- ${BASE_ARGS.join(" ")} --lr $lr --seed $seed`);
    expect(runs.command).toBe(`npm run --silent experiment -- ${BASE_ARGS.join(" ")} --lr <lr> --seed <seed>`);
    const embed = /<TrainingRace\s+task="digits"\s+schedules="([^"]+)"\s+optimizer="(\w+)"\s+steps=\{(\d+)\}\s+seed=\{(\d+)\}\s+lr=\{([\d.]+)\}/.exec(page);
    expect(embed, "a TrainingRace on digits with schedules, optimizer, steps, seed, lr in that order").not.toBeNull();
    const [, schedules, optimizer, steps, seed, lr] = embed as RegExpExecArray;
    const setup = raceSetup({ task: "digits", schedules, optimizer, steps: Number(steps), seed: Number(seed), lr: Number(lr) });
    const cli = parseExperimentArgs([...BASE_ARGS, "--lr", lr as string, "--seed", seed as string]);
    for (const key of ["task", "model", "optimizer", "schedules", "batchSize", "seed", "hidden", "cycleMomentum", "steps"] as const) expect(setup[key], key).toEqual(cli[key]);
  });

  it("re-runs the first steps of a run and gets the recorded losses exactly", async () => {
    const row = runs.rows.find((r) => r.lr === 0.3 && r.seed === 1) as RunRow;
    const race = new Race(tf, parseExperimentArgs(row.args));
    const { records } = await race.runSteps(FIRST_STEPS);
    race.dispose();
    expect(records.map((r) => r.trainLoss)).toEqual(row.firstTrainLosses);
  });
});
