/**
 * The vocabulary every schedule shares. A schedule is a pure function of the
 * optimizer step `t` (0, 1, 2, ... completed updates) returning a learning
 * rate; its spec is plain JSON so it can travel through URLs, island props,
 * workers and the CLI. Framework names (T_max, decay_rate, ...) live only in
 * ./frameworks/.
 */
import type { registry } from "./registry.ts";

/** A learning rate as a function of the step count t ≥ 0. */
export type Schedule = (t: number) => number;

/** A numeric parameter a reader can set with a slider. */
export interface ParamDef<N extends string = string> {
  /** Field name in the spec (camelCase). */
  name: N;
  /** LaTeX symbol used in the formula, e.g. "\\eta_0". */
  symbol: string;
  /** Short label for a control, e.g. "initial rate". */
  label: string;
  /** One sentence on what the parameter does. */
  description: string;
  /** Slider range (inclusive). Validation may accept a wider range: see `valid`. */
  min: number;
  max: number;
  default: number;
  scale: "linear" | "log";
  integer: boolean;
  unit?: string;
  /** Range a spec may hold (inclusive unless marked exclusive). Defaults to [min, max]. */
  valid?: { min: number; max: number; minExclusive?: boolean };
}

/**
 * Spec types are derived from each family's fields (its ParamDefs and zod
 * extras, see SpecFrom in ./family.ts); the registry is the list of kinds.
 */
type Registry = typeof registry;

/** A schedule's kind: a key of the registry. */
export type ScheduleKind = keyof Registry;
/** The spec of one kind, as its family's fields define it. */
export type SpecOf<K extends ScheduleKind> = Registry[K]["defaults"];
/** Any schedule's spec: a discriminated union on `kind`. */
export type ScheduleSpec = { [K in ScheduleKind]: SpecOf<K> }[ScheduleKind];

/** A cut a listening schedule made (reduce on plateau): after which metric report, from and to which rate, and why. */
export interface RateCut {
  /** Index of the metric (1-based: the k-th report) that triggered the cut. */
  report: number;
  from: number;
  to: number;
  /** Why, in words: "no improvement on 0.412 for 11 reports (patience 10)". */
  reason: string;
}

/** What the trainer drives: the rate per step, and the metric fed back to schedules that listen. */
export interface Scheduler {
  /** The rate for step t (t counts completed updates). */
  rateAt(t: number): number;
  /** Feed an evaluation metric; only stateful schedules listen, the others ignore it. */
  reportMetric(value: number): void;
  /** Cuts made so far (stateful schedules only). */
  events(): readonly RateCut[];
}

/** The run a schedule is fitted to when it is named by kind alone (the race, the CLI). */
export interface Horizon {
  /** Updates in the run (≥ 10). */
  steps: number;
  /** The learning rate asked for, if any (already written into a spec's `lr` field). */
  lr: number | undefined;
  /** The peak rate to aim for: lr if asked, else the spec's own lr, else 0.1. */
  peak: number;
  /** Another kind fitted to `steps` updates with the same lr (warmup fits the schedule it hands over to). */
  fitted: (kind: ScheduleKind, steps: number) => ScheduleSpec;
}

/** Momentum bounds for schedules that cycle it opposite to the rate (PyTorch cycle_momentum). */
export interface MomentumRange {
  base: number;
  max: number;
}

export interface SpecError {
  /** Dotted path to the field, e.g. "after.decaySteps"; "" for the whole spec. */
  path: string;
  message: string;
}

export type ParseResult = { ok: true; spec: ScheduleSpec } | { ok: false; errors: SpecError[] };
