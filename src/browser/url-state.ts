/**
 * URL state as a pure parse/serialize pair (no `location`, no `history`):
 * a spec becomes query parameters and back. Whatever the URL says is only
 * ever data: each field is validated on its own, a bad one falls back to the
 * default and produces a notice naming what was wrong.
 */
import { formatErrors, parseSpec, registry, KINDS, type ScheduleKind, type ScheduleSpec } from "../schedules/index.ts";

export interface UrlNotice {
  param: string;
  message: string;
}

export interface ParsedSpecState {
  spec: ScheduleSpec;
  notices: UrlNotice[];
}

const MAX_VALUE_LENGTH = 2000;

function isKind(value: string | null): value is ScheduleKind {
  return value !== null && (KINDS as readonly string[]).includes(value);
}

/** A field's value as the URL carries it. */
function encodeValue(value: unknown): string {
  if (Array.isArray(value) && value.every((v) => typeof v === "number")) return value.join(",");
  if (typeof value === "object" && value !== null) return JSON.stringify(value);
  return String(value);
}

/** A URL string back to the type the default has. */
function decodeValue(raw: string, like: unknown): unknown {
  if (typeof like === "number") return raw.trim() === "" ? Number.NaN : Number(raw);
  if (typeof like === "boolean") return raw === "true" || raw === "1" ? true : raw === "false" || raw === "0" ? false : raw;
  if (Array.isArray(like) && like.every((v) => typeof v === "number")) return raw.trim() === "" ? [] : raw.split(",").map((x) => (x.trim() === "" ? Number.NaN : Number(x)));
  if (typeof like === "object" && like !== null) {
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      return raw;
    }
  }
  return raw;
}

/** Query parameters for a spec, with an optional prefix so two specs can share a URL ("b." for the comparison). */
export function specToSearchParams(spec: ScheduleSpec, prefix = "", into = new URLSearchParams()): URLSearchParams {
  into.set(`${prefix}kind`, spec.kind);
  for (const [key, value] of Object.entries(spec)) {
    if (key !== "kind") into.set(`${prefix}${key}`, encodeValue(value));
  }
  return into;
}

/**
 * The spec a URL describes. Missing fields take the kind's defaults; each bad
 * field is dropped with a notice; an unknown kind falls back to `fallback`.
 */
export function specFromSearchParams(params: URLSearchParams, fallback: ScheduleKind, prefix = ""): ParsedSpecState {
  const notices: UrlNotice[] = [];
  const rawKind = params.get(`${prefix}kind`);
  let kind = fallback;
  if (rawKind !== null && !isKind(rawKind)) {
    notices.push({ param: `${prefix}kind`, message: `unknown schedule "${rawKind.slice(0, 60)}"; showing ${registry[fallback].title.toLowerCase()} instead` });
  } else if (rawKind !== null) {
    kind = rawKind;
  }
  let spec = registry[kind].defaults as ScheduleSpec;
  const fields = Object.keys(spec).filter((k) => k !== "kind");
  for (const field of fields) {
    const raw = params.get(`${prefix}${field}`);
    if (raw === null) continue;
    if (raw.length > MAX_VALUE_LENGTH) {
      notices.push({ param: `${prefix}${field}`, message: `value longer than ${MAX_VALUE_LENGTH} characters; using the default` });
      continue;
    }
    const candidate = { ...spec, [field]: decodeValue(raw, (spec as unknown as Record<string, unknown>)[field]) };
    const parsed = parseSpec(candidate);
    if (parsed.ok) spec = parsed.spec;
    else notices.push({ param: `${prefix}${field}`, message: `${formatErrors(parsed.errors)}; using ${encodeValue((spec as unknown as Record<string, unknown>)[field])}` });
  }
  return { spec, notices };
}

/** A whole number from the URL within [min, max], or the default with a notice. */
export function intFromSearchParams(params: URLSearchParams, name: string, fallback: number, min: number, max: number, notices: UrlNotice[]): number {
  const raw = params.get(name);
  if (raw === null) return fallback;
  const value = Number(raw);
  if (raw.trim() === "" || !Number.isInteger(value) || value < min || value > max) {
    notices.push({ param: name, message: `must be a whole number in [${min}, ${max}], got "${raw.slice(0, 40)}"; using ${fallback}` });
    return fallback;
  }
  return value;
}

/** One of a fixed set of words from the URL, or the default with a notice. */
export function choiceFromSearchParams<T extends string>(params: URLSearchParams, name: string, options: readonly T[], fallback: T, notices: UrlNotice[]): T {
  const raw = params.get(name);
  if (raw === null) return fallback;
  if ((options as readonly string[]).includes(raw)) return raw as T;
  notices.push({ param: name, message: `must be one of ${options.join(", ")}, got "${raw.slice(0, 40)}"; using ${fallback}` });
  return fallback;
}
