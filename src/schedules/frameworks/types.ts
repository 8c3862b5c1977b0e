/**
 * What every framework adapter offers. An adapter speaks one library's
 * language: it takes a configuration in that library's own names and
 * returns exactly the values the library produces, with its indexing; it
 * maps the configuration to our spec where one exists; and it writes a spec
 * back out as a runnable snippet in that library.
 */
import type { ScheduleKind, ScheduleSpec, SpecOf } from "../types.ts";

export type Library = "pytorch" | "keras" | "optax" | "hf";

export const LIBRARIES: readonly Library[] = ["pytorch", "keras", "optax", "hf"];

/** One schedule configured in a library's own terms (the CLI's batch case). */
export interface FrameworkCase {
  /** Class or function name, e.g. "CosineAnnealingWarmRestarts", "CosineDecay", "warmup_cosine_decay_schedule", "cosine". */
  name: string;
  /** Keyword arguments in the library's names, e.g. {"T_0": 10, "T_mult": 2}. */
  params: Record<string, unknown>;
  /** PyTorch only: the optimizer's lr before the scheduler is attached. HF: the optimizer's lr (the lambda multiplies it). */
  baseLr?: number;
  /** Number of steps: PyTorch returns steps + 1 values (before the first step() and after each), the others `steps` values (t = 0 … steps−1). */
  steps: number;
  /** ReduceLROnPlateau only: one metric per step() call. */
  metrics?: number[];
}

export type ValuesResult = { ok: true; lr: number[] } | { ok: false; error: string };

/** Our spec for a library configuration, and where the two differ (if anywhere). */
export type SpecResult = { ok: true; spec: ScheduleSpec; caveat?: string } | { ok: false; error: string };

export type SnippetResult = { ok: true; code: string } | { ok: false; reason: string };

export interface Adapter {
  library: Library;
  /** Display name: "PyTorch", "Keras", "optax", "Hugging Face". */
  label: string;
  /** Names this adapter understands, e.g. ["StepLR", "MultiStepLR", ...]. */
  names: readonly string[];
  /** The library's own values for the case, step for step. */
  values(c: FrameworkCase): ValuesResult;
  /** The equivalent spec of ours (the explorer shows it with sliders). */
  toSpec(name: string, params: Record<string, unknown>, baseLr?: number): SpecResult;
  /** Runnable code in this library for our spec, or why there is no equivalent. */
  snippet(spec: ScheduleSpec, totalSteps: number): SnippetResult;
  /**
   * The library's own configuration closest to our spec ("the same settings"),
   * to run through `values` and compare; absent until the adapter offers it.
   */
  configFor?(spec: ScheduleSpec, totalSteps: number): ConfigResult;
}

export type ConfigResult = { ok: true; config: FrameworkCase } | { ok: false; reason: string };

/** A library has no equivalent for a kind; the reason says why (its snippet falls back to a table or a lambda). */
export interface NoEquivalent {
  readonly none: string;
}

export const none = (reason: string): NoEquivalent => ({ none: reason });

/**
 * One entry per schedule kind: how a library maps it, or an explicit
 * NoEquivalent. Leaving a kind out is a compile error that names the kind.
 */
export type KindTable<R, A extends unknown[] = []> = {
  readonly [K in ScheduleKind]: ((spec: SpecOf<K>, ...args: A) => R | undefined) | NoEquivalent;
};

type AnyEntry<R, A extends unknown[]> = ((spec: ScheduleSpec, ...args: A) => R | undefined) | NoEquivalent;

/**
 * The table's entry for a kind. The type already requires one per kind; this
 * names the kind when a table is used before `tsc` has been run on it.
 */
function entryOf<R, A extends unknown[]>(table: KindTable<R, A>, kind: ScheduleKind): AnyEntry<R, A> {
  // The entry for a kind takes that kind's spec; TypeScript cannot correlate the two through the union.
  const entry = (Object.hasOwn(table, kind) ? table[kind] : undefined) as AnyEntry<R, A> | undefined;
  if (entry === undefined) throw new Error(`schedule kind "${kind}" has no entry in a library table (src/schedules/frameworks/*-config.ts, python.ts): add its mapping or none("why")`);
  return entry;
}

/** The table's mapping for the spec's kind; undefined where the library has none. */
export function lookup<R, A extends unknown[]>(table: KindTable<R, A>, spec: ScheduleSpec, ...args: A): R | undefined {
  const entry = entryOf(table, spec.kind);
  return typeof entry === "function" ? entry(spec, ...args) : undefined;
}

/** Why the table has no mapping for a kind, or undefined when it has one. */
export function noEquivalent<R, A extends unknown[]>(table: KindTable<R, A>, kind: ScheduleKind): string | undefined {
  const entry = entryOf(table, kind);
  return typeof entry === "function" ? undefined : entry.none;
}
