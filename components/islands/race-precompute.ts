/**
 * Build time only: run a race once in Node on tfjs's CPU backend, so the page
 * ships a real result (figures and table) that needs no JavaScript. The
 * reader's own run in the browser replaces it. Results are kept per setup for
 * the length of the build, since several pages may show the same race.
 */
import type { RaceSetup } from "./training-race-model.ts";
import type { RaceRecord, Divergence, PlateauNotice } from "../../src/training/race.ts";

export interface PrecomputedRace {
  records: RaceRecord[];
  divergences: Divergence[];
  plateau: PlateauNotice[];
  boundary: { grid: number; runs: number[][] } | null;
  points: { x: number; y: number; label: number }[];
  milliseconds: number;
}

const cache = new Map<string, Promise<PrecomputedRace>>();

export const BOUNDARY_GRID = 24;

async function compute(setup: RaceSetup): Promise<PrecomputedRace> {
  const started = performance.now();
  const warn = console.warn;
  console.warn = () => undefined;
  const tf = await import("@tensorflow/tfjs");
  await tf.setBackend("cpu");
  tf.tensor(0).dispose();
  console.warn = warn;
  const { Race } = await import("../../src/training/race.ts");
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
  if (race.dataset.inputSize === 2 && race.dataset.kind === "classification") {
    const n = BOUNDARY_GRID;
    const grid = new Float32Array(n * n * 2);
    for (let r = 0; r < n; r += 1) for (let c = 0; c < n; c += 1) {
      grid[(r * n + c) * 2] = -1.2 + (2.4 * (c + 0.5)) / n;
      grid[(r * n + c) * 2 + 1] = 1.2 - (2.4 * (r + 0.5)) / n;
    }
    const predictions = await race.predict(grid, n * n);
    boundary = { grid: n, runs: predictions.map((p) => Array.from(p, (v) => Math.round(v * 1000) / 1000)) };
    const val = race.dataset.val;
    for (let i = 0; i < val.count; i += 1) points.push({ x: val.x[2 * i] as number, y: val.x[2 * i + 1] as number, label: val.y[i] as number });
  }
  race.dispose();
  return { records, divergences, plateau, boundary, points, milliseconds: performance.now() - started };
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
