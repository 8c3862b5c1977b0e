/**
 * Step-size rules for tabular Q-learning, defined once. Two forms:
 *
 * - `schedule`: α_t from any schedule of the library (makeSchedule(spec)(t)), a
 *   function of the global step t alone, the same for every state-action pair;
 * - `count`: α = 1 / n(s,a)^ω, where n(s,a) counts the updates of the pair being
 *   updated (this one included). ω = 1 is the classic 1/n (Watkins & Dayan 1992);
 *   ω ∈ (1/2, 1) is Even-Dar & Mansour's (2003) polynomial rate.
 *
 * The count form is not a kind of the schedule library: a schedule there is a
 * function of the step alone (`Schedule = (t) => number`), with a fit to a
 * horizon, framework mappings and a plot against t, none of which a per-pair
 * count has. It lives here, as one record, instead.
 */
import { isKind, makeSchedule, type Schedule, type ScheduleKind, type ScheduleSpec } from "../schedules/index.ts";

export type CountRule = { form: "count"; omega: number };
export type StepSizeRule = { form: "schedule"; spec: ScheduleSpec } | CountRule;

/** The count form's record: its text, bounds, formula and source. */
export const COUNT_STEP_SIZE = {
  /** "1/n" or "1/n^0.7". */
  syntax: "1/n or 1/n^ω",
  omega: { min: 0.5, max: 1, minExclusive: true },
  latex: String.raw`\alpha_t(s,a) = \frac{1}{n_t(s,a)^{\omega}}`,
  source: "Even-Dar, E. and Mansour, Y. (2003), Learning Rates for Q-learning, JMLR 5, 1–25",
} as const;

const COUNT_TEXT = /^1\/n(?:\^(\d+(?:\.\d+)?))?$/;
const omegaInRange = (omega: number): boolean => omega > COUNT_STEP_SIZE.omega.min && omega <= COUNT_STEP_SIZE.omega.max;
const omegaMessage = (omega: number): string => `ω must be in (${COUNT_STEP_SIZE.omega.min}, ${COUNT_STEP_SIZE.omega.max}] (Even-Dar & Mansour), got ${omega}`;

/** "1/n" → ω = 1, "1/n^0.7" → ω = 0.7; anything else, or ω outside (1/2, 1], throws a RangeError naming the text. */
export function parseCountRule(text: string): CountRule {
  const match = COUNT_TEXT.exec(text.trim());
  if (!match) throw new RangeError(`step size "${text}" is not ${COUNT_STEP_SIZE.syntax} (e.g. 1/n, 1/n^0.7)`);
  const omega = match[1] === undefined ? 1 : Number(match[1]);
  if (!omegaInRange(omega)) throw new RangeError(`step size "${text}": ${omegaMessage(omega)}`);
  return { form: "count", omega };
}

/**
 * One item of a list of step sizes as a person types it (the CLI's
 * --step-sizes, the island's field, the URL's `rules`): a schedule kind (to
 * be fitted to the run) or a count rule. When it is neither, `message` says
 * why, given the item as the front end quotes it (JSON on a terminal, an
 * isolated echo in a page).
 */
export function readStepSizeItem(text: string): { ok: true; value: ScheduleKind | CountRule } | { ok: false; message: (quoted: string) => string } {
  const item = text.trim();
  if (isKind(item)) return { ok: true, value: item };
  const match = COUNT_TEXT.exec(item);
  if (!match) return { ok: false, message: (quoted) => `step size ${quoted} is neither ${COUNT_STEP_SIZE.syntax} nor a schedule kind` };
  const omega = match[1] === undefined ? 1 : Number(match[1]);
  return omegaInRange(omega) ? { ok: true, value: { form: "count", omega } } : { ok: false, message: (quoted) => `step size ${quoted}: ${omegaMessage(omega)}` };
}

/** A label for CSV and legends: "1/n", "1/n^0.7", or the schedule's kind. */
export function ruleLabel(rule: StepSizeRule): string {
  switch (rule.form) {
    case "count":
      return rule.omega === 1 ? "1/n" : `1/n^${rule.omega}`;
    case "schedule":
      return rule.spec.kind;
  }
}

/** α for an update at global step t (0-based) of a pair updated n times so far, this update included (n ≥ 1). */
export type StepSize = (t: number, n: number) => number;

export function makeStepSize(rule: StepSizeRule): StepSize {
  switch (rule.form) {
    case "count": {
      const omega = rule.omega;
      return omega === 1 ? (_t, n) => 1 / n : (_t, n) => n ** -omega;
    }
    case "schedule": {
      const schedule: Schedule = makeSchedule(rule.spec);
      return (t) => schedule(t);
    }
  }
}
