/**
 * Schedules that only go down (or stay): constant, step, multi-step,
 * exponential, inverse-time, polynomial and linear decay.
 */
import { booleanField, stepListField } from "./fields.ts";
import { defineFamily, keepDefaults, param, quarterOf } from "./family.ts";

/**
 * η_t = η_0. The baseline every schedule is compared with.
 * Example: lr 0.1 gives 0.1 at every step.
 */
export const constant = defineFamily({
  kind: "constant",
  title: "Constant learning rate",
  summary: "The same rate at every step: the baseline every schedule is measured against.",
  latex: "\\eta_t = \\eta_0",
  params: [param.lr({ label: "rate", description: "The learning rate used at every step." })],
  make: ({ lr }) => () => lr,
  capabilities: { raceable: true, comparable: true, landscape: true },
  fit: keepDefaults,
});

/**
 * η_t = η_0 γ^{⌊t/s⌋}: multiply by γ every s steps, the change landing on
 * step s (PyTorch StepLR; Keras/optax ExponentialDecay with staircase=True).
 * Example: η_0 = 0.1, s = 30, γ = 0.1 gives 0.1 for t < 30, 0.01 for 30 ≤ t < 60.
 */
export const step = defineFamily({
  kind: "step",
  title: "Step decay",
  summary: "Multiply the rate by a fixed factor every fixed number of steps: a staircase.",
  latex: "\\eta_t = \\eta_0\\, \\gamma^{\\lfloor t / s \\rfloor}",
  params: [
    param.lr(),
    param.steps("stepSize", "s", "step size", "Steps between two drops; the first drop lands on step s.", 25),
    {
      name: "gamma", symbol: "\\gamma", label: "drop factor", description: "What the rate is multiplied by at each drop.",
      min: 0.01, max: 1, default: 0.5, scale: "linear", integer: false, valid: { min: 0, max: 1, minExclusive: true },
    },
  ],
  make: ({ lr, stepSize, gamma }) => (t) => lr * gamma ** Math.floor(t / stepSize),
  capabilities: { raceable: true, comparable: true, landscape: true },
  fit: (s, { steps }) => ({ ...s, stepSize: quarterOf(steps) }),
});

/**
 * η_t = η_0 γ^{#{m ∈ M : m ≤ t}}: drop by γ at each milestone (PyTorch
 * MultiStepLR, bisect_right). Example: M = {30, 80}, γ = 0.1, η_0 = 0.1
 * gives 0.1, then 0.01 from step 30, 0.001 from step 80. He et al. (2016)
 * divided by 10 at 32k and 48k iterations.
 */
export const multiStep = defineFamily({
  kind: "multi-step",
  title: "Multi-step decay",
  summary: "Multiply the rate by a fixed factor at chosen milestones.",
  latex: "\\eta_t = \\eta_0\\, \\gamma^{\\,\\lvert\\{ m \\in M \\,:\\, m \\le t \\}\\rvert}",
  where: { M: "the set of milestones, the steps where the rate drops", m: "a milestone" },
  params: [
    param.lr(),
    {
      name: "gamma", symbol: "\\gamma", label: "drop factor", description: "What the rate is multiplied by at each milestone.",
      min: 0.01, max: 1, default: 0.1, scale: "linear", integer: false, valid: { min: 0, max: 1, minExclusive: true },
    },
  ],
  extra: { milestones: stepListField(1, "milestone") },
  extraDefaults: { milestones: [50, 75] },
  make: ({ lr, milestones, gamma }) => (t) => lr * gamma ** milestones.filter((m) => m <= t).length,
  capabilities: { raceable: true, comparable: true, landscape: false },
  fit: (s, { steps }) => ({ ...s, milestones: [Math.floor(steps / 2), Math.floor((3 * steps) / 4)] }),
});

/**
 * η_t = max(η_min, η_0 e^{-k τ}), τ = t (continuous) or s⌊t/s⌋ (staircase).
 * PyTorch ExponentialLR(γ) is k = −ln γ, s = 1; Keras ExponentialDecay
 * (decay_rate r, decay_steps s) is k = −ln(r)/s. Example: η_0 = 0.1,
 * k = 0.02 gives 0.1·e^{−2} ≈ 0.01353 at t = 100.
 */
export const exponential = defineFamily({
  kind: "exponential",
  title: "Exponential decay",
  summary: "Shrink the rate by the same fraction every step (or every s steps with the staircase).",
  latex:
    "\\eta_t = \\max\\!\\left(\\eta_{\\min},\\ \\eta_0\\, e^{-k\\,\\tilde t}\\right),\\quad \\tilde t = \\begin{cases} t & \\text{continuous} \\\\ s\\lfloor t/s \\rfloor & \\text{staircase} \\end{cases}",
  where: { "\\tilde t": "the step count the decay sees: t, or t rounded down to a multiple of s with the staircase", e: "Euler's number" },
  params: [
    param.lr(),
    {
      name: "k", symbol: "k", label: "decay constant", unit: "per step",
      description: "How fast the rate shrinks: it falls by a factor e every 1/k steps.",
      min: 0.001, max: 0.2, default: 0.02, scale: "log", integer: false, valid: { min: 0, max: 100 },
    },
    param.steps("decaySteps", "s", "stair width", "With the staircase on, the rate changes only every s steps.", 10),
    param.minLr({ description: "A floor the rate never goes below (optax end_value); 0 for none." }),
  ],
  extra: { staircase: booleanField() },
  extraDefaults: { staircase: false },
  check: (s) => (s.minLr > s.lr ? [["minLr", `must not be above lr (${s.lr}), got ${s.minLr}`]] : []),
  make: ({ lr, k, staircase, decaySteps, minLr }) => (t) => {
    const tau = staircase ? decaySteps * Math.floor(t / decaySteps) : t;
    return Math.max(minLr, lr * Math.exp(-k * tau));
  },
  capabilities: { raceable: true, comparable: true, landscape: true },
  fit: (s, { steps }) => ({ ...s, k: Math.log(100) / steps, decaySteps: Math.max(1, Math.floor(steps / 10)) }),
});

/**
 * η_t = η_0 / (1 + k τ), τ = t or s⌊t/s⌋: the 1/t schedule of stochastic
 * approximation (Robbins and Monro 1951), Keras InverseTimeDecay with
 * decay_rate/decay_steps = k. Example: η_0 = 0.1, k = 0.1 gives 0.05 at t = 10.
 */
export const inverseTime = defineFamily({
  kind: "inverse-time",
  title: "Inverse-time decay",
  summary: "Divide the initial rate by 1 + k·t: the 1/t decay of stochastic approximation.",
  latex:
    "\\eta_t = \\frac{\\eta_0}{1 + k\\,\\tilde t},\\quad \\tilde t = \\begin{cases} t & \\text{continuous} \\\\ s\\lfloor t/s \\rfloor & \\text{staircase} \\end{cases}",
  where: { "\\tilde t": "the step count the decay sees: t, or t rounded down to a multiple of s with the staircase" },
  params: [
    param.lr(),
    {
      name: "k", symbol: "k", label: "decay constant", unit: "per step",
      description: "The rate has halved after 1/k steps.",
      min: 0.001, max: 1, default: 0.05, scale: "log", integer: false, valid: { min: 0, max: 1e6 },
    },
    param.steps("decaySteps", "s", "stair width", "With the staircase on, the rate changes only every s steps.", 10),
  ],
  extra: { staircase: booleanField() },
  extraDefaults: { staircase: false },
  make: ({ lr, k, staircase, decaySteps }) => (t) => lr / (1 + k * (staircase ? decaySteps * Math.floor(t / decaySteps) : t)),
  capabilities: { raceable: true, comparable: true, landscape: true },
  fit: (s, { steps }) => ({ ...s, k: 9 / steps, decaySteps: Math.max(1, Math.floor(steps / 10)) }),
});

function polynomialValue(lr: number, endLr: number, decaySteps: number, power: number, cycle: boolean, t: number): number {
  let horizon = decaySteps;
  let progress = t;
  if (cycle) horizon = decaySteps * (t === 0 ? 1 : Math.ceil(t / decaySteps));
  else progress = Math.min(t, decaySteps);
  return (lr - endLr) * (1 - progress / horizon) ** power + endLr;
}

/**
 * η_t = (η_0 − η_end)(1 − min(t, T)/T)^p + η_end (Keras PolynomialDecay,
 * optax polynomial_schedule, PyTorch PolynomialLR with η_end = 0). With
 * `cycle` (Keras), T stretches to the next multiple of itself past T.
 * Example: η_0 = 0.1, η_end = 0, T = 100, p = 2 gives 0.025 at t = 50.
 */
export const polynomial = defineFamily({
  kind: "polynomial",
  title: "Polynomial decay",
  summary: "Fall from the initial to the end rate along (1 − t/T) raised to a power.",
  latex: "\\eta_t = (\\eta_0 - \\eta_{\\text{end}})\\left(1 - \\frac{\\min(t, T)}{T}\\right)^{p} + \\eta_{\\text{end}}",
  params: [
    param.lr(),
    { ...param.minLr(), name: "endLr", symbol: "\\eta_{\\text{end}}", label: "end rate", description: "The rate reached at step T." },
    param.steps("decaySteps", "T", "decay steps", "Steps to go from the initial to the end rate.", 100),
    {
      name: "power", symbol: "p", label: "power", description: "1 is a straight line; above 1 falls fast then slowly; below 1 the reverse.",
      min: 0.1, max: 5, default: 2, scale: "linear", integer: false, valid: { min: 0, max: 100, minExclusive: true },
    },
  ],
  extra: { cycle: booleanField() },
  extraDefaults: { cycle: false },
  make: ({ lr, endLr, decaySteps, power, cycle }) => (t) => polynomialValue(lr, endLr, decaySteps, power, cycle, t),
  capabilities: { raceable: true, comparable: true, landscape: false },
  fit: (s, { steps }) => ({ ...s, decaySteps: steps }),
});

/**
 * η_t = η_0 + (η_end − η_0)·min(t, T)/T, then η_end. Example: 0.1 → 0 over
 * T = 100 gives 0.05 at t = 50. The decay half of BERT's warmup-then-linear.
 */
export const linear = defineFamily({
  kind: "linear",
  title: "Linear decay",
  summary: "Move in a straight line from the initial to the end rate over T steps, then hold.",
  latex: "\\eta_t = \\eta_0 + (\\eta_{\\text{end}} - \\eta_0)\\,\\frac{\\min(t, T)}{T}",
  params: [
    param.lr(),
    { ...param.minLr(), name: "endLr", symbol: "\\eta_{\\text{end}}", label: "end rate", description: "The rate reached at step T and held after." },
    param.steps("decaySteps", "T", "decay steps", "Steps to go from the initial to the end rate.", 100),
  ],
  make: ({ lr, endLr, decaySteps }) => (t) => (lr - endLr) * (1 - Math.min(t, decaySteps) / decaySteps) + endLr,
  capabilities: { raceable: true, comparable: true, landscape: false },
  fit: (s, { steps }) => ({ ...s, decaySteps: steps }),
});
