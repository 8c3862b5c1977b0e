/**
 * What every framework adapter offers. An adapter speaks one library's
 * language: it takes a configuration in that library's own names and
 * returns exactly the values the library produces, with its indexing; it
 * maps the configuration to our spec where one exists; and it writes a spec
 * back out as a runnable snippet in that library.
 */
import type { ScheduleSpec } from "../types.ts";

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
