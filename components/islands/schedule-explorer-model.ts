/**
 * Everything the schedule explorer shows, computed from the registry and the
 * framework adapters alone: the curve (and a comparison), the controls, the
 * data table, the code for each library, and what each library actually
 * produces for the same settings. Pure: used at build time by
 * ScheduleExplorer.astro and live by the island, so both show the same thing.
 */
import { formulaOf, kindsThat, registry, sampleSchedule, type ScheduleKind, type ScheduleSpec } from "../../src/schedules/index.ts";
import { adapters, LIBRARIES, type Library } from "../../src/schedules/frameworks/index.ts";
import { curvePoints, type CurvePoint } from "../../src/plots/schedule-figure.ts";
import { sliderAttributes, tidy, type SliderAttributes } from "../../src/browser/slider.ts";

export interface SliderModel {
  name: string;
  label: string;
  symbol: string;
  description: string;
  display: string;
  attributes: SliderAttributes;
}

/** A non-numeric setting: a switch, a list of choices, or free text (a written expression). */
export interface ChoiceModel {
  name: string;
  type: "boolean" | "choice" | "text";
  value: string;
  options: string[];
}

export interface CodeModel {
  library: Library;
  label: string;
  code: string | null;
  reason: string | null;
}

export interface LibraryRun {
  library: Library;
  label: string;
  /** The library's own call, e.g. CosineAnnealingLR(T_max=100, eta_min=0). */
  call: string | null;
  reason: string | null;
  /** First step where it differs from ours (relative 1e-9), or null if it matches everywhere shown. */
  firstDifference: { step: number; ours: string; theirs: string } | null;
  values: number[] | null;
}

export interface ExplorerModel {
  kind: ScheduleKind;
  title: string;
  summary: string;
  latex: string;
  spec: ScheduleSpec;
  compare: ScheduleSpec | null;
  steps: number;
  points: CurvePoint[];
  sliders: SliderModel[];
  choices: ChoiceModel[];
  table: { step: number; lr: string; compare: string | null }[];
  description: string;
  code: CodeModel[];
  libraries: LibraryRun[];
  libraryPoints: CurvePoint[];
}

export const DEFAULT_STEPS = 100;
const TABLE_ROWS = 11;
const LABELS: Record<Library, string> = { pytorch: "PyTorch", keras: "Keras", optax: "optax", hf: "Hugging Face" };

export function formatRate(lr: number): string {
  if (!Number.isFinite(lr)) return String(lr);
  return lr === 0 ? "0" : Math.abs(lr) >= 1e-3 ? String(tidy(lr)) : lr.toExponential(3);
}

/** Evenly spaced rows, first and last included. */
export function tableSteps(count: number): number[] {
  const last = count - 1;
  if (last < 0) return [];
  const every = Math.max(1, Math.ceil(last / (TABLE_ROWS - 1)));
  return [...new Set([...Array.from({ length: Math.floor(last / every) + 1 }, (_, i) => i * every), last])];
}

/** A sentence a screen reader can use instead of the picture. */
export function describeCurve(rates: readonly number[], title = "the rate"): string {
  if (rates.length === 0) return "The curve is empty.";
  const first = rates[0] ?? 0;
  const last = rates[rates.length - 1] ?? 0;
  // "goes from 0 to 0, peaking at 0.1" read like a glitch for a warmup that ends at zero: say it starts and ends there.
  const path = first === last ? `starts and ends at ${formatRate(first)}` : `goes from ${formatRate(first)} to ${formatRate(last)}`;
  return `Over ${rates.length - 1} steps ${title} ${path}, peaking at ${formatRate(Math.max(...rates))} and never going below ${formatRate(Math.min(...rates))}.`;
}

/** The kinds a reader can overlay (each family says; the plateau rule needs a metric, so it is left out). */
export const COMPARABLE: readonly ScheduleKind[] = kindsThat("comparable");

function choicesFor(spec: ScheduleSpec): ChoiceModel[] {
  const defaults = registry[spec.kind].defaults as unknown as Record<string, unknown>;
  const values = spec as unknown as Record<string, unknown>;
  const numeric = new Set(registry[spec.kind].params.map((p) => p.name));
  const choices: ChoiceModel[] = [];
  for (const [name, value] of Object.entries(defaults)) {
    if (name === "kind" || numeric.has(name)) continue;
    if (typeof value === "boolean") choices.push({ name, type: "boolean", value: String(values[name]), options: ["false", "true"] });
    if (typeof value === "string") {
      const options = enumOptions(spec.kind, name);
      choices.push({ name, type: options.length > 0 ? "choice" : "text", value: String(values[name]), options });
    }
  }
  return choices;
}

const PROBE = "__not_a_choice__";

/** The allowed words of an enum field, read from the family's schema by probing (no second list to keep in sync). */
function enumOptions(kind: ScheduleKind, field: string): string[] {
  const schema = registry[kind].schema;
  const probe = schema.safeParse({ ...(registry[kind].defaults as object), [field]: PROBE });
  if (probe.success) return [];
  const message = probe.error.issues.find((i) => i.path.join(".") === field)?.message ?? "";
  return [...message.matchAll(/"([^"]+)"/g)].map((m) => m[1] as string).filter((w) => w !== PROBE);
}

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

export interface ExplorerInput {
  spec: ScheduleSpec;
  compare?: ScheduleSpec | null;
  steps?: number;
  /** Compute the four-library comparison and code (the live island does this only when those panels are shown). */
  libraries?: boolean;
}

export function explorerModel(input: ExplorerInput): ExplorerModel {
  const { spec } = input;
  const steps = input.steps ?? DEFAULT_STEPS;
  const family = registry[spec.kind];
  const compare = input.compare ?? null;
  const rates = sampleSchedule(spec, steps + 1);
  const compareRates = compare ? sampleSchedule(compare, steps + 1) : null;
  const values = spec as unknown as Record<string, unknown>;
  const sliders = family.params
    .filter((p) => typeof values[p.name] === "number")
    .map((p) => {
      const value = values[p.name] as number;
      return { name: p.name, label: p.label, symbol: p.symbol, description: p.description, display: p.integer ? String(value) : formatRate(value), attributes: sliderAttributes(p, value) };
    });
  const withLibraries = input.libraries ?? true;
  const libraries = withLibraries ? libraryRuns(spec, rates, steps + 1) : [];
  const code = withLibraries
    ? LIBRARIES.map((library): CodeModel => {
        const adapter = adapters[library];
        if (!adapter) return { library, label: LABELS[library], code: null, reason: "not available yet" };
        const result = adapter.snippet(spec, steps + 1);
        return { library, label: LABELS[library], code: result.ok ? result.code : null, reason: result.ok ? null : result.reason };
      })
    : [];
  const ourLabel = `${family.title} (ours)`;
  return {
    kind: spec.kind,
    title: family.title,
    summary: family.summary,
    latex: formulaOf(spec),
    spec,
    compare,
    steps,
    points: [...curvePoints(rates, family.title), ...(compare && compareRates ? curvePoints(compareRates, `${registry[compare.kind].title} (comparison)`) : [])],
    sliders,
    choices: choicesFor(spec),
    table: tableSteps(rates.length).map((step) => ({ step, lr: formatRate(rates[step] as number), compare: compareRates ? formatRate(compareRates[step] as number) : null })),
    description: describeCurve(rates, `the rate of ${family.title.toLowerCase()}`) + (compare && compareRates ? ` The comparison, ${registry[compare.kind].title.toLowerCase()}: ${describeCurve(compareRates)}` : ""),
    code,
    libraries,
    libraryPoints: [
      ...curvePoints(rates, ourLabel),
      ...libraries.flatMap((run) => (run.values ? curvePoints(run.values, run.label) : [])),
    ],
  };
}
