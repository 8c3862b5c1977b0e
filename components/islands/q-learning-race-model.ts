/**
 * The Q-learning race island's settings, pure: what its controls and its URL
 * hold, read and written by the shared URL mechanism (src/browser/url-state.ts)
 * under the keys and the browser's bounds of the Q-learning race's settings
 * (src/training/settings-q*.ts), and resolved by the same schema as
 * `npm run experiment -- --task gridworld`, so the island, its permalink and
 * the CLI name the same agents with the same defaults and messages.
 */
import { echo, numberField, type UrlField } from "../../src/browser/url-fields.ts";
import { readUrlState, writeUrlState, type UrlFields, type UrlNotice } from "../../src/browser/url-state.ts";
import { readStepSizeItem } from "../../src/rl/step-sizes.ts";
import { describeProblems, PROFILES, raceRanges } from "../../src/training/settings.ts";
import { Q_DEFAULTS, QRaceSettingsError, resolveQRace, type QRaceSettings } from "../../src/training/settings-q.ts";
import { qRaceArgs, Q_RACE_FIELDS } from "../../src/training/settings-q-text.ts";
import { commandLine } from "../../src/training/settings-text.ts";
import { lessonFields, NO_LESSON, type Lesson } from "./lesson.ts";

/** What the island's controls and URL hold: the step sizes as typed (kinds and 1/n^ω) and the numbers. */
export interface QIslandSettings {
  stepSizes: string[];
  steps: number;
  seed: number;
  epsilon: number;
  gamma: number;
  /** The peak step size kinds are fitted with. */
  lr: number;
}

export const Q_ISLAND_DEFAULTS: QIslandSettings = { ...Q_DEFAULTS, stepSizes: [...Q_DEFAULTS.stepSizes] };

const R = raceRanges("browser");
/** The browser's bounds of each number (PROFILES.browser), for the controls' min and max. */
export const Q_ISLAND_RANGES = { steps: R.agentSteps, seed: R.seed, epsilon: R.epsilon, gamma: R.gamma, lr: R.stepSize } as const;
const NUMBERS = ["steps", "seed", "epsilon", "gamma", "lr"] as const;

/** A control's (and URL parameter's) name for each field: the URL keys of Q_RACE_FIELDS. */
export const Q_CONTROLS = { stepSizes: Q_RACE_FIELDS.stepSizes.url, steps: Q_RACE_FIELDS.steps.url, seed: Q_RACE_FIELDS.seed.url, epsilon: Q_RACE_FIELDS.epsilon.url, gamma: Q_RACE_FIELDS.gamma.url, lr: Q_RACE_FIELDS.lr.url } as const;
/** The controls a lesson (`?hide=`) can hide, and `export`. */
export const Q_HIDEABLE = [...Object.values(Q_CONTROLS), "export"] as const;

/** A comma list of step sizes as typed: the items, blanks dropped. */
export const stepSizeTexts = (text: string): string[] => text.split(",").map((x) => x.trim()).filter((x) => x !== "");

/** The `rules` parameter: each item a schedule kind or 1/n^ω, at most the browser's number of runs; a bad item is echoed, isolated. */
function stepSizesField(key: string): UrlField<string[]> {
  const max = PROFILES.browser.maxSchedules;
  return {
    key,
    read: (raw) => {
      const items = stepSizeTexts(raw);
      if (items.length === 0) return { ok: false, message: `names no step size, got ${echo(raw)}` };
      const bad = items.flatMap((item) => {
        const read = readStepSizeItem(item);
        return read.ok ? [] : [read.message(echo(item))];
      });
      if (bad.length > 0) return { ok: false, message: bad.join("; ") };
      if (items.length > max) return { ok: false, message: `names ${items.length} step sizes; at most ${max} race in the browser` };
      return { ok: true, value: items };
    },
    write: (items) => items.join(","),
  };
}

type QUrlState = QIslandSettings & Lesson;
const FIELDS: UrlFields<QUrlState> = {
  stepSizes: stepSizesField(Q_CONTROLS.stepSizes),
  ...(Object.fromEntries(NUMBERS.map((name) => [name, numberField(Q_CONTROLS[name], Q_ISLAND_RANGES[name])])) as Pick<UrlFields<QUrlState>, (typeof NUMBERS)[number]>),
  ...lessonFields(Q_HIDEABLE),
};

/** The race the settings name, resolved by the shared schema under the browser's limits; the error names each bad control. */
export function qRaceSettings(s: QIslandSettings): QRaceSettings {
  try {
    return resolveQRace({ stepSizes: s.stepSizes, steps: s.steps, seed: s.seed, epsilon: s.epsilon, gamma: s.gamma, lr: s.lr }, "browser");
  } catch (error) {
    if (error instanceof QRaceSettingsError) {
      throw new RangeError(describeProblems(error.problems, (p) => (p.field in Q_CONTROLS ? Q_CONTROLS[p.field as keyof typeof Q_CONTROLS] : p.field)));
    }
    throw error;
  }
}

/** The command that runs the same race from the command line (same numbers: tested). */
export function qRaceCommand(s: QIslandSettings): string {
  return commandLine(qRaceArgs(s));
}

/** Settings and lesson from a permalink: a bad value keeps the current one and is named in a notice. */
export function qSettingsFromQuery(query: URLSearchParams, current: QIslandSettings): { settings: QIslandSettings; lesson: Lesson; notices: UrlNotice[] } {
  const { state, notices } = readUrlState(query, FIELDS, { ...current, ...NO_LESSON });
  const { hide, question, ...settings } = state;
  try {
    qRaceSettings(settings);
    return { settings, lesson: { hide, question }, notices };
  } catch (error) {
    return { settings: current, lesson: { hide, question }, notices: [...notices, { param: "settings", message: `${(error as Error).message}; using the defaults` }] };
  }
}

export function qSettingsToQuery(s: QIslandSettings, lesson: Lesson = NO_LESSON): URLSearchParams {
  return writeUrlState({ ...s, ...lesson }, FIELDS);
}

/** The island's table: one row per agent at an evaluation (the built page and the live run show the same cells). */
export function qTableRows(labels: readonly string[], record: { step: number; distance: readonly number[]; greedyReturn: readonly number[]; alpha: readonly (number | null)[]; episodes: readonly number[] }): string[][] {
  return labels.map((label, k) => {
    const alpha = record.alpha[k];
    return [label, (record.distance[k] as number).toFixed(3), (record.greedyReturn[k] as number).toFixed(3), alpha === null || alpha === undefined ? "–" : alpha.toPrecision(3), String(record.episodes[k])];
  });
}
export const Q_TABLE_HEAD = ["step size", "‖Q − Q*‖∞", "greedy return from the start", "latest α", "episodes"] as const;
