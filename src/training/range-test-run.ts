/**
 * The learning-rate range test on a race task: its settings (checked by the
 * race settings' own schema, plus the range's bounds), and the run, one
 * batched race whose copies follow the rising rates (one copy per mode, the
 * same batches and initial weights), driven by `driveRangeTest` until every
 * curve diverges. Used by the CLI (`experiment -- --range-test`) and the
 * range-test island's worker alike; no DOM.
 */
import { z } from "zod";
import { describeValue } from "../schedules/fields.ts";
import { loadTaskData } from "../data/datasets.ts";
import type { Tf } from "./model.ts";
import { Race } from "./race.ts";
import { driveRangeTest, RANGE_MODES, rangeSpec, type RangeCurve, type RangeMode } from "./range-test.ts";
import { describeRange, PROFILES, resolveRace, type Profile, type RaceSettings } from "./settings.ts";

export const RANGE_DEFAULTS = { task: "digits", optimizer: "sgd", batchSize: 32, seed: 1, low: 1e-4, high: 10, steps: 300, modes: ["exponential", "linear"] } as const;

/** The range's own bounds: rates as the race's peak rate allows, steps shorter than a race in the browser. */
export function rangeTestRanges(profile: Profile) {
  return {
    low: { min: 0, max: PROFILES[profile].maxLr, minExclusive: true },
    high: { min: 0, max: PROFILES[profile].maxLr, minExclusive: true },
    steps: { min: 10, max: profile === "browser" ? 2000 : PROFILES.cli.maxSteps, integer: true },
  } as const;
}

export interface RangeTestInput {
  task?: string;
  model?: string;
  optimizer?: string;
  batchSize?: number;
  seed?: number;
  low?: number;
  high?: number;
  steps?: number;
  modes?: readonly string[];
}

export interface RangeTestConfig extends Pick<RaceSettings, "task" | "model" | "optimizer" | "batchSize" | "seed" | "hidden"> {
  low: number;
  high: number;
  steps: number;
  modes: RangeMode[];
}

/** A bad range setting: the field and what is wrong, as the race settings name theirs. */
export class RangeTestError extends Error {}

function inRange(name: string, value: number, r: { min: number; max: number; minExclusive?: boolean; integer?: boolean }): number {
  const ok = Number.isFinite(value) && value <= r.max && (r.minExclusive ? value > r.min : value >= r.min) && (!r.integer || Number.isInteger(value));
  if (!ok) throw new RangeTestError(`${name} must be ${describeRange(r)}, got ${describeValue(value)}`);
  return value;
}

const modesSchema = z.array(z.enum(RANGE_MODES)).min(1).max(RANGE_MODES.length);

/** Check an input and resolve it; a RangeTestError or RaceSettingsError names every bad field. */
export function resolveRangeTest(input: RangeTestInput, profile: Profile): RangeTestConfig {
  const r = rangeTestRanges(profile);
  const low = inRange("low", input.low ?? RANGE_DEFAULTS.low, r.low);
  const high = inRange("high", input.high ?? RANGE_DEFAULTS.high, r.high);
  if (!(high > low)) throw new RangeTestError(`high must be above low (${low}), got ${high}`);
  const steps = inRange("steps", input.steps ?? RANGE_DEFAULTS.steps, r.steps);
  const modes = modesSchema.safeParse(input.modes ?? RANGE_DEFAULTS.modes);
  if (!modes.success || new Set(modes.data).size !== modes.data.length) throw new RangeTestError(`modes must list ${RANGE_MODES.join(" and/or ")} once each, got ${JSON.stringify(input.modes)}`);
  const race = resolveRace({
    task: input.task ?? RANGE_DEFAULTS.task, model: input.model, optimizer: input.optimizer ?? RANGE_DEFAULTS.optimizer,
    batchSize: input.batchSize ?? RANGE_DEFAULTS.batchSize, seed: input.seed ?? RANGE_DEFAULTS.seed, steps,
    specs: modes.data.map((mode) => rangeSpec(low, high, steps, mode)), cycleMomentum: false,
  }, profile);
  return { task: race.task, model: race.model, optimizer: race.optimizer, batchSize: race.batchSize, seed: race.seed, hidden: race.hidden, low, high, steps, modes: modes.data };
}

export interface RangeTestResult {
  config: RangeTestConfig;
  /** Steps run (the test stops once every curve has diverged). */
  stepsRun: number;
  curves: RangeCurve[];
}

export interface RangeRunOptions {
  onProgress?: (curves: RangeCurve[], step: number) => void;
  signal?: AbortSignal;
  chunk?: number;
}

/** Runs the test (the config as `resolveRangeTest` made it); the caller has chosen the tf backend. */
export async function runRangeTest(tf: Tf, config: RangeTestConfig, options: RangeRunOptions = {}): Promise<RangeTestResult> {
  await loadTaskData(config.task);
  const race = new Race(tf, {
    task: config.task, model: config.model, optimizer: config.optimizer, batchSize: config.batchSize, seed: config.seed, hidden: config.hidden,
    schedules: config.modes.map((mode) => rangeSpec(config.low, config.high, config.steps, mode)), evalEvery: 0, cycleMomentum: false,
  });
  try {
    const trainer = { runSteps: async (n: number) => (await race.runSteps(n)).records };
    const { curves, step } = await driveRangeTest(trainer, { modes: config.modes, steps: config.steps, ...options });
    return { config, stepsRun: step, curves };
  } finally {
    race.dispose();
  }
}
