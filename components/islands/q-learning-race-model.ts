/**
 * The Q-learning race island's settings, pure: defaults, bounds, the URL
 * fields of its permalink, and the race config they make. The step sizes are
 * typed as the CLI reads them (src/rl/step-sizes.ts rulesFromText), so the
 * island and `npm run experiment -- --task gridworld` name the same agents.
 */
import { numberField, textField } from "../../src/browser/url-fields.ts";
import { readUrlState, writeUrlState, type UrlFields, type UrlNotice } from "../../src/browser/url-state.ts";
import type { QRaceConfig } from "../../src/rl/race.ts";
import { ruleLabel, rulesFromText } from "../../src/rl/step-sizes.ts";

export interface QIslandSettings {
  /** Comma list: schedule kinds and 1/n, 1/n^ω. */
  rules: string;
  steps: number;
  seed: number;
  epsilon: number;
  gamma: number;
  /** The rate schedule kinds are fitted with. */
  lr: number;
}

export const Q_ISLAND_DEFAULTS: QIslandSettings = { rules: "constant,1/n,1/n^0.7", steps: 100_000, seed: 1, epsilon: 0.3, gamma: 0.9, lr: 0.1 };

/** A browser race stays under about ten seconds on a laptop. */
export const Q_ISLAND_RANGES = {
  steps: { min: 1000, max: 1_000_000, integer: true },
  seed: { min: 0, max: 2 ** 31 - 1, integer: true },
  epsilon: { min: 0, max: 1 },
  gamma: { min: 0, max: 0.999 },
  lr: { min: 0, max: 1, minExclusive: true },
} as const;

const FIELDS: UrlFields<QIslandSettings> = {
  rules: textField("rules", 200),
  steps: numberField("steps", Q_ISLAND_RANGES.steps),
  seed: numberField("seed", Q_ISLAND_RANGES.seed),
  epsilon: numberField("epsilon", Q_ISLAND_RANGES.epsilon),
  gamma: numberField("gamma", Q_ISLAND_RANGES.gamma),
  lr: numberField("lr", Q_ISLAND_RANGES.lr),
};

/** The race the settings name (evaluated 100 times over the run); a RangeError names what is wrong. */
export function qRaceConfig(s: QIslandSettings): QRaceConfig {
  for (const name of ["steps", "seed", "epsilon", "gamma", "lr"] as const) {
    const r: { min: number; max: number; minExclusive?: boolean; integer?: boolean } = Q_ISLAND_RANGES[name];
    const v = s[name];
    const ok = Number.isFinite(v) && v <= r.max && (r.minExclusive ? v > r.min : v >= r.min) && (!r.integer || Number.isInteger(v));
    if (!ok) throw new RangeError(`${name} must be ${r.integer ? "an integer" : "a number"} in ${r.minExclusive ? "(" : "["}${r.min}, ${r.max}], got ${String(v)}`);
  }
  const rules = rulesFromText(s.rules, s.steps, s.lr);
  if (rules.length > 8) throw new RangeError(`at most 8 step sizes in the browser, got ${rules.length}`);
  return { rules, labels: rules.map(ruleLabel), steps: s.steps, seed: s.seed, evalEvery: Math.max(1, Math.round(s.steps / 100)), epsilon: s.epsilon, gamma: s.gamma };
}

/** Settings from a permalink: a bad value keeps the current one and is named in a notice; so does a bad list of step sizes. */
export function qSettingsFromQuery(query: URLSearchParams, current: QIslandSettings): { settings: QIslandSettings; notices: UrlNotice[] } {
  const { state, notices } = readUrlState(query, FIELDS, current);
  try {
    qRaceConfig(state);
    return { settings: state, notices };
  } catch (error) {
    return { settings: { ...state, rules: current.rules }, notices: [...notices, { param: "rules", message: `rules: ${(error as Error).message}; using ${current.rules}` }] };
  }
}

export function qSettingsToQuery(s: QIslandSettings): URLSearchParams {
  return writeUrlState(s, FIELDS);
}

/** The island's table: one row per agent at an evaluation (the built page and the live run show the same cells). */
export function qTableRows(labels: readonly string[], record: { step: number; distance: readonly number[]; greedyReturn: readonly number[]; alpha: readonly (number | null)[]; episodes: readonly number[] }): string[][] {
  return labels.map((label, k) => {
    const alpha = record.alpha[k];
    return [label, (record.distance[k] as number).toFixed(3), (record.greedyReturn[k] as number).toFixed(3), alpha === null || alpha === undefined ? "–" : alpha.toPrecision(3), String(record.episodes[k])];
  });
}
export const Q_TABLE_HEAD = ["step size", "‖Q − Q*‖∞", "greedy return from the start", "latest α", "episodes"] as const;
