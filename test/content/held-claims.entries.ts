/** Worked examples of the glossary's schedule entries, as held claims (see held-claims.ts). */
import type { Claim, Source } from "./held-claims.ts";

export const g = (slug: string): string => `content/glossary/${slug}.mdx`;
const pt = (name: string, params: Record<string, unknown>, baseLr: number, steps: number): Source =>
  ({ library: "pytorch", case: { name, params, baseLr, steps } });
const keras = (name: string, params: Record<string, unknown>, steps: number): Source => ({ library: "keras", case: { name, params, steps } });
const optax = (name: string, params: Record<string, unknown>, steps: number): Source => ({ library: "optax", case: { name, params, steps } });
const hf = (name: string, params: Record<string, unknown>, baseLr: number, steps: number): Source =>
  ({ library: "hf", case: { name, params, baseLr, steps } });

/** One table row: the cells after the label, in order, at these steps (null: a cell not about a rate). */
export function row(file: string, text: string, source: Source, cells: readonly [string, number | readonly number[]][]): Claim {
  return { file, text, source, values: cells.map(([quote, at]) => ({ quote, at })) };
}

const linearDecay = hf("linear", { num_warmup_steps: 500, num_training_steps: 10_000 }, 5e-5, 10_001);
const invSqrt: Source = { spec: { kind: "inverse-sqrt", lr: 512 ** -0.5 * 4000 ** -0.5, warmupSteps: 4000, timescale: 4000 } };
const plateauLosses = [1, 0.9, 0.9, 0.9, 0.9, 0.9];
const plateau = (convention: "pytorch" | "keras"): Source =>
  ({ plateau: { lr: 0.1, factor: 0.1, patience: 2, cooldown: 0, convention, threshold: 1e-4, thresholdMode: convention === "keras" ? "abs" : "rel" }, metrics: plateauLosses });
const wsd = (decay: string) => hf("warmup_stable_decay", { num_warmup_steps: 500, num_decay_steps: 1000, num_training_steps: 10_000, decay_type: decay }, 1e-3, 10_001);
const steps9 = [0, 25, 50, 75, 99, 100, 110, 150, 200] as const;
const cyclic = (mode: string) => pt("CyclicLR", { base_lr: 0.001, max_lr: 0.006, step_size_up: 2000, mode, gamma: 0.99994 }, 0.001, 10_000);
const oneCycle = (threePhase: boolean) => pt("OneCycleLR", { max_lr: 0.1, total_steps: 1000, three_phase: threePhase }, 0.1, 999);
const multiStepPt = pt("MultiStepLR", { milestones: [32_000, 48_000], gamma: 0.1 }, 0.1, 64_000);
const multiStepOptax = optax("piecewise_constant_schedule", { init_value: 0.1, boundaries_and_scales: { "32000": 0.1, "48000": 0.1 } }, 64_000);
const multiStepKeras = keras("PiecewiseConstantDecay", { boundaries: [32_000, 48_000], values: [0.1, 0.01, 0.001] }, 64_000);
const interp = (type: string) =>
  optax("piecewise_interpolate_schedule", { interpolate_type: type, init_value: 0.004, boundaries_and_scales: { "1000": 25, "10000": 0.01 } }, 12_001);
const chainedChildren = [{ name: "ConstantLR", params: { factor: 0.1, total_iters: 20 } }, { name: "ExponentialLR", params: { gamma: 0.9 } }];

export const entryClaims: readonly Claim[] = [
  // linear-decay
  row(g("linear-decay"), "| 0 | 0 |", linearDecay, [["0", 0]]),
  row(g("linear-decay"), "| 250 | $2.5\\times10^{-5}$ |", linearDecay, [["2.5\\times10^{-5}", 250]]),
  row(g("linear-decay"), "| 500 | $5\\times10^{-5}$ (peak) |", linearDecay, [["5\\times10^{-5}", 500]]),
  row(g("linear-decay"), "| 5,250 | $2.5\\times10^{-5}$ |", linearDecay, [["2.5\\times10^{-5}", 5250]]),
  row(g("linear-decay"), "| 10,000 | 0 |", linearDecay, [["0", 10_000]]),
  // inverse-square-root
  row(g("inverse-square-root"), "| $\\eta(s)$ | 1.7e-7 | 1.75e-4 | 3.49e-4 | **6.99e-4** | 4.94e-4 | 3.49e-4 | 1.40e-4 |", invSqrt,
    [["1.7e-7", 1], ["1.75e-4", 1000], ["3.49e-4", 2000], ["6.99e-4", 4000], ["4.94e-4", 8000], ["3.49e-4", 16_000], ["1.40e-4", 100_000]]),
  // reduce-on-plateau: rate for the next epoch after epoch e = rate after e metrics
  row(g("reduce-on-plateau"), "| PyTorch rate for next epoch | 0.1 | 0.1 | 0.1 | 0.1 | **0.01** | 0.01 |", plateau("pytorch"),
    [["0.1", [1, 2, 3, 4]], ["0.01", 5], ["0.01", 6]]),
  row(g("reduce-on-plateau"), "| Keras rate for next epoch | 0.1 | 0.1 | 0.1 | **0.01** | 0.01 | **0.001** |", plateau("keras"),
    [["0.1", [1, 2, 3]], ["0.01", 4], ["0.01", 5], ["0.001", 6]]),
  // inverse-time-decay
  ...([[0, "0.1"], [100, "0.05"], [300, "0.025"], [900, "0.01"], [9900, "0.001"]] as const).map(([t, q]) =>
    row(g("inverse-time-decay"), `| ${t.toLocaleString("en-US")} | ${q} |`, { spec: { kind: "inverse-time", lr: 0.1, k: 0.01 } }, [[q, t]])),
  // cosine-annealing
  row(g("cosine-annealing"), "| PyTorch `CosineAnnealingLR` | 0.1 | 0.0855 | 0.0505 | 0.0155 | 0.00102 | 0.001 | 0.00342 | 0.0505 | 0.1 |",
    pt("CosineAnnealingLR", { T_max: 100, eta_min: 0.001 }, 0.1, 200),
    (["0.1", "0.0855", "0.0505", "0.0155", "0.00102", "0.001", "0.00342", "0.0505", "0.1"] as const).map((q, i) => [q, steps9[i] as number])),
  row(g("cosine-annealing"), "| Keras `CosineDecay` / optax | 0.1 | 0.0855 | 0.0505 | 0.0155 | 0.00102 | 0.001 | 0.001 | 0.001 | 0.001 |",
    keras("CosineDecay", { initial_learning_rate: 0.1, decay_steps: 100, alpha: 0.01 }, 201),
    (["0.1", "0.0855", "0.0505", "0.0155", "0.00102", "0.001", "0.001", "0.001", "0.001"] as const).map((q, i) => [q, steps9[i] as number])),
  // exponential-decay
  ...([[0, "0.1"], [35, "0.0497"], [50, "0.0368"], [100, "0.0135"]] as const).map(([t, q]) =>
    row(g("exponential-decay"), `| ${t} | ${q}`, { spec: { kind: "exponential", lr: 0.1, k: 0.02 } }, [[q, t]])),
  row(g("exponential-decay"), "after 100 epochs the rate is $0.045 \\times 0.94^{50} \\approx 0.00204$",
    keras("ExponentialDecay", { initial_learning_rate: 0.045, decay_steps: 2, decay_rate: 0.94, staircase: true }, 101), [["0.00204", 100]]),
  { file: g("exponential-decay"), text: "with k = 0.01 per step the rate is 1/22,000 of its start after 1,000 steps",
    source: { spec: { kind: "exponential", lr: 0.1, k: 0.01 } }, values: [{ quote: "22,000", digits: 2, at: (r) => r(0) / r(1000) }] },
  // step-decay
  row(g("step-decay"), "| 0–29 | 0 | 0.1 |", pt("StepLR", { step_size: 30, gamma: 0.1 }, 0.1, 90), [["0.1", [0, 29]]]),
  row(g("step-decay"), "| 30–59 | 1 | 0.01 |", pt("StepLR", { step_size: 30, gamma: 0.1 }, 0.1, 90), [["0.01", [30, 59]]]),
  row(g("step-decay"), "| 60–89 | 2 | 0.001 |", pt("StepLR", { step_size: 30, gamma: 0.1 }, 0.1, 90), [["0.001", [60, 89]]]),
  row(g("step-decay"), "After 100 epochs the rate is $0.045 \\cdot 0.94^{50} \\approx 0.00204$", pt("StepLR", { step_size: 2, gamma: 0.94 }, 0.045, 100), [["0.00204", 100]]),
  // warmup-stable-decay (Hugging Face get_wsd_schedule)
  row(g("warmup-stable-decay"), "| linear decay | 0 | 5.0e-4 | 1.0e-3 | 7.5e-4 | 5.0e-4 | 1.0e-6 | 0 |", wsd("linear"),
    [["0", 0], ["5.0e-4", 250], ["1.0e-3", [500, 9000]], ["7.5e-4", 9250], ["5.0e-4", 9500], ["1.0e-6", 9999], ["0", 10_000]]),
  { file: g("warmup-stable-decay"), text: "| cosine decay (default) | 0 | 5.0e-4 | 1.0e-3 | 8.54e-4 | 5.0e-4 | ≈ 0 | 0 |", source: wsd("cosine"),
    values: [{ quote: "0", at: 0 }, { quote: "5.0e-4", at: 250 }, { quote: "1.0e-3", at: [500, 9000] }, { quote: "8.54e-4", at: 9250 },
      { quote: "5.0e-4", at: 9500 }, { quote: "≈ 0", at: 9999, tol: 1e-8 }, { quote: "0", at: 10_000 }] },
  row(g("warmup-stable-decay"), "| 1-sqrt decay | 0 | 5.0e-4 | 1.0e-3 | 5.0e-4 | 2.93e-4 | 5.0e-7 | 0 |", wsd("1-sqrt"),
    [["0", 0], ["5.0e-4", 250], ["1.0e-3", [500, 9000]], ["5.0e-4", 9250], ["2.93e-4", 9500], ["5.0e-7", 9999], ["0", 10_000]]),
  // linear-warmup
  row(g("linear-warmup"), "| $\\eta_t$ | 0.0125 | 0.809 | 1.606 | 2.403 | 3.2 |",
    optax("linear_schedule", { init_value: 0.0125, end_value: 3.2, transition_steps: 780 }, 781),
    [["0.0125", 0], ["0.809", 195], ["1.606", 390], ["2.403", 585], ["3.2", 780]]),
  { file: g("linear-warmup"), text: "Each iteration adds $(3.2 - 0.0125)/780 \\approx 0.0041$",
    source: optax("linear_schedule", { init_value: 0.0125, end_value: 3.2, transition_steps: 780 }, 781), values: [{ quote: "0.0041", at: (r) => r(1) - r(0) }] },
  row(g("linear-warmup"), "The rate is 0 at step 0, 1.5e-4 at step 1000, and 3e-4 from step 2000 on.",
    hf("constant_with_warmup", { num_warmup_steps: 2000 }, 3e-4, 3000), [["0", 0], ["1.5e-4", 1000], ["3e-4", [2000, 2999]]]),
  // search-then-converge: η0 / (1 + t/τ)
  ...([["0", "0.05", 0], ["1,000", "0.0455", 1000], ["10,000", "0.025", 10_000], ["90,000", "0.005", 90_000]] as const).map(([label, q, t]) =>
    row(g("search-then-converge"), `| ${label} | ${q} |`, { spec: { kind: "inverse-time", lr: 0.05, k: 1e-4 } }, [[q, t]])),
  // piecewise-constant-schedule
  ...([["0 – 31,999", "0.1", [0, 31_999]], ["32,000 – 47,999", "0.01", [32_000, 47_999]], ["48,000 – 64,000", "0.001", [48_000, 64_000]]] as const).map(([label, q, at]) =>
    row(g("piecewise-constant-schedule"), `| ${label} | ${q} |`,
      { spec: { kind: "piecewise-constant", boundaries: [32_000, 48_000], values: [0.1, 0.01, 0.001], switchAfterBoundary: false } }, [[q, at]])),
  // multi-step-decay: one row = one iteration in three libraries
  ...([["| 31 999 | 0.1 | 0.1 | 0.1 |", 31_999, "0.1", "0.1", "0.1"], ["| 32 000 | 0.01 | 0.01 | **0.1** |", 32_000, "0.01", "0.01", "0.1"],
    ["| 32 001 | 0.01 | 0.01 | 0.01 |", 32_001, "0.01", "0.01", "0.01"], ["| 48 000 | 0.001 | 0.001 | **0.01** |", 48_000, "0.001", "0.001", "0.01"],
    ["| 63 999 | 0.001 | 0.001 | 0.001 |", 63_999, "0.001", "0.001", "0.001"]] as const).map(([text, t, a, b, c]): Claim => ({
    file: g("multi-step-decay"), text,
    values: [{ quote: a, at: t, source: multiStepPt }, { quote: b, at: t, source: multiStepOptax }, { quote: c, at: t, source: multiStepKeras }],
  })),
  row(g("multi-step-decay"), "That yields 0.05 for epochs 0–29, 0.005 for epochs 30–79 and 0.0005 from epoch 80 on.",
    pt("MultiStepLR", { milestones: [30, 80], gamma: 0.1 }, 0.05, 100), [["0.05", [0, 29]], ["0.005", [30, 79]], ["0.0005", [80, 100]]]),
  // one-cycle
  row(g("one-cycle"), "| PyTorch `OneCycleLR` (two-phase) | 0.004 | 0.0523 | 0.1 (peak) | 0.0498 | 4e-7 |", oneCycle(false),
    [["0.004", 0], ["0.0523", 150], ["0.1", 299], ["0.0498", 650], ["4e-7", 999]]),
  row(g("one-cycle"), "| optax `cosine_onecycle_schedule(1000, 0.1)` | 0.004 | 0.052 | 0.099997 | 0.0500 | 9.0e-7 |",
    optax("cosine_onecycle_schedule", { transition_steps: 1000, peak_value: 0.1 }, 1001),
    [["0.004", 0], ["0.052", 150], ["0.099997", 299], ["0.0500", 650], ["9.0e-7", 999]]),
  row(g("one-cycle"), "| PyTorch `three_phase=True` | 0.004 | 0.0523 | 0.1 (peak) | 0.00198 at step 800 | 4e-7 |", oneCycle(true),
    [["0.004", 0], ["0.0523", 150], ["0.1", 299], ["0.00198", 800], ["4e-7", 999]]),
  row(g("one-cycle"), "In the three-phase version the rate is back at 0.004 at step 598", oneCycle(true), [["0.004", 598]]),
  // cyclical-learning-rate
  ...([["`triangular`", "0.001 | 0.0035 | 0.006 | 0.0035 | 0.001 | 0.006 | 0.006"], ["`triangular2`", "0.001 | 0.0035 | 0.006 | 0.0035 | 0.001 | 0.0035 | 0.00225"],
    ["`exp_range`, $\\gamma = 0.99994$", "0.001 | 0.00335 | 0.00543 | 0.00309 | 0.001 | 0.00449 | 0.00374"]] as const).map(([label, cells]) =>
    row(g("cyclical-learning-rate"), `| ${label} | ${cells} |`, cyclic(label.includes("exp") ? "exp_range" : label.slice(1, -1)),
      cells.split(" | ").map((q, i) => [q, [0, 1000, 2000, 3000, 4000, 6000, 10_000][i] as number]))),
  { file: g("cyclical-learning-rate"), text: "already scaled by $0.99994^{2000} \\approx 0.887$", source: cyclic("exp_range"),
    values: [{ quote: "0.887", at: (r) => (r(2000) - 0.001) / 0.005 }] },
  // chained-schedule
  row(g("chained-schedule"), "| Chained | 0.005 | 0.0045 | 0.00405 | 0.000675 | **0.00608** | 0.00547 |",
    pt("ChainedScheduler", { schedulers: chainedChildren }, 0.05, 21),
    [["0.005", 0], ["0.0045", 1], ["0.00405", 2], ["0.000675", 19], ["0.00608", 20], ["0.00547", 21]]),
  row(g("chained-schedule"), "| `SequentialLR`, milestone 20 | 0.005 | 0.005 | 0.005 | 0.005 | 0.05 | 0.045 |",
    pt("SequentialLR", { schedulers: chainedChildren, milestones: [20] }, 0.05, 21),
    [["0.005", [0, 1, 2, 19]], ["0.05", 20], ["0.045", 21]]),
  row(g("chained-schedule"), "0.01 at epoch 0, 0.028 at epoch 1, 0.1 from epoch 5, 0.01 from epoch 30 and 0.001 from epoch 60",
    pt("ChainedScheduler", { schedulers: [{ name: "LinearLR", params: { start_factor: 0.1, total_iters: 5 } }, { name: "MultiStepLR", params: { milestones: [30, 60], gamma: 0.1 } }] }, 0.1, 70),
    [["0.01", 0], ["0.028", 1], ["0.1", [5, 29]], ["0.01", [30, 59]], ["0.001", [60, 70]]]),
  // warm-restarts
  row(g("warm-restarts"), "| Learning rate | 0.05 | 0.025 | 0.00122 | 0.05 | 0.025 | 0.00031 | 0.05 | 0.00008 | 0.05 |",
    pt("CosineAnnealingWarmRestarts", { T_0: 10, T_mult: 2 }, 0.05, 70),
    [["0.05", 0], ["0.025", 5], ["0.00122", 9], ["0.05", 10], ["0.025", 20], ["0.00031", 29], ["0.05", 30], ["0.00008", 69], ["0.05", 70]]),
  // polynomial-decay
  ...([["0", "1", "0.01", 0], ["15,000", "0.5", "0.00536", 15_000], ["27,000", "0.1", "0.00126", 27_000], ["30,000", "0", "0", 30_000]] as const).map(([label, frac, q, t]) =>
    row(g("polynomial-decay"), `| ${label} | ${frac} | ${q} |`, pt("PolynomialLR", { total_iters: 30_000, power: 0.9 }, 0.01, 30_000), [[q, t]])),
  // piecewise-interpolate-schedule
  row(g("piecewise-interpolate-schedule"), "| `\"linear\"` | 0.004 | 0.052 | 0.1 | 0.0753 | 0.0505 | 0.001 |", interp("linear"),
    [["0.004", 0], ["0.052", 500], ["0.1", 1000], ["0.0753", 3250], ["0.0505", 5500], ["0.001", [10_000, 12_000]]]),
  row(g("piecewise-interpolate-schedule"), "| `\"cosine\"` | 0.004 | 0.052 | 0.1 | 0.0855 | 0.0505 | 0.001 |", interp("cosine"),
    [["0.004", 0], ["0.052", 500], ["0.1", 1000], ["0.0855", 3250], ["0.0505", 5500], ["0.001", [10_000, 12_000]]]),
];

/**
 * Rows of worked-example tables that quote no learning rate, with the reason.
 * Every other row of a schedule entry's worked-example table must be a claim.
 */
export const rowsWithoutRates: readonly { file: string; row: string; reason: string }[] = [
  { file: g("reduce-on-plateau"), row: "| Validation loss |", reason: "the input metric, not a rate" },
  { file: g("reduce-on-plateau"), row: "| PyTorch bad epochs after step |", reason: "a counter; its effect is the PyTorch rate row, which is held" },
  { file: g("reduce-on-plateau"), row: "| Keras wait after epoch |", reason: "a counter; its effect is the Keras rate row, which is held" },
  { file: g("warm-restarts"), row: "| $T_{cur}$ / $T_i$ |", reason: "positions in the cycle, not rates" },
];
