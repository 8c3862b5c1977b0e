/**
 * URL state, one mechanism for every island: an island declares its fields
 * (`UrlField`s keyed by the names of its state), and `readUrlState` reads a
 * query into that state while `writeUrlState` writes it back. Whatever the URL
 * says is only ever data: a URL key is looked up in a Map of the declared
 * fields (never used as a property name), each field is validated on its own,
 * a bad one keeps the current value, and every problem becomes a notice —
 * bad values, values too long, parameters given twice, parameters nobody
 * reads ("ignored: …", a few named). Values in notices are echoed cut and
 * isolated (see url-fields.ts). Pure: the ten-line url-adapter.ts is the
 * only code touching `location` and `history`.
 */
import { formatErrors, isKind, parseSpec, registry, type ScheduleKind, type ScheduleSpec } from "../schedules/core.ts";
import { strictNumber } from "../schedules/fields.ts";
import { echo, listOfEchoes, MAX_VALUE_LENGTH, type Reading, type UrlField } from "./url-fields.ts";

export interface UrlNotice {
  /** The parameter the notice is about ("ignored" for unknown ones). */
  param: string;
  /** The whole clause, naming the parameter: `lr: must be a number in (0, 10], got "0x10"; using 0.1`. */
  message: string;
}

/** An island's URL fields, one per field of its state. */
export type UrlFields<S> = { readonly [K in keyof S]-?: UrlField<S[K]> };

interface UrlRead<S> {
  state: S;
  notices: UrlNotice[];
}

interface ReadOptions {
  /** Keys another reader handles (a schedule spec's fields): neither read here nor called unknown. */
  alsoKnown?: Iterable<string>;
}

function fieldEntries<S>(fields: UrlFields<S>): [keyof S, UrlField<S[keyof S]>][] {
  return Object.keys(fields).map((name) => [name as keyof S, fields[name as keyof S]]);
}

/** How many times each key occurs, in URL order. */
function keyCounts(params: URLSearchParams): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [key] of params) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

/** The notice for values nobody reads, or none. */
function ignoredNotice(keys: readonly string[]): UrlNotice[] {
  if (keys.length === 0) return [];
  return [{ param: "ignored", message: `ignored: ${listOfEchoes(keys)} (${keys.length === 1 ? "not a setting" : "not settings"} here)` }];
}

/** Repeated keys: the first value counts, and the reader is told. */
function repeatNotices(counts: ReadonlyMap<string, number>, known: (key: string) => boolean): UrlNotice[] {
  return [...counts].filter(([key, n]) => n > 1 && known(key)).map(([key, n]) => ({ param: key, message: `${key}: given ${n} times; using the first` }));
}

/**
 * The state a query describes, starting from `current`: each declared field
 * present and valid replaces its value; everything else leaves it and says why.
 */
export function readUrlState<S extends object>(params: URLSearchParams, fields: UrlFields<S>, current: NoInfer<S>, options: ReadOptions = {}): UrlRead<S> {
  const entries = fieldEntries(fields);
  const declared = new Set(entries.map(([, field]) => field.key));
  const also = new Set(options.alsoKnown ?? []);
  const known = (key: string) => declared.has(key) || also.has(key);
  const counts = keyCounts(params);
  const notices: UrlNotice[] = repeatNotices(counts, known);
  const state = { ...current };
  for (const [name, field] of entries) {
    const raw = params.get(field.key);
    if (raw === null) continue;
    const using = () => (field.show ?? field.write)(current[name]) ?? "the default";
    const reading: Reading<S[keyof S]> =
      raw.length > MAX_VALUE_LENGTH ? { ok: false, message: `is ${raw.length} characters long (at most ${MAX_VALUE_LENGTH}), starting ${echo(raw)}` } : field.read(raw);
    if (reading.ok) {
      state[name] = reading.value;
      if (reading.warning) notices.push({ param: field.key, message: `${field.key}: ${reading.warning}` });
    } else {
      notices.push({ param: field.key, message: `${field.key}: ${reading.message}; using ${using()}` });
    }
  }
  notices.push(...ignoredNotice([...counts.keys()].filter((key) => !known(key))));
  return { state, notices };
}

/** Query parameters for a state (fields whose `write` gives null are left out). */
export function writeUrlState<S extends object>(state: NoInfer<S>, fields: UrlFields<S>, into = new URLSearchParams()): URLSearchParams {
  for (const [name, field] of fieldEntries(fields)) {
    const text = field.write(state[name]);
    if (text !== null) into.set(field.key, text);
  }
  return into;
}

/* ------------------------------------------------------------ schedule specs */

/** A field's value as the URL carries it. */
function encodeValue(value: unknown): string {
  if (Array.isArray(value) && value.every((v) => typeof v === "number")) return value.join(",");
  if (typeof value === "object" && value !== null) return JSON.stringify(value);
  return String(value);
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * A URL string back to the type the default has, strictly: numbers through
 * `strictNumber`, text (words, expressions) and nested specs (JSON) as
 * printable ASCII. So whatever the schema's own messages repeat is plain
 * ASCII, which no bidirectional reordering can turn around.
 */
function decodeValue(raw: string, like: unknown): Reading<unknown> {
  if (typeof like === "number") {
    const value = strictNumber(raw);
    return value === null ? { ok: false, message: `must be a number, got ${echo(raw)}` } : { ok: true, value };
  }
  if (typeof like === "boolean") {
    if (raw === "true" || raw === "1") return { ok: true, value: true };
    if (raw === "false" || raw === "0") return { ok: true, value: false };
    return { ok: false, message: `must be true or false, got ${echo(raw)}` };
  }
  if (Array.isArray(like) && like.every((v) => typeof v === "number")) {
    if (raw.trim() === "") return { ok: true, value: [] };
    const values = raw.split(",").map(strictNumber);
    return values.every((v) => v !== null) ? { ok: true, value: values } : { ok: false, message: `must be a comma-separated list of numbers, got ${echo(raw)}` };
  }
  if (typeof like === "object" && like !== null) {
    if (!PRINTABLE_ASCII.test(raw)) return { ok: false, message: `must be a schedule written as JSON, got ${echo(raw)}` };
    try {
      return { ok: true, value: JSON.parse(raw) as unknown };
    } catch {
      return { ok: false, message: `is not valid JSON, got ${echo(raw)}` };
    }
  }
  return PRINTABLE_ASCII.test(raw) ? { ok: true, value: raw } : { ok: false, message: `must be plain ASCII text, got ${echo(raw)}` };
}

/** The field names of a kind's spec ("kind" first), as URL keys with `prefix`. */
export function specUrlKeys(kind: ScheduleKind, prefix = ""): string[] {
  return [`${prefix}kind`, ...Object.keys(registry[kind].defaults).filter((k) => k !== "kind").map((k) => `${prefix}${k}`)];
}

/** Query parameters for a spec, with an optional prefix so two specs can share a URL ("b." for the comparison). */
export function specToSearchParams(spec: ScheduleSpec, prefix = "", into = new URLSearchParams()): URLSearchParams {
  into.set(`${prefix}kind`, spec.kind);
  for (const [key, value] of Object.entries(spec)) {
    if (key !== "kind") into.set(`${prefix}${key}`, encodeValue(value));
  }
  return into;
}

interface ParsedSpecState {
  spec: ScheduleSpec;
  notices: UrlNotice[];
}

/**
 * The spec a URL describes. Missing fields take the kind's defaults; each bad
 * field is dropped with a notice; an unknown kind falls back to `fallback`.
 * Fields are applied in the spec's order, each checked with those before it.
 */
export function specFromSearchParams(params: URLSearchParams, fallback: ScheduleKind, prefix = ""): ParsedSpecState {
  const notices: UrlNotice[] = [];
  const rawKind = params.get(`${prefix}kind`);
  let kind = fallback;
  if (rawKind !== null && !isKind(rawKind)) {
    notices.push({ param: `${prefix}kind`, message: `${prefix}kind: unknown schedule ${echo(rawKind)}; showing ${registry[fallback].title.toLowerCase()} instead` });
  } else if (rawKind !== null) {
    kind = rawKind;
  }
  let spec = registry[kind].defaults as ScheduleSpec;
  const values = new Map<string, unknown>(Object.entries(spec));
  for (const field of values.keys()) {
    if (field === "kind") continue;
    const param = `${prefix}${field}`;
    const raw = params.get(param);
    if (raw === null) continue;
    const current = new Map<string, unknown>(Object.entries(spec)).get(field);
    const using = `using ${encodeValue(current)}`;
    if (raw.length > MAX_VALUE_LENGTH) {
      notices.push({ param, message: `${param}: is ${raw.length} characters long (at most ${MAX_VALUE_LENGTH}), starting ${echo(raw)}; ${using}` });
      continue;
    }
    const decoded = decodeValue(raw, current);
    if (!decoded.ok) {
      notices.push({ param, message: `${param}: ${decoded.message}; ${using}` });
      continue;
    }
    const parsed = parseSpec(Object.fromEntries([...Object.entries(spec), [field, decoded.value]]));
    if (parsed.ok) spec = parsed.spec;
    else notices.push({ param, message: `${formatErrors(parsed.errors)}; ${using}` });
  }
  return { spec, notices };
}
