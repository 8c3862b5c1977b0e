/**
 * Reduce on plateau: the one schedule that listens. It keeps the best metric
 * seen and cuts the rate by `factor` when the metric stops improving.
 */
import { enumField } from "./fields.ts";
import { defineFamily, keepDefaults, param, type SpecFrom } from "./family.ts";
import type { RateCut, Scheduler } from "./types.ts";

export type PlateauEvent = RateCut;

const plateauParams = [
  param.lr(),
  {
    name: "factor", symbol: "f", label: "cut factor", description: "What the rate is multiplied by at each cut.",
    min: 0.05, max: 0.95, default: 0.5, scale: "linear", integer: false, valid: { min: 0, max: 1, minExclusive: true },
  },
  {
    name: "patience", symbol: "P", label: "patience", unit: "evaluations", description: "Evaluations without improvement tolerated before a cut.",
    min: 0, max: 50, default: 10, scale: "linear", integer: true, valid: { min: 0, max: 1e9 },
  },
  {
    name: "threshold", symbol: "\\theta", label: "threshold", description: "How much better than the best a value must be to count as an improvement (relative or absolute).",
    min: 0, max: 0.1, default: 1e-4, scale: "linear", integer: false, valid: { min: 0, max: 1e6 },
  },
  {
    name: "cooldown", symbol: "c", label: "cooldown", unit: "evaluations", description: "Evaluations after a cut during which no new cut can happen.",
    min: 0, max: 20, default: 0, scale: "linear", integer: true, valid: { min: 0, max: 1e9 },
  },
  param.minLr(),
  {
    name: "eps", symbol: "\\epsilon", label: "smallest cut", description: "PyTorch skips a cut that would change the rate by less than this.",
    min: 0, max: 1e-6, default: 1e-8, scale: "linear", integer: false, valid: { min: 0, max: 1 },
  },
] as const;
const plateauFields = { mode: enumField(["min", "max"]), thresholdMode: enumField(["rel", "abs"]), convention: enumField(["pytorch", "keras"]) };

/** A reduce-on-plateau spec, from the fields above. */
export type PlateauSpec = SpecFrom<"plateau", typeof plateauParams, typeof plateauFields>;

export interface PlateauState {
  readonly lr: number;
  readonly best: number;
  readonly badReports: number;
  readonly cooldownLeft: number;
  readonly events: readonly PlateauEvent[];
}

/**
 * The rule, step by step, as PyTorch ReduceLROnPlateau (convention "pytorch":
 * cut when bad reports exceed patience, threshold rel or abs, eps skips tiny
 * cuts) or Keras ReduceLROnPlateau (convention "keras": cut when bad reports
 * reach patience, min_delta absolute, only while lr > minLr).
 */
export class PlateauController {
  #lr: number;
  #best: number;
  #bad = 0;
  #cooldown = 0;
  #reports = 0;
  readonly #events: PlateauEvent[] = [];
  readonly #spec: PlateauSpec;

  constructor(spec: PlateauSpec) {
    this.#spec = spec;
    this.#lr = spec.lr;
    this.#best = spec.mode === "min" ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  }

  get state(): PlateauState {
    return { lr: this.#lr, best: this.#best, badReports: this.#bad, cooldownLeft: this.#cooldown, events: [...this.#events] };
  }

  #isBetter(value: number): boolean {
    const { mode, threshold, thresholdMode, convention } = this.#spec;
    const best = this.#best;
    if (convention === "keras") return mode === "min" ? value < best - threshold : value > best + threshold;
    if (mode === "min") return thresholdMode === "rel" ? value < best * (1 - threshold) : value < best - threshold;
    return thresholdMode === "rel" ? value > best * (threshold + 1) : value > best + threshold;
  }

  /** Feed one metric value; returns the rate to use from now on. NaN counts as no improvement. */
  report(value: number): number {
    this.#reports += 1;
    return this.#spec.convention === "keras" ? this.#keras(value) : this.#pytorch(value);
  }

  #cut(why: string): void {
    const from = this.#lr;
    const to = Math.max(from * this.#spec.factor, this.#spec.minLr);
    if (this.#spec.convention === "pytorch" && !(from - to > this.#spec.eps)) return;
    this.#lr = to;
    this.#events.push({ report: this.#reports, from, to, reason: why });
  }

  #pytorch(value: number): number {
    const { patience, cooldown } = this.#spec;
    if (this.#isBetter(value)) {
      this.#best = value;
      this.#bad = 0;
    } else {
      this.#bad += 1;
    }
    if (this.#cooldown > 0) {
      this.#cooldown -= 1;
      this.#bad = 0;
    }
    if (this.#bad > patience) {
      this.#cut(`no improvement on ${formatMetric(this.#best)} for ${this.#bad} reports (patience ${patience})`);
      this.#cooldown = cooldown;
      this.#bad = 0;
    }
    return this.#lr;
  }

  #keras(value: number): number {
    const { patience, cooldown, minLr } = this.#spec;
    if (this.#cooldown > 0) {
      this.#cooldown -= 1;
      this.#bad = 0;
    }
    if (this.#isBetter(value)) {
      this.#best = value;
      this.#bad = 0;
    } else if (!(this.#cooldown > 0)) {
      this.#bad += 1;
      if (this.#bad >= patience && this.#lr > Math.fround(minLr)) {
        this.#cut(`no improvement on ${formatMetric(this.#best)} for ${this.#bad} reports (patience ${patience})`);
        this.#cooldown = cooldown;
        this.#bad = 0;
      }
    }
    return this.#lr;
  }
}

function formatMetric(value: number): string {
  return Number.isFinite(value) ? String(Number.parseFloat(value.toPrecision(4))) : String(value);
}

/**
 * A loss curve that improves, then stalls: what the static figure shows the
 * plateau rule reacting to. Deterministic, no randomness.
 */
export function illustrativeLoss(reports: number): number[] {
  return Array.from({ length: reports }, (_, k) => (k < 30 ? 0.3 + 0.7 * Math.exp(-k / 8) : 0.3 + 0.7 * Math.exp(-30 / 8)));
}

function plateauScheduler(spec: PlateauSpec): Scheduler {
  const controller = new PlateauController(spec);
  return {
    rateAt: () => controller.state.lr,
    reportMetric: (value) => {
      controller.report(value);
    },
    events: () => controller.state.events,
  };
}

export const plateau = defineFamily({
  kind: "plateau",
  title: "Reduce on plateau",
  summary: "Cut the rate by a factor whenever a watched metric stops improving for a while.",
  latex:
    // Three short rows, not one long line: display maths cannot wrap, and one line ran past a phone's width.
    "\\begin{aligned} &\\eta \\leftarrow \\max(\\eta_{\\min},\\ f\\,\\eta) \\\\ &\\text{after more than } P \\text{ evaluations} \\\\ &\\text{without improving on the best value by } \\theta \\end{aligned}",
  where: { "\\eta": "the current rate" },
  params: plateauParams,
  extra: plateauFields,
  extraDefaults: { mode: "min", thresholdMode: "rel", convention: "pytorch" },
  check: (s) => {
    const issues: [string, string][] = [];
    if (s.minLr > s.lr) issues.push(["minLr", `must not be above lr (${s.lr}), got ${s.minLr}`]);
    if (s.thresholdMode === "rel" && s.threshold >= 1) issues.push(["threshold", `a relative threshold must be below 1, got ${s.threshold}`]);
    return issues;
  },
  // As a function of the step alone a plateau schedule has heard no metric: it holds lr.
  make: ({ lr }) => () => lr,
  capabilities: { raceable: true, comparable: false, landscape: false },
  fit: keepDefaults,
  stateful: { scheduler: plateauScheduler, illustrativeMetrics: illustrativeLoss },
});
