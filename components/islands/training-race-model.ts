/**
 * What the TrainingRace island shows, computed from records alone, so the
 * build (which runs the race once in Node to draw a static result) and the
 * live island (which runs it in a worker) use the same code: the series for
 * each figure, the markers (divergence, plateau cuts), the summary table and
 * a text description.
 */
import { fittedSpec } from "../../src/schedules/fit.ts";
import { formatErrors, makeSchedule, parseSpec, registry, KINDS, type ScheduleKind, type ScheduleSpec } from "../../src/schedules/index.ts";
import { isTask, taskInfo, TASKS } from "../../src/data/datasets.ts";
import { isOptimizer, OPTIMIZERS } from "../../src/training/optimizers.ts";
import type { RaceRecord } from "../../src/training/race.ts";
import type { RaceSettings } from "../../src/training/session.ts";
import type { RaceMarker, RacePoint } from "../../src/plots/race.ts";

export const RACE_LIMITS = { steps: [20, 20_000], seed: [0, 2 ** 31 - 1], batchSize: [1, 512], schedules: 8 } as const;

export interface RaceSetup extends RaceSettings {
  /** Peak rate the kinds were fitted with (null: each kind's default). */
  lr: number | null;
}

export interface RaceSetupInput {
  task?: string;
  /** Comma-separated kinds ("constant,step,cosine"), fitted to the run's length. */
  schedules?: string;
  /** Exact specs instead of kinds. */
  specs?: unknown[];
  optimizer?: string;
  steps?: number;
  seed?: number;
  batchSize?: number;
  lr?: number | null;
  hidden?: number[];
  cycleMomentum?: boolean;
}

export class RaceSetupError extends Error {}

function intIn(name: string, value: number, [min, max]: readonly [number, number]): number {
  if (!(Number.isInteger(value) && value >= min && value <= max)) throw new RaceSetupError(`${name} must be a whole number in [${min}, ${max}], got ${JSON.stringify(value)}`);
  return value;
}

export function raceSetup(input: RaceSetupInput): RaceSetup {
  const task = input.task ?? "spirals";
  if (!isTask(task)) throw new RaceSetupError(`task must be one of ${TASKS.join(", ")}, got ${JSON.stringify(task)}`);
  const optimizer = input.optimizer ?? "sgd";
  if (!isOptimizer(optimizer)) throw new RaceSetupError(`optimizer must be one of ${OPTIMIZERS.join(", ")}, got ${JSON.stringify(optimizer)}`);
  const steps = intIn("steps", input.steps ?? 600, RACE_LIMITS.steps);
  const lr = input.lr ?? null;
  if (lr !== null && !(Number.isFinite(lr) && lr > 0 && lr <= 10)) throw new RaceSetupError(`lr must be a number in (0, 10], got ${JSON.stringify(lr)}`);
  let schedules: ScheduleSpec[];
  let labels: string[];
  if (input.specs) {
    schedules = input.specs.map((raw, i) => {
      const parsed = parseSpec(raw);
      if (!parsed.ok) throw new RaceSetupError(`schedule ${i + 1}: ${formatErrors(parsed.errors)}`);
      return parsed.spec;
    });
    labels = schedules.map((s, i) => `${registry[s.kind].title} ${i + 1}`);
  } else {
    const kinds = (input.schedules ?? "constant,step,exponential,cosine").split(",").map((k) => k.trim()).filter(Boolean);
    const unknown = kinds.filter((k) => !(KINDS as readonly string[]).includes(k));
    if (unknown.length > 0) throw new RaceSetupError(`unknown schedule ${unknown.map((k) => JSON.stringify(k)).join(", ")}; expected kinds from ${KINDS.join(", ")}`);
    schedules = kinds.map((k) => fittedSpec(k as ScheduleKind, steps, lr ?? undefined));
    labels = kinds.map((k) => registry[k as ScheduleKind].title);
  }
  if (schedules.length === 0 || schedules.length > RACE_LIMITS.schedules) throw new RaceSetupError(`a race takes 1 to ${RACE_LIMITS.schedules} schedules, got ${schedules.length}`);
  const info = taskInfo(task);
  return {
    task, optimizer, schedules, labels, steps, lr,
    model: task === "glyphs" ? "cnn" : "mlp",
    seed: intIn("seed", input.seed ?? 1, RACE_LIMITS.seed),
    batchSize: intIn("batch size", input.batchSize ?? 32, RACE_LIMITS.batchSize),
    evalEvery: Math.max(5, Math.round(steps / 40)),
    hidden: input.hidden ?? (info.inputShape.length === 1 && info.inputShape[0] === 2 ? [16, 16] : [32]),
    cycleMomentum: input.cycleMomentum ?? true,
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
