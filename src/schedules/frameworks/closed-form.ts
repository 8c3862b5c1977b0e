/**
 * What the Keras, optax and Hugging Face adapters share: each of those
 * libraries defines a schedule as a function of the step, called at
 * t = 0, 1, …, steps − 1 (value i is the rate for update i). This module
 * evaluates such a function over a run with the checks every adapter needs.
 */
import type { FrameworkCase, ValuesResult } from "./types.ts";
import { ConfigError, errorMessage } from "./kwargs.ts";

export const MAX_STEPS = 1_000_000;

export function checkSteps(steps: unknown): number {
  if (!(typeof steps === "number" && Number.isInteger(steps) && steps >= 0 && steps <= MAX_STEPS)) {
    throw new ConfigError(`steps must be an integer in [0, ${MAX_STEPS}], got ${String(steps)}`);
  }
  return steps;
}

/** Values of a closed-form schedule at t = 0 … steps − 1; a non-finite value is an error naming the step. */
export function sampleClosedForm(c: FrameworkCase, build: (c: FrameworkCase) => (t: number) => number): ValuesResult {
  try {
    const steps = checkSteps(c.steps);
    if (c.metrics !== undefined) throw new ConfigError(`metrics are only for reduce-on-plateau, not ${c.name}`);
    const at = build(c);
    const lr = new Array<number>(steps);
    for (let t = 0; t < steps; t += 1) {
      const value = at(t);
      if (!Number.isFinite(value)) throw new ConfigError(`${c.name} gives ${value} at step ${t}; check the parameters`);
      lr[t] = value;
    }
    return { ok: true, lr };
  } catch (error) {
    return { ok: false, error: errorMessage(error) };
  }
}

/** The rate table of a run, as a Python list literal (for snippets that must be exact for any spec). */
export function tableLiteral(values: readonly number[], format: (v: number) => string): string {
  const rows: string[] = [];
  for (let i = 0; i < values.length; i += 8) rows.push("    " + values.slice(i, i + 8).map(format).join(", ") + ",");
  return `[\n${rows.join("\n")}\n]`;
}
