/**
 * What a schedule figure shows, computed from the registry alone: the spec,
 * the sampled curve, the sliders and the data table. Used at build time by
 * ScheduleFigure.astro and live by the island, so both show the same thing.
 */
import { registry, sampleSchedule, type ScheduleSpec } from "../../src/schedules/index.ts";
import { curvePoints, type CurvePoint } from "../../src/plots/schedule-figure.ts";
import { sliderAttributes, tidy, type SliderAttributes } from "../../src/browser/slider.ts";

type Kind = keyof typeof registry;

export interface SliderModel {
  name: string;
  label: string;
  symbol: string;
  description: string;
  display: string;
  attributes: SliderAttributes;
}

export interface FigureModel {
  title: string;
  summary: string;
  latex: string;
  spec: ScheduleSpec;
  steps: number;
  points: CurvePoint[];
  sliders: SliderModel[];
  table: { step: number; lr: string }[];
  description: string;
}

const DEFAULT_STEPS = 100;
const TABLE_ROWS = 11;

export function formatRate(lr: number): string {
  return lr === 0 ? "0" : Math.abs(lr) >= 1e-3 ? String(tidy(lr)) : lr.toExponential(3);
}

/** Sampled rows for the data table: evenly spaced, first and last included. */
export function tableRows(rates: readonly number[]): { step: number; lr: string }[] {
  const last = rates.length - 1;
  const every = Math.max(1, Math.ceil(last / (TABLE_ROWS - 1)));
  const steps = [...new Set([...Array.from({ length: Math.floor(last / every) + 1 }, (_, i) => i * every), last])];
  return steps.filter((s) => s >= 0).map((step) => ({ step, lr: formatRate(rates[step] ?? Number.NaN) }));
}

/** A sentence a screen reader can use instead of the picture. */
export function describeCurve(rates: readonly number[]): string {
  if (rates.length === 0) return "The curve is empty.";
  const first = rates[0] ?? 0;
  const last = rates[rates.length - 1] ?? 0;
  const max = Math.max(...rates);
  const min = Math.min(...rates);
  return (
    `Over ${rates.length - 1} steps the rate goes from ${formatRate(first)} to ${formatRate(last)}, ` +
    `peaking at ${formatRate(max)} and never going below ${formatRate(min)}.`
  );
}

export function figureModel(kind: Kind, steps: number = DEFAULT_STEPS, spec?: ScheduleSpec): FigureModel {
  const definition = registry[kind];
  const current = (spec ?? definition.defaults) as ScheduleSpec;
  const rates = sampleSchedule(current, steps + 1);
  const values = current as unknown as Record<string, unknown>;
  const sliders = definition.params
    .filter((p) => typeof values[p.name] === "number")
    .map((p) => {
      const value = values[p.name] as number;
      return {
        name: p.name,
        label: p.label,
        symbol: p.symbol,
        description: p.description,
        display: p.integer ? String(value) : formatRate(value),
        attributes: sliderAttributes(p, value),
      };
    });
  return {
    title: definition.title,
    summary: definition.summary,
    latex: definition.latex,
    spec: current,
    steps,
    points: curvePoints(rates, definition.title),
    sliders,
    table: tableRows(rates),
    description: describeCurve(rates),
  };
}
