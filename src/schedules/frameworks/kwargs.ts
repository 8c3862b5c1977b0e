/**
 * Reading a library's keyword arguments from JSON with messages that name the
 * argument and what is allowed. Shared by the adapters.
 */
import { describeValue } from "../fields.ts";

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

export interface NumberRule {
  min?: number;
  max?: number;
  minExclusive?: boolean;
  maxExclusive?: boolean;
  integer?: boolean;
}

function rangeText(rule: NumberRule): string {
  const kind = rule.integer ? "an integer" : "a number";
  const lo = rule.min === undefined ? "" : `${rule.minExclusive ? ">" : "≥"} ${rule.min}`;
  const hi = rule.max === undefined ? "" : `${rule.maxExclusive ? "<" : "≤"} ${rule.max}`;
  return [kind, [lo, hi].filter(Boolean).join(" and ")].filter(Boolean).join(" ");
}

/** Typed access to one call's keyword arguments; unknown names are an error. */
export class Kwargs {
  readonly #where: string;
  readonly #params: Record<string, unknown>;
  readonly #used = new Set<string>();

  constructor(where: string, params: unknown) {
    this.#where = where;
    if (typeof params !== "object" || params === null || Array.isArray(params)) {
      throw new ConfigError(`${where}: params must be an object of keyword arguments, got ${describeValue(params)}`);
    }
    this.#params = params as Record<string, unknown>;
  }

  has(name: string): boolean {
    return this.#params[name] !== undefined && this.#params[name] !== null;
  }

  raw(name: string): unknown {
    this.#used.add(name);
    return this.#params[name];
  }

  number(name: string, fallback: number | undefined, rule: NumberRule = {}): number {
    this.#used.add(name);
    const value = this.#params[name];
    if (value === undefined || value === null) {
      if (fallback === undefined) throw new ConfigError(`${this.#where}: missing required argument ${name} (${rangeText(rule)})`);
      return fallback;
    }
    const bad = () => new ConfigError(`${this.#where}: ${name} must be ${rangeText(rule)}, got ${describeValue(value)}`);
    if (typeof value !== "number" || !Number.isFinite(value)) throw bad();
    if (rule.integer && !Number.isInteger(value)) throw bad();
    if (rule.min !== undefined && (rule.minExclusive ? !(value > rule.min) : !(value >= rule.min))) throw bad();
    if (rule.max !== undefined && (rule.maxExclusive ? !(value < rule.max) : !(value <= rule.max))) throw bad();
    return value;
  }

  optionalNumber(name: string, rule: NumberRule = {}): number | undefined {
    return this.has(name) ? this.number(name, undefined, rule) : (this.#used.add(name), undefined);
  }

  boolean(name: string, fallback: boolean): boolean {
    this.#used.add(name);
    const value = this.#params[name];
    if (value === undefined || value === null) return fallback;
    if (typeof value !== "boolean") throw new ConfigError(`${this.#where}: ${name} must be true or false, got ${describeValue(value)}`);
    return value;
  }

  choice<const T extends readonly string[]>(name: string, options: T, fallback: T[number]): T[number] {
    this.#used.add(name);
    const value = this.#params[name];
    if (value === undefined || value === null) return fallback;
    if (typeof value !== "string" || !options.includes(value)) {
      throw new ConfigError(`${this.#where}: ${name} must be one of ${options.map((o) => JSON.stringify(o)).join(", ")}, got ${describeValue(value)}`);
    }
    return value;
  }

  numberList(name: string, rule: NumberRule = {}): number[] {
    this.#used.add(name);
    const value = this.#params[name];
    if (!Array.isArray(value)) throw new ConfigError(`${this.#where}: ${name} must be a list of ${rangeText(rule)}s, got ${describeValue(value)}`);
    if (value.length > 10_000) throw new ConfigError(`${this.#where}: ${name} has more than 10000 entries`);
    return value.map((item, i) => {
      const ok =
        typeof item === "number" &&
        Number.isFinite(item) &&
        (!rule.integer || Number.isInteger(item)) &&
        (rule.min === undefined || (rule.minExclusive ? item > rule.min : item >= rule.min)) &&
        (rule.max === undefined || (rule.maxExclusive ? item < rule.max : item <= rule.max));
      if (!ok) throw new ConfigError(`${this.#where}: ${name}[${i}] must be ${rangeText(rule)}, got ${describeValue(item)}`);
      return item as number;
    });
  }

  /** Call after reading: any argument the function does not take is an error, as in Python. */
  done(): void {
    const unknown = Object.keys(this.#params).filter((k) => !this.#used.has(k));
    if (unknown.length > 0) {
      throw new ConfigError(`${this.#where}: unexpected argument${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")}; it takes ${[...this.#used].join(", ")}`);
    }
  }
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
