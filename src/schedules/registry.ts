/**
 * kind → family: the only place that lists the schedules. Pages, sliders,
 * the CLI and the trainer read everything about a schedule from here.
 */
import type { Capabilities, Family } from "./family.ts";
import type { ScheduleKind, ScheduleSpec } from "./types.ts";
import { constant, exponential, inverseTime, linear, multiStep, polynomial, step } from "./decay.ts";
import { cosine, cosineRestarts } from "./cosine.ts";
import { cyclic, oneCycle } from "./cycles.ts";
import { inverseSqrt, warmup, wsd } from "./warmup.ts";
import { piecewiseConstant, piecewiseInterpolate } from "./piecewise.ts";
import { plateau } from "./plateau.ts";
import { chain, join } from "./compose.ts";
import { lambda } from "./lambda.ts";

export const registry = {
  constant,
  step,
  "multi-step": multiStep,
  exponential,
  "inverse-time": inverseTime,
  polynomial,
  linear,
  cosine,
  "cosine-restarts": cosineRestarts,
  cyclic,
  "one-cycle": oneCycle,
  warmup,
  "inverse-sqrt": inverseSqrt,
  wsd,
  "piecewise-constant": piecewiseConstant,
  "piecewise-interpolate": piecewiseInterpolate,
  plateau,
  join,
  chain,
  lambda,
};

export const KINDS = Object.keys(registry) as ScheduleKind[];

/** The kinds with a capability, in registry order: the race's list, the explorer's overlays, the landscape's. */
export function kindsThat(capability: keyof Capabilities): ScheduleKind[] {
  return KINDS.filter((kind) => registry[kind].capabilities[capability]);
}

/** The family of a kind, typed for a spec of any kind (each family's key is its kind: a registry test checks). */
export function familyOf(kind: ScheduleKind): Family<ScheduleKind, ScheduleSpec> {
  return registry[kind];
}

const KIND_SET: ReadonlySet<string> = new Set(KINDS);

/**
 * The one way to ask "is this a schedule kind?". A Set of the registry's own
 * keys, so inherited names ("constructor", "__proto__", "toString") are not
 * kinds, as `kind in registry` would have them.
 */
export function isKind(value: unknown): value is ScheduleKind {
  return typeof value === "string" && KIND_SET.has(value);
}
