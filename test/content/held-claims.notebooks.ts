/** Numbers the notebooks quote about schedule values, as held claims (see held-claims.ts). */
import { meanOver, ratesOf, type Claim, type Source } from "./held-claims.ts";

const n = (slug: string) => `content/notebooks/${slug}.mdx`;
const exp02: Source = { spec: { kind: "exponential", lr: 0.1, k: 0.02 } };
const kRace = Math.log(100) / 600;
const race = {
  step: { spec: { kind: "step", lr: 0.1, stepSize: 150, gamma: 0.5 } },
  exponential: { spec: { kind: "exponential", lr: 0.1, k: kRace } },
  cosine: { spec: { kind: "cosine", lr: 0.1, minLr: 0, decaySteps: 600 } },
} satisfies Record<string, Source>;
const cycles: Record<string, Source> = {
  restarts: { spec: { kind: "cosine-restarts", lr: 0.3, minLr: 0, period: 150, tMult: 1 } },
  triangular: { spec: { kind: "cyclic", baseLr: 0.03, maxLr: 0.3, stepSizeUp: 75, stepSizeDown: 75, mode: "triangular" } },
  oneCycle: { spec: { kind: "one-cycle", maxLr: 0.3, totalSteps: 600, pctStart: 0.3 } },
  cosine: { spec: { kind: "cosine", lr: 0.3, minLr: 0, decaySteps: 600 } },
};
const flat = (convention: "pytorch" | "keras"): Source => ({ plateau: { lr: 0.1, patience: 10, convention }, metrics: Array.from({ length: 30 }, () => 1) });

export const notebookClaims: readonly Claim[] = [
  // exponential-decay-in-depth
  { file: n("exponential-decay-in-depth"), text: "which ends 100 steps later at $0.1\\,e^{-2} \\approx 0.0135$", source: exp02, values: [{ quote: "0.0135", at: 100 }] },
  { file: n("exponential-decay-in-depth"), text: "($e^{-4} \\approx 0.018$ of the start instead of $e^{-2} \\approx 0.135$)",
    values: [
      { quote: "0.018", at: (r) => r(100) / r(0), source: { spec: { kind: "exponential", lr: 0.1, k: 0.04 } } },
      { quote: "0.135", at: (r) => r(100) / r(0), source: exp02 },
    ] },
  { file: n("exponential-decay-in-depth"),
    text: "the rate loses half its value in the first 35 steps, from 0.1 to 0.0497, and only a further 0.014 in the last 35, from 0.0273 to 0.0135.",
    source: exp02,
    values: [
      { quote: "0.1", at: 0 }, { quote: "0.0497", at: 35 },
      { quote: "0.014", at: (r) => r(65) - r(100) }, { quote: "0.0273", at: 65 }, { quote: "0.0135", at: 100 },
    ] },
  { file: n("exponential-decay-in-depth"), text: "$k = -\\ln(0.94)/782 \\approx 7.9 \\cdot 10^{-5}$ per update",
    source: { library: "keras", case: { name: "ExponentialDecay", params: { initial_learning_rate: 0.045, decay_steps: 782, decay_rate: 0.94 }, steps: 2 } },
    values: [{ quote: "7.9 \\cdot 10^{-5}", at: (r) => Math.log(r(0) / r(1)) }] },
  // step-exponential-cosine-race
  { file: n("step-exponential-cosine-race"), text: "$\\eta_t = \\eta_0 \\cdot 0.5^{\\lfloor t/150 \\rfloor}$, so it ends at $\\eta_0/8$.", source: race.step,
    values: [{ quote: "8", at: (r) => r(0) / r(599) }] },
  { file: n("step-exponential-cosine-race"), text: "with $k = \\ln(100)/600$, so it ends at $1\\%$ of the start.", source: race.exponential,
    values: [{ quote: "100", at: (r) => r(0) / r(600), digits: 3 }, { quote: "1", at: (r) => (100 * r(600)) / r(0) }] },
  { file: n("step-exponential-cosine-race"), text: "\\frac{1 + \\frac12 + \\frac14 + \\frac18}{4} \\approx 0.47\\,\\eta_0,", source: race.step,
    values: [{ quote: "0.47", at: (r) => meanOver(600)(r) / r(0) }] },
  { file: n("step-exponential-cosine-race"), text: "\\frac{1 - e^{-600k}}{600\\,(1 - e^{-k})} \\approx 0.216\\,\\eta_0,", source: race.exponential,
    values: [{ quote: "0.216", at: (r) => meanOver(600)(r) / r(0) }] },
  { file: n("step-exponential-cosine-race"), text: "\\bar\\eta_{\\text{cos}} &\\approx 0.5\\,\\eta_0 .", source: race.cosine,
    values: [{ quote: "0.5", at: (r) => meanOver(600)(r) / r(0) }] },
  { file: n("step-exponential-cosine-race"), text: "(with $k = 0.046$, exponential decay ends at $1\\%$ after 100 steps, as in the races)",
    source: { spec: { kind: "exponential", lr: 0.1, k: 0.046 } }, values: [{ quote: "1", at: (r) => (100 * r(100)) / r(0) }] },
  { file: n("step-exponential-cosine-race"), text: "step decay is down to $0.025$, cosine to $0.05$ and exponential to $0.01$",
    values: [{ quote: "0.025", at: 300, source: race.step }, { quote: "0.05", at: 300, source: race.cosine }, { quote: "0.01", at: 300, source: race.exponential }] },
  { file: n("step-exponential-cosine-race"), text: "after its halvings at steps 150, 300 and 450", source: race.step,
    values: ([150, 300, 450] as const).map((t) => ({ quote: String(t), at: (r: (t: number) => number) => (r(t - 1) / r(t) === 2 ? t : -1) })) },
  { file: n("step-exponential-cosine-race"),
    text: "with $\\bar\\eta_{\\text{exp}} \\approx 0.216\\,\\eta_0$, a peak of $0.23$ spends about $0.05$ per step on average, the same as cosine from $0.1$",
    values: [
      { quote: "0.216", at: (r) => meanOver(600)(r) / r(0), source: race.exponential },
      { quote: "0.05", at: meanOver(600), source: { spec: { kind: "exponential", lr: 0.23, k: 0.0076752836433134864 } } },
      { quote: "0.1", at: 0, source: race.cosine },
    ] },
  { file: n("step-exponential-cosine-race"), text: "--schedule '{\"kind\":\"exponential\",\"lr\":0.23,\"k\":0.0076752836433134864}'", source: race.exponential,
    values: [{ quote: "0.0076752836433134864", at: (r) => Math.log(r(0) / r(1)), tol: 1e-15 }] },
  // why-decrease-the-learning-rate
  { file: n("why-decrease-the-learning-rate"), text: "the cosine rate is still above $0.27$ there", source: { spec: { kind: "cosine", lr: 0.3, minLr: 0, decaySteps: 600 } },
    values: [{ quote: "0.27", rel: ">", at: (r) => Math.min(...Array.from({ length: 101 }, (_, t) => r(t))) }] },
  // cycles-and-restarts
  { file: n("cycles-and-restarts"), text: "their mean rates over the run are between $0.150$ and $0.165$", source: cycles.cosine,
    values: [
      { quote: "0.150", rel: ">=", at: () => Math.min(...Object.values(cycles).map((c) => meanOver(600)(ratesOf(c)))) },
      { quote: "0.165", rel: "<=", at: () => Math.max(...Object.values(cycles).map((c) => meanOver(600)(ratesOf(c)))) },
    ] },
  { file: n("cycles-and-restarts"), text: "Watch the warm-restart run at steps 150, 300 and 450, where its rate jumps back to 0.3.", source: cycles.restarts,
    values: [{ quote: "0.3", at: [150, 300, 450] }] },
  { file: n("cycles-and-restarts"), text: "the rate rises from $\\eta_{\\max}/25$ to a large $\\eta_{\\max}$",
    source: { library: "pytorch", case: { name: "OneCycleLR", params: { max_lr: 1, total_steps: 1000 }, baseLr: 1, steps: 999 } },
    values: [{ quote: "25", at: (r) => 1 / r(0) }] },
  { file: n("cycles-and-restarts"), text: "PyTorch's `OneCycleLR` ends at $\\eta_{\\max}/(25 \\cdot 10^4)$",
    source: { library: "pytorch", case: { name: "OneCycleLR", params: { max_lr: 1, total_steps: 1000 }, baseLr: 1, steps: 999 } },
    values: [{ quote: "25", at: (r) => 1 / r(999) / 1e4 }] },
  // plateaus-reducing-on-a-signal: a flat metric, the first report sets the best
  { file: n("plateaus-reducing-on-a-signal"), text: "the PyTorch rule waits 11 bad evaluations, Keras 10.",
    values: [
      { quote: "11", at: (r) => firstCut(r) - 1, source: flat("pytorch") },
      { quote: "10", at: (r) => firstCut(r) - 1, source: flat("keras") },
    ] },
];

/** The number of the metric report after which the rate first changed. */
function firstCut(rates: (t: number) => number): number {
  for (let t = 1; t <= 30; t += 1) if (rates(t) !== rates(0)) return t;
  return -1;
}
