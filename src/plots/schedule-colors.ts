/**
 * One colour per schedule kind, the same in every figure, swatch and sparkline
 * on the site, with a light and a dark value. Pages get the values as CSS
 * custom properties (--kind-<kind>, written once by the layout from this
 * table); figures stroke with var(--kind-<kind>), so they follow the theme.
 * The palette is Okabe–Ito's colour-blind-safe eight plus two, assigned so
 * that the kinds most often raced together (constant, step, exponential,
 * cosine, warmup, one-cycle) never share a colour.
 */
import { KINDS, registry } from "../schedules/core.ts";
import type { ScheduleKind } from "../schedules/core.ts";

interface Swatch { light: string; dark: string }

const PALETTE: readonly Swatch[] = [
  { light: "#0072b2", dark: "#56b4e9" }, // blue
  { light: "#d55e00", dark: "#f08a4b" }, // vermilion
  { light: "#008a63", dark: "#2fc89a" }, // green
  { light: "#b8569a", dark: "#e19ac5" }, // purple
  { light: "#a66f00", dark: "#f0b53c" }, // ochre
  { light: "#5d5d66", dark: "#b9b9c4" }, // grey
  { light: "#3a5fcd", dark: "#9db0f2" }, // indigo
  { light: "#9c4a1a", dark: "#e0a27a" }, // brown
  { light: "#1f7f8f", dark: "#6fd0de" }, // teal
  { light: "#a2304f", dark: "#f28aa8" }, // crimson
];

// A kind added to the registry without a colour here takes one by its place in the registry.
const ASSIGNED: Readonly<Partial<Record<ScheduleKind, number>>> = {
  constant: 5,
  step: 1,
  "multi-step": 7,
  exponential: 0,
  "inverse-time": 8,
  polynomial: 6,
  linear: 4,
  cosine: 2,
  "cosine-restarts": 8,
  cyclic: 9,
  "one-cycle": 3,
  warmup: 4,
  "inverse-sqrt": 9,
  wsd: 6,
  "piecewise-constant": 7,
  "piecewise-interpolate": 0,
  plateau: 3,
  join: 2,
  chain: 1,
};

/** Colours for series that are not a schedule (a library's curve, a comparison); the page defines --series-1…5. */
export const SERIES_COLORS = ["var(--series-1)", "var(--series-2)", "var(--series-3)", "var(--series-4)", "var(--series-5)"] as const;

/**
 * One colour per series: a series named after a schedule (by kind or title) takes that schedule's colour, the same
 * in every figure on the site; another name, or a second series of a kind already drawn, takes the next free
 * series colour.
 */
export function seriesColors(names: readonly string[]): string[] {
  const used = new Set<string>();
  let spare = 0;
  return names.map((name) => {
    const own = runColor(name);
    const colour = own !== undefined && !used.has(own) ? own : (SERIES_COLORS.find((c) => !used.has(c)) ?? (SERIES_COLORS[spare++ % SERIES_COLORS.length] as string));
    used.add(colour);
    return colour;
  });
}

/** The CSS colour of a kind: a custom property, so light and dark both hold. */
export function kindColor(kind: ScheduleKind): string {
  return `var(--kind-${kind})`;
}

/**
 * The colour of a run or series named by its kind or its title ("Cosine annealing", also with a note in brackets:
 * "Cosine annealing (comparison)"), or undefined for another name.
 */
export function runColor(run: string): string | undefined {
  const named = (name: string) => run === name || run.startsWith(`${name} (`);
  const kind = KINDS.find((k) => named(k) || named(registry[k].title));
  return kind === undefined ? undefined : kindColor(kind);
}

/** The stylesheet the layout inlines: every --kind-<kind>, light then dark. */
export function kindColorCss(): string {
  const swatch = (k: ScheduleKind, i: number) => PALETTE[(ASSIGNED[k] ?? i) % PALETTE.length] as Swatch;
  const rules = (theme: keyof Swatch) => KINDS.map((k, i) => `--kind-${k}:${swatch(k, i)[theme]};`).join("");
  return `:root{${rules("light")}}@media (prefers-color-scheme: dark){:root{${rules("dark")}}}@media print{:root{${rules("light")}}}`;
}
