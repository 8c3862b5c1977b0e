/**
 * One schedule family = everything about one kind of schedule, defined once:
 * its function, parameters (the spec's type is derived from them), formula,
 * capabilities and fit to a run. The registry collects families; nothing else
 * switches on `kind`. Library names stay in ./frameworks/, whose per-kind
 * tables (KindTable) must list every kind; citations are the glossary entry's.
 */
import { z } from "zod";
import { numberField } from "./fields.ts";
import type { Horizon, MomentumRange, ParamDef, Schedule, Scheduler } from "./types.ts";

type Simplify<T> = { [F in keyof T]: T[F] } & {};

declare const nested: unique symbol;
/**
 * A zod field holding a nested spec (warmup's `after`) or a list of them (a
 * join's or chain's children). ScheduleSpec is derived from the families, so
 * a family cannot name it while its own type is being inferred: SpecFrom
 * types these fields as N, and the three families that nest pass
 * N = ScheduleSpec explicitly (with an annotated type, see warmup.ts).
 */
export type NestedSpecField<Many extends boolean> = z.ZodType<unknown> & { readonly [nested]: Many };

type FieldOutput<T, N> = T extends NestedSpecField<true> ? N[] : T extends NestedSpecField<false> ? N : z.output<T>;

/** The spec a family's fields define: its kind, one number per ParamDef, and each extra's zod output. */
export type SpecFrom<K extends string, P extends readonly ParamDef[], E extends Record<string, z.ZodType>, N = never> = Simplify<
  { kind: K } & { [D in P[number] as D["name"]]: number } & { [F in keyof E]: FieldOutput<E[F], N> }
>;

/** What the site offers a kind for; every family states each one. */
export interface Capabilities {
  /** The race offers it by kind alone, fitted to the run (composites and hand-listed rates are left out). */
  raceable: boolean;
  /** The explorer can overlay it on another schedule. */
  comparable: boolean;
  /** The loss landscape offers it. */
  landscape: boolean;
}

/** A schedule that listens to a metric: its rate is not a function of the step alone. */
export interface Stateful<S> {
  scheduler(spec: S): Scheduler;
  /** Metrics for a figure drawn without a run (k-th value: the k-th evaluation). */
  illustrativeMetrics(reports: number): number[];
}

/** PyTorch's cycle_momentum for this kind: momentum (or Adam's β₁) moves opposite to the rate. */
export interface MomentumCycling<S> {
  /** PyTorch's default bounds. */
  range: MomentumRange;
  make(spec: S, range: MomentumRange): (t: number) => number;
}

export interface Family<K extends string = string, S = { kind: K }> {
  kind: K;
  title: string;
  /** One line, plain text. */
  summary: string;
  /** The formula, KaTeX-parseable, using the params' symbols, the `where` symbols and t, η_t, π (a registry test checks). */
  latex: string;
  /** Symbols the formula introduces besides the params (LaTeX → one phrase), shown in its legend. */
  where?: Readonly<Record<string, string>>;
  /** The formula of one spec, where it depends on more than the params (a written expression); `latex` otherwise. */
  latexOf?(spec: S): string;
  /** Numeric parameters (the sliders), in display order. */
  params: readonly ParamDef[];
  /** A complete, valid spec. */
  defaults: S;
  /** Validates a spec of this kind; missing fields take the defaults. */
  schema: z.ZodType<S>;
  make(spec: S): Schedule;
  capabilities: Capabilities;
  /** The spec fitted to a run of horizon.steps updates; `spec` is the defaults with the asked lr written in. */
  fit(spec: S, horizon: Horizon): S;
  /** Present when the schedule listens to a metric (reduce on plateau): no closed form, cannot be composed. */
  stateful?: Stateful<S>;
  /** Present when PyTorch cycles momentum with this schedule. */
  momentum?: MomentumCycling<S>;
}

/** `fit` for a family whose defaults need no fitting to a run's length. */
export const keepDefaults = <S>(spec: S): S => spec;

/** A quarter of the run, at least one step. */
export const quarterOf = (steps: number): number => Math.max(1, Math.floor(steps / 4));

// K, P and E are inferred from kind, params and extra only (NoInfer elsewhere).
interface FamilyInput<K extends string, P extends readonly ParamDef[], E extends Record<string, z.ZodType>, N>
  extends Omit<Family<K, SpecFrom<K, P, E, N>>, "schema" | "defaults" | "params" | "make" | "fit" | "stateful" | "momentum" | "latexOf"> {
  params: P;
  latexOf?: (spec: NoInfer<SpecFrom<K, P, E, N>>) => string;
  make(spec: NoInfer<SpecFrom<K, P, E, N>>): Schedule;
  fit(spec: NoInfer<SpecFrom<K, P, E, N>>, horizon: Horizon): NoInfer<SpecFrom<K, P, E, N>>;
  stateful?: Stateful<NoInfer<SpecFrom<K, P, E, N>>>;
  momentum?: MomentumCycling<NoInfer<SpecFrom<K, P, E, N>>>;
  /** Non-numeric fields (enums, booleans, lists, nested specs). */
  extra?: E;
  /** A value for every non-numeric field; numeric defaults come from params. */
  extraDefaults?: NoInfer<{ [F in keyof E]: FieldOutput<E[F], N> }>;
  /** Cross-field rules; return [path, message] pairs. */
  check?: (spec: NoInfer<SpecFrom<K, P, E, N>>) => [string, string][];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function defineFamily<const K extends string, const P extends readonly ParamDef[], E extends Record<string, z.ZodType> = Record<never, z.ZodType>, N = never>(
  input: FamilyInput<K, P, E, N>,
): Family<K, SpecFrom<K, P, E, N>> {
  type S = SpecFrom<K, P, E, N>;
  const { extra, extraDefaults, check, ...rest } = input;
  const missing = Object.keys(extra ?? {}).filter((name) => !Object.hasOwn(extraDefaults ?? {}, name));
  if (missing.length > 0) throw new Error(`schedule family "${input.kind}": extra field(s) ${missing.join(", ")} have no default in extraDefaults`);
  const numeric = Object.fromEntries(input.params.map((p) => [p.name, numberField(p)]));
  // The fields are built from P and E at run time, so their product is S by construction.
  const defaults = {
    kind: input.kind,
    ...Object.fromEntries(input.params.map((p) => [p.name, p.default])),
    ...extraDefaults,
  } as S;
  const object = z.strictObject({ kind: z.literal(input.kind), ...numeric, ...extra });
  const schema = z.preprocess(
    (value) => (isRecord(value) ? { ...defaults, ...value } : value),
    object.superRefine((spec, ctx) => {
      // Cross-field rules only speak once every field is valid on its own.
      if (!object.safeParse(spec).success) return;
      for (const [path, message] of check?.(spec as S) ?? []) {
        ctx.addIssue({ code: "custom", path: path === "" ? [] : path.split("."), message });
      }
    }),
  ) as z.ZodType<S>;
  return { ...rest, defaults, schema };
}

/** Shared param builders: one vocabulary for the whole library. */
export const param = {
  lr<const N extends string = "lr">(over: Partial<Omit<ParamDef, "name">> & { name?: N } = {}): ParamDef<NoInfer<N>> {
    return {
      name: "lr" as N, symbol: "\\eta_0", label: "initial rate", unit: "per step",
      description: "The learning rate the schedule starts from.",
      min: 1e-4, max: 1, default: 0.1, scale: "log", integer: false,
      valid: { min: 0, max: 1e6, minExclusive: true }, ...over,
    };
  },
  minLr<const N extends string = "minLr">(over: Partial<Omit<ParamDef, "name">> & { name?: N } = {}): ParamDef<NoInfer<N>> {
    return {
      name: "minLr" as N, symbol: "\\eta_{\\min}", label: "floor rate",
      description: "The lowest rate the schedule reaches.",
      min: 0, max: 0.1, default: 0, scale: "linear", integer: false,
      valid: { min: 0, max: 1e6 }, ...over,
    };
  },
  steps<const N extends string>(name: N, symbol: string, label: string, description: string, def: number, over: Partial<Omit<ParamDef, "name">> = {}): ParamDef<NoInfer<N>> {
    return {
      name, symbol, label, description, unit: "steps",
      min: 1, max: 1000, default: def, scale: "linear", integer: true,
      valid: { min: 1, max: 1e9 }, ...over,
    };
  },
};
