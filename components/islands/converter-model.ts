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
