/**
 * Each scheduler's parameters in positional order, as its library declares
 * them (PyTorch 1.13 lr_scheduler.py, Keras 3 learning_rate_schedule.py,
 * optax _src/schedule.py, transformers optimization.py), so a pasted call's
 * positional arguments get their names. "optimizer" is the optimizer object:
 * it is skipped, and its lr is the CLI's --base-lr.
 */
import type { Library } from "./types.ts";

const TAIL = ["last_epoch", "verbose"] as const;

export const SIGNATURES: Readonly<Record<Library, Readonly<Record<string, readonly string[]>>>> = {
  pytorch: {
    StepLR: ["optimizer", "step_size", "gamma", ...TAIL],
    MultiStepLR: ["optimizer", "milestones", "gamma", ...TAIL],
    ConstantLR: ["optimizer", "factor", "total_iters", ...TAIL],
    LinearLR: ["optimizer", "start_factor", "end_factor", "total_iters", ...TAIL],
    ExponentialLR: ["optimizer", "gamma", ...TAIL],
    PolynomialLR: ["optimizer", "total_iters", "power", ...TAIL],
    CosineAnnealingLR: ["optimizer", "T_max", "eta_min", ...TAIL],
    CosineAnnealingWarmRestarts: ["optimizer", "T_0", "T_mult", "eta_min", ...TAIL],
    CyclicLR: ["optimizer", "base_lr", "max_lr", "step_size_up", "step_size_down", "mode", "gamma", "scale_fn", "scale_mode", "cycle_momentum", "base_momentum", "max_momentum", ...TAIL],
    OneCycleLR: ["optimizer", "max_lr", "total_steps", "epochs", "steps_per_epoch", "pct_start", "anneal_strategy", "cycle_momentum", "base_momentum", "max_momentum", "div_factor", "final_div_factor", "three_phase", ...TAIL],
    LambdaLR: ["optimizer", "lr_lambda", ...TAIL],
    MultiplicativeLR: ["optimizer", "lr_lambda", ...TAIL],
    SequentialLR: ["optimizer", "schedulers", "milestones", ...TAIL],
    ChainedScheduler: ["schedulers"],
    ReduceLROnPlateau: ["optimizer", "mode", "factor", "patience", "threshold", "threshold_mode", "cooldown", "min_lr", "eps", "verbose"],
  },
  keras: {
    ExponentialDecay: ["initial_learning_rate", "decay_steps", "decay_rate", "staircase", "name"],
    PiecewiseConstantDecay: ["boundaries", "values", "name"],
    PolynomialDecay: ["initial_learning_rate", "decay_steps", "end_learning_rate", "power", "cycle", "name"],
    InverseTimeDecay: ["initial_learning_rate", "decay_steps", "decay_rate", "staircase", "name"],
    CosineDecay: ["initial_learning_rate", "decay_steps", "alpha", "name", "warmup_target", "warmup_steps"],
    CosineDecayRestarts: ["initial_learning_rate", "first_decay_steps", "t_mul", "m_mul", "alpha", "name"],
  },
  optax: {
    constant_schedule: ["value"],
    linear_schedule: ["init_value", "end_value", "transition_steps", "transition_begin"],
    polynomial_schedule: ["init_value", "end_value", "power", "transition_steps", "transition_begin"],
    piecewise_constant_schedule: ["init_value", "boundaries_and_scales"],
    piecewise_interpolate_schedule: ["interpolate_type", "init_value", "boundaries_and_scales"],
    exponential_decay: ["init_value", "transition_steps", "decay_rate", "transition_begin", "staircase", "end_value"],
    cosine_decay_schedule: ["init_value", "decay_steps", "alpha", "exponent"],
    warmup_constant_schedule: ["init_value", "peak_value", "warmup_steps"],
    warmup_cosine_decay_schedule: ["init_value", "peak_value", "warmup_steps", "decay_steps", "end_value", "exponent"],
    warmup_exponential_decay_schedule: ["init_value", "peak_value", "warmup_steps", "transition_steps", "decay_rate", "transition_begin", "staircase", "end_value"],
    cosine_onecycle_schedule: ["transition_steps", "peak_value", "pct_start", "div_factor", "final_div_factor"],
    linear_onecycle_schedule: ["transition_steps", "peak_value", "pct_start", "pct_final", "div_factor", "final_div_factor"],
    sgdr_schedule: ["cosine_kwargs"],
    join_schedules: ["schedules", "boundaries"],
  },
  hf: {
    get_linear_schedule_with_warmup: ["optimizer", "num_warmup_steps", "num_training_steps", "last_epoch"],
    get_cosine_schedule_with_warmup: ["optimizer", "num_warmup_steps", "num_training_steps", "num_cycles", "last_epoch"],
    get_cosine_with_hard_restarts_schedule_with_warmup: ["optimizer", "num_warmup_steps", "num_training_steps", "num_cycles", "last_epoch"],
    get_polynomial_decay_schedule_with_warmup: ["optimizer", "num_warmup_steps", "num_training_steps", "lr_end", "power", "last_epoch"],
    get_constant_schedule: ["optimizer", "last_epoch"],
    get_constant_schedule_with_warmup: ["optimizer", "num_warmup_steps", "last_epoch"],
    get_inverse_sqrt_schedule: ["optimizer", "num_warmup_steps", "timescale", "last_epoch"],
    get_cosine_with_min_lr_schedule_with_warmup: ["optimizer", "num_warmup_steps", "num_training_steps", "num_cycles", "last_epoch", "min_lr", "min_lr_rate"],
    get_wsd_schedule: ["optimizer", "num_warmup_steps", "num_decay_steps", "num_training_steps", "num_stable_steps", "warmup_type", "decay_type", "min_lr_ratio", "num_cycles", "last_epoch"],
  },
};
