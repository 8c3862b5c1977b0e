/**
 * Worked examples of the training-dynamics and practice entries (edge of
 * stability, sharpness, catapult phase, µP, decay to zero, compute-optimal
 * scaling, re-warming, averaging, EMA, layer-wise decay, tuning grids, noise
 * scale, critical batch size, TD step sizes), as held claims (see
 * held-claims.ts). Schedule values come from the site's library; other numbers
 * are recomputed by iterating the update the entry describes, or from the
 * formula of the source it names, transcribed into a small function here.
 */
import { ratesOf, type Claim, type Rates, type Source } from "./held-claims.ts";
import { g, row } from "./held-claims.entries.ts";

/** For numbers derived by algebra alone (each quote carries its own `at` function). */
const algebra: Source = { formula: () => Number.NaN, from: "dynamics: algebra only" };
const value = (quote: string, at: () => number) => ({ quote, at, source: algebra });

/** Gradient descent on a·x²/2 multiplies x by this factor per step. */
const quadFactor = (eta: number, a: number) => 1 - eta * a;

/** Power iteration on diag(1, 25) from (1, 1): the Rayleigh quotient after k multiplications. */
function rayleighAfter(k: number): number {
  let v = [1, 1];
  for (let i = 0; i < k; i += 1) v = [1 * (v[0] as number), 25 * (v[1] as number)];
  const [x, y] = v as [number, number];
  return (x * x + 25 * y * y) / (x * x + y * y);
}

const cosine10x: Source = { spec: { kind: "cosine", lr: 3e-4, minLr: 3e-5, decaySteps: 10_000 } };
const linearD2Z: Source = { spec: { kind: "linear", lr: 3e-4, endLr: 0, decaySteps: 10_000 } };
/** Largest relative gap, in percent, between the two schedules at the steps the table shows before 9,000. */
const maxGapPercent = (): number => {
  const a = ratesOf(cosine10x);
  const b = ratesOf(linearD2Z);
  return 100 * Math.max(...[2500, 5000, 7500, 9000].map((t) => Math.max(a(t), b(t)) / Math.min(a(t), b(t)) - 1));
};
const rewarm: Source = {
  spec: { kind: "warmup", startLr: 3e-5, warmupSteps: 1000, shape: "linear", after: { kind: "cosine", lr: 3e-4, minLr: 3e-5, decaySteps: 9000 } },
};

/** Variance of θ_{t+1} = (1 − γ)θ_t + γX_t (Var X = 1) after many steps, by iterating the variance recursion. */
function constantStepVariance(gamma: number): number {
  let v = 0;
  for (let t = 0; t < 10_000; t += 1) v = (1 - gamma) ** 2 * v + gamma ** 2;
  return v;
}

/** PyTorch's EMA update (get_ema_avg_fn) from W₀ = 1 with later weights 0: the share of W₀ left after n updates. */
function emaShareOfStart(decay: number, n: number, laterWeight = 0): number {
  let ema = 1;
  for (let t = 0; t < n; t += 1) ema = decay * ema + (1 - decay) * laterWeight;
  return ema;
}
/** TensorFlow ExponentialMovingAverage with num_updates: the decay used at step t. */
const tfDecay = (decay: number, t: number) => Math.min(decay, (1 + t) / (10 + t));
/** First step at which TensorFlow's ramp reaches the full decay (exact in rationals: (1 + t)·1000 ≥ 999·(10 + t)). */
function firstFullDecayStep(): number {
  let t = 0;
  while ((1 + t) * 1000 < 999 * (10 + t)) t += 1;
  return t;
}

/** ELECTRA's _get_layer_lrs (model/optimization.py at 8a46635): rate at a depth (embeddings 0, layer i at i + 1, head at n + 2). */
const electraRate = (lr: number, decay: number, nLayers: number, depth: number) => lr * decay ** (nLayers + 2 - depth);
/** MAE's param_groups_lrd (util/lr_decay.py at be47fef): layer_scales[layer_id] = decay ** (num_layers - layer_id), num_layers = blocks + 1. */
const maeScale = (decay: number, blocks: number, layerId: number) => decay ** (blocks + 1 - layerId);

/** Size of a log grid from low that reaches high, stepping by the factor r. */
function gridSize(low: number, high: number, r: number): number {
  let k = 1;
  for (let eta = low; eta < high * (1 - 1e-9); eta *= r) k += 1;
  return k;
}

/** McCandlish et al.: E|G_B|² = |G|² + tr Σ / B, solved from two batch sizes. */
const noiseFromTwoBatches = (bSmall: number, gSmall: number, bBig: number, gBig: number) => {
  const trace = (gSmall - gBig) / (1 / bSmall - 1 / bBig);
  const gradSq = (bBig * gBig - bSmall * gSmall) / (bBig - bSmall);
  return { trace, gradSq, bSimple: trace / gradSq };
};
const measured = noiseFromTwoBatches(32, 2.0, 512, 1.1);

/** McCandlish et al.'s model with B_noise = 1000, as functions of the batch size B. */
const stepsOverMin: Source = { formula: (b) => 1 + 1000 / b, from: "S/S_min = 1 + B_noise/B" };
const examplesOverMin: Source = { formula: (b) => 1 + b / 1000, from: "E/E_min = 1 + B/B_noise" };
const bestRateOverMax: Source = { formula: (b) => 1 / (1 + 1000 / b), from: "eps_opt/eps_max = 1/(1 + B_noise/B)" };

/** Weight of a target n − i updates back in a constant-α estimate, by running the update on an impulse. */
function constantAlphaWeight(alpha: number, back: number): number {
  let v = 0;
  for (let i = 0; i <= back; i += 1) v += alpha * ((i === 0 ? 1 : 0) - v);
  return v;
}

const entry = (slug: string, text: string, values: Claim["values"]): Claim => ({ file: g(slug), text, values });

export const dynamicsClaims: readonly Claim[] = [
  entry("edge-of-stability", "At $\\eta = 0.075$ the factor is $-0.875$: the iterate flips sign and shrinks. At $\\eta = 0.085$ it is $-1.125$: it flips sign and grows. The boundary is $2/a = 0.08$.", [
    value("-0.875", () => quadFactor(0.075, 25)), value("-1.125", () => quadFactor(0.085, 25)), value("0.08", () => 2 / 25),
  ]),
  entry("edge-of-stability", "account, until $\\lambda_{\\max} \\approx 2/\\eta = 200$", [value("200", () => 2 / 0.01)]),
  entry("sharpness", "The Rayleigh quotient $v^\\top H v$ is 13 at the start, 24.96 after one multiplication by $H$ and 24.99994 after two, approaching $\\lambda_1 = 25$. So the largest stable constant rate is $2/25 = 0.08$.", [
    value("13", () => rayleighAfter(0)), value("24.96", () => rayleighAfter(1)), value("24.99994", () => rayleighAfter(2)),
    value("25", () => rayleighAfter(40)), value("0.08", () => 2 / rayleighAfter(40)),
  ]),
  entry("catapult-phase", "then $\\eta_{\\text{crit}} = 2/4 = 0.5$. At $\\eta = 0.4$ a linear model shrinks the error along that direction by the factor $|1 - 0.4 \\cdot 4| = 0.6$ per step; at $\\eta = 0.6$ the factor is $1.4$", [
    value("0.5", () => 2 / 4), value("0.6", () => Math.abs(quadFactor(0.4, 4))), value("1.4", () => Math.abs(quadFactor(0.6, 4))),
  ]),
  entry("catapult-phase", "as its curvature falls below $2/0.6 \\approx 3.33$", [value("3.33", () => 2 / 0.6)]),
  entry("maximal-update-parametrization", "so $n = 4096/256 = 16$. Under `MuAdam` its hidden weight matrices train at $10^{-2}/16 = 6.25\\times10^{-4}$", [
    value("16", () => 4096 / 256), value("6.25\\times10^{-4}", () => 1e-2 / (4096 / 256)),
  ]),
  row(g("decay-to-zero"), "| cosine, 10× decay | 3.0e-4 | 2.60e-4 | 1.65e-4 | 6.95e-5 | 3.66e-5 | 3.0e-5 |", cosine10x,
    [["3.0e-4", 0], ["2.60e-4", 2500], ["1.65e-4", 5000], ["6.95e-5", 7500], ["3.66e-5", 9000], ["3.0e-5", 10_000]]),
  row(g("decay-to-zero"), "| linear to zero | 3.0e-4 | 2.25e-4 | 1.5e-4 | 7.5e-5 | 3.0e-5 | 0 |", linearD2Z,
    [["3.0e-4", 0], ["2.25e-4", 2500], ["1.5e-4", 5000], ["7.5e-5", 7500], ["3.0e-5", 9000], ["0", 10_000]]),
  entry("decay-to-zero", "Until step 9,000 the two stay within 25% of each other at the points shown", [{ quote: "25", at: maxGapPercent, rel: "<", source: algebra }]),
  entry("compute-optimal-scaling", "so $D/N = 20$ tokens per parameter and $C \\approx 6ND = 5.88\\times10^{23}$ FLOPs. Doubling that budget under $a = b = 0.5$ gives about $9.9\\times10^{10}$ parameters and $1.98\\times10^{12}$ tokens: both grow by $\\sqrt2 \\approx 1.41$, the ratio stays at 20", [
    value("20", () => 1.4e12 / 7e10), value("5.88\\times10^{23}", () => 6 * 7e10 * 1.4e12),
    value("9.9\\times10^{10}", () => 7e10 * 2 ** 0.5), value("1.98\\times10^{12}", () => 1.4e12 * 2 ** 0.5),
    value("1.41", () => 2 ** 0.5), value("20", () => (1.4e12 * 2 ** 0.5) / (7e10 * 2 ** 0.5)),
  ]),
  row(g("re-warming"), "| $\\eta_t$ | 3.0e-5 | 9.75e-5 | 1.65e-4 | 3.0e-4 | 2.60e-4 | 1.65e-4 | 6.95e-5 | 3.0e-5 |", rewarm,
    [["3.0e-5", 0], ["9.75e-5", 250], ["1.65e-4", 500], ["3.0e-4", 1000], ["2.60e-4", 3250], ["1.65e-4", 5500], ["6.95e-5", 7750], ["3.0e-5", 10_000]]),
  entry("polyak-ruppert-averaging", "$\\gamma = 0.1$ the iterate is an exponential average of recent samples whose variance settles at $\\gamma\\sigma^2/(2 - \\gamma) \\approx 0.0526\\,\\sigma^2$", [
    value("0.0526", () => constantStepVariance(0.1)),
  ]),
  entry("ema-of-weights", "With $\\beta = 0.999$ the newest weights enter the average with weight $0.001$; the average spans about $1/(1 - \\beta) = 1{,}000$ steps, and a step's influence halves every $\\ln 0.5/\\ln 0.999 \\approx 693$ steps. The starting weights still make up $0.999^{1000} \\approx 0.37$ of the average after 1,000 steps and $0.999^{5000} \\approx 0.0067$ after 5,000. TensorFlow's ramp uses a decay of $\\min(0.999, 1/10) = 0.1$ at step 0, $101/110 \\approx 0.918$ at step 100, and the full $0.999$ from step 8,990 on.", [
    value("0.001", () => 1 - 0.999), value("693", () => Math.log(0.5) / Math.log(0.999)),
    value("0.37", () => emaShareOfStart(0.999, 1000)), value("0.0067", () => emaShareOfStart(0.999, 5000)),
    value("0.1", () => tfDecay(0.999, 0)), value("0.918", () => tfDecay(0.999, 100)), value("8,990", firstFullDecayStep),
  ]),
  entry("layer-wise-learning-rate-decay", "the top encoder layer (depth 12 of 14) at $0.8^{2} \\times 10^{-4} = 6.4\\times10^{-5}$; the lowest layer (depth 1) at $0.8^{13} \\times 10^{-4} \\approx 5.50\\times10^{-6}$; the embeddings at $0.8^{14} \\times 10^{-4} \\approx 4.40\\times10^{-6}$. For MAE's ViT-Base with `layer_decay` 0.65, the lowest block's scale is $0.65^{12} \\approx 0.0057$ and the patch embedding's $0.65^{13} \\approx 0.0037$", [
    value("6.4\\times10^{-5}", () => electraRate(1e-4, 0.8, 12, 12)), value("5.50\\times10^{-6}", () => electraRate(1e-4, 0.8, 12, 1)),
    value("4.40\\times10^{-6}", () => electraRate(1e-4, 0.8, 12, 0)), value("0.0057", () => maeScale(0.65, 12, 1)), value("0.0037", () => maeScale(0.65, 12, 0)),
  ]),
  entry("learning-rate-tuning", "$K = 1 + \\lceil \\log_2 1000 \\rceil = 11$ runs; with half-decade steps $r = \\sqrt{10} \\approx 3.16$, $K = 1 + \\lceil \\log_{\\sqrt{10}} 1000 \\rceil = 7$ runs", [
    value("11", () => gridSize(1e-4, 1e-1, 2)), value("3.16", () => Math.sqrt(10)), value("7", () => gridSize(1e-4, 1e-1, Math.sqrt(10))),
  ]),
  entry("gradient-noise-scale", "Then $\\operatorname{tr}\\Sigma = (2.0 - 1.1)/(1/32 - 1/512) = 30.72$ and $\\lvert G\\rvert^2 = (512 \\cdot 1.1 - 32 \\cdot 2.0)/(512 - 32) = 1.04$, so $\\mathcal{B}_{\\text{simple}} \\approx 29.5$.", [
    value("30.72", () => measured.trace), value("1.04", () => measured.gradSq), value("29.5", () => measured.bSimple),
  ]),
  entry("gradient-noise-scale", "multiplying the examples per step by 16", [value("16", () => 512 / 32)]),
  row(g("critical-batch-size"), "| steps $S/S_{\\min}$ | 11 | 2 | 1.1 |", stepsOverMin, [["11", 100], ["2", 1000], ["1.1", 10_000]]),
  row(g("critical-batch-size"), "| examples $E/E_{\\min}$ | 1.1 | 2 | 11 |", examplesOverMin, [["1.1", 100], ["2", 1000], ["11", 10_000]]),
  row(g("critical-batch-size"), "| best rate $\\epsilon_{\\text{opt}}/\\epsilon_{\\max}$ | 0.0909 | 0.5 | 0.909 |", bestRateOverMax, [["0.0909", 100], ["0.5", 1000], ["0.909", 10_000]]),
  {
    file: g("critical-batch-size"), source: algebra,
    text: "cuts the steps by a factor 5.5 for 1.82 times the data; going from 1,000 to 10,000 cuts them by only 1.82 for 5.5 times the data",
    values: [
      { quote: "5.5", at: () => ratio(stepsOverMin, 100, 1000) }, { quote: "1.82", at: () => ratio(examplesOverMin, 1000, 100) },
      { quote: "1.82", at: () => ratio(stepsOverMin, 1000, 10_000) }, { quote: "5.5", at: () => ratio(examplesOverMin, 10_000, 1000) },
    ],
  },
  entry("temporal-difference-step-size", "the one 10 updates back $0.1 \\times 0.9^{10} \\approx 0.035$, and the initial guess $V_0$ still has weight $0.9^{50} \\approx 0.0052$ after 50 updates", [
    value("0.035", () => constantAlphaWeight(0.1, 10)), value("0.0052", () => 0.9 ** 50),
  ]),
];

function ratio(source: Source, a: number, b: number): number {
  const r: Rates = ratesOf(source);
  return r(a) / r(b);
}
