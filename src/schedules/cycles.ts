/** Cyclical learning rates (Smith 2017) and the one-cycle policy (Smith and Topin 2019). */
import { booleanField, enumField } from "./fields.ts";
import { defineFamily, param } from "./family.ts";
import { makeSchedule } from "./make.ts";

/**
 * Triangular waves between a base and a maximum rate (Smith 2017, section
 * 3.1), computed as PyTorch CyclicLR does: cycle = ⌊1 + t/(up+down)⌋,
 * x = 1 + t/(up+down) − cycle, rising while x ≤ up/(up+down). Amplitude:
 * 1 (triangular), 1/2^{cycle−1} (triangular2) or γ^t with t the total step
 * count (exp_range). Example: base 0.001, max 0.006, up = down = 2000: the
 * rate peaks at step 2000 and is back at the base at step 4000.
 */
export const cyclic = defineFamily({
  kind: "cyclic",
  title: "Cyclical learning rate",
  summary: "Let the rate climb and fall between two bounds in triangular waves.",
  latex:
    "\\begin{aligned} \\eta_t &= \\eta_{\\text{base}} + (\\eta_{\\max} - \\eta_{\\text{base}})\\, h(x)\\, a, \\\\ x &= \\frac{t}{s_{\\uparrow} + s_{\\downarrow}} - \\left\\lfloor \\frac{t}{s_{\\uparrow} + s_{\\downarrow}} \\right\\rfloor,\\quad r = \\frac{s_{\\uparrow}}{s_{\\uparrow} + s_{\\downarrow}}, \\\\ h(x) &= \\begin{cases} x / r & x \\le r \\\\ (1 - x)/(1 - r) & x > r \\end{cases} \\end{aligned}",
  where: { x: "the position within the current cycle, from 0 to 1", h: "the triangle: up over the first fraction r of a cycle, down over the rest", r: "the fraction of a cycle spent rising", a: "the amplitude: 1 (triangular), halved every cycle (triangular2) or γ^t (exp_range)" },
  params: [
    param.lr({ name: "baseLr", symbol: "\\eta_{\\text{base}}", label: "base rate", default: 0.01, description: "The bottom of each cycle." }),
    param.lr({ name: "maxLr", symbol: "\\eta_{\\max}", label: "max rate", default: 0.1, description: "The top of each cycle." }),
    param.steps("stepSizeUp", "s_{\\uparrow}", "steps up", "Steps from the base to the top of a cycle.", 20),
    param.steps("stepSizeDown", "s_{\\downarrow}", "steps down", "Steps from the top back to the base.", 20),
    {
      name: "gamma", symbol: "\\gamma", label: "amplitude decay", description: "exp_range only: the amplitude a is multiplied by γ every step (a = 1 for triangular, halves every cycle for triangular2).",
      min: 0.9, max: 1, default: 0.99, scale: "linear", integer: false, valid: { min: 0, max: 1, minExclusive: true },
    },
  ],
  extra: { mode: enumField(["triangular", "triangular2", "exp_range"]) },
  extraDefaults: { mode: "triangular" },
  check: (s) => (s.baseLr > s.maxLr ? [["baseLr", `must not be above maxLr (${s.maxLr}), got ${s.baseLr}`]] : []),
  make: ({ baseLr, maxLr, stepSizeUp, stepSizeDown, mode, gamma }) => {
    const totalSize = stepSizeUp + stepSizeDown;
    const stepRatio = stepSizeUp / totalSize;
    return (t) => {
      const cycle = Math.floor(1 + t / totalSize);
      const x = 1 + t / totalSize - cycle;
      const scaleFactor = x <= stepRatio ? x / stepRatio : (x - 1) / (stepRatio - 1);
      const baseHeight = (maxLr - baseLr) * scaleFactor;
      const amplitude = mode === "triangular" ? 1 : mode === "triangular2" ? 1 / 2 ** (cycle - 1) : gamma ** t;
      return baseLr + baseHeight * amplitude;
    };
  },
  capabilities: { raceable: true, comparable: true, landscape: true },
  fit: (s, { steps, peak }) => {
    const half = Math.max(1, Math.floor(steps / 8));
    return { ...s, maxLr: peak, baseLr: peak / 10, stepSizeUp: half, stepSizeDown: half };
  },
  // CyclicLR: m = max_m − (max_m − base_m)·(η − η_base)/(η_max − η_base); PyTorch's defaults (0.8, 0.9).
  momentum: {
    range: { base: 0.8, max: 0.9 },
    make: (spec, range) => {
      const lr = makeSchedule(spec);
      const span = spec.maxLr - spec.baseLr;
      return (t) => (span === 0 ? range.max : range.max - ((range.max - range.base) * (lr(t) - spec.baseLr)) / span);
    },
  },
});

interface Phase { endStep: number; start: number; end: number }

/** PyTorch OneCycleLR's phase table. */
export function oneCyclePhases(s: { maxLr: number; totalSteps: number; pctStart: number; divFactor: number; finalDivFactor: number; threePhase: boolean }): Phase[] {
  const initial = s.maxLr / s.divFactor;
  const min = initial / s.finalDivFactor;
  const rampEnd = s.pctStart * s.totalSteps - 1;
  return s.threePhase
    ? [
        { endStep: rampEnd, start: initial, end: s.maxLr },
        { endStep: 2 * s.pctStart * s.totalSteps - 2, start: s.maxLr, end: initial },
        { endStep: s.totalSteps - 1, start: initial, end: min },
      ]
    : [
        { endStep: rampEnd, start: initial, end: s.maxLr },
        { endStep: s.totalSteps - 1, start: s.maxLr, end: min },
      ];
}

export function annealCos(start: number, end: number, pct: number): number {
  const cosOut = Math.cos(Math.PI * pct) + 1;
  return end + ((start - end) / 2) * cosOut;
}

export function annealLinear(start: number, end: number, pct: number): number {
  return (end - start) * pct + start;
}

/**
 * One cycle (Smith and Topin 2019) with PyTorch OneCycleLR's phases: from
 * max/div up to max over the first pct·T − 1 steps, then down to
 * max/(div·final_div) at step T − 1 (three-phase: back to max/div by step
 * 2·pct·T − 2, then down to the minimum). Annealing is cosine or linear.
 * PyTorch refuses steps past T; here the rate holds the minimum there.
 * Example: max 0.1, T = 100, pct 0.3, div 25: 0.004 at t = 0, 0.1 at t = 29.
 */
export const oneCycle = defineFamily({
  kind: "one-cycle",
  title: "One-cycle policy",
  summary: "One warm-up to a large rate and one long anneal to far below the start, in a single cycle.",
  latex:
    "\\eta_t = \\begin{cases} \\operatorname{anneal}\\left(\\tfrac{\\eta_{\\max}}{d},\\ \\eta_{\\max},\\ \\tfrac{t}{pT - 1}\\right) & t \\le pT - 1 \\\\ \\operatorname{anneal}\\left(\\eta_{\\max},\\ \\tfrac{\\eta_{\\max}}{d\\,f},\\ \\tfrac{t - (pT - 1)}{T - pT}\\right) & \\text{otherwise} \\end{cases}",
  params: [
    param.lr({ name: "maxLr", symbol: "\\eta_{\\max}", label: "max rate", description: "The peak of the cycle." }),
    param.steps("totalSteps", "T", "total steps", "Length of the whole cycle: the run's length.", 100, { min: 10 }),
    {
      name: "pctStart", symbol: "p", label: "warm-up fraction", description: "Fraction of the steps spent climbing (a proportion, not a percentage).",
      min: 0.05, max: 0.5, default: 0.3, scale: "linear", integer: false, valid: { min: 0, max: 1, minExclusive: true },
    },
    {
      name: "divFactor", symbol: "d", label: "start divisor", description: "The cycle starts at max rate / d.",
      min: 1, max: 100, default: 25, scale: "log", integer: false, valid: { min: 1, max: 1e9 },
    },
    {
      name: "finalDivFactor", symbol: "f", label: "final divisor", description: "The cycle ends at (max rate / d) / f.",
      min: 1, max: 1e5, default: 1e4, scale: "log", integer: false, valid: { min: 1, max: 1e12 },
    },
  ],
  extra: { anneal: enumField(["cos", "linear"]), threePhase: booleanField() },
  extraDefaults: { anneal: "cos", threePhase: false },
  check: (s) => {
    const ramp = s.pctStart * s.totalSteps - 1;
    const issues: [string, string][] = [];
    if (!(ramp > 0)) issues.push(["pctStart", `pctStart × totalSteps must exceed 1 so the climb has length, got ${s.pctStart} × ${s.totalSteps}`]);
    const lastStart = s.threePhase ? 2 * s.pctStart * s.totalSteps - 2 : ramp;
    if (s.threePhase && !(lastStart > ramp)) issues.push(["pctStart", "three-phase needs pctStart × totalSteps > 1"]);
    if (!(s.totalSteps - 1 > lastStart)) issues.push(["pctStart", `leaves no steps for the final phase (pctStart ${s.pctStart}${s.threePhase ? ", three-phase" : ""}); use a smaller pctStart`]);
    return issues;
  },
  make: (spec) => {
    const phases = oneCyclePhases(spec);
    const anneal = spec.anneal === "cos" ? annealCos : annealLinear;
    const last = phases[phases.length - 1] as Phase;
    return (t) => {
      if (t > spec.totalSteps) return last.end;
      let startStep = 0;
      for (const [i, phase] of phases.entries()) {
        if (t <= phase.endStep || i === phases.length - 1) {
          return anneal(phase.start, phase.end, (t - startStep) / (phase.endStep - startStep));
        }
        startStep = phase.endStep;
      }
      return last.end;
    };
  },
  capabilities: { raceable: true, comparable: true, landscape: true },
  fit: (s, { steps, peak }) => ({ ...s, maxLr: peak, totalSteps: steps }),
  // OneCycleLR anneals max_momentum → base_momentum over the rising phase and back over the falling
  // phase (three-phase: stays at max in the last phase); PyTorch's defaults (0.85, 0.95).
  momentum: {
    range: { base: 0.85, max: 0.95 },
    make: (spec, range) => {
      const phases = oneCyclePhases(spec);
      const anneal = spec.anneal === "cos" ? annealCos : annealLinear;
      const ends = spec.threePhase ? [[range.max, range.base], [range.base, range.max], [range.max, range.max]] : [[range.max, range.base], [range.base, range.max]];
      return (t) => {
        let startStep = 0;
        for (const [i, phase] of phases.entries()) {
          const [from, to] = ends[i] as [number, number];
          if (t <= phase.endStep || i === phases.length - 1) return anneal(from, to, Math.min(1, (t - startStep) / (phase.endStep - startStep)));
          startStep = phase.endStep;
        }
        return range.max;
      };
    },
  },
});
