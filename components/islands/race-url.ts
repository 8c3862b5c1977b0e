/**
 * The race's URL (playground and /embed/race/): its settings, the backend and
 * lesson mode, as fields of the shared mechanism in src/browser/url-state.ts.
 * Pure (no DOM): the live island passes the query in, and tests can run a
 * permalink through the same parser the page uses.
 */
import { BACKEND_CHOICES, type BackendChoiceName } from "../../src/browser/backends.ts";
import { choiceField, listField, numberField, optionalNumberField } from "../../src/browser/url-fields.ts";
import { readUrlState, writeUrlState, type UrlFields, type UrlNotice } from "../../src/browser/url-state.ts";
import { TASKS, type TaskName } from "../../src/data/datasets.ts";
import { OPTIMIZERS, type OptimizerName } from "../../src/training/optimizers.ts";
import { KINDS, type ScheduleKind } from "../../src/schedules/index.ts";
import { lessonFields, NO_LESSON, type Lesson } from "./lesson.ts";
import { RACE_LIMITS, type RaceSetup, type RaceSetupInput } from "./training-race-model.ts";

/** The controls a lesson can hide (their `data-setting` names). */
export const RACE_HIDEABLE = ["task", "optimizer", "seed", "steps", "lr", "batch", "backend", "speed"] as const;

interface RaceUrlState {
  task: TaskName;
  optimizer: OptimizerName;
  schedules: ScheduleKind[];
  steps: number;
  seed: number;
  batchSize: number;
  lr: number | null;
  backend: BackendChoiceName;
  hide: string[];
  question: string;
}

const range = ([min, max]: readonly [number, number]) => ({ min, max, integer: true });

/** In the order a permalink lists them. */
const FIELDS: UrlFields<RaceUrlState> = {
  task: choiceField("task", TASKS),
  optimizer: choiceField("optimizer", OPTIMIZERS),
  schedules: listField("schedules", KINDS, { max: RACE_LIMITS.schedules }),
  steps: numberField("steps", range(RACE_LIMITS.steps)),
  seed: numberField("seed", range(RACE_LIMITS.seed)),
  batchSize: numberField("batch", range(RACE_LIMITS.batchSize)),
  lr: optionalNumberField("lr", { min: 0, max: 10, minExclusive: true }, "each kind's default"),
  backend: { ...choiceField("backend", BACKEND_CHOICES), write: (b) => (b === "auto" ? null : b) },
  ...lessonFields(RACE_HIDEABLE),
};

function urlState(setup: RaceSetup, backend: BackendChoiceName, lesson: Lesson): RaceUrlState {
  const { task, optimizer, steps, seed, batchSize, lr } = setup;
  return { task, optimizer, schedules: setup.schedules.map((s) => s.kind), steps, seed, batchSize, lr, backend, ...lesson };
}

export interface RaceFromUrl {
  /** What to build the race from (`raceSetup` still checks it as a whole). */
  input: RaceSetupInput;
  backend: BackendChoiceName;
  lesson: Lesson;
  notices: UrlNotice[];
}

/** Settings from the URL; every bad value keeps the current one and is named in a notice. */
export function raceFromQuery(query: URLSearchParams, current: RaceSetup): RaceFromUrl {
  const { state, notices } = readUrlState(query, FIELDS, urlState(current, "auto", NO_LESSON));
  const { task, optimizer, steps, seed, batchSize, lr, backend, hide, question } = state;
  return { input: { task, optimizer, steps, seed, batchSize, lr, schedules: state.schedules.join(",") }, backend, lesson: { hide, question }, notices };
}

/** The permalink's query for a race. */
export function raceToQuery(setup: RaceSetup, backend: BackendChoiceName, lesson: Lesson = NO_LESSON): URLSearchParams {
  return writeUrlState(urlState(setup, backend, lesson), FIELDS);
}
