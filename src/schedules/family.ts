/**
 * One schedule family = everything about one kind of schedule, defined once:
 * its function, parameters, formula, citation and framework names. The
 * registry collects families; nothing else switches on `kind`.
 */
import { z } from "zod";
import { numberField } from "./fields.ts";
import type { FrameworkNames, ParamDef, Reference, Schedule, ScheduleKind, SpecOf } from "./types.ts";

export interface Family<K extends ScheduleKind = ScheduleKind> {
  kind: K;
  title: string;
  /** One line, plain text. */
  summary: string;
  /** The formula, KaTeX-parseable, using the params' symbols. */
  latex: string;
  /** Numeric parameters (the sliders), in display order. */
  params: readonly ParamDef[];
  /** A complete, valid spec. */
  defaults: SpecOf<K>;
  /** Validates a spec of this kind; missing fields take the defaults. */
  schema: z.ZodType<SpecOf<K>>;
  make(spec: SpecOf<K>): Schedule;
  references: readonly Reference[];
  frameworks: FrameworkNames;
}

interface FamilyInput<K extends ScheduleKind> extends Omit<Family<K>, "schema" | "defaults"> {
  /** Non-numeric fields (enums, booleans, lists, nested specs). */
  extra?: Record<string, z.ZodType>;
  /** Values for the non-numeric fields; numeric defaults come from params. */
  extraDefaults?: Partial<SpecOf<K>>;
  /** Cross-field rules; return [path, message] pairs. */
  check?: (spec: SpecOf<K>) => [string, string][];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function defineFamily<K extends ScheduleKind>(input: FamilyInput<K>): Family<K> {
  const { extra = {}, extraDefaults = {}, check, ...rest } = input;
  const numeric = Object.fromEntries(input.params.map((p) => [p.name, numberField(p)]));
  const defaults = {
    kind: input.kind,
    ...Object.fromEntries(input.params.map((p) => [p.name, p.default])),
    ...extraDefaults,
  } as unknown as SpecOf<K>;
  const object = z.strictObject({ kind: z.literal(input.kind), ...numeric, ...extra });
  const schema = z.preprocess(
    (value) => (isRecord(value) ? { ...defaults, ...value } : value),
    object.superRefine((spec, ctx) => {
      // Cross-field rules only speak once every field is valid on its own.
      if (!object.safeParse(spec).success) return;
      for (const [path, message] of check?.(spec as unknown as SpecOf<K>) ?? []) {
        ctx.addIssue({ code: "custom", path: path === "" ? [] : path.split("."), message });
      }
    }),
  ) as unknown as z.ZodType<SpecOf<K>>;
  return { ...rest, defaults, schema };
}

/** Shared param builders: one vocabulary for the whole library. */
export const param = {
  lr(over: Partial<ParamDef> = {}): ParamDef {
    return {
      name: "lr", symbol: "\\eta_0", label: "initial rate", unit: "per step",
      description: "The learning rate the schedule starts from.",
      min: 1e-4, max: 1, default: 0.1, scale: "log", integer: false,
      valid: { min: 0, max: 1e6, minExclusive: true }, ...over,
    };
  },
  minLr(over: Partial<ParamDef> = {}): ParamDef {
    return {
      name: "minLr", symbol: "\\eta_{\\min}", label: "floor rate",
      description: "The lowest rate the schedule reaches.",
      min: 0, max: 0.1, default: 0, scale: "linear", integer: false,
      valid: { min: 0, max: 1e6 }, ...over,
    };
  },
  steps(name: string, symbol: string, label: string, description: string, def: number, over: Partial<ParamDef> = {}): ParamDef {
    return {
      name, symbol, label, description, unit: "steps",
      min: 1, max: 1000, default: def, scale: "linear", integer: true,
      valid: { min: 1, max: 1e9 }, ...over,
    };
  },
};
