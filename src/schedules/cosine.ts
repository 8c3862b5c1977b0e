/** Cosine annealing and cosine annealing with warm restarts (SGDR). */
import { booleanField } from "./fields.ts";
import { defineFamily, param, quarterOf } from "./family.ts";

const minBelowLr = (s: { lr: number; minLr: number }): [string, string][] =>
  s.minLr > s.lr ? [["minLr", `must not be above lr (${s.lr}), got ${s.minLr}`]] : [];

/**
 * η_t = η_min + (η_0 − η_min)·[(1 + cos(π t/T))/2]^e (Loshchilov and Hutter
 * 2017, eq. 5 within one cycle). Past T the rate holds η_min (Keras, optax),
 * unless `periodic` (PyTorch CosineAnnealingLR keeps following the cosine and
 * climbs back to η_0 at 2T). Example: η_0 = 0.1, η_min = 0, T = 100 gives
 * 0.05 at t = 50.
 */
export const cosine = defineFamily({
  kind: "cosine",
  title: "Cosine annealing",
  summary: "Follow half a cosine wave from the initial rate down to the floor over T steps.",
  latex:
    "\\eta_t = \\eta_{\\min} + (\\eta_0 - \\eta_{\\min}) \\left[\\frac{1 + \\cos\\left(\\pi \\min(t, T) / T\\right)}{2}\\right]^{e}",
  params: [
    param.lr(),
    param.minLr(),
    param.steps("decaySteps", "T", "decay steps", "Steps from the initial rate to the floor.", 100),
    {
      name: "exponent", symbol: "e", label: "exponent", description: "optax's exponent on the cosine factor; 1 is the plain cosine.",
      min: 0.25, max: 4, default: 1, scale: "linear", integer: false, valid: { min: 0, max: 100, minExclusive: true },
    },
  ],
  extra: { periodic: booleanField() },
  extraDefaults: { periodic: false },
  check: minBelowLr,
  make: ({ lr, minLr, decaySteps, exponent, periodic }) => (t) => {
    const progress = periodic ? t : Math.min(t, decaySteps);
    const factor = (1 + Math.cos((Math.PI * progress) / decaySteps)) / 2;
    return exponent === 1
      ? minLr + ((lr - minLr) * (1 + Math.cos((Math.PI * progress) / decaySteps))) / 2
      : minLr + (lr - minLr) * factor ** exponent;
  },
  capabilities: { raceable: true, comparable: true, landscape: true },
  fit: (s, { steps }) => ({ ...s, decaySteps: steps }),
});

/** Which cycle step t falls in: its index, the step within it and its length. */
export function restartCycle(t: number, period: number, tMult: number): { index: number; tCur: number; length: number } {
  if (tMult === 1) {
    const index = Math.floor(t / period);
    return { index, tCur: t - index * period, length: period };
  }
  let start = 0;
  let length = period;
  let index = 0;
  // Cycles grow geometrically, so this loop runs at most log_tMult(t / period) + 1 times.
  while (t >= start + length) {
    start += length;
    length *= tMult;
    index += 1;
  }
  return { index, tCur: t - start, length };
}

/**
 * SGDR (Loshchilov and Hutter 2017, eq. 5): cosine from η_0 toward η_min over
 * a cycle of T_i steps, then jump back up ("warm restart"); T_{i+1} = T_mult·T_i.
 * Keras's m_mul scales each restart's height above the floor by m_mul^i.
 * η_min is never reached exactly inside a cycle (T_cur < T_i).
 * Example: T_0 = 10, T_mult = 2: restarts at steps 10, 30, 70.
 */
export const cosineRestarts = defineFamily({
  kind: "cosine-restarts",
  title: "Cosine annealing with warm restarts",
  summary: "Cosine annealing that jumps back to a high rate at the end of each cycle, cycles growing by T_mult.",
  latex:
    "\\eta_t = \\eta_{\\min} + (\\eta_0 - \\eta_{\\min})\\, m^{i}\\, \\frac{1 + \\cos\\left(\\pi\\, T_{\\text{cur}} / T_i\\right)}{2},\\quad T_i = T_0\\, T_{\\text{mult}}^{\\,i}",
  where: { i: "the index of the current cycle (0 for the first)", "T_{\\text{cur}}": "steps since the last restart", T_i: "the length of cycle i" },
  params: [
    param.lr(),
    param.minLr(),
    param.steps("period", "T_0", "first cycle", "Length of the first cycle in steps.", 20),
    {
      name: "tMult", symbol: "T_{\\text{mult}}", label: "cycle growth", description: "Each cycle is this many times longer than the one before.",
      min: 1, max: 4, default: 2, scale: "linear", integer: false, valid: { min: 1, max: 100 },
    },
    {
      name: "mMul", symbol: "m", label: "peak decay", description: "Each restart's peak height above the floor is this fraction of the previous one.",
      min: 0.1, max: 1, default: 1, scale: "linear", integer: false, valid: { min: 0, max: 1, minExclusive: true },
    },
  ],
  check: minBelowLr,
  make: ({ lr, minLr, period, tMult, mMul }) => (t) => {
    const { index, tCur, length } = restartCycle(t, period, tMult);
    const height = mMul === 1 ? lr - minLr : (lr - minLr) * mMul ** index;
    return minLr + (height * (1 + Math.cos((Math.PI * tCur) / length))) / 2;
  },
  capabilities: { raceable: true, comparable: true, landscape: true },
  fit: (s, { steps }) => ({ ...s, period: quarterOf(steps), tMult: 1 }),
});
