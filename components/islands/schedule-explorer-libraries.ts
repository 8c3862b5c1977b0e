/**
 * The explorer's two library panels, "The same settings in code" and "Same
 * settings, four libraries": each library's snippet and what its own
 * scheduler computes for the reader's settings. This is the only part of the
 * explorer that needs the framework adapters (about a fifth of its code), so
 * it is a module of its own: the build imports it for the static page, and
 * the live island loads it only when one of those panels is on screen or
 * opened after the settings changed (schedule-explorer-live.ts).
 */
import type { ScheduleSpec } from "../../src/schedules/index.ts";
import { adapters, LIBRARIES, type Library } from "../../src/schedules/frameworks/index.ts";
import { formatRate, type CodeModel, type LibraryPanels, type LibraryRun } from "./schedule-explorer-model.ts";

const LABELS: Record<Library, string> = { pytorch: "PyTorch", keras: "Keras", optax: "optax", hf: "Hugging Face" };

/** A keyword argument's value as the library's user would write it: 12 significant digits, Python literals. */
export function pythonish(value: unknown): string {
  if (typeof value === "number") return Number.isFinite(value) ? String(Number.parseFloat(value.toPrecision(12))) : String(value);
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "boolean") return value ? "True" : "False";
  if (value === null || value === undefined) return "None";
  if (Array.isArray(value)) return `[${value.map(pythonish).join(", ")}]`;
  if (typeof value === "object") return `{${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${/^\d+$/.test(k) ? k : JSON.stringify(k)}: ${pythonish(v)}`).join(", ")}}`;
  if (typeof value === "bigint") return value.toString();
  throw new TypeError(`no Python literal for a ${typeof value}`);
}

function libraryRuns(spec: ScheduleSpec, ours: readonly number[], steps: number): LibraryRun[] {
  return LIBRARIES.map((library): LibraryRun => {
    const adapter = adapters[library];
    const base = { library, label: LABELS[library] };
    if (!adapter?.configFor) return { ...base, call: null, reason: `not available yet`, firstDifference: null, values: null };
    const config = adapter.configFor(spec, steps);
    if (!config.ok) return { ...base, call: null, reason: config.reason, firstDifference: null, values: null };
    const run = adapter.values({ ...config.config, steps: library === "pytorch" ? steps - 1 : steps });
    const args = Object.entries(config.config.params).map(([k, v]) => `${k}=${pythonish(v)}`).join(", ");
    const call = `${config.config.name}(${args})`;
    if (!run.ok) return { ...base, call, reason: run.error, firstDifference: null, values: null };
    const values = run.lr.slice(0, ours.length);
    const diff = values.findIndex((v, i) => Math.abs(v - (ours[i] as number)) > Math.max(1e-15, 1e-9 * Math.abs(ours[i] as number)));
    return {
      ...base,
      call,
      reason: null,
      values,
      firstDifference: diff < 0 ? null : { step: diff, ours: formatRate(ours[diff] as number), theirs: formatRate(values[diff] as number) },
    };
  });
}

function codeFor(spec: ScheduleSpec, steps: number): CodeModel[] {
  return LIBRARIES.map((library): CodeModel => {
    const adapter = adapters[library];
    if (!adapter) return { library, label: LABELS[library], code: null, reason: "not available yet" };
    const result = adapter.snippet(spec, steps);
    return { library, label: LABELS[library], code: result.ok ? result.code : null, reason: result.ok ? null : result.reason };
  });
}

/** Both panels for `spec`, whose own rates over `steps` samples are `ours`; pass it to explorerModel as `libraries`. */
export const libraryPanels: LibraryPanels = (spec, ours, steps) => ({ code: codeFor(spec, steps), libraries: libraryRuns(spec, ours, steps) });
