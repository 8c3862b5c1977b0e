/**
 * What the notebooks on averaging, schedule-free training and the edge of
 * stability quote from their committed races (src/data/runs/<study>/*.json):
 * the races read from disk, and the numbers recomputed the way the pages
 * print them, so each test can hold its page to the files.
 */
import * as tf from "@tensorflow/tfjs";
import { readdirSync, readFileSync } from "node:fs";
import { expect } from "vitest";
import { commandLine } from "../../scripts/cli-runs.ts";
import { parseExperimentArgs } from "../../src/cli/experiment-core.ts";
import { loadTaskData } from "../../src/data/datasets.ts";
import { Race, type RaceRecord } from "../../src/training/race.ts";
import { finalEvaluation, mean, percent, type RunFile, type Variant } from "../../src/data/runs/summary.ts";

export function loadStudy(study: string): Map<string, RunFile> {
  const folder = new URL(`../../src/data/runs/${study}/`, import.meta.url);
  return new Map(readdirSync(folder).filter((f) => f.endsWith(".json")).map((f) => {
    const file = JSON.parse(readFileSync(new URL(f, folder), "utf8")) as RunFile;
    return [file.name, file] as const;
  }));
}

export function race(runs: Map<string, RunFile>, name: string): RunFile["result"] {
  const file = runs.get(name);
  if (!file) throw new Error(`no committed race "${name}"`);
  return file.result;
}

/** Final accuracy and loss of one variant across races (one per seed). */
export function acrossSeeds(runs: Map<string, RunFile>, races: readonly string[], variant: Variant): { accuracy: number[]; loss: number[] } {
  const finals = races.map((r) => finalEvaluation(race(runs, r), variant));
  return { accuracy: finals.map((f) => f.accuracy), loss: finals.map((f) => f.loss) };
}

/** "97.3 (96.5–98.0)": mean accuracy in %, lowest and highest in brackets. */
export function accuracyCell(accuracy: readonly number[]): string {
  return `${percent(mean(accuracy))} (${percent(Math.min(...accuracy))}–${percent(Math.max(...accuracy))})`;
}

/** Mean loss to three decimals. */
export const lossCell = (loss: readonly number[]): string => mean(loss).toFixed(3);

/** The committed races are exactly the script's (all of them, or those present when `partial`), each with the command that made it. */
export function expectCommittedRaces(runs: Map<string, RunFile>, races: Readonly<Record<string, readonly string[]>>, partial = false): void {
  const names = Object.keys(races);
  expect([...runs.keys()].sort()).toEqual((partial ? names.filter((n) => runs.has(n)) : names).sort());
  for (const [name, file] of runs) expect(file.command, name).toBe(commandLine(races[name] as string[]));
}

/** The first `steps` records of a race run again now, through the CLI's parser and the engine (CPU backend). */
export async function rerun(args: readonly string[], steps: number): Promise<RaceRecord[]> {
  await tf.setBackend("cpu");
  const config = parseExperimentArgs(args);
  await loadTaskData(config.task);
  const race = new Race(tf, config);
  try {
    return (await race.runSteps(steps)).records;
  } finally {
    race.dispose();
  }
}
