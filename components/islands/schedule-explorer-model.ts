/**
 * Everything the schedule explorer shows, computed from the registry and the
 * framework adapters alone (those through `libraries`, see LibraryPanels): the curve (and a comparison), the controls, the
 * data table, the code for each library, and what each library actually
 * produces for the same settings. Pure: used at build time by
 * ScheduleExplorer.astro and live by the island, so both show the same thing.
 */
import { formulaOf, GrammarPending, kindsThat, registry, sampleSchedule, type ScheduleKind, type ScheduleSpec } from "../../src/schedules/core.ts";
import type { Library } from "../../src/schedules/frameworks/index.ts";
import { curvePoints, steadyTop, type CurvePoint } from "../../src/plots/schedule-axis.ts";
import { sliderAttributes, tidy, type SliderAttributes } from "../../src/browser/slider.ts";
import { sliderMoves } from "./slider-effect.ts";

export interface SliderModel {
  name: string;
  label: string;
  symbol: string;
  description: string;
  display: string;
  attributes: SliderAttributes;
  /** Whether moving it one step changes the curve with the other settings as they are (see slider-effect.ts). */
  moves: boolean;
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
  /** Top of the y axis: held at the starting settings' peak (see steadyTop), so every slider moves the curve. */
  yMax: number;
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

/**
 * The allowed words of an enum field, read from the family's schema by probing (no second list to keep in sync).
 * A field the probe sends to the expression parser before its grammar is loaded (GrammarPending) is free text.
 */
function enumOptions(kind: ScheduleKind, field: string): string[] {
  const schema = registry[kind].schema;
  let probe: ReturnType<typeof schema.safeParse>;
  try {
    probe = schema.safeParse({ ...(registry[kind].defaults as object), [field]: PROBE });
  } catch (error) {
    if (error instanceof GrammarPending) return [];
    throw error;
  }
  if (probe.success) return [];
  const message = probe.error.issues.find((i) => i.path.join(".") === field)?.message ?? "";
  return [...message.matchAll(/"([^"]+)"/g)].map((m) => m[1] as string).filter((w) => w !== PROBE);
}

/**
 * The two library panels (code and the four-library comparison) for `spec`,
 * whose own rates over `steps` samples are `ours`. They need the framework
 * adapters, so they live in schedule-explorer-libraries.ts and are passed in:
 * the build always, the live island once those panels are on screen.
 */
export type LibraryPanels = (spec: ScheduleSpec, ours: readonly number[], steps: number) => { code: CodeModel[]; libraries: LibraryRun[] };

export interface ExplorerInput {
  spec: ScheduleSpec;
  compare?: ScheduleSpec | null;
  steps?: number;
  /** Compute the four-library comparison and code with these (libraryPanels); without, both are empty. */
  libraries?: LibraryPanels | null;
  /** The settings the explorer started from: the y axis is sized for them (default: spec). */
  reference?: ScheduleSpec;
}

export function explorerModel(input: ExplorerInput): ExplorerModel {
  const { spec } = input;
  const steps = input.steps ?? DEFAULT_STEPS;
  const family = registry[spec.kind];
  const compare = input.compare ?? null;
  const rates = sampleSchedule(spec, steps + 1);
  const compareRates = compare ? sampleSchedule(compare, steps + 1) : null;
  const referenceRates = input.reference ? sampleSchedule(input.reference, steps + 1) : rates;
  const peakOf = (values: readonly number[] | null) => Math.max(0, ...(values ?? []).filter(Number.isFinite));
  const values = spec as unknown as Record<string, unknown>;
  const sliders = family.params
    .filter((p) => typeof values[p.name] === "number")
    .map((p) => {
      const value = values[p.name] as number;
      return { name: p.name, label: p.label, symbol: p.symbol, description: p.description, display: p.integer ? String(value) : formatRate(value), attributes: sliderAttributes(p, value), moves: sliderMoves(spec, p, rates) };
    });
  const { code, libraries } = input.libraries ? input.libraries(spec, rates, steps + 1) : { code: [], libraries: [] };
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
    yMax: steadyTop(Math.max(peakOf(referenceRates), peakOf(compareRates)), Math.max(peakOf(rates), peakOf(compareRates))),
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
