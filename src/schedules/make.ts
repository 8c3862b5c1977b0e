/**
 * Validation and construction, the two entry points every caller uses:
 * `parseSpec` turns unknown JSON into a checked spec or a list of errors that
 * name the field and the allowed range; `makeSchedule` turns a checked spec
 * into a function of the step.
 */
import { z } from "zod";
import { familyOf, KINDS, isKind } from "./registry.ts";
import { describeValue } from "./fields.ts";
import type { NestedSpecField } from "./family.ts";
import type { ParseResult, Schedule, ScheduleSpec, SpecError } from "./types.ts";

type Path = readonly PropertyKey[];
interface RawError { path: Path; message: string }

export function formatPath(path: Path): string {
  return path.reduce<string>((out, key) => (typeof key === "number" ? `${out}[${key}]` : out === "" ? String(key) : `${out}.${String(key)}`), "");
}

/** Nesting depth of plain data; Infinity for a cyclic object. */
function depthOf(value: unknown, seen: Set<object> = new Set()): number {
  if (typeof value !== "object" || value === null) return 0;
  if (seen.has(value)) return Number.POSITIVE_INFINITY;
  seen.add(value);
  const inner = Object.values(value).reduce<number>((max, v) => Math.max(max, depthOf(v, seen)), 0);
  seen.delete(value);
  return 1 + inner;
}

const MAX_DEPTH = 32;

function parseRaw(input: unknown): { ok: true; spec: ScheduleSpec } | { ok: false; errors: RawError[] } {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return { ok: false, errors: [{ path: [], message: `a schedule spec must be an object with a "kind" field, got ${describeValue(input)}` }] };
  }
  const kind = (input as { kind?: unknown }).kind;
  if (!isKind(kind)) {
    const got = kind === undefined ? "no kind" : `${describeValue(kind)}`;
    return { ok: false, errors: [{ path: ["kind"], message: `unknown schedule (${got}); expected one of ${KINDS.join(", ")}` }] };
  }
  const family = familyOf(kind);
  const result = family.schema.safeParse(input);
  if (result.success) return { ok: true, spec: result.data };
  const fields = ["kind", ...family.params.map((p) => p.name), ...Object.keys(family.defaults).filter((k) => k !== "kind" && !family.params.some((p) => p.name === k))];
  const errors = result.error.issues.flatMap((issue): RawError[] => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({ path: [...issue.path, key], message: `unknown field for "${kind}"; its fields are ${fields.join(", ")}` }));
    }
    return [{ path: issue.path, message: issue.message }];
  });
  return { ok: false, errors };
}

/** A spec nested in another (warmup's `after`, a join's children): validated with the same rules. */
const anySpecSchema: z.ZodType<ScheduleSpec> = z.unknown().transform((value, ctx) => {
  const parsed = parseRaw(value);
  if (parsed.ok) return parsed.spec;
  for (const error of parsed.errors) ctx.addIssue({ code: "custom", message: error.message, path: [...error.path] as (string | number)[] });
  return z.NEVER;
});

// Function declarations with annotated results, so that a family's field
// types never wait on ScheduleSpec (which is derived from those families).

/** A field holding one nested spec (warmup's `after`). */
export function nestedSpecField(): NestedSpecField<false> {
  return z.lazy(() => anySpecSchema) as z.ZodType<unknown> as NestedSpecField<false>;
}

/** A field holding a list of 1 to `max` nested specs (a join's schedules, a chain's factors). */
export function nestedSpecListField(what: string, max: number): NestedSpecField<true> {
  const list = z
    .array(z.lazy(() => anySpecSchema), { error: `must be a list of schedule specs` })
    .min(1, { error: `needs at least one ${what}` })
    .max(max, { error: `at most ${max} ${what}s` });
  return list as z.ZodType<unknown> as NestedSpecField<true>;
}

/** Check unknown input (JSON, URL, slider state) against the registry's rules. */
export function parseSpec(input: unknown): ParseResult {
  if (depthOf(input) > MAX_DEPTH) {
    return { ok: false, errors: [{ path: "", message: `a schedule spec may nest at most ${MAX_DEPTH} levels deep (or it refers to itself)` }] };
  }
  const result = parseRaw(input);
  if (result.ok) return result;
  return { ok: false, errors: result.errors.map((e): SpecError => ({ path: formatPath(e.path), message: e.message })) };
}

/** The errors as one readable paragraph: "k: must be a number in [0, 100], got -1". */
export function formatErrors(errors: readonly SpecError[]): string {
  return errors.map((e) => (e.path === "" ? e.message : `${e.path}: ${e.message}`)).join("; ");
}

export class SpecValidationError extends Error {
  readonly errors: readonly SpecError[];
  constructor(errors: readonly SpecError[]) {
    super(`invalid schedule: ${formatErrors(errors)}`);
    this.name = "SpecValidationError";
    this.errors = errors;
  }
}

/** parseSpec that throws a SpecValidationError instead of returning errors. */
export function checkSpec(input: unknown): ScheduleSpec {
  const result = parseSpec(input);
  if (!result.ok) throw new SpecValidationError(result.errors);
  return result.spec;
}

/**
 * The schedule as a function of the step. The spec must have passed
 * parseSpec. The step must be a finite number ≥ 0 (a RangeError otherwise).
 */
export function makeSchedule(spec: ScheduleSpec): Schedule {
  const schedule = familyOf(spec.kind).make(spec);
  return (t) => {
    if (!(Number.isFinite(t) && t >= 0)) throw new RangeError(`step must be a finite number ≥ 0, got ${t}`);
    const lr = schedule(t);
    if (!Number.isFinite(lr)) throw new RangeError(`schedule "${spec.kind}" produced ${lr} at step ${t}; this is a bug, please report the spec`);
    return lr;
  };
}
