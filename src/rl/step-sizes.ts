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
import { fittedSpec } from "../schedules/fit.ts";
import { isKind, makeSchedule, type Schedule, type ScheduleSpec } from "../schedules/index.ts";

export type StepSizeRule = { form: "schedule"; spec: ScheduleSpec } | { form: "count"; omega: number };

/** The count form's record: its text, bounds, formula and source. */
export const COUNT_STEP_SIZE = {
  /** "1/n" or "1/n^0.7". */
  syntax: "1/n or 1/n^ω",
  omega: { min: 0.5, max: 1, minExclusive: true },
  latex: String.raw`\alpha_t(s,a) = \frac{1}{n_t(s,a)^{\omega}}`,
  source: "Even-Dar, E. and Mansour, Y. (2003), Learning Rates for Q-learning, JMLR 5, 1–25",
} as const;

/** "1/n" → ω = 1, "1/n^0.7" → ω = 0.7; anything else, or ω outside (1/2, 1], throws a RangeError naming the text. */
export function parseCountRule(text: string): StepSizeRule {
  const match = /^1\/n(?:\^(\d+(?:\.\d+)?))?$/.exec(text.trim());
  if (!match) throw new RangeError(`step size "${text}" is not ${COUNT_STEP_SIZE.syntax} (e.g. 1/n, 1/n^0.7)`);
  const omega = match[1] === undefined ? 1 : Number(match[1]);
  const { min, max } = COUNT_STEP_SIZE.omega;
  if (!(omega > min && omega <= max)) throw new RangeError(`step size "${text}": ω must be in (${min}, ${max}] (Even-Dar & Mansour), got ${omega}`);
  return { form: "count", omega };
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

/**
 * A comma list of step sizes as a reader types it: "1/n" or "1/n^ω" is a count
 * rule; a schedule kind ("constant", "cosine" …) is that kind fitted to `steps`
 * at peak `lr` (the CLI's --schedules). Throws a RangeError naming the bad item.
 */
export function rulesFromText(text: string, steps: number, lr: number): StepSizeRule[] {
  const items = text.split(",").map((x) => x.trim()).filter(Boolean);
  if (items.length === 0) throw new RangeError("name at least one step size (a schedule kind, 1/n or 1/n^ω)");
  return items.map((item) => {
    if (item.startsWith("1/n")) return parseCountRule(item);
    if (!isKind(item)) throw new RangeError(`step size "${item}" is neither ${COUNT_STEP_SIZE.syntax} nor a schedule kind`);
    return { form: "schedule", spec: fittedSpec(item, steps, lr) };
  });
}
