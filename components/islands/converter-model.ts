/**
 * The converter's model: a scheduler call pasted from Python → the
 * library's own values, our equivalent spec (with the site's formula), and
 * each library's closest equivalent with the first step where it differs.
 * Pure: used at build time by Converter.astro and live by the island.
 */
import { ExpressionError, formulaOf, registry, type ScheduleSpec } from "../../src/schedules/index.ts";
import { adapters } from "../../src/schedules/frameworks/index.ts";
import { parsePythonCall } from "../../src/schedules/frameworks/python-call.ts";
import { curvePoints, type CurvePoint } from "../../src/plots/schedule-figure.ts";
import { explorerModel, type LibraryRun } from "./schedule-explorer-model.ts";
import { libraryPanels } from "./schedule-explorer-libraries.ts";
import { explorerToQuery } from "./explorer-url.ts";
import { NO_LESSON } from "./lesson.ts";
import { MAX_VALUE_LENGTH, numberField, textField } from "../../src/browser/url-fields.ts";
import { readUrlState, writeUrlState, type UrlFields, type UrlNotice } from "../../src/browser/url-state.ts";

export interface Converted {
  ok: true;
  library: string;
  name: string;
  /** The library's own values for the pasted call. */
  values: number[];
  points: CurvePoint[];
  spec: ScheduleSpec | null;
  /** Why there is no spec of ours, or where ours differs. */
  note: string | null;
  title: string | null;
  latex: string | null;
  libraries: LibraryRun[];
  /** The explorer (embed) of the spec, with its settings in the query. */
  explorer: string | null;
}

export type Conversion = Converted | { ok: false; message: string; from: number; to: number };

const LABELS: Record<string, string> = { pytorch: "PyTorch", keras: "Keras", optax: "optax", hf: "Hugging Face" };

/** Convert a pasted call; `baseLr` is the optimizer's lr (PyTorch, Hugging Face), `steps` the run's length. */
export function convertCall(text: string, baseLr: number, steps: number): Conversion {
  let call;
  try {
    call = parsePythonCall(text);
  } catch (error) {
    if (error instanceof ExpressionError) return { ok: false, message: error.message, from: error.from, to: error.to };
    throw error;
  }
  const adapter = adapters[call.library];
  const usesBase = call.library === "pytorch" || call.library === "hf";
  const run = adapter.values({ name: call.name, params: call.params, baseLr: usesBase ? baseLr : undefined, steps, metrics: call.name.toLowerCase().includes("plateau") ? [] : undefined });
  if (!run.ok) return { ok: false, message: run.error, from: 0, to: text.length };
  const mapped = adapter.toSpec(call.name, call.params, usesBase ? baseLr : undefined);
  const label = LABELS[call.library] ?? call.library;
  const base: Converted = {
    ok: true, library: label, name: call.name, values: run.lr, points: curvePoints(run.lr, `${call.name} (${label})`),
    spec: null, note: mapped.ok ? (mapped.caveat ?? null) : mapped.error, title: null, latex: null, libraries: [], explorer: null,
  };
  if (!mapped.ok) return base;
  let model;
  try {
    model = explorerModel({ spec: mapped.spec, steps: Math.max(10, steps), libraries: libraryPanels });
  } catch (error) {
    if (error instanceof ExpressionError) return { ...base, note: error.message };
    throw error;
  }
  return {
    ...base,
    spec: mapped.spec,
    title: registry[mapped.spec.kind].title,
    latex: formulaOf(mapped.spec),
    // No comparison was asked for, so every point of the model is ours.
    points: [...base.points, ...curvePoints(model.points.map((p) => p.lr), `${registry[mapped.spec.kind].title} (ours)`)],
    libraries: model.libraries,
    explorer: `embed/explorer/${mapped.spec.kind}/?${explorerToQuery({ spec: mapped.spec, compare: "", lesson: NO_LESSON }).toString()}`,
  };
}

/** What a converter's address may set: the call and the optimizer's lr. */
export interface ConverterState {
  call: string;
  baseLr: number;
}

const CONVERTER_FIELDS: UrlFields<ConverterState> = {
  call: textField("call", MAX_VALUE_LENGTH),
  baseLr: numberField("lr", { min: 0, max: 1e6, minExclusive: true }),
};

/**
 * The state an embed's query names: a bad lr keeps the current one, and a
 * call that does not convert (unknown name, wrong argument, anything but a
 * scheduler call) is refused, keeping the current call, with the reason.
 */
export function converterFromQuery(query: URLSearchParams, current: ConverterState, steps: number): { state: ConverterState; notices: UrlNotice[] } {
  const { state, notices } = readUrlState(query, CONVERTER_FIELDS, current);
  if (state.call === current.call) return { state, notices };
  const result = convertCall(state.call, state.baseLr, steps);
  if (result.ok) return { state, notices };
  const where = result.to > result.from && result.to - result.from < state.call.length ? ` at characters ${result.from + 1}–${result.to}` : "";
  // A reason may quote the call; a notice repeats only the start of it.
  const reason = [...result.message].length > 200 ? `${[...result.message].slice(0, 200).join("")}…` : result.message;
  return { state: { ...state, call: current.call }, notices: [...notices, { param: "call", message: `call: ${reason}${where}; using the example` }] };
}

export function converterToQuery(state: ConverterState): URLSearchParams {
  return writeUrlState(state, CONVERTER_FIELDS);
}

/** The playground's query for a race with the converted schedule (a written one carries its expression and base rate). */
export function raceLinkQuery(spec: ScheduleSpec): string {
  const query = new URLSearchParams({ schedules: spec.kind });
  if (spec.kind === "lambda") {
    query.set("lr", String(spec.lr));
    query.set("expr", spec.expression);
  }
  return query.toString();
}
