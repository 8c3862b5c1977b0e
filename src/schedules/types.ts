/**
 * The vocabulary every schedule shares. A schedule is a pure function of the
 * optimizer step `t` (0, 1, 2, ... completed updates) returning a learning
 * rate; its spec is plain JSON so it can travel through URLs, island props,
 * workers and the CLI. Framework names (T_max, decay_rate, ...) live only in
 * ./frameworks/.
 */

/** A learning rate as a function of the step count t ≥ 0. */
export type Schedule = (t: number) => number;

/** A numeric parameter a reader can set with a slider. */
export interface ParamDef {
  /** Field name in the spec (camelCase). */
  name: string;
  /** LaTeX symbol used in the formula, e.g. "\\eta_0". */
  symbol: string;
  /** Short label for a control, e.g. "initial rate". */
  label: string;
  /** One sentence on what the parameter does. */
  description: string;
  /** Slider range (inclusive). Validation may accept a wider range: see `valid`. */
  min: number;
  max: number;
  default: number;
  scale: "linear" | "log";
  integer: boolean;
  unit?: string;
  /** Range a spec may hold (inclusive unless marked exclusive). Defaults to [min, max]. */
  valid?: { min: number; max: number; minExclusive?: boolean };
}

export interface Reference {
  author: string;
  title: string;
  venue: string;
  year: number;
  url: string;
}

/** How each library names the schedule (absent: the library has none). */
export interface FrameworkNames {
  pytorch?: string;
  keras?: string;
  optax?: string;
  hf?: string;
}

export type WarmupShape = "linear" | "cosine" | "1-sqrt";

export interface ConstantSpec { kind: "constant"; lr: number }
export interface StepSpec { kind: "step"; lr: number; stepSize: number; gamma: number }
export interface MultiStepSpec { kind: "multi-step"; lr: number; milestones: number[]; gamma: number }
export interface ExponentialSpec {
  kind: "exponential";
  lr: number;
  /** Decay constant per step: η_t = η_0 e^{-k t}. */
  k: number;
  staircase: boolean;
  /** Stair width in steps (only used when staircase is on). */
  decaySteps: number;
  /** Floor the rate never goes below (optax end_value); 0 for none. */
  minLr: number;
}
export interface InverseTimeSpec {
  kind: "inverse-time";
  lr: number;
  k: number;
  staircase: boolean;
  decaySteps: number;
}
export interface PolynomialSpec {
  kind: "polynomial";
  lr: number;
  endLr: number;
  decaySteps: number;
  power: number;
  /** Keras `cycle`: past decaySteps, stretch the horizon to the next multiple instead of holding endLr. */
  cycle: boolean;
}
export interface LinearSpec { kind: "linear"; lr: number; endLr: number; decaySteps: number }
export interface CosineSpec {
  kind: "cosine";
  lr: number;
  minLr: number;
  decaySteps: number;
  /** optax `exponent`: the cosine factor is raised to this power (1 is plain cosine). */
  exponent: number;
  /** PyTorch CosineAnnealingLR keeps following the cosine past decaySteps (it rises again); others hold minLr. */
  periodic: boolean;
}
export interface CosineRestartsSpec {
  kind: "cosine-restarts";
  lr: number;
  minLr: number;
  /** Length of the first cycle, T_0. */
  period: number;
  /** Each cycle is tMult times longer than the last. */
  tMult: number;
  /** Each restart's peak is mMul times the last one's (Keras m_mul). */
  mMul: number;
}
export interface CyclicSpec {
  kind: "cyclic";
  baseLr: number;
  maxLr: number;
  stepSizeUp: number;
  stepSizeDown: number;
  mode: "triangular" | "triangular2" | "exp_range";
  /** exp_range only: amplitude multiplier per step. */
  gamma: number;
}
export interface OneCycleSpec {
  kind: "one-cycle";
  maxLr: number;
  totalSteps: number;
  pctStart: number;
  divFactor: number;
  finalDivFactor: number;
  anneal: "cos" | "linear";
  threePhase: boolean;
}
export interface WarmupSpec {
  kind: "warmup";
  /** Rate at step 0. */
  startLr: number;
  warmupSteps: number;
  shape: WarmupShape;
  /** The schedule warmup leads into; it sees t − warmupSteps. */
  after: ScheduleSpec;
}
export interface InverseSqrtSpec {
  kind: "inverse-sqrt";
  lr: number;
  warmupSteps: number;
  /** Time scale τ of the decay η·sqrt(τ / (t − W + τ)); the Transformer's form is τ = W. */
  timescale: number;
}
export interface WsdSpec {
  kind: "wsd";
  lr: number;
  minLr: number;
  warmupSteps: number;
  stableSteps: number;
  decaySteps: number;
  warmupShape: WarmupShape;
  decayShape: WarmupShape;
}
export interface PiecewiseConstantSpec {
  kind: "piecewise-constant";
  boundaries: number[];
  values: number[];
  /** Keras switches after a boundary (t > b); PyTorch and optax at it (t ≥ b). */
  switchAfterBoundary: boolean;
}
export interface PiecewiseInterpolateSpec {
  kind: "piecewise-interpolate";
  /** Knots (step, rate), steps strictly increasing, the first at step 0. */
  steps: number[];
  values: number[];
  interpolation: "linear" | "cosine";
}
export interface PlateauSpec {
  kind: "plateau";
  lr: number;
  mode: "min" | "max";
  factor: number;
  patience: number;
  threshold: number;
  thresholdMode: "rel" | "abs";
  cooldown: number;
  minLr: number;
  /** PyTorch skips a cut smaller than eps. */
  eps: number;
  /** Whose counting rule: PyTorch cuts after patience+1 bad values, Keras after patience. */
  convention: "pytorch" | "keras";
}
export interface JoinSpec {
  kind: "join";
  /** Child i runs from boundaries[i-1] and sees t − boundaries[i-1]. */
  schedules: ScheduleSpec[];
  boundaries: number[];
}
export interface ChainSpec {
  kind: "chain";
  lr: number;
  /** Multipliers: each child is evaluated as a factor (its rate with a base of 1). */
  factors: ScheduleSpec[];
}

export type ScheduleSpec =
  | ConstantSpec
  | StepSpec
  | MultiStepSpec
  | ExponentialSpec
  | InverseTimeSpec
  | PolynomialSpec
  | LinearSpec
  | CosineSpec
  | CosineRestartsSpec
  | CyclicSpec
  | OneCycleSpec
  | WarmupSpec
  | InverseSqrtSpec
  | WsdSpec
  | PiecewiseConstantSpec
  | PiecewiseInterpolateSpec
  | PlateauSpec
  | JoinSpec
  | ChainSpec;

export type ScheduleKind = ScheduleSpec["kind"];
export type SpecOf<K extends ScheduleKind> = Extract<ScheduleSpec, { kind: K }>;

export interface SpecError {
  /** Dotted path to the field, e.g. "after.decaySteps"; "" for the whole spec. */
  path: string;
  message: string;
}

export type ParseResult = { ok: true; spec: ScheduleSpec } | { ok: false; errors: SpecError[] };
