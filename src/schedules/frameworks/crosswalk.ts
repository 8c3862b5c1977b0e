/**
 * The cross-library table: for each concept, what each library calls it, how
 * its parameters map (PyTorch eta_min is a rate, Keras alpha a fraction of
 * the initial rate, …), and where the "same" schedule gives different
 * numbers. Each difference carries a demonstration: two library
 * configurations and the first step at which their values part. The tests run
 * every demonstration through the adapters, so no claim here can drift from
 * what the code computes.
 */
import type { ScheduleKind } from "../types.ts";
import type { Library } from "./types.ts";

export interface LibraryCall {
  library: Library;
  name: string;
  params: Record<string, unknown>;
  baseLr?: number;
  metrics?: number[];
}

export interface Difference {
  /** What differs, in one or two sentences. */
  text: string;
  /** Two configurations meant to be "the same" and the first value index where they part. */
  demo: { a: LibraryCall; b: LibraryCall; steps: number; firstDifference: number };
}

export interface ParamMapping {
  /** What the parameter means, in words. */
  meaning: string;
  /** Each library's name for it, with its unit where that differs (e.g. "alpha (fraction of the initial rate)"). */
  names: Partial<Record<Library, string>>;
}

export interface CrosswalkRow {
  concept: string;
  kind: ScheduleKind;
  /** Each library's schedule name; absent where the library has none. */
  names: Partial<Record<Library, string>>;
  params: ParamMapping[];
  differences: Difference[];
}

const FLAT = [1, 1, 1, 1, 1, 1, 1, 1];

export const crosswalk: readonly CrosswalkRow[] = [
  {
    concept: "Step decay",
    kind: "step",
    names: { pytorch: "StepLR", keras: "ExponentialDecay", optax: "exponential_decay" },
    params: [
      { meaning: "steps between cuts", names: { pytorch: "step_size", keras: "decay_steps (with staircase=True)", optax: "transition_steps (with staircase=True)" } },
      { meaning: "factor per cut", names: { pytorch: "gamma", keras: "decay_rate", optax: "decay_rate" } },
    ],
    differences: [
      {
        text: "Keras and optax decay continuously unless staircase=True; PyTorch's StepLR is always a staircase.",
        demo: {
          a: { library: "pytorch", name: "StepLR", params: { step_size: 10, gamma: 0.5 }, baseLr: 0.1 },
          b: { library: "keras", name: "ExponentialDecay", params: { initial_learning_rate: 0.1, decay_steps: 10, decay_rate: 0.5 } },
          steps: 20,
          firstDifference: 1,
        },
      },
    ],
  },
  {
    concept: "Multi-step (piecewise constant)",
    kind: "multi-step",
    names: { pytorch: "MultiStepLR", keras: "PiecewiseConstantDecay", optax: "piecewise_constant_schedule" },
    params: [
      { meaning: "where the rate changes", names: { pytorch: "milestones", keras: "boundaries", optax: "boundaries_and_scales keys" } },
      { meaning: "the rates", names: { pytorch: "gamma (one factor for every cut)", keras: "values (absolute rates)", optax: "boundaries_and_scales values (factors, multiplied together)" } },
    ],
    differences: [
      {
        text: "PyTorch and optax switch at the boundary (t ≥ b); Keras switches after it (t > b), one step later.",
        demo: {
          a: { library: "optax", name: "piecewise_constant_schedule", params: { init_value: 1, boundaries_and_scales: { 3: 0.1 } } },
          b: { library: "keras", name: "PiecewiseConstantDecay", params: { boundaries: [3], values: [1, 0.1] } },
          steps: 6,
          firstDifference: 3,
        },
      },
    ],
  },
  {
    concept: "Exponential decay",
    kind: "exponential",
    names: { pytorch: "ExponentialLR", keras: "ExponentialDecay", optax: "exponential_decay" },
    params: [
      { meaning: "decay per step", names: { pytorch: "gamma (factor per scheduler.step())", keras: "decay_rate per decay_steps", optax: "decay_rate per transition_steps" } },
      { meaning: "floor", names: { optax: "end_value (a floor when decay_rate < 1, a ceiling otherwise)" } },
      { meaning: "delay before decaying", names: { optax: "transition_begin" } },
    ],
    differences: [
      {
        text: "optax can hold the initial rate for transition_begin steps; the others start decaying at once.",
        demo: {
          a: { library: "pytorch", name: "ExponentialLR", params: { gamma: 0.5 }, baseLr: 1 },
          b: { library: "optax", name: "exponential_decay", params: { init_value: 1, transition_steps: 1, decay_rate: 0.5, transition_begin: 2 } },
          steps: 6,
          firstDifference: 1,
        },
      },
    ],
  },
  {
    concept: "Polynomial and linear decay",
    kind: "polynomial",
    names: { pytorch: "PolynomialLR", keras: "PolynomialDecay", optax: "polynomial_schedule", hf: "polynomial" },
    params: [
      { meaning: "horizon", names: { pytorch: "total_iters", keras: "decay_steps", optax: "transition_steps", hf: "num_training_steps (including the warmup)" } },
      { meaning: "final rate", names: { pytorch: "none: always 0", keras: "end_learning_rate (absolute, default 1e-4)", optax: "end_value (absolute)", hf: "lr_end (absolute, default 1e-7)" } },
      { meaning: "exponent", names: { pytorch: "power", keras: "power", optax: "power", hf: "power" } },
    ],
    differences: [
      {
        text: "Keras' PolynomialDecay ends at 1e-4 unless told otherwise; PyTorch's PolynomialLR always ends at 0.",
        demo: {
          a: { library: "pytorch", name: "PolynomialLR", params: { total_iters: 4, power: 1 }, baseLr: 0.1 },
          b: { library: "keras", name: "PolynomialDecay", params: { initial_learning_rate: 0.1, decay_steps: 4 } },
          steps: 6,
          firstDifference: 1,
        },
      },
    ],
  },
  {
    concept: "Cosine annealing",
    kind: "cosine",
    names: { pytorch: "CosineAnnealingLR", keras: "CosineDecay", optax: "cosine_decay_schedule", hf: "cosine / cosine_with_min_lr" },
    params: [
      { meaning: "horizon", names: { pytorch: "T_max", keras: "decay_steps (after the warmup)", optax: "decay_steps", hf: "num_training_steps (including the warmup)" } },
      { meaning: "floor", names: { pytorch: "eta_min (a rate)", keras: "alpha (a fraction of the initial rate)", optax: "alpha (a fraction)", hf: "min_lr (a rate) or min_lr_rate (a fraction)" } },
      { meaning: "shape", names: { optax: "exponent (the cosine factor raised to it)", hf: "num_cycles (0.5 is one half-wave)" } },
    ],
    differences: [
      {
        text: "Past the horizon PyTorch's CosineAnnealingLR and Hugging Face's cosine rise again; Keras and optax hold the floor.",
        demo: {
          a: { library: "pytorch", name: "CosineAnnealingLR", params: { T_max: 4 }, baseLr: 1 },
          b: { library: "optax", name: "cosine_decay_schedule", params: { init_value: 1, decay_steps: 4 } },
          steps: 8,
          firstDifference: 5,
        },
      },
    ],
  },
  {
    concept: "Warmup then cosine",
    kind: "warmup",
    names: { pytorch: "SequentialLR(LinearLR, CosineAnnealingLR)", keras: "CosineDecay(warmup_target, warmup_steps)", optax: "warmup_cosine_decay_schedule", hf: "cosine" },
    params: [
      { meaning: "warmup length", names: { pytorch: "LinearLR total_iters and the milestone", keras: "warmup_steps", optax: "warmup_steps", hf: "num_warmup_steps" } },
      { meaning: "where warmup starts", names: { pytorch: "start_factor (> 0, default 1/3)", keras: "initial_learning_rate", optax: "init_value", hf: "always 0" } },
      { meaning: "decay length", names: { pytorch: "T_max (after the warmup)", keras: "decay_steps (after the warmup)", optax: "decay_steps (including the warmup)", hf: "num_training_steps (including the warmup)" } },
    ],
    differences: [
      {
        text: "optax's decay_steps counts the warmup, Keras' does not: the same numbers give a longer schedule in Keras.",
        demo: {
          a: { library: "keras", name: "CosineDecay", params: { initial_learning_rate: 0, decay_steps: 10, warmup_target: 1, warmup_steps: 2 } },
          b: { library: "optax", name: "warmup_cosine_decay_schedule", params: { init_value: 0, peak_value: 1, warmup_steps: 2, decay_steps: 10 } },
          steps: 14,
          firstDifference: 3,
        },
      },
    ],
  },
  {
    concept: "Cosine with warm restarts (SGDR)",
    kind: "cosine-restarts",
    names: { pytorch: "CosineAnnealingWarmRestarts", keras: "CosineDecayRestarts", optax: "sgdr_schedule", hf: "cosine_with_restarts" },
    params: [
      { meaning: "first period", names: { pytorch: "T_0", keras: "first_decay_steps", optax: "decay_steps of each cycle", hf: "(num_training_steps − num_warmup_steps) / num_cycles" } },
      { meaning: "period growth", names: { pytorch: "T_mult (integer, default 1)", keras: "t_mul (real, default 2.0)" } },
      { meaning: "peak decay per restart", names: { keras: "m_mul", optax: "peak_value of each cycle" } },
      { meaning: "floor", names: { pytorch: "eta_min (a rate)", keras: "alpha (a fraction)", optax: "end_value of each cycle" } },
    ],
    differences: [
      {
        text: "The defaults differ: PyTorch's T_mult is 1 (equal periods), Keras' t_mul is 2 (each period doubles).",
        demo: {
          a: { library: "pytorch", name: "CosineAnnealingWarmRestarts", params: { T_0: 4 }, baseLr: 1 },
          b: { library: "keras", name: "CosineDecayRestarts", params: { initial_learning_rate: 1, first_decay_steps: 4 } },
          steps: 12,
          firstDifference: 5,
        },
      },
    ],
  },
  {
    concept: "One-cycle",
    kind: "one-cycle",
    names: { pytorch: "OneCycleLR", optax: "cosine_onecycle_schedule / linear_onecycle_schedule" },
    params: [
      { meaning: "length", names: { pytorch: "total_steps (or epochs × steps_per_epoch)", optax: "transition_steps" } },
      { meaning: "peak", names: { pytorch: "max_lr", optax: "peak_value" } },
      { meaning: "rising share", names: { pytorch: "pct_start", optax: "pct_start" } },
      { meaning: "start and end", names: { pytorch: "div_factor, final_div_factor (end = start / final_div_factor)", optax: "div_factor, final_div_factor" } },
    ],
    differences: [
      {
        text: "PyTorch peaks at step pct_start·T − 1 and ends at T − 1; optax peaks at int(pct_start·T) and ends at T.",
        demo: {
          a: { library: "pytorch", name: "OneCycleLR", params: { max_lr: 1, total_steps: 10 }, baseLr: 0.04 },
          b: { library: "optax", name: "cosine_onecycle_schedule", params: { transition_steps: 10, peak_value: 1 } },
          steps: 9,
          firstDifference: 1,
        },
      },
    ],
  },
  {
    concept: "Reduce on plateau",
    kind: "plateau",
    names: { pytorch: "ReduceLROnPlateau", keras: "callbacks.ReduceLROnPlateau", optax: "contrib.reduce_on_plateau", hf: "reduce_lr_on_plateau" },
    params: [
      { meaning: "how long to wait", names: { pytorch: "patience (cut after patience + 1 bad values)", keras: "patience (cut after patience bad values)", optax: "patience (cut when the count equals it)", hf: "patience (PyTorch's rule)" } },
      { meaning: "what counts as better", names: { pytorch: "threshold with threshold_mode rel or abs", keras: "min_delta (absolute)", optax: "rtol and atol" } },
      { meaning: "floor", names: { pytorch: "min_lr", keras: "min_lr", optax: "min_scale (a fraction)", hf: "min_lr" } },
    ],
    differences: [
      {
        text: "With the same patience, Keras cuts one evaluation before PyTorch: Keras cuts when the bad count reaches patience, PyTorch when it exceeds it.",
        demo: {
          a: { library: "hf", name: "reduce_lr_on_plateau", params: { patience: 2, factor: 0.5 }, baseLr: 1, metrics: FLAT },
          b: { library: "keras", name: "ReduceLROnPlateau", params: { patience: 2, factor: 0.5 }, baseLr: 1, metrics: FLAT },
          steps: 6,
          firstDifference: 3,
        },
      },
    ],
  },
  {
    concept: "Warmup-stable-decay",
    kind: "wsd",
    names: { hf: "warmup_stable_decay", optax: "join_schedules" },
    params: [
      { meaning: "phases", names: { hf: "num_warmup_steps, num_stable_steps (or num_training_steps), num_decay_steps" } },
      { meaning: "floor", names: { hf: "min_lr_ratio (a fraction; warmup also starts there)" } },
    ],
    differences: [
      {
        text: "Hugging Face's warmups start at 0, so update 0 has rate 0, except WSD (starts at min_lr_ratio) and cosine_warmup_with_min_lr (starts at 1/W).",
        demo: {
          a: { library: "hf", name: "linear", params: { num_warmup_steps: 4, num_training_steps: 10 } },
          b: { library: "hf", name: "cosine_warmup_with_min_lr", params: { num_warmup_steps: 4, num_training_steps: 10, min_lr_rate: 0 } },
          steps: 4,
          firstDifference: 0,
        },
      },
    ],
  },
];
