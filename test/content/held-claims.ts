/**
 * Numbers the content quotes about schedule values, held against the site's
 * own schedule library. A claim names the exact text it lives in, the numbers
 * as quoted (in order), and how to recompute each one: from a site spec
 * (parseSpec + makeSchedule), from a library adapter (src/schedules/frameworks,
 * value t = the rate of update t), or from the plateau rule fed a metric list.
 * The test checks both ways: the text is still in the file, and each quoted
 * number equals the recomputed one at the precision it is quoted with.
 */
import { readFileSync } from "node:fs";
import { parseSpec, formatErrors, makeSchedule, PlateauController } from "../../src/schedules/index.ts";
import { adapters, type FrameworkCase, type Library } from "../../src/schedules/frameworks/index.ts";
import type { PlateauSpec } from "../../src/schedules/index.ts";

/** The learning rate at step t (t = 0, 1, 2 ...), as the source computes it. */
export type Rates = (t: number) => number;

export type Source =
  | { spec: Record<string, unknown> }
  | { library: Library; case: FrameworkCase }
  /** Reduce on plateau: rate after the t-th metric (t ≥ 1), rate(0) = the start. */
  | { plateau: Record<string, unknown>; metrics: number[] }
  /** A step-dependent factor that is not a schedule kind (e.g. RAdam's rectifier), transcribed from the named source. */
  | { formula: Rates; from: string };

export interface Quoted {
  /** The number exactly as the text writes it: "0.0497", "1.7e-7", "2.5\\times10^{-5}", "7.9 \\cdot 10^{-5}", "22,000". */
  quote: string;
  /** A step (or several steps that must all show the quoted value), or a derived number. */
  at: number | readonly number[] | ((rates: Rates) => number);
  /** "=" (default): equal at the quoted precision; ">"/"<": a strict bound; ">="/"<=": a bound at the quoted precision. */
  rel?: "=" | ">" | "<" | ">=" | "<=";
  /** Significant digits, when the quote alone does not say (e.g. "22,000" meant to 2 digits). */
  digits?: number;
  /** Absolute tolerance, for quotes like "≈ 0". */
  tol?: number;
  /** This number's own source, when a row mixes libraries. */
  source?: Source;
}

export interface Claim {
  file: string;
  /** Exact text in the file (a table row, a sentence fragment). */
  text: string;
  source?: Source;
  values: readonly Quoted[];
}

/** Parse a quoted number; returns its value and the half-unit of its last digit. */
export function parseQuote(quote: string, digits?: number): { value: number; halfUnit: number } {
  const clean = quote.replace(/[$*]/g, "").replace(/,/g, "").replace(/\s+/g, "").replace(/^≈/, "");
  const match = /^(-?\d+(?:\.(\d+))?)(?:e([+-]?\d+)|\\(?:times|cdot)10\^\{?([+-−]?\d+)\}?)?$/.exec(clean);
  if (!match) throw new Error(`cannot read the number "${quote}"`);
  const mantissa = Number(match[1]);
  const exponent = Number((match[3] ?? match[4] ?? "0").replace("−", "-"));
  const value = mantissa * 10 ** exponent;
  if (digits !== undefined) {
    if (value === 0) throw new Error(`"${quote}": digits make no sense for 0`);
    const magnitude = Math.floor(Math.log10(Math.abs(value)));
    return { value, halfUnit: 0.5 * 10 ** (magnitude - digits + 1) };
  }
  const decimals = match[2]?.length ?? 0;
  return { value, halfUnit: 0.5 * 10 ** (exponent - decimals) };
}

const cache = new Map<string, Rates>();

export function ratesOf(source: Source): Rates {
  const key = "formula" in source ? `formula:${source.from}` : JSON.stringify(source);
  const hit = cache.get(key);
  if (hit) return hit;
  const rates = build(source);
  cache.set(key, rates);
  return rates;
}

function build(source: Source): Rates {
  if ("spec" in source) {
    const parsed = parseSpec(source.spec);
    if (!parsed.ok) throw new Error(`invalid spec ${JSON.stringify(source.spec)}: ${formatErrors(parsed.errors)}`);
    return makeSchedule(parsed.spec);
  }
  if ("library" in source) {
    const result = adapters[source.library].values(source.case);
    if (!result.ok) throw new Error(`${source.library} ${source.case.name}: ${result.error}`);
    const values = result.lr;
    return (t) => {
      const v = values[t];
      if (v === undefined) throw new Error(`${source.library} ${source.case.name}: no value at step ${t} (have ${values.length})`);
      return v;
    };
  }
  if ("formula" in source) return source.formula;
  const parsed = parseSpec({ kind: "plateau", ...source.plateau });
  if (!parsed.ok || parsed.spec.kind !== "plateau") throw new Error(`invalid plateau spec: ${parsed.ok ? "not plateau" : formatErrors(parsed.errors)}`);
  const controller = new PlateauController(parsed.spec as PlateauSpec);
  const after = [parsed.spec.lr, ...source.metrics.map((m) => controller.report(m))];
  return (t) => {
    const v = after[t];
    if (v === undefined) throw new Error(`plateau: no rate after metric ${t} (have ${source.metrics.length} metrics)`);
    return v;
  };
}

/** Index of `quote` in `text` at or after `from`, not inside a longer number. */
export function findNumber(text: string, quote: string, from: number): number {
  for (let i = text.indexOf(quote, from); i >= 0; i = text.indexOf(quote, i + 1)) {
    const before = text[i - 1] ?? " ";
    const after = text[i + quote.length] ?? " ";
    if (!/[\d.]/.test(before) && !/\d/.test(after) && !(after === "." && /\d/.test(text[i + quote.length + 1] ?? ""))) return i;
  }
  return -1;
}

/** Every problem with one claim, in words; empty when it holds. */
export function checkClaim(claim: Claim): string[] {
  const where = `${claim.file}: "${claim.text.slice(0, 70)}"`;
  const body = readFileSync(claim.file, "utf8");
  if (!body.includes(claim.text)) return [`${where}: this text is no longer in the file; update the claim with the text`];
  const problems: string[] = [];
  let cursor = 0;
  for (const q of claim.values) {
    const at = findNumber(claim.text, q.quote, cursor);
    if (at < 0) {
      problems.push(`${where}: "${q.quote}" not found in order in the text`);
      continue;
    }
    cursor = at + q.quote.length;
    const source = q.source ?? claim.source;
    if (!source) throw new Error(`${where}: no source for "${q.quote}"`);
    const rates = ratesOf(source);
    const computed = typeof q.at === "function" ? [q.at(rates)] : (typeof q.at === "number" ? [q.at] : q.at).map((t) => rates(t));
    const { value, halfUnit } = parseQuote(q.quote, q.digits);
    const tol = q.tol ?? (value === 0 ? 1e-12 : halfUnit * (1 + 1e-9));
    for (const [i, c] of computed.entries()) {
      const label = typeof q.at === "function" ? "derived" : `step ${(typeof q.at === "number" ? [q.at] : q.at)[i]}`;
      const rel = q.rel ?? "=";
      const ok = { "=": Math.abs(c - value) <= tol, ">": c > value, "<": c < value, ">=": c >= value - tol, "<=": c <= value + tol }[rel];
      if (!ok) problems.push(`${where}: quotes ${q.quote} (${rel}), the library computes ${c} at ${label}`);
    }
  }
  return problems;
}

/** Mean rate over steps [0, n). */
export const meanOver = (n: number) => (rates: Rates): number => {
  let sum = 0;
  for (let t = 0; t < n; t += 1) sum += rates(t);
  return sum / n;
};
