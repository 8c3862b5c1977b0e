/**
 * Our spec as plain Python: `def lr_at(t)`, a transcription of each family's
 * formula, for libraries that take a function of the step (PyTorch LambdaLR,
 * a Keras LearningRateSchedule, a callable for optax). Exact by construction:
 * the same formula, the same operation order.
 */
import type { ScheduleSpec } from "../types.ts";
import { lookup, none, noEquivalent, type KindTable } from "./types.ts";
import { parseExpression, toPython } from "../expression/language.ts";

/** A number as Python source (repr-like; always a float literal). */
export function pythonFloat(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`cannot write ${value} as a Python float`);
  const text = String(value);
  return /[.eE]/.test(text) ? text : `${text}.0`;
}

const list = (xs: readonly number[], float = false) => `[${xs.map((x) => (float ? pythonFloat(x) : String(x))).join(", ")}]`;

const f = pythonFloat;
const flag = (on: boolean) => (on ? "True" : "False");

/** Each kind's function body in Python; `child` emits a nested spec's function and returns its name. */
const BODY: KindTable<string, [child: (spec: ScheduleSpec) => string]> = {
  constant: (spec) => `return ${f(spec.lr)}`,
  step: (spec) => `return ${f(spec.lr)} * ${f(spec.gamma)} ** (t // ${spec.stepSize})`,
  "multi-step": (spec) => `return ${f(spec.lr)} * ${f(spec.gamma)} ** sum(1 for m in ${list(spec.milestones)} if m <= t)`,
  exponential: (spec) =>
    `tau = ${spec.decaySteps} * (t // ${spec.decaySteps}) if ${flag(spec.staircase)} else t\n    return max(${f(spec.minLr)}, ${f(spec.lr)} * math.exp(-${f(spec.k)} * tau))`,
  "inverse-time": (spec) =>
    `tau = ${spec.decaySteps} * (t // ${spec.decaySteps}) if ${flag(spec.staircase)} else t\n    return ${f(spec.lr)} / (1 + ${f(spec.k)} * tau)`,
  polynomial: (spec) =>
    spec.cycle
      ? `horizon = ${spec.decaySteps} * (1 if t == 0 else math.ceil(t / ${spec.decaySteps}))\n    return (${f(spec.lr)} - ${f(spec.endLr)}) * (1 - t / horizon) ** ${f(spec.power)} + ${f(spec.endLr)}`
      : `return (${f(spec.lr)} - ${f(spec.endLr)}) * (1 - min(t, ${spec.decaySteps}) / ${spec.decaySteps}) ** ${f(spec.power)} + ${f(spec.endLr)}`,
  linear: (spec) => `return (${f(spec.lr)} - ${f(spec.endLr)}) * (1 - min(t, ${spec.decaySteps}) / ${spec.decaySteps}) + ${f(spec.endLr)}`,
  cosine: (spec) =>
    `p = t if ${flag(spec.periodic)} else min(t, ${spec.decaySteps})\n    return ${f(spec.minLr)} + (${f(spec.lr)} - ${f(spec.minLr)}) * ((1 + math.cos(math.pi * p / ${spec.decaySteps})) / 2) ** ${f(spec.exponent)}`,
  "cosine-restarts": (spec) =>
    `start, length, i = 0, ${f(spec.period)}, 0\n    while t >= start + length:\n        start, length, i = start + length, length * ${f(spec.tMult)}, i + 1\n` +
    `    return ${f(spec.minLr)} + (${f(spec.lr)} - ${f(spec.minLr)}) * ${f(spec.mMul)} ** i * (1 + math.cos(math.pi * (t - start) / length)) / 2`,
  cyclic: (spec) =>
    `total = ${spec.stepSizeUp} + ${spec.stepSizeDown}\n    ratio = ${spec.stepSizeUp} / total\n    cycle = math.floor(1 + t / total)\n    x = 1 + t / total - cycle\n` +
    `    scale = x / ratio if x <= ratio else (x - 1) / (ratio - 1)\n` +
    `    amplitude = ${spec.mode === "triangular" ? "1.0" : spec.mode === "triangular2" ? "1 / 2 ** (cycle - 1)" : `${f(spec.gamma)} ** t`}\n` +
    `    return ${f(spec.baseLr)} + (${f(spec.maxLr)} - ${f(spec.baseLr)}) * scale * amplitude`,
  "one-cycle": (spec) => {
    const initial = `${f(spec.maxLr)} / ${f(spec.divFactor)}`;
    const phases = spec.threePhase
      ? `[(${f(spec.pctStart)} * ${spec.totalSteps} - 1, initial, peak), (2 * ${f(spec.pctStart)} * ${spec.totalSteps} - 2, peak, initial), (${spec.totalSteps} - 1, initial, final)]`
      : `[(${f(spec.pctStart)} * ${spec.totalSteps} - 1, initial, peak), (${spec.totalSteps} - 1, peak, final)]`;
    const anneal = spec.anneal === "cos" ? "end + (start - end) / 2 * (math.cos(math.pi * pct) + 1)" : "(end - start) * pct + start";
    return (
      `initial, peak = ${initial}, ${f(spec.maxLr)}\n    final = initial / ${f(spec.finalDivFactor)}\n    if t > ${spec.totalSteps}:\n        return final\n` +
      `    phases = ${phases}\n    begin = 0\n    for i, (end_step, start, end) in enumerate(phases):\n` +
      `        if t <= end_step or i == len(phases) - 1:\n            pct = (t - begin) / (end_step - begin)\n            return ${anneal}\n        begin = end_step`
    );
  },
  warmup: (spec, child) => {
    const next = child(spec.after);
    const rise = spec.shape === "linear" ? "p" : spec.shape === "cosine" ? "0.5 * (1 - math.cos(math.pi * p))" : "1 - math.sqrt(1 - p)";
    return `if t < ${spec.warmupSteps}:\n        p = t / ${spec.warmupSteps}\n        return ${f(spec.startLr)} + (${next}(0) - ${f(spec.startLr)}) * (${rise})\n    return ${next}(t - ${spec.warmupSteps})`;
  },
  "inverse-sqrt": (spec) =>
    `if t < ${spec.warmupSteps}:\n        return ${f(spec.lr)} * t / ${spec.warmupSteps}\n    return ${f(spec.lr)} / math.sqrt((t - ${spec.warmupSteps} + ${spec.timescale}) / ${spec.timescale})`,
  wsd: (spec) => {
    const shape = (s: string, p: string, rising: boolean) =>
      s === "linear" ? (rising ? p : `1 - ${p}`) : s === "cosine" ? (rising ? `0.5 * (1 - math.cos(math.pi * ${p}))` : `0.5 * (1 + math.cos(math.pi * ${p}))`) : rising ? `1 - math.sqrt(1 - ${p})` : `1 - math.sqrt(${p})`;
    const r = `${f(spec.minLr)} / ${f(spec.lr)}`;
    return (
      `r = ${r}\n    W, S, D = ${spec.warmupSteps}, ${spec.stableSteps}, ${spec.decaySteps}\n` +
      `    if t < W:\n        p = t / max(1, W)\n        return ${f(spec.lr)} * max(0.0, (${shape(spec.warmupShape, "p", true)}) * (1 - r) + r)\n` +
      `    if t < W + S:\n        return ${f(spec.lr)}\n` +
      `    if t < W + S + D:\n        p = (t - W - S) / max(1, D)\n        return ${f(spec.lr)} * max(0.0, (${shape(spec.decayShape, "p", false)}) * (1 - r) + r)\n` +
      `    return ${f(spec.lr)} * r`
    );
  },
  "piecewise-constant": (spec) =>
    `passed = sum(1 for b in ${list(spec.boundaries)} if ${spec.switchAfterBoundary ? "t > b" : "t >= b"})\n    return ${list(spec.values, true)}[passed]`,
  "piecewise-interpolate": (spec) => {
    const blend = spec.interpolation === "linear" ? "(b - a) * p + a" : "b + (a - b) / 2 * (math.cos(math.pi * p) + 1)";
    return (
      `steps, values = ${list(spec.steps)}, ${list(spec.values, true)}\n    for i in range(len(steps) - 1):\n        if steps[i] <= t < steps[i + 1]:\n` +
      `            a, b, p = values[i], values[i + 1], (t - steps[i]) / (steps[i + 1] - steps[i])\n            return ${blend}\n    return values[-1]`
    );
  },
  plateau: none("reduce-on-plateau depends on a metric and has no formula in the step alone"),
  join: (spec, child) => {
    const parts = spec.schedules.map(child);
    const lines = spec.boundaries.map((b, i) => `    if t >= ${b}:\n        return ${parts[i + 1]}(t - ${b})`).reverse();
    return `${lines.join("\n").trimStart()}\n    return ${parts[0]}(t)`;
  },
  chain: (spec, child) => {
    const parts = spec.factors.map(child);
    return `return ${f(spec.lr)} * ${parts.map((p) => `${p}(t)`).join(" * ")}`;
  },
  lambda: (spec) => `return ${f(spec.lr)} * (${toPython(parseExpression(spec.expression).body, "t")})`,
};

/** Emits one function per (sub)schedule; returns the name of the function for `spec`. */
function emit(spec: ScheduleSpec, out: string[]): string {
  const name = `f${out.length}`;
  out.push("");
  const index = out.length - 1;
  const missing = noEquivalent(BODY, spec.kind);
  if (missing !== undefined) throw new RangeError(missing);
  const body = lookup(BODY, spec, (child) => emit(child, out)) as string;
  out[index] = `def ${name}(t):\n    ${body}\n`;
  return name;
}

/** Python source defining `lr_at(t)` for the spec; `lr` is the optimizer lr to pair it with (1.0: LambdaLR multiplies by it). */
export function pythonLambda(spec: ScheduleSpec): { lr: number; lambda: string } {
  const out: string[] = [];
  const top = emit(spec, out);
  return { lr: 1, lambda: `\n${out.join("\n")}\n\ndef lr_at(t):\n    return ${top}(t)\n\n` };
}
