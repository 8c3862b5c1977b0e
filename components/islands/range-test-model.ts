/**
 * The range-test island's settings, pure: defaults, the URL fields of its
 * permalink (the browser's bounds from rangeTestRanges and raceRanges), the
 * check that turns them into a run, what the page says about a reading, and
 * the playground link that races one-cycle and cyclical schedules at the
 * suggested peak.
 */
import { choiceField, listField, numberField } from "../../src/browser/url-fields.ts";
import { readUrlState, writeUrlState, type UrlFields, type UrlNotice } from "../../src/browser/url-state.ts";
import { TASKS, type TaskName } from "../../src/data/datasets.ts";
import { OPTIMIZERS, OPTIMIZER_TABLE, type OptimizerName } from "../../src/training/optimizers.ts";
import { RANGE_MODES, type RangeCurve, type RangeMode } from "../../src/training/range-test.ts";
import { RANGE_DEFAULTS, rangeTestRanges, resolveRangeTest, type RangeTestConfig } from "../../src/training/range-test-run.ts";
import { raceRanges } from "../../src/training/settings.ts";
import { RACE_FIELDS } from "../../src/training/settings-text.ts";

export interface RangeIslandSettings {
  task: TaskName;
  optimizer: OptimizerName;
  low: number;
  high: number;
  steps: number;
  modes: RangeMode[];
  batchSize: number;
  seed: number;
}

/** The island's defaults: the CLI's, on moons (a few seconds in a browser) rather than digits. */
export const RANGE_ISLAND_DEFAULTS: RangeIslandSettings = {
  task: "moons", optimizer: RANGE_DEFAULTS.optimizer, low: RANGE_DEFAULTS.low, high: RANGE_DEFAULTS.high, steps: RANGE_DEFAULTS.steps,
  modes: [...RANGE_DEFAULTS.modes], batchSize: RANGE_DEFAULTS.batchSize, seed: RANGE_DEFAULTS.seed,
};

const RANGES = rangeTestRanges("browser");
const RACE = raceRanges("browser");
export const RANGE_ISLAND_RANGES = { low: RANGES.low, high: RANGES.high, steps: RANGES.steps, batchSize: RACE.batchSize, seed: RACE.seed } as const;

const FIELDS: UrlFields<RangeIslandSettings> = {
  task: choiceField(RACE_FIELDS.task.url, TASKS),
  optimizer: choiceField(RACE_FIELDS.optimizer.url, OPTIMIZERS),
  low: numberField("low", RANGES.low),
  high: numberField("high", RANGES.high),
  steps: numberField("steps", RANGES.steps),
  modes: listField("modes", RANGE_MODES),
  batchSize: numberField(RACE_FIELDS.batchSize.url, RACE.batchSize),
  seed: numberField(RACE_FIELDS.seed.url, RACE.seed),
};

/** The run the settings name, under the browser's bounds; an Error names what is wrong. */
export function rangeConfig(s: RangeIslandSettings): RangeTestConfig {
  return resolveRangeTest({ ...s }, "browser");
}

/** Settings from a permalink: each bad value keeps the current one and is named; a low above high falls back to both current bounds. */
export function rangeSettingsFromQuery(query: URLSearchParams, current: RangeIslandSettings): { settings: RangeIslandSettings; notices: UrlNotice[] } {
  const { state, notices } = readUrlState(query, FIELDS, current);
  if (!(state.high > state.low)) {
    return { settings: { ...state, low: current.low, high: current.high }, notices: [...notices, { param: "high", message: `high: must be above low (${state.low}), got ${state.high}; using ${current.low} to ${current.high}` }] };
  }
  return { settings: state, notices };
}

export function rangeSettingsToQuery(s: RangeIslandSettings): URLSearchParams {
  return writeUrlState(s, FIELDS);
}

const p3 = (x: number) => x.toPrecision(3).replace(/\.?0+(e|$)/, "$1");

/** What the page says about each curve: where it diverged, its marks, its bounds or why there are none. */
export function readingLines(curves: readonly RangeCurve[]): string[] {
  return curves.map(({ mode, rates, reading }) => {
    const end = reading.divergedAt === null
      ? `did not diverge up to ${p3(rates.at(-1) ?? 0)} (the smoothed loss never reached 4× its best)`
      : `diverged at rate ${p3(rates[reading.divergedAt] ?? 0)} (step ${reading.divergedAt})`;
    const bounds = reading.suggestion
      ? `suggested bounds ${p3(reading.suggestion.low)} to ${p3(reading.suggestion.high)}`
      : "no bounds suggested: the loss hardly fell before its minimum (the range starts too high or rises too fast)";
    return `The ${mode} sweep ${end}; steepest descent at ${p3(reading.steepest.rate)}, minimum at ${p3(reading.minimum.rate)}; ${bounds}.`;
  });
}

/** The suggestion the page acts on: the first sweep's that has one (exponential before linear when both run). */
export function chosenSuggestion(curves: readonly RangeCurve[]): { mode: RangeMode; low: number; high: number } | null {
  const curve = curves.find((c) => c.reading.suggestion !== null);
  return curve?.reading.suggestion ? { mode: curve.mode, ...curve.reading.suggestion } : null;
}

/** The sentence under the readings: the peak the race link uses, or why there is none. */
export function suggestionText(suggestion: ReturnType<typeof chosenSuggestion>): string {
  if (!suggestion) return "No peak to suggest: no sweep's loss fell before its minimum. Lower the lowest rate, or add steps.";
  return `Suggested peak: ${p3(suggestion.high)} (the ${suggestion.mode} sweep's minimum; its steepest descent over 4 gives ${p3(suggestion.low)} as the low end). The race below fits one-cycle to this peak (from peak/25 up and back down), cyclical between peak/10 and the peak, and a constant rate at the peak.`;
}

/**
 * The playground's query for a race at the suggested peak: one-cycle (from
 * peak/25 up to the peak and down, PyTorch's defaults), cyclic between peak/10
 * and the peak, and a constant rate at the peak, on the same task, optimizer,
 * batch and seed. The peak is rounded to 3 significant digits and kept in the
 * playground's bounds.
 */
export function raceQuery(s: RangeIslandSettings, peak: number): URLSearchParams {
  const lr = Math.min(RACE.lr.max, Number(p3(peak)));
  return new URLSearchParams({
    [RACE_FIELDS.task.url]: s.task, [RACE_FIELDS.optimizer.url]: s.optimizer, [RACE_FIELDS.schedules.url]: "one-cycle,cyclic,constant",
    [RACE_FIELDS.lr.url]: String(lr), [RACE_FIELDS.batchSize.url]: String(s.batchSize), [RACE_FIELDS.seed.url]: String(s.seed),
  });
}

/** "moons, SGD, batch 32, seed 1": what was trained. */
export function subjectOf(s: Pick<RangeIslandSettings, "task" | "optimizer" | "batchSize" | "seed">): string {
  return `${s.task}, ${OPTIMIZER_TABLE[s.optimizer].label}, batch ${s.batchSize}, seed ${s.seed}`;
}
