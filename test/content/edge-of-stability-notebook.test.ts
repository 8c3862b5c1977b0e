/**
 * content/notebooks/edge-of-stability.mdx quotes numbers from the races that
 * scripts/edge-of-stability-runs.ts made with the site's CLI
 * (src/data/runs/edge-of-stability/*.json). This test holds the page to the
 * files (every table cell and quoted number recomputed), the files to the code
 * (the first 20 steps and the first sharpness measurement of a race, re-run,
 * must give the recorded numbers) and the page to the script (its command).
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { commandLine } from "../../scripts/cli-runs.ts";
import { RACES, RATES } from "../../scripts/edge-of-stability-runs.ts";
import { lossRises, mean, sharpnessSeries, trainLosses, type RunResult } from "../../src/data/runs/summary.ts";
import { expectCommittedRaces, loadStudy, race, rerun } from "./run-tables.ts";
import { quadratic } from "../../src/landscape/functions.ts";

const page = readFileSync(new URL("../../content/notebooks/edge-of-stability.mdx", import.meta.url), "utf8");
const runs = loadStudy("edge-of-stability");
/** Measurements from this step on make the "late" mean (the second half of the run). */
const LATE_FROM = 520;

const labelOf = (result: RunResult, lr: number) => result.config.labels[RATES.indexOf(lr as (typeof RATES)[number])] as string;
function stats(name: string, lr: number) {
  const result = race(runs, name);
  const run = labelOf(result, lr);
  const series = sharpnessSeries(result, run).filter((p) => p.sharpness !== null) as { step: number; sharpness: number; lr: number }[];
  const late = series.filter((p) => p.step >= LATE_FROM).map((p) => p.sharpness);
  const losses = trainLosses(result, run);
  return {
    first: series[0]?.sharpness as number,
    max: Math.max(...series.map((p) => p.sharpness)),
    late: mean(late),
    ratio: mean(late) / (2 / lr),
    rises: lossRises(result, run),
    finalLoss: losses.at(-1)?.loss as number,
  };
}
const two = (x: number) => x.toFixed(2);
const one = (x: number) => x.toFixed(1);

/** The table's row for one rate in one race, as the page prints it. */
function row(name: string, lr: number): string {
  const s = stats(name, lr);
  return `| ${lr} | ${one(2 / lr)} | ${one(s.first)} | ${one(s.max)} | ${one(s.late)} | ${two(s.ratio)} | ${s.rises} | ${s.finalLoss.toFixed(4)} |`;
}

/** The first step (a multiple of 20) at which the sharpness was at least 2/η; null if never. */
function firstAtEdge(lr: number): number | null {
  const result = race(runs, "seed1");
  return (sharpnessSeries(result, labelOf(result, lr)).find((p) => (p.sharpness as number) >= 2 / lr)?.step) ?? null;
}
/** Training loss after `steps` updates' batches: the loss recorded at step index `steps` − 1. */
function lossAt(lr: number, step: number): string {
  const loss = trainLosses(race(runs, "seed1"), labelOf(race(runs, "seed1"), lr))[step - 1]?.loss;
  if (typeof loss !== "number") throw new Error(`no training loss at step ${step}`);
  return loss.toFixed(4);
}
/** Step numbers (counted from 1) at which the training loss rose. */
function risesAt(lr: number): number[] {
  const l = trainLosses(race(runs, "seed1"), labelOf(race(runs, "seed1"), lr)).map((p) => p.loss as number);
  return l.flatMap((x, i) => (i > 0 && x > (l[i - 1] as number) ? [i + 1] : []));
}
const s1 = (lr: number) => stats("seed1", lr);
/** Lowest and highest sharpness, as multiples of 2/η, from the first measurement at the edge on. */
function edgeBand(lr: number): [number, number] {
  const result = race(runs, "seed1");
  const edge = firstAtEdge(lr) as number;
  const ratios = sharpnessSeries(result, labelOf(result, lr)).filter((x) => x.step >= edge).map((x) => (x.sharpness as number) / (2 / lr));
  return [Math.min(...ratios), Math.max(...ratios)];
}
const firsts = RATES.map((lr) => s1(lr).first);

const SENTENCES: string[] = [
  `In seed 1, at every rate the sharpness starts near 5 (between ${one(Math.min(...firsts))} and ${one(Math.max(...firsts))} at the first measurement)`,
  `At $\\eta = 0.1$ it climbs from ${one(s1(0.1).first)} to ${one(s1(0.1).max)} over the run; at $\\eta = 0.05$ it reaches ${one(s1(0.05).max)}.`,
  `At $\\eta = 0.3$ the sharpness first reaches $2/\\eta = 6.7$ at step ${firstAtEdge(0.3)} and then stays: over the second half of the run its mean is ${two(s1(0.3).ratio)} times $2/\\eta$.`,
  `At $\\eta = 0.2$ it reaches $2/\\eta = 10$ at step ${firstAtEdge(0.2)}, and its second-half mean is again ${two(s1(0.2).ratio)} times $2/\\eta$.`,
  `hovers above it, at ${two(s1(0.4).ratio)} times.`,
  `for the remaining ${1000 - (firstAtEdge(0.3) ?? 0)} steps (every later measurement lies between ${two(edgeBand(0.3)[0])} and ${two(edgeBand(0.3)[1])} times $2/\\eta$)`,
  `At $\\eta = 0.3$ it rose at ${s1(0.3).rises} of them, nearly every other step; at $\\eta = 0.2$ at ${s1(0.2).rises}, all of them after step ${firstAtEdge(0.2)}`,
  `Yet the loss at $\\eta = 0.3$ ended at ${s1(0.3).finalLoss.toFixed(4)}, from ${lossAt(0.3, 1)} at the start, and at $\\eta = 0.2$ at ${s1(0.2).finalLoss.toFixed(4)}, close to the ${s1(0.1).finalLoss.toFixed(4)} of the stable run at 0.1.`,
  `at 0.1 it levels off at about 10, half of $2/\\eta$, once the loss has nearly stopped falling (${s1(0.1).finalLoss.toFixed(4)} at the end;`,
  `At $\\eta = 0.4$ the loss rose at ${s1(0.4).rises} of 999 steps and ended at ${s1(0.4).finalLoss.toFixed(4)}, about ten times the loss at $\\eta = 0.1$`,
  `(from ${lossAt(0.4, 20)} after 20 steps)`,
];

describe("the edge-of-stability notebook", () => {
  it("has the script's races (seed 1 at least), each with its exact command", () => {
    expect(runs.has("seed1")).toBe(true);
    expectCommittedRaces(runs, RACES, true);
  });

  it("quotes every table cell as the runs give it", () => {
    for (const name of runs.keys()) for (const lr of RATES) expect(page, `${name} ${lr}`).toContain(row(name, lr));
  });

  it("quotes the runs in its sentences", () => {
    for (const text of SENTENCES) expect(page, text).toContain(text);
  });

  it("says what the runs show, as inequalities", () => {
    // Below the edge all along: the loss fell at every step, and the sharpness stayed below 2/η.
    for (const lr of [0.05, 0.1]) {
      expect(s1(lr).rises).toBe(0);
      expect(firstAtEdge(lr)).toBeNull();
      expect(s1(lr).max).toBeLessThan(0.6 * (2 / lr));
    }
    // "all of them after step 480"; "nearly every other step"; "about ten times"; "levels off at about 10, half of 2/η".
    expect(Math.min(...risesAt(0.2))).toBeGreaterThan(firstAtEdge(0.2) as number);
    expect(s1(0.3).rises / 999).toBeGreaterThan(0.4);
    expect(s1(0.4).finalLoss / s1(0.1).finalLoss).toBeGreaterThan(9);
    expect(s1(0.4).finalLoss / s1(0.1).finalLoss).toBeLessThan(12);
    expect(Math.abs(s1(0.1).late - 10)).toBeLessThan(0.6);
  });

  it("seed 2 tells the same story: at the edge at 0.2, 0.3, 0.4, never at 0.05 and 0.1 (where 0.1 is still rising at the end)", () => {
    expect(runs.has("seed2")).toBe(true);
    for (const lr of [0.2, 0.3]) expect(Math.abs(stats("seed2", lr).ratio - 1)).toBeLessThan(0.05);
    expect(stats("seed2", 0.4).ratio).toBeGreaterThan(1);
    for (const lr of [0.05, 0.1]) expect(stats("seed2", lr).max).toBeLessThan(0.6 * (2 / lr));
    const result = race(runs, "seed2");
    const series = sharpnessSeries(result, labelOf(result, 0.1));
    expect(series.at(-1)?.sharpness).toBe(stats("seed2", 0.1).max);
    expect(page).toContain("in seed 2 the sharpness at $\\eta = 0.1$ was still rising at the end");
  });

  it("describes its quadratic landscape as the function is defined", () => {
    // The curvature along y, read from the gradient: ∂f/∂y at y = 1.
    const sharpness = quadratic.grad(0, 1)[1];
    expect(quadratic.grad(1, 0)[0]).toBeLessThan(sharpness);
    expect(page).toContain(`whose sharpness is ${sharpness} everywhere. At a constant rate of 0.078, just under $2/${sharpness} = ${2 / sharpness}$, each step multiplies $y$ by $1 - 0.078 \\cdot ${sharpness} = ${(1 - 0.078 * sharpness).toFixed(2)}$`);
    expect(page).toContain(`<LossLandscape fn="quadratic" schedules="constant" lr={0.078}`);
  });

  it("shows the command the script runs", () => {
    const flat = page.replace(/\\\n\s*/g, "").replace(/[ \t]+/g, " ");
    expect(flat).toContain(commandLine(RACES.seed1 as string[]));
  });

  it("re-runs the first 20 steps and the first sharpness measurement of seed 1 and gets the recorded numbers", async () => {
    const every = race(runs, "seed1").config.sharpnessEvery;
    const records = await rerun(RACES.seed1 as string[], every);
    const committed = race(runs, "seed1").records.slice(0, every);
    expect(records.map((r) => r.trainLoss)).toEqual(committed.map((r) => r.trainLoss));
    expect(records.at(-1)?.sharpness).toEqual(committed.at(-1)?.sharpness);
  });
});
