/**
 * The parts URL fields are built from: one strict reading of numbers, words
 * and lists, and `echo`, the only way a value taken from a URL appears in a
 * message. An echo has its control and bidirectional-formatting characters
 * removed, is cut to a few dozen characters and is wrapped in Unicode isolates
 * (FSI … PDI), which the notice view renders as <bdi>: a value cannot reverse
 * or overflow the site's own words around it. Pure: no DOM, no `location`.
 * Numbers are read by the library's one `strictNumber` (src/schedules/fields.ts).
 */
import { strictNumber } from "../schedules/fields.ts";

/** How many characters of a bad value a message repeats. */
export const ECHO_LENGTH = 40;
/** Longer values are refused before any parsing (a 15 KB `lr` is not a number anyone meant). */
export const MAX_VALUE_LENGTH = 2000;

export const ISOLATE_START = "\u2068";
export const ISOLATE_END = "\u2069";

// Cc: C0/C1 controls; Cf: format characters (LRM/RLM/ALM, LRE…RLO, LRI…PDI, zero-width ones);
// Zl/Zp: line and paragraph separators.
const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

/** The text without control or bidirectional-formatting characters. */
export function cleanText(text: string): string {
  return text.replace(HIDDEN, "");
}

/** At most `max` characters (code points, so no half surrogate pair), "…" marking a cut. */
function cutText(text: string, max = ECHO_LENGTH): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max).join("")}…` : text;
}

/** A value from the URL as a message may show it: quoted, cleaned, cut and isolated. */
export function echo(raw: string): string {
  return `${ISOLATE_START}"${cutText(cleanText(raw))}"${ISOLATE_END}`;
}

/** A message for a terminal or an Error: the isolate marks removed (the echoed values stay cleaned and cut). */
export function plainText(message: string): string {
  return message.replaceAll(ISOLATE_START, "").replaceAll(ISOLATE_END, "");
}

/** The reading of one parameter: a value, or why not (a message that echoes the raw text with `echo`). */
export type Reading<T> = { ok: true; value: T; warning?: string } | { ok: false; message: string };

/** One query parameter: its name in the URL, how it reads and how it is written back. */
export interface UrlField<T> {
  readonly key: string;
  readonly read: (raw: string) => Reading<T>;
  /** The text for the URL; null leaves the parameter out. */
  readonly write: (value: T) => string | null;
  /** How a fallback value is named in a notice ("using …"); defaults to `write`. */
  readonly show?: (value: T) => string;
}

interface NumberRange {
  min: number;
  max: number;
  /** The lower bound itself is not allowed: (min, max]. */
  minExclusive?: boolean;
  integer?: boolean;
}

/** "a whole number in [1, 20000]" / "a number in (0, 10]". */
function describeRange(range: NumberRange): string {
  return `${range.integer ? "a whole number" : "a number"} in ${range.minExclusive ? "(" : "["}${range.min}, ${range.max}]`;
}

function inRange(value: number, range: NumberRange): boolean {
  return (!range.integer || Number.isInteger(value)) && (range.minExclusive ? value > range.min : value >= range.min) && value <= range.max;
}

/** A number within a range. */
function readNumber(raw: string, range: NumberRange): Reading<number> {
  const value = strictNumber(raw);
  if (value === null || !inRange(value, range)) return { ok: false, message: `must be ${describeRange(range)}, got ${echo(raw)}` };
  return { ok: true, value };
}

export function numberField(key: string, range: NumberRange): UrlField<number> {
  return { key, read: (raw) => readNumber(raw, range), write: String };
}

/** A number, or nothing: no parameter means `null` (e.g. "each kind's default rate"); a blank is refused like any non-number. */
export function optionalNumberField(key: string, range: NumberRange, nullName: string): UrlField<number | null> {
  return {
    key,
    read: (raw) => readNumber(raw, range),
    write: (value) => (value === null ? null : String(value)),
    show: (value) => (value === null ? nullName : String(value)),
  };
}

/** One word of a fixed set, compared exactly. */
export function choiceField<T extends string>(key: string, options: readonly T[]): UrlField<T> {
  const allowed = new Set<string>(options);
  return {
    key,
    read: (raw) => (allowed.has(raw) ? { ok: true, value: raw as T } : { ok: false, message: `must be one of ${options.map((o) => (o === "" ? '""' : o)).join(", ")}, got ${echo(raw)}` }),
    write: (value) => (value === "" ? null : value),
    show: (value) => (value === "" ? "none" : value),
  };
}

/** A comma-separated list of words from a fixed set, between `min` and `max` long, each at most once. */
export function listField<T extends string>(key: string, options: readonly T[], { min = 1, max = options.length }: { min?: number; max?: number } = {}): UrlField<T[]> {
  const allowed = new Set<string>(options);
  return {
    key,
    read: (raw) => {
      const words = raw.split(",").map((w) => w.trim()).filter((w) => w !== "");
      const unknown = words.filter((w) => !allowed.has(w));
      if (unknown.length > 0) return { ok: false, message: `unknown ${listOfEchoes(unknown)}; expected ${min} to ${max} of ${options.join(", ")}` };
      if (new Set(words).size !== words.length) return { ok: false, message: `names one item twice, got ${echo(raw)}` };
      if (words.length < min || words.length > max) return { ok: false, message: `must list ${min} to ${max} of ${options.join(", ")}, got ${words.length}` };
      return { ok: true, value: words as T[] };
    },
    write: (value) => value.join(","),
  };
}

/** Free text shown as text (a lesson's question), without control characters, at most `max` characters. */
export function textField(key: string, max: number): UrlField<string> {
  return {
    key,
    read: (raw) => {
      const text = raw.replace(/\p{Cc}/gu, "").trim();
      const chars = [...text];
      return chars.length > max ? { ok: true, value: chars.slice(0, max).join(""), warning: `cut to its first ${max} characters` } : { ok: true, value: text };
    },
    write: (value) => (value === "" ? null : value),
  };
}

/** `"a", "b", "c" and 4 more`: at most `cap` echoes. */
export function listOfEchoes(raws: readonly string[], cap = 3): string {
  const shown = raws.slice(0, cap).map(echo).join(", ");
  return raws.length > cap ? `${shown} and ${raws.length - cap} more` : shown;
}
