/**
 * What the TrainingRace island shows, computed from records alone, so the
 * build (which runs the race once in Node to draw a static result) and the
 * live island (which runs it in a worker) use the same code: the series for
 * each figure, the markers (divergence, plateau cuts), the summary table and
 * a text description.
 */
import { ExpressionError, formatErrors, makeSchedule, parseSpec } from "../../src/schedules/index.ts";
import type { RaceRecord } from "../../src/training/race.ts";
import { PROFILES, raceRanges, RaceSettingsError, resolveRace, type RaceInput, type RaceSettings } from "../../src/training/settings.ts";
import type { RaceMarker, RacePoint } from "../../src/plots/race.ts";

const BROWSER = raceRanges("browser");
/** The browser's bounds (src/training/settings.ts, PROFILES.browser), as the controls need them. */
export const RACE_LIMITS = {
  steps: [BROWSER.steps.min, BROWSER.steps.max],
  seed: [BROWSER.seed.min, BROWSER.seed.max],
  batchSize: [BROWSER.batchSize.min, BROWSER.batchSize.max],
  /** Peak rate: (0, max]. */
  lr: [BROWSER.lr.min, BROWSER.lr.max],
  schedules: PROFILES.browser.maxSchedules,
} as const;

/** A race as the island shows it: the resolved settings (with the peak rate the kinds were fitted with). */
export type RaceSetup = RaceSettings;

export interface RaceSetupInput extends Omit<RaceInput, "schedules"> {
  /** Comma-separated kinds ("constant,step,cosine"), fitted to the run's length. */
  schedules?: string;
  /** The Python lambda of a `lambda` schedule in the race (its default expression when absent). */
  expression?: string;
}

/** The expression of the race's written schedule, if it has one. */
export function expressionOf(setup: RaceSetup): string | undefined {
  const spec = setup.schedules.find((s) => s.kind === "lambda");
  return spec?.kind === "lambda" ? spec.expression : undefined;
}

export class RaceSetupError extends Error {}

/** The race from the island's props or controls: src/training/settings.ts under the browser's limits. */
export function raceSetup(input: RaceSetupInput): RaceSetup {
  const { schedules, expression, ...rest } = input;
  let setup: RaceSetup;
  try {
    setup = resolveRace({ ...rest, ...(schedules === undefined ? {} : { schedules: schedules.split(",").map((k) => k.trim()).filter(Boolean) }) }, "browser");
  } catch (error) {
    if (error instanceof RaceSettingsError) throw new RaceSetupError(error.message);
    throw error;
  }
  if (expression === undefined) return setup;
  return {
    ...setup,
    schedules: setup.schedules.map((spec) => {
      if (spec.kind !== "lambda") return spec;
      const parsed = parseSpec({ ...spec, expression });
      if (!parsed.ok) throw new RaceSetupError(`expression: ${formatErrors(parsed.errors)}`);
      // Every rate of the run, checked before it trains: a NaN, infinite or negative one is named with its step.
      const rate = makeSchedule(parsed.spec);
      try {
        for (let t = 0; t < setup.steps; t += 1) rate(t);
      } catch (error) {
        if (error instanceof ExpressionError) throw new RaceSetupError(`expression: ${error.message}`);
        throw error;
      }
      return parsed.spec;
    }),
  };
}

export interface RaceRow {
  run: string;
  finalTrainLoss: number | null;
  finalValLoss: number | null;
  bestValAccuracy: number | null;
  finalLr: number | null;
  diverged: number | null;
  cuts: number;
}

/** Collects records as they stream in; the figures and table read it. */
export class RaceLog {
  readonly setup: RaceSetup;
  readonly train: RacePoint[] = [];
  readonly val: RacePoint[] = [];
  readonly accuracy: RacePoint[] = [];
  readonly lr: RacePoint[] = [];
  readonly markers: RaceMarker[] = [];
  readonly cuts: { run: string; step: number; from: number; to: number; reason: string }[] = [];
  readonly diverged: (number | null)[];
  steps = 0;
  readonly #smooth: (number | null)[];

  constructor(setup: RaceSetup) {
    this.setup = setup;
    this.diverged = setup.labels.map(() => null);
    this.#smooth = setup.labels.map(() => null);
  }

  add(records: readonly RaceRecord[]): void {
    const names = this.setup.labels;
    for (const r of records) {
      this.steps = r.step + 1;
      r.lr.forEach((lr, k) => {
        if (this.diverged[k] === null || r.step <= (this.diverged[k] as number)) this.lr.push({ step: r.step, run: names[k] as string, value: lr });
        const loss = r.trainLoss[k];
        if (typeof loss === "number") {
          // Exponential moving average: minibatch losses are noisy; the raw values are in the export.
          const prev = this.#smooth[k];
          const smooth = prev === null || prev === undefined ? loss : 0.9 * prev + 0.1 * loss;
          this.#smooth[k] = smooth;
          this.train.push({ step: r.step, run: names[k] as string, value: smooth });
        }
        const v = r.valLoss?.[k];
        if (typeof v === "number") this.val.push({ step: r.step + 1, run: names[k] as string, value: v });
        const a = r.valAccuracy?.[k];
        if (typeof a === "number") this.accuracy.push({ step: r.step + 1, run: names[k] as string, value: a });
      });
    }
  }

  markDiverged(run: number, step: number, message: string): void {
    if (this.diverged[run] !== null) return;
    this.diverged[run] = step;
    const name = this.setup.labels[run] as string;
    const last = [...this.train].reverse().find((p) => p.run === name);
    this.markers.push({ step, run: name, value: last?.value ?? 1, label: `${name}: ${message}` });
  }

  markCut(cut: { run: number; step: number; from: number; to: number; reason: string }): void {
    this.cuts.push({ ...cut, run: this.setup.labels[cut.run] as string });
  }

  rows(): RaceRow[] {
    return this.setup.labels.map((run, k) => {
      const lastOf = (points: RacePoint[]) => [...points].reverse().find((p) => p.run === run)?.value ?? null;
      const accuracies = this.accuracy.filter((p) => p.run === run).map((p) => p.value);
      return {
        run,
        finalTrainLoss: this.diverged[k] !== null ? null : lastOf(this.train),
        finalValLoss: this.diverged[k] !== null ? null : lastOf(this.val),
        bestValAccuracy: accuracies.length ? Math.max(...accuracies) : null,
        finalLr: lastOf(this.lr),
        diverged: this.diverged[k] as number | null,
        cuts: this.cuts.filter((c) => c.run === run).length,
      };
    });
  }

  description(): string {
    if (this.steps === 0) return `No steps yet: ${this.setup.labels.length} schedules ready to train on ${this.setup.task}.`;
    const rows = this.rows();
    const alive = rows.filter((r) => r.finalValLoss !== null);
    const best = alive.reduce<RaceRow | null>((b, r) => (b === null || (r.finalValLoss as number) < (b.finalValLoss as number) ? r : b), null);
    const parts = [`After ${this.steps} steps on ${this.setup.task} with ${this.setup.optimizer}:`];
    if (best) parts.push(`${best.run} has the lowest validation loss (${fmt(best.finalValLoss)}).`);
    for (const r of rows) {
      if (r.diverged !== null) parts.push(`${r.run} diverged at step ${r.diverged}.`);
      else parts.push(`${r.run}: validation loss ${fmt(r.finalValLoss)}${r.bestValAccuracy !== null ? `, best accuracy ${pct(r.bestValAccuracy)}` : ""}.`);
    }
    return parts.join(" ");
  }
}

export const fmt = (v: number | null): string => (v === null ? "—" : Number.parseFloat(v.toPrecision(3)).toString());
export const pct = (v: number | null): string => (v === null ? "—" : `${(v * 100).toFixed(1)}%`);

/** Each schedule's rate over the run, known before training (a stateful one, plateau, holds its starting rate until it hears a metric). */
export function plannedRates(setup: RaceSetup): RacePoint[] {
  return setup.schedules.flatMap((spec, k) => {
    const at = makeSchedule(spec);
    const every = Math.max(1, Math.floor(setup.steps / 300));
    const out: RacePoint[] = [];
    for (let t = 0; t < setup.steps; t += every) out.push({ step: t, run: setup.labels[k] as string, value: at(t) });
    return out;
  });
}
