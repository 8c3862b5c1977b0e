/**
 * Averages of a race's weights along its run, kept beside the weights and
 * evaluated in their place: the iterates are not changed, only read.
 *
 * - `tail:f`: the plain average of the weights after every step from step
 *   round(f · steps) on, Polyak–Ruppert averaging with the first fraction f of
 *   the run left out (f = 0 averages the whole run, as SWA's running average
 *   does from its start).
 * - `ema:β`: an exponential moving average, w̄ ← β w̄ + (1 − β) w after each
 *   step, started at the weights after the first step.
 *
 * Both follow PyTorch's `torch.optim.swa_utils.AveragedModel`: the first
 * update copies the weights, and later ones apply its default running mean
 * (w̄ + (w − w̄)/(n + 1)) or the EMA function of its documentation. An EMA
 * over T steps still carries β^(T−1) of the weights after step 1: with
 * β = 0.999 and 500 steps, 61% of them. Choose β with 1/(1 − β) well inside
 * the run.
 */
import type * as tfNamespace from "@tensorflow/tfjs";
import type { Tf } from "./model.ts";

export type AverageSpec =
  | { kind: "ema"; decay: number; label: string }
  | { kind: "tail"; fraction: number; start: number; label: string };

/** "ema:0.99" or "tail:0.5" for a run of `steps` steps; a RangeError says what is wrong. */
export function parseAverage(text: string, steps: number): AverageSpec {
  const match = /^(ema|tail):([0-9.]+)$/.exec(text.trim());
  const value = match ? Number(match[2]) : Number.NaN;
  if (!match || !Number.isFinite(value)) throw new RangeError(`must be ema:β or tail:f (e.g. ema:0.99, tail:0.5), got ${JSON.stringify(text)}`);
  if (match[1] === "ema") {
    if (!(value > 0 && value < 1)) throw new RangeError(`ema:β needs β in (0, 1), got ${match[2]}`);
    return { kind: "ema", decay: value, label: `ema:${match[2]}` };
  }
  if (!(value >= 0 && value < 1)) throw new RangeError(`tail:f needs f in [0, 1), got ${match[2]}`);
  return { kind: "tail", fraction: value, start: Math.round(value * steps), label: `tail:${match[2]}` };
}

/** Runs `fn` with the variables holding `values`, then puts the weights back. `fn` must be synchronous (read results after). */
export function atWeights<T>(tf: Tf, variables: readonly tfNamespace.Variable[], values: readonly tfNamespace.Tensor[] | null, fn: () => T): T {
  if (values === null) return fn();
  const saved = variables.map((v) => tf.clone(v));
  try {
    variables.forEach((v, i) => v.assign(values[i] as tfNamespace.Tensor));
    return fn();
  } finally {
    variables.forEach((v, i) => v.assign(saved[i] as tfNamespace.Tensor));
    for (const s of saved) s.dispose();
  }
}

/** One running average per spec, of every variable (all copies at once: the copies are independent). */
export class WeightAverages {
  readonly specs: readonly AverageSpec[];
  readonly #tf: Tf;
  readonly #averages: (tfNamespace.Variable[] | null)[];
  readonly #counts: number[];

  constructor(tf: Tf, specs: readonly AverageSpec[]) {
    this.#tf = tf;
    this.specs = specs;
    this.#averages = specs.map(() => null);
    this.#counts = specs.map(() => 0);
  }

  /** After the update of step `step` (0-based): fold the new weights into each average whose window has begun. */
  update(variables: readonly tfNamespace.Variable[], step: number): void {
    const tf = this.#tf;
    this.specs.forEach((spec, i) => {
      if (spec.kind === "tail" && step < spec.start) return;
      const n = this.#counts[i] as number;
      const current = this.#averages[i];
      if (!current) {
        this.#averages[i] = variables.map((v) => tf.tidy(() => tf.variable(tf.clone(v), false)));
      } else {
        // Running mean: w̄ + (w − w̄)/(n + 1); EMA: w̄ + (1 − β)(w − w̄).
        const share = spec.kind === "tail" ? 1 / (n + 1) : 1 - spec.decay;
        tf.tidy(() => current.forEach((avg, j) => avg.assign(tf.add(avg, tf.mul(tf.sub(variables[j] as tfNamespace.Variable, avg), share)))));
      }
      this.#counts[i] = n + 1;
    });
  }

  /** How many weight vectors average i holds. */
  count(i: number): number {
    return this.#counts[i] ?? 0;
  }

  /** Average i, one tensor per variable; null before its window begins. */
  values(i: number): tfNamespace.Tensor[] | null {
    return this.#averages[i] ?? null;
  }

  dispose(): void {
    for (const avg of this.#averages) for (const v of avg ?? []) v.dispose();
    this.#averages.fill(null);
  }
}
