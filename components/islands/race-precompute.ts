/**
 * Build time only: run a race once in Node on tfjs's CPU backend, so the page
 * ships a real result (figures and table) that needs no JavaScript. The
 * reader's own run in the browser replaces it. Results are kept per setup for
 * the length of the build, since several pages may show the same race.
 */
import type { RaceSetup } from "./training-race-model.ts";
import type { RaceRecord, Divergence, PlateauNotice } from "../../src/training/race.ts";
import { BOUNDARY_CELLS, drawsBoundary, planePoints, predictBoundary, type PlanePoint } from "../../src/training/boundary-grid.ts";
import { cpuTf } from "../../src/training/node-cpu.ts";
import { validationPredictions, type ValidationPredictions } from "../../src/training/predictions.ts";
import { loadTaskData } from "../../src/data/datasets.ts";

export interface PrecomputedRace {
  records: RaceRecord[];
  divergences: Divergence[];
  plateau: PlateauNotice[];
  boundary: { grid: number; runs: number[][] } | null;
  points: PlanePoint[];
  /** Every run's predictions on the validation images at the end (image tasks only). */
  predictions: ValidationPredictions | null;
  milliseconds: number;
}

const cache = new Map<string, Promise<PrecomputedRace>>();


async function compute(setup: RaceSetup): Promise<PrecomputedRace> {
  const started = performance.now();
  const tf = await cpuTf();
  const { Race } = await import("../../src/training/race.ts");
  await loadTaskData(setup.task);
  const race = new Race(tf, { ...setup });
  const records: RaceRecord[] = [];
  const divergences: Divergence[] = [];
  const plateau: PlateauNotice[] = [];
  while (race.stepCount < setup.steps) {
    const chunk = await race.runSteps(Math.min(200, setup.steps - race.stepCount));
    records.push(...chunk.records);
    divergences.push(...chunk.divergences);
    plateau.push(...chunk.plateau);
  }
  let boundary: PrecomputedRace["boundary"] = null;
  const points: PrecomputedRace["points"] = [];
  if (drawsBoundary(race.dataset)) {
    const n = BOUNDARY_CELLS;
    boundary = { grid: n, runs: await predictBoundary(race, n) };
    points.push(...planePoints(race.dataset.val));
  }
  const predictions = await validationPredictions(race);
  race.dispose();
  return { records, divergences, plateau, boundary, points, predictions, milliseconds: performance.now() - started };
}

export function precomputeRace(setup: RaceSetup): Promise<PrecomputedRace> {
  const key = JSON.stringify(setup);
  let result = cache.get(key);
  if (!result) {
    result = compute(setup);
    cache.set(key, result);
  }
  return result;
}
