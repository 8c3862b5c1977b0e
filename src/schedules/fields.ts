/**
 * zod builders shared by every schedule family, so each field's message names
 * the allowed range the same way ("must be a number in (0, 1000]").
 */
import { z } from "zod";
import type { ParamDef } from "./types.ts";

const DECIMAL = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

/**
 * The one reading of a number typed as text (a URL, a command line): plain
 * decimal with an optional exponent. Hex ("0x10"), blanks, "1e", "Infinity",
 * "NaN", "1_000" and anything that overflows to ±Infinity are null. Spaces
 * around it are allowed (a "+" in a query decodes to a space).
 */
export function strictNumber(raw: string): number | null {
  const text = raw.trim();
  if (!DECIMAL.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

export function describeValue(input: unknown): string {
  if (input === undefined) return "nothing";
  if (input === null) return "null";
  if (typeof input === "number") return Number.isNaN(input) ? "NaN" : String(input);
  if (typeof input === "string") return `the string ${JSON.stringify(input.length > 40 ? `${input.slice(0, 40)}…` : input)}`;
  if (Array.isArray(input)) return "a list";
  return `a ${typeof input}`;
}

function rangeText(p: ParamDef): { lo: number; hi: number; exclusive: boolean; text: string } {
  const lo = p.valid?.min ?? p.min;
  const hi = p.valid?.max ?? p.max;
  const exclusive = p.valid?.minExclusive ?? false;
  return { lo, hi, exclusive, text: `${exclusive ? "(" : "["}${lo}, ${hi}]` };
}

/** A finite number within the parameter's valid range (whole if `integer`). */
export function numberField(p: ParamDef): z.ZodNumber {
  const r = rangeText(p);
  const kind = p.integer ? "a whole number" : "a number";
  const expected = `must be ${kind} in ${r.text}`;
  let field = z.number({ error: (issue) => `${expected}, got ${describeValue(issue.input)}` });
  if (p.integer) field = field.int({ error: (issue) => `${expected}, got ${describeValue(issue.input)}` });
  field = r.exclusive
    ? field.gt(r.lo, { error: (issue) => `${expected}, got ${describeValue(issue.input)}` })
    : field.gte(r.lo, { error: (issue) => `${expected}, got ${describeValue(issue.input)}` });
  return field.lte(r.hi, { error: (issue) => `${expected}, got ${describeValue(issue.input)}` });
}

export function booleanField(): z.ZodBoolean {
  return z.boolean({ error: (issue) => `must be true or false, got ${describeValue(issue.input)}` });
}

export function enumField<const T extends readonly [string, ...string[]]>(values: T) {
  const allowed = values.map((v) => JSON.stringify(v)).join(", ");
  return z.enum(values, { error: (issue) => `must be one of ${allowed}, got ${describeValue(issue.input)}` });
}

/** Whole step counts, strictly increasing, each in [lo, 1e9]. */
export function stepListField(lo: number, what: string) {
  return z
    .array(
      z
        .number({ error: (issue) => `each ${what} must be a whole number ≥ ${lo}, got ${describeValue(issue.input)}` })
        .int({ error: (issue) => `each ${what} must be a whole number ≥ ${lo}, got ${describeValue(issue.input)}` })
        .gte(lo, { error: (issue) => `each ${what} must be a whole number ≥ ${lo}, got ${describeValue(issue.input)}` })
        .lte(1e9, { error: `each ${what} must be at most 1e9` }),
      { error: (issue) => `must be a list of ${what}s, got ${describeValue(issue.input)}` },
    )
    .max(1000, { error: `at most 1000 ${what}s` })
    .refine((xs) => xs.every((x, i) => i === 0 || x > (xs[i - 1] as number)), {
      error: `${what}s must be strictly increasing`,
    });
}

/** Learning rates in a list (piecewise schedules). */
export function rateListField(what: string) {
  const message = (issue: { input: unknown }) => `each ${what} must be a number in [0, 1000000], got ${describeValue(issue.input)}`;
  return z
    .array(z.number({ error: message }).gte(0, { error: message }).lte(1e6, { error: message }), {
      error: (issue) => `must be a list of ${what}s, got ${describeValue(issue.input)}`,
    })
    .max(1001, { error: `at most 1001 ${what}s` });
}
