/**
 * The race's URL (playground and /embed/race/): its settings, the backend and
 * lesson mode, as fields of the shared mechanism in src/browser/url-state.ts.
 * Pure (no DOM): the live island passes the query in, and tests can run a
 * permalink through the same parser the page uses.
 */
import { BACKEND_CHOICES, type BackendChoiceName } from "../../src/browser/backends.ts";
import { choiceField, echo, listField, numberField, optionalNumberField, type UrlField } from "../../src/browser/url-fields.ts";
import { readUrlState, writeUrlState, type UrlFields, type UrlNotice } from "../../src/browser/url-state.ts";
import { MODELS, TASKS, taskInfo, type ModelName, type TaskName } from "../../src/data/datasets.ts";
import { OPTIMIZERS, type OptimizerName } from "../../src/training/optimizers.ts";
import { PROFILES, raceRanges } from "../../src/training/settings.ts";
import { RACE_FIELDS } from "../../src/training/settings-text.ts";
import { KINDS, type ScheduleKind } from "../../src/schedules/index.ts";
import { ExpressionError, parseExpression } from "../../src/schedules/expression/index.ts";
import { lessonFields, NO_LESSON, type Lesson } from "./lesson.ts";
import { expressionOf, raceSetup, RaceSetupError, type RaceSetup, type RaceSetupInput } from "./training-race-model.ts";

/** The controls a lesson can hide (their `data-setting` names). */
const RACE_HIDEABLE = ["task", "optimizer", "seed", "steps", "lr", "batch", "backend", "speed"] as const;

interface RaceUrlState {
  task: TaskName;
  /** null: the task's default model (left out of the URL, as in permalinks made before models could be named). */
  model: ModelName | null;
  optimizer: OptimizerName;
  schedules: ScheduleKind[];
  steps: number;
  seed: number;
  batchSize: number;
  lr: number | null;
  /** A written schedule's Python lambda ("" when the race has none). */
  expression: string;
  backend: BackendChoiceName;
  hide: string[];
  question: string;
}

/** The settings' own URL keys (RACE_FIELDS) and the browser's bounds (PROFILES.browser), in the order a permalink lists them. */
const RANGES = raceRanges("browser");
const modelField: UrlField<ModelName | null> = {
  ...choiceField(RACE_FIELDS.model.url, MODELS),
  write: (model) => model,
  show: (model) => model ?? "the task's default",
};
/** A Python lambda of the step: parsed (never run) on reading; one that does not parse is refused with the parser's reason. */
function expressionField(key: string): UrlField<string> {
  return {
    key,
    read: (raw) => {
      try {
        parseExpression(raw);
        return { ok: true, value: raw };
      } catch (error) {
        if (!(error instanceof ExpressionError)) throw error;
        return { ok: false, message: `${error.message}, in ${echo(raw)}` };
      }
    },
    write: (value) => (value === "" ? null : value),
    show: (value) => (value === "" ? "the default expression" : value),
  };
}

const FIELDS: UrlFields<RaceUrlState> = {
  task: choiceField(RACE_FIELDS.task.url, TASKS),
  model: modelField,
  optimizer: choiceField(RACE_FIELDS.optimizer.url, OPTIMIZERS),
  schedules: listField(RACE_FIELDS.schedules.url, KINDS, { max: PROFILES.browser.maxSchedules }),
  steps: numberField(RACE_FIELDS.steps.url, RANGES.steps),
  seed: numberField(RACE_FIELDS.seed.url, RANGES.seed),
  batchSize: numberField(RACE_FIELDS.batchSize.url, RANGES.batchSize),
  lr: optionalNumberField(RACE_FIELDS.lr.url, RANGES.lr, "each kind's default"),
  expression: expressionField("expr"),
  backend: { ...choiceField("backend", BACKEND_CHOICES), write: (b) => (b === "auto" ? null : b) },
  ...lessonFields(RACE_HIDEABLE),
};

function urlState(setup: RaceSetup, backend: BackendChoiceName, lesson: Lesson): RaceUrlState {
  const { task, optimizer, steps, seed, batchSize, lr } = setup;
  const model = setup.model === taskInfo(task).models[0] ? null : setup.model;
  return { task, model, optimizer, schedules: setup.schedules.map((s) => s.kind), steps, seed, batchSize, lr, expression: expressionOf(setup) ?? "", backend, ...lesson };
}

interface RaceFromUrl {
  /** What to build the race from (`raceSetup` still checks it as a whole). */
  input: RaceSetupInput;
  backend: BackendChoiceName;
  lesson: Lesson;
  notices: UrlNotice[];
}

/** Settings from the URL; every bad value keeps the current one and is named in a notice. */
export function raceFromQuery(query: URLSearchParams, current: RaceSetup): RaceFromUrl {
  const { state, notices } = readUrlState(query, FIELDS, urlState(current, "auto", NO_LESSON));
  const { task, model, optimizer, steps, seed, batchSize, lr, expression, backend, hide, question } = state;
  const input: RaceSetupInput = { task, optimizer, steps, seed, batchSize, lr, schedules: state.schedules.join(","), ...(model === null ? {} : { model }), ...(expression === "" ? {} : { expression }) };
  // An expression that parses may still give a bad rate at some step of this race: refused here, naming the step.
  if (input.expression !== undefined) {
    try {
      raceSetup(input);
    } catch (error) {
      // Other problems of the whole setup are the caller's to report (raceSetup again, with the rest).
      if (!(error instanceof RaceSetupError)) throw error;
      if (error.message.startsWith("expression: ")) {
        delete input.expression;
        notices.push({ param: "expr", message: `expr: ${error.message.slice("expression: ".length)}; using the default expression` });
      }
    }
  }
  return { input, backend, lesson: { hide, question }, notices };
}

/** The permalink's query for a race. */
export function raceToQuery(setup: RaceSetup, backend: BackendChoiceName, lesson: Lesson = NO_LESSON): URLSearchParams {
  return writeUrlState(urlState(setup, backend, lesson), FIELDS);
}
