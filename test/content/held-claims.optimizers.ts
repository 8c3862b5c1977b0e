/**
 * Worked examples of the optimizer entries (Adadelta, Adafactor, Adam's ε and
 * bias correction, NAdam, LARS, Muon, Armijo line search ...), as held claims
 * (see held-claims.ts). Each number is recomputed from the update rule as the
 * named source writes it, transcribed into a small function here.
 */
import type { Claim, Source } from "./held-claims.ts";
import { g, row } from "./held-claims.entries.ts";

/** Adadelta (Zeiler 2012, Algorithm 1; PyTorch/Keras update) on a gradient of 1 at every step: the step size at step t ≥ 1. */
function adadeltaSteps(rho: number, eps: number, lr: number): (t: number) => number {
  const steps: number[] = [Number.NaN];
  let meanSquareGrad = 0;
  let meanSquareDelta = 0;
  return (t) => {
    while (steps.length <= t) {
      meanSquareGrad = rho * meanSquareGrad + (1 - rho);
      const delta = Math.sqrt(meanSquareDelta + eps) / Math.sqrt(meanSquareGrad + eps);
      meanSquareDelta = rho * meanSquareDelta + (1 - rho) * delta * delta;
      steps.push(lr * delta);
    }
    return steps[t] as number;
  };
}

const adadeltaTorch: Source = { formula: adadeltaSteps(0.9, 1e-6, 1), from: "Adadelta step, PyTorch defaults, gradient 1" };
const adadeltaKeras: Source = { formula: adadeltaSteps(0.95, 1e-7, 0.001), from: "Adadelta step, Keras defaults, gradient 1" };

/** The fraction of the full Adam step a parameter takes: √v̂ / (√v̂ + ε) (Kingma and Ba, Algorithm 1). */
const fullStepFraction = (rootV: number, eps: number) => (): number => rootV / (rootV + eps);
/** Keras's "epsilon hat" written as Algorithm 1's ε at step t: ε̂ / √(1 − β₂ᵗ). */
const epsilonHatAsEpsilon = (epsHat: number, b2: number, t: number) => (): number => epsHat / Math.sqrt(1 - b2 ** t);
/** For numbers derived by algebra alone (each quote carries its own `at` function). */
const algebraOnly: Source = { formula: () => Number.NaN, from: "algebra only" };

/** Adam's bias-correction factors with β₁ = 0.9, β₂ = 0.999 (Kingma and Ba, section 3): step size relative to fully corrected Adam. */
const onlySecondCorrected: Source = { formula: (t) => 1 - 0.9 ** t, from: "AdamD factor 1 - b1^t" };
const noneCorrected: Source = { formula: (t) => (1 - 0.9 ** t) / Math.sqrt(1 - 0.999 ** t), from: "uncorrected factor (1 - b1^t)/sqrt(1 - b2^t)" };
/** The step (1 … 200) where the uncorrected factor is largest. */
const peakStep = (r: (t: number) => number): number => {
  let best = 1;
  for (let t = 2; t <= 200; t += 1) if (r(t) > r(best)) best = t;
  return best;
};

/** A parameter in steady state (v = 1, β₂ = 0.999) hit by one gradient of 100, then gradients of 1: Adam's √v after k more steps. */
function vAfterSpike(k: number): number {
  let v = 0.999 * 1 + 0.001 * 100 ** 2;
  for (let i = 0; i < k; i += 1) v = 0.999 * v + 0.001 * 1 ** 2;
  return v;
}
const spike: Source = { formula: (k) => 1 / Math.sqrt(vAfterSpike(k)), from: "Adam effective-rate factor 1/sqrt(v) after a spike" };

/** NAdam's momentum coefficient μ_t = β₁(1 − ½·0.96^(ψt)): PyTorch docs (ψ = 0.004) and Keras 3 nadam.py at 13de96a (0.96^t). */
const nadamTorch: Source = { formula: (t) => 0.9 * (1 - 0.5 * 0.96 ** (0.004 * t)), from: "NAdam mu_t, PyTorch" };
const nadamKeras: Source = { formula: (t) => 0.9 * (1 - 0.5 * 0.96 ** t), from: "Nadam u_t, Keras" };
/** Smallest and largest μ_t over steps 1 … n. */
const extremeOver = (n: number, pick: "min" | "max") => (r: (t: number) => number): number => {
  const values = Array.from({ length: n }, (_, i) => r(i + 1));
  return pick === "min" ? Math.min(...values) : Math.max(...values);
};

/** Adafactor's relative step ρ_t = min(10⁻², 1/√t) (Shazeer and Stern) and transformers' warmup_init form min(10⁻⁶·t, 1/√t). */
const relativeStep: Source = { formula: (t) => Math.min(1e-2, 1 / Math.sqrt(t)), from: "Adafactor rho_t" };
const relativeStepWarmup: Source = { formula: (t) => Math.min(1e-6 * t, 1 / Math.sqrt(t)), from: "Adafactor rho_t, warmup_init" };
/** α_t = max(ε₂, RMS(X))·ρ_t for a matrix with RMS 0.05. */
const absoluteStep: Source = { formula: (t) => Math.max(1e-3, 0.05) * Math.min(1e-2, 1 / Math.sqrt(t)), from: "Adafactor alpha_t at RMS 0.05" };

/** LARS trust ratio η‖w‖/(‖∇L‖ + β‖w‖) (You, Gitman and Ginsburg 2017) with η = 0.001, β = 5e-4. */
const trustRatio = (weightNorm: number, gradNorm: number): number => (0.001 * weightNorm) / (gradNorm + 5e-4 * weightNorm);
/** LAMB's update norm η·‖w‖ (trust ratio ‖w‖/‖r‖ times ‖r‖), and Adam's largest update norm η·√n for n parameters. */
const lambStep = (weightNorm: number) => (): number => 0.001 * weightNorm;

/** Muon on an A×B matrix (KellerJordan/Muon muon.py; torch/optim/_muon.py _adjust_lr): entry RMS of an orthogonal update and the two shape factors. */
const orthogonalEntryRms = (a: number, b: number): number => Math.sqrt(Math.min(a, b) / (a * b));
const originalFactor = (a: number, b: number): number => Math.sqrt(Math.max(1, a / b));
const matchRmsFactor = (a: number, b: number): number => 0.2 * Math.sqrt(Math.max(a, b));

/** Backtracking with the Armijo test on f(θ) = 5θ² from θ = 1 (c = 1e-4, τ = 0.8, first trial 1; optax's criterion): trial rates and losses. */
const armijoF = (theta: number): number => 5 * theta * theta;
function armijoSearch(): { rate: number; reductions: number; rejected: number[] } {
  const theta = 1;
  const grad = 10;
  let rate = 1;
  let reductions = 0;
  const rejected: number[] = [];
  while (armijoF(theta - rate * grad) > armijoF(theta) - 1e-4 * rate * grad * grad) {
    rejected.push(rate);
    rate *= 0.8;
    reductions += 1;
  }
  return { rate, reductions, rejected };
}
/** D-Adaptation: steps for an estimate capped at growth_rate r per step to grow by a factor k. */
const stepsToGrow = (r: number, k: number) => (): number => Math.ceil(Math.log(k) / Math.log(r));

/** A zero-started moving average (weight 0.9 on the old value) of the numbers 5, 5, 5 …: its value after step t. */
const averageOfFives: Source = { formula: (t) => { let m = 0; for (let i = 0; i < t; i += 1) m = 0.9 * m + 0.1 * 5; return m; }, from: "EMA of 5s from 0" };

/** Rprop (PyTorch docs / optax scale_by_rprop): step size after t same-sign steps from 0.01, ×1.2 each, capped at 50. */
const rpropStep: Source = { formula: (t) => Math.min(0.01 * 1.2 ** t, 50), from: "Rprop step size, same sign" };
const firstAtCap = (r: (t: number) => number): number => { let t = 0; while (r(t) < 50) t += 1; return t; };
/** AdaMax after a spike of 100 on top of u = 1 (Kingma and Ba 7.1): u_k = max(0.999·u_{k−1}, 1). */
function adamaxU(k: number): number {
  let u = Math.max(0.999 * 1, 100);
  for (let i = 0; i < k; i += 1) u = Math.max(0.999 * u, 1);
  return u;
}
const adamaxRate: Source = { formula: (k) => 1 / adamaxU(k), from: "AdaMax rate factor after a spike" };
const stepsToRecover = (): number => { let k = 0; while (adamaxU(k) > 1) k += 1; return k; };

/** The transcribed update rules, for the comparison with real PyTorch (held-claims.optimizers.test.ts). */
export const transcribed = {
  adadeltaTorchStep: adadeltaSteps(0.9, 1e-6, 1),
  rpropStepSize: (t: number): number => Math.min(0.01 * 1.2 ** t, 50),
  adamaxU,
  adamSecondMomentAfterSpike: vAfterSpike,
  nadamMu: (t: number): number => 0.9 * (1 - 0.5 * 0.96 ** (0.004 * t)),
};

export const optimizerClaims: readonly Claim[] = [
  { file: g("adadelta"), source: adadeltaTorch,
    text: "Its step is 0.00316 at step 1, 0.00351 at step 10, 0.00466 at step 100 and 0.0106 at step 1,000",
    values: [{ quote: "0.00316", at: 1 }, { quote: "0.00351", at: 10 }, { quote: "0.00466", at: 100 }, { quote: "0.0106", at: 1000 }] },
  { file: g("adadelta"), source: adadeltaKeras,
    text: "the first step is $1.41\\times10^{-6}$", values: [{ quote: "1.41\\times10^{-6}", at: 1 }] },
  { file: g("adadelta"), source: adadeltaTorch,
    text: "the first step of a parameter whose gradient is 1 is about 0.0032; with Keras's ε = 1e-7, ρ = 0.95 and learning_rate = 0.001 it is about 1.4e-6",
    values: [{ quote: "0.0032", at: 1 }, { quote: "1.4e-6", at: 1, source: adadeltaKeras }] },
  { file: g("adam-epsilon"), source: algebraOnly,
    text: "With $\\epsilon = 10^{-8}$ it takes 0.990 of the full Adam step; with $\\epsilon = 10^{-6}$, 0.5 of it; with $\\epsilon = 10^{-3}$, 0.000999,",
    values: [
      { quote: "0.990", at: fullStepFraction(1e-6, 1e-8) }, { quote: "0.5", at: fullStepFraction(1e-6, 1e-6) },
      { quote: "0.000999", at: fullStepFraction(1e-6, 1e-3) },
    ] },
  { file: g("adam-epsilon"), source: algebraOnly, text: "takes at least 0.999 of the full step in all three cases",
    values: [{ quote: "0.999", at: fullStepFraction(1, 1e-3), rel: ">=" }] },
  { file: g("adam-epsilon"), source: algebraOnly, text: "at step 1 it equals ε = 3.16e-6 with β₂ = 0.999",
    values: [{ quote: "3.16e-6", at: epsilonHatAsEpsilon(1e-7, 0.999, 1) }] },
  row(g("bias-correction"), "| Only $v$ corrected (AdamD): $1-\\beta_1^t$ | 0.1 | 0.651 | 1.000 | 1.000 |", onlySecondCorrected,
    [["0.1", 1], ["0.651", 10], ["1.000", 100], ["1.000", 1000]]),
  row(g("bias-correction"), "| Neither corrected: $(1-\\beta_1^t)/\\sqrt{1-\\beta_2^t}$ | 3.16 | 6.53 | 3.24 | 1.26 |", noneCorrected,
    [["3.16", 1], ["6.53", 10], ["3.24", 100], ["1.26", 1000]]),
  { file: g("bias-correction"), source: noneCorrected, text: "the factor peaks near 6.57 at step 12 and is still 1.26 at step 1,000",
    values: [{ quote: "6.57", at: (r) => r(peakStep(r)) }, { quote: "12", at: peakStep }, { quote: "1.26", at: 1000 }] },
  { file: g("bias-correction"), source: noneCorrected, text: "with the defaults that is 3.16 at step 1, 6.53 at step 10, 3.24 at step 100 and still 1.26 at step 1,000",
    values: [{ quote: "3.16", at: 1 }, { quote: "6.53", at: 10 }, { quote: "3.24", at: 100 }, { quote: "1.26", at: 1000 }] },
  { file: g("bias-correction"), source: onlySecondCorrected, text: "10% of full size at step 1 and 65% at step 10 with β₁ = 0.9",
    values: [{ quote: "10", at: (r) => 100 * r(1) }, { quote: "65", at: (r) => 100 * r(10) }] },
  { file: g("amsgrad"), source: spike,
    text: "$v$ jumps to 10.999; then gradients of 1 resume. AMSGrad's effective rate drops to 0.302 α and stays there. Adam's recovers as the spike is forgotten: 0.462 α after 1,000 more steps and 0.968 α after 5,000.",
    values: [
      { quote: "10.999", at: () => vAfterSpike(0) }, { quote: "0.302", at: 0 }, { quote: "0.462", at: 1000 }, { quote: "0.968", at: 5000 },
    ] },
  row(g("nadam"), "| PyTorch, $\\psi = 0.004$ | 0.4501 | 0.4507 | 0.4573 | 0.5178 | 0.8121 | 0.9000 |", nadamTorch,
    [["0.4501", 1], ["0.4507", 10], ["0.4573", 100], ["0.5178", 1000], ["0.8121", 10_000], ["0.9000", 100_000]]),
  row(g("nadam"), "| Keras 3 source, $0.96^t$ | 0.4680 | 0.6008 | 0.8924 | 0.9000 | 0.9000 | 0.9000 |", nadamKeras,
    [["0.4680", 1], ["0.6008", 10], ["0.8924", 100], ["0.9000", 1000], ["0.9000", 10_000], ["0.9000", 100_000]]),
  { file: g("nadam"), source: nadamTorch, text: "starts near β₁/2 = 0.45 and approaches β₁ = 0.9 only after tens of thousands of steps: 0.518 at step 1,000 and 0.812 at step 10,000",
    values: [{ quote: "0.45", at: 1 }, { quote: "0.518", at: 1000 }, { quote: "0.812", at: 10_000 }] },
  { file: g("nadam"), source: nadamKeras, text: "so its momentum reaches 0.892 by step 100 while PyTorch's is still at 0.457",
    values: [{ quote: "0.892", at: 100 }, { quote: "0.457", at: 100, source: nadamTorch }] },
  { file: g("nadam"), source: nadamTorch, text: "keeps its momentum coefficient between 0.45 and 0.52 throughout",
    values: [{ quote: "0.45", at: extremeOver(1000, "min"), rel: ">=" }, { quote: "0.52", at: extremeOver(1000, "max"), rel: "<=" }] },
  row(g("adafactor"), "| $\\rho_t$, default | 0.01 | 0.01 | 0.01 | 0.005 | 0.001 |", relativeStep,
    [["0.01", 1], ["0.01", 1000], ["0.01", 10_000], ["0.005", 40_000], ["0.001", 1_000_000]]),
  row(g("adafactor"), "| $\\rho_t$, `warmup_init=True` | 0.000001 | 0.001 | 0.01 | 0.005 | 0.001 |", relativeStepWarmup,
    [["0.000001", 1], ["0.001", 1000], ["0.01", 10_000], ["0.005", 40_000], ["0.001", 1_000_000]]),
  row(g("adafactor"), "| $\\alpha_t$ at RMS 0.05, default | 0.0005 | 0.0005 | 0.0005 | 0.00025 | 0.00005 |", absoluteStep,
    [["0.0005", 1], ["0.0005", 1000], ["0.0005", 10_000], ["0.00025", 40_000], ["0.00005", 1_000_000]]),
  { file: g("lars"), source: algebraOnly,
    text: "gets $\\lambda = 0.001/(0.01 + 0.0005) = 0.0952$. A layer with $\\lVert w\\rVert = 10$ and $\\lVert\\nabla L\\rVert = 0.001$ gets $\\lambda = 0.01/(0.001 + 0.005) = 1.67$, about 17.5 times more",
    values: [
      { quote: "0.0952", at: () => trustRatio(1, 0.01) }, { quote: "1.67", at: () => trustRatio(10, 0.001) },
      { quote: "17.5", at: () => trustRatio(10, 0.001) / trustRatio(1, 0.01) },
    ] },
  { file: g("lars"), source: algebraOnly, text: "their local rates are 0.190 and 3.33",
    values: [{ quote: "0.190", at: () => 2 * trustRatio(1, 0.01) }, { quote: "3.33", at: () => 2 * trustRatio(10, 0.001) }] },
  { file: g("lamb"), source: algebraOnly,
    text: "A layer with $\\lVert w\\rVert = 20$ moves by 0.02 per step; a layer with $\\lVert w\\rVert = 0.5$ moves by 0.0005",
    values: [{ quote: "0.02", at: lambStep(20) }, { quote: "0.0005", at: lambStep(0.5) }] },
  { file: g("lamb"), source: algebraOnly, text: "so a layer of a million parameters could move by up to 1 in norm",
    values: [{ quote: "1", at: () => 0.001 * Math.sqrt(1e6) }] },
  { file: g("muon"), source: algebraOnly,
    text: "Its orthogonalized update has entry RMS $1/\\sqrt{1024} = 0.03125$. With the original factor $\\sqrt{2} = 1.414$ and Keller Jordan's default $\\gamma = 0.02$, each entry moves by about 0.000884 (RMS) per step. With `match_rms_adamw` the factor is $0.2\\sqrt{1024} = 6.4$, and at PyTorch's default $\\gamma = 0.001$ the entries move by 0.0002",
    values: [
      { quote: "0.03125", at: () => orthogonalEntryRms(1024, 512) }, { quote: "1.414", at: () => originalFactor(1024, 512) },
      { quote: "0.000884", at: () => 0.02 * originalFactor(1024, 512) * orthogonalEntryRms(1024, 512) },
      { quote: "6.4", at: () => matchRmsFactor(1024, 512) }, { quote: "0.0002", at: () => 0.001 * matchRmsFactor(1024, 512) * orthogonalEntryRms(1024, 512) },
    ] },
  { file: g("muon"), source: algebraOnly, text: "For a 1024×512 matrix the two factors are 1.41 and 6.4.",
    values: [{ quote: "1.41", at: () => originalFactor(1024, 512) }, { quote: "6.4", at: () => matchRmsFactor(1024, 512) }] },
  { file: g("muon"), source: algebraOnly, text: "a factor of 4.5 for the $1024 \\times 512$ example",
    values: [{ quote: "4.5", at: () => matchRmsFactor(1024, 512) / originalFactor(1024, 512) }] },
  { file: g("armijo-line-search"), source: algebraOnly,
    text: "Every rate down to 0.2097 fails (at 0.2097 the loss is 6.02, above the 5.00 it started from); after 8 reductions, $\\eta = 0.168$ passes with a loss of 2.30. The accepted rate is within the bound $2(1-c)/L \\approx 0.2$; the exact minimizing rate here would be $1/L = 0.1$.",
    values: [
      { quote: "0.2097", at: () => Math.min(...armijoSearch().rejected) },
      { quote: "0.2097", at: () => Math.min(...armijoSearch().rejected) },
      { quote: "6.02", at: () => armijoF(1 - Math.min(...armijoSearch().rejected) * 10) },
      { quote: "5.00", at: () => armijoF(1) },
      { quote: "8", at: () => armijoSearch().reductions }, { quote: "0.168", at: () => armijoSearch().rate },
      { quote: "2.30", at: () => armijoF(1 - armijoSearch().rate * 10) },
      { quote: "0.2", at: () => (2 * (1 - 1e-4)) / 10 },
      { quote: "0.1", at: () => 1 / 10 },
    ] },
  { file: g("d-adaptation"), source: algebraOnly,
    text: "the optimal constant step is $D/(G\\sqrt n) = 0.1$. Starting from $d_0 = 10^{-6}$ with `growth_rate=1.02`, the estimate needs at least 349 steps to grow a thousandfold",
    values: [{ quote: "0.1", at: () => 10 / (1 * Math.sqrt(10_000)) }, { quote: "349", at: stepsToGrow(1.02, 1000) }] },
  { file: g("prodigy"), source: algebraOnly, text: "that is $\\sqrt{\\ln 10^6} \\approx 3.7$",
    values: [{ quote: "3.7", at: () => Math.sqrt(Math.log(1e6)) }] },
  { file: g("bias-correction"), source: averageOfFives, text: "starting from 0: you get 0.5, then 0.95, then 1.355, creeping towards 5.",
    values: [{ quote: "0.5", at: 1 }, { quote: "0.95", at: 2 }, { quote: "1.355", at: 3 }] },
  { file: g("bias-correction"), source: averageOfFives, text: "after one step that is 0.1, and $0.5 / 0.1 = 5$ exactly",
    values: [{ quote: "0.1", at: () => 1 - 0.9 }, { quote: "0.5", at: 1 }, { quote: "5", at: (r) => r(1) / (1 - 0.9) }] },
  { file: g("rprop"), source: rpropStep,
    text: "the first update moves the weight by 0.01 (there is no previous sign to compare with); the next five, all with the same sign, move it by 0.012, 0.0144, 0.01728, 0.020736 and 0.0249. A sign flip then halves the step size to 0.0124 and skips that update.",
    values: [
      { quote: "0.01", at: 0 }, { quote: "0.012", at: 1 }, { quote: "0.0144", at: 2 }, { quote: "0.01728", at: 3 }, { quote: "0.020736", at: 4 }, { quote: "0.0249", at: 5 },
      { quote: "0.0124", at: (r) => 0.5 * r(5) },
    ] },
  { file: g("rprop"), source: rpropStep, text: "the step reaches the cap of 50 at the 47th increase: five thousandfold growth",
    values: [{ quote: "50", at: 100 }, { quote: "47", at: firstAtCap }] },
  { file: g("adamax"), source: adamaxRate,
    text: "the rate drops to $0.01\\,\\alpha$. With gradients of 1 afterwards, $u$ decays as $100 \\cdot 0.999^k$: after 1,000 steps the rate is still only $0.0272\\,\\alpha$, and it takes 4,603 steps for $u$ to fall back to 1. Adam, facing the same spike, drops to about $0.30\\,\\alpha$",
    values: [
      { quote: "0.01", at: 0 }, { quote: "0.0272", at: 1000 }, { quote: "4,603", at: stepsToRecover, digits: 4 },
      { quote: "0.30", at: () => 1 / Math.sqrt(0.999 + 0.001 * 100 ** 2) },
    ] },
  { file: g("adamax"), source: adamaxRate, text: "with β₂ = 0.999 it takes about 4,600 steps to decay back",
    values: [{ quote: "4,600", at: stepsToRecover, digits: 2 }] },
];
