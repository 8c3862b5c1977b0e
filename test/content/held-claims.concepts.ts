/**
 * Worked examples of glossary entries that are not schedule kinds (the noise
 * ball, RAdam's rectifier, slanted triangular rates, hypergradient descent),
 * as held claims (see held-claims.ts). Numbers that are not schedule values
 * are recomputed from a transcribed formula, named in each source.
 */
import type { Claim, Source } from "./held-claims.ts";
import { g, row } from "./held-claims.entries.ts";

/** Stationary spread of constant-rate SGD on f(w) = w²/2 with unit gradient noise: sd = sqrt(η/(2 − η)). */
const noiseBallSd = (r: (t: number) => number): number => Math.sqrt(r(0) / (2 - r(0)));
/** Standard deviation of the mean of T consecutive stationary iterates (AR(1) with ρ = 1 − η). */
const averageSd = (T: number) => (r: (t: number) => number): number => {
  const rho = 1 - r(0);
  const factor = (1 + rho) / (1 - rho) - (2 * rho * (1 - rho ** T)) / (T * (1 - rho) ** 2);
  return Math.sqrt((noiseBallSd(r) ** 2 * factor) / T);
};

/** Worked examples in prose (the noise ball), recomputed from the constant schedule's rate. */
export const noiseBallClaims: readonly Claim[] = [
  { file: g("stochastic-gradient-descent"), text: "at $\\eta = 0.1$ the weights jitter with a standard deviation of about 0.23 around the minimum; at $\\eta = 0.01$, about 0.07",
    values: [
      { quote: "0.1", at: 0, source: { spec: { kind: "constant", lr: 0.1 } } },
      { quote: "0.23", at: noiseBallSd, source: { spec: { kind: "constant", lr: 0.1 } } },
      { quote: "0.01", at: 0, source: { spec: { kind: "constant", lr: 0.01 } } },
      { quote: "0.07", at: noiseBallSd, source: { spec: { kind: "constant", lr: 0.01 } } },
    ] },
  { file: g("stochastic-weight-averaging"), text: "With $a = \\sigma = 1$ and $\\eta = 0.1$, the last iterate has a standard deviation of about $0.23$; the average of 1,000 consecutive iterates, about $0.03$.",
    source: { spec: { kind: "constant", lr: 0.1 } },
    values: [{ quote: "0.1", at: 0 }, { quote: "0.23", at: noiseBallSd }, { quote: "0.03", at: averageSd(1000) }] },
];

/** RAdam's ρ_t and rectifier r_t (PyTorch RAdam docs; optax scale_by_radam at 2edbcbe), as functions of the step. */
const rhoInf = (b2: number) => 2 / (1 - b2) - 1;
const rho = (b2: number) => (t: number) => rhoInf(b2) - (2 * t * b2 ** t) / (1 - b2 ** t);
const rectifier = (b2: number) => (t: number) => {
  const p = rho(b2)(t);
  const q = rhoInf(b2);
  return Math.sqrt(((p - 4) * (p - 2) * q) / ((q - 4) * (q - 2) * p));
};
const rhoSource: Source = { formula: rho(0.999), from: "RAdam rho_t, beta2 = 0.999" };
const rSource: Source = { formula: rectifier(0.999), from: "RAdam r_t, beta2 = 0.999" };
/** First step whose ρ_t passes PyTorch's threshold (ρ_t > 5). */
const firstRectified = (r: (t: number) => number): number => {
  let t = 1;
  while (r(t) <= 5) t += 1;
  return t;
};

export const radamClaims: readonly Claim[] = [
  row(g("radam"), "| $\\rho_t$ | 4.996 | 5.994 | 9.98 | 98.3 | 836 | 1931 |", rhoSource,
    [["4.996", 5], ["5.994", 6], ["9.98", 10], ["98.3", 100], ["836", 1000], ["1931", 5000]]),
  row(g("radam"), "| $r_t$ | (momentum step) | 0.0258 | 0.0490 | 0.215 | 0.645 | 0.983 |", rSource,
    [["0.0258", 6], ["0.0490", 10], ["0.215", 100], ["0.645", 1000], ["0.983", 5000]]),
  { file: g("radam"), text: "**Worked example.** $\\beta_2 = 0.999$, so $\\rho_\\infty = 1999$:", source: rhoSource,
    values: [{ quote: "1999", at: () => rhoInf(0.999) }] },
  { file: g("radam"), text: "with β_2 = 0.999 that is the first 5 steps", source: rhoSource, values: [{ quote: "5", at: (r) => firstRectified(r) - 1 }] },
  { file: g("radam"), text: "the first rectified step is step 6", source: rhoSource, values: [{ quote: "6", at: firstRectified }] },
  { file: g("radam"), text: "With $\\beta_2 = 0.99$ it is about ten times shorter than with $0.999$, since $\\rho_\\infty = 199$.",
    source: { formula: rectifier(0.99), from: "RAdam r_t, beta2 = 0.99" },
    values: [{ quote: "199", at: () => rhoInf(0.99) }] },
];

/** ULMFiT's slanted triangular schedule (η_max 0.01, cut_frac 0.1, ratio 32, T = 1000) is linear through three knots. */
const stlr: Source = { spec: { kind: "piecewise-interpolate", steps: [0, 100, 1000], values: [0.01 / 32, 0.01, 0.01 / 32], interpolation: "linear" } };

export const fineTuningClaims: readonly Claim[] = [
  row(g("discriminative-fine-tuning"), "| $\\eta_t$ | 0.0003125 | 0.00516 | 0.01 | 0.00516 | 0.0003125 |", stlr,
    [["0.0003125", 0], ["0.00516", 50], ["0.01", 100], ["0.00516", 550], ["0.0003125", 1000]]),
  { file: g("discriminative-fine-tuning"), source: stlr,
    text: "the layer below runs at $1/2.6 \\approx 0.385$ of it and the one below that at $1/2.6^2 \\approx 0.148$: a peak of 0.00385 and 0.00148.",
    values: [
      { quote: "0.385", at: () => 1 / 2.6 }, { quote: "0.148", at: () => 1 / 2.6 ** 2 },
      { quote: "0.00385", at: (r) => r(100) / 2.6 }, { quote: "0.00148", at: (r) => r(100) / 2.6 ** 2 },
    ] },
];

/** SGD with hypergradient descent on f(θ) = θ²/2 (θ0 = 1, α0 = 0.1, β = 0.1): returns α_t or θ_t. */
function hypergradientRun(which: "alpha" | "theta"): (t: number) => number {
  const theta = [1];
  const alpha = [0.1];
  for (let t = 1; t <= 10; t += 1) {
    const a = t === 1 ? 0.1 : (alpha[t - 1] as number) + 0.1 * (theta[t - 1] as number) * (theta[t - 2] as number);
    alpha.push(a);
    theta.push((theta[t - 1] as number) * (1 - a));
  }
  return (t) => ((which === "alpha" ? alpha : theta)[t] as number);
}

export const hypergradientClaims: readonly Claim[] = [
  row(g("hypergradient-descent"), "| $\\alpha_t$ | 0.1 | 0.19 | 0.256 | 0.295 | 0.331 |", { formula: hypergradientRun("alpha"), from: "SGD-HD alpha on theta^2/2" },
    [["0.1", 1], ["0.19", 2], ["0.256", 3], ["0.295", 4], ["0.331", 7]]),
  row(g("hypergradient-descent"), "| $\\theta_t$ | 0.9 | 0.729 | 0.543 | 0.382 | 0.118 |", { formula: hypergradientRun("theta"), from: "SGD-HD theta on theta^2/2" },
    [["0.9", 1], ["0.729", 2], ["0.543", 3], ["0.382", 4], ["0.118", 7]]),
];

/** The Polyak step on f(θ) = θ²/2 with f* = 0, from θ0 = 1: η_t = (f(θ_t) − f*)/‖∇f(θ_t)‖², θ_{t+1} = θ_t − η_t θ_t. */
function polyakRun(which: "eta" | "theta"): (t: number) => number {
  const theta = [1];
  const eta: number[] = [];
  for (let t = 0; t <= 5; t += 1) {
    const th = theta[t] as number;
    eta.push((0.5 * th * th) / (th * th));
    theta.push(th - (eta[t] as number) * th);
  }
  return (t) => ((which === "eta" ? eta : theta)[t] as number);
}

export const polyakClaims: readonly Claim[] = [
  { file: g("polyak-step-size"), text: "Then $\\eta_t = \\tfrac12\\theta_t^2 / \\theta_t^2 = 0.5$ at every step, and $\\theta_{t+1} = \\theta_t/2$: the iterates are 1, 0.5, 0.25, 0.125.",
    values: [
      { quote: "0.5", at: [0, 1, 2, 3], source: { formula: polyakRun("eta"), from: "Polyak eta on theta^2/2" } },
      { quote: "1", at: 0, source: { formula: polyakRun("theta"), from: "Polyak theta on theta^2/2" } },
      { quote: "0.5", at: 1, source: { formula: polyakRun("theta"), from: "Polyak theta on theta^2/2" } },
      { quote: "0.25", at: 2, source: { formula: polyakRun("theta"), from: "Polyak theta on theta^2/2" } },
      { quote: "0.125", at: 3, source: { formula: polyakRun("theta"), from: "Polyak theta on theta^2/2" } },
    ] },
];
