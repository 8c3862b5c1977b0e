/**
 * Python's arithmetic on floats, where it differs from JavaScript's:
 * floor division and modulo round toward −∞ (CPython's float_floor_div and
 * float_rem, built on C fmod, which JavaScript's % is), ** and the math
 * functions raise instead of returning NaN or ∞, round() goes half to even.
 * Each function throws a PythonError with Python's own message.
 */

export class PythonError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PythonError";
  }
}

const copysign = (magnitude: number, sign: number): number => (sign < 0 || Object.is(sign, -0) ? -Math.abs(magnitude) : Math.abs(magnitude));

/** a // b as CPython's _float_div_mod computes it (exact for integers below 2^53). */
export function floorDiv(a: number, b: number): number {
  if (b === 0) throw new PythonError("division by zero");
  const mod = a % b;
  let div = (a - mod) / b;
  if (mod && b < 0 !== mod < 0) div -= 1;
  if (!div) return copysign(0, a / b);
  const floordiv = Math.floor(div);
  return div - floordiv > 0.5 ? floordiv + 1 : floordiv;
}

/** a % b as CPython's float_rem computes it: the sign of b. */
export function mod(a: number, b: number): number {
  if (b === 0) throw new PythonError("division by zero");
  const m = a % b;
  if (!m) return copysign(0, b);
  return b < 0 !== m < 0 ? m + b : m;
}

export function trueDiv(a: number, b: number): number {
  if (b === 0) throw new PythonError("division by zero");
  return a / b;
}

/** a ** b as CPython's float_pow computes it (errors for what Python would make complex or refuse). */
export function pow(a: number, b: number): number {
  if (b === 0 || a === 1) return 1;
  if (Number.isNaN(a) || Number.isNaN(b)) return NaN;
  if (a === -1 && !Number.isFinite(b)) return 1;
  if (a === 0 && b < 0) throw new PythonError("0 cannot be raised to a negative power");
  if (a < 0 && Number.isFinite(a) && Number.isFinite(b) && !Number.isInteger(b)) {
    throw new PythonError(`a negative number (${a}) raised to a fractional power (${b}) is complex`);
  }
  const result = a ** b;
  if (!Number.isFinite(result) && Number.isFinite(a) && Number.isFinite(b)) throw new PythonError(`${a} ** ${b} is too large (overflow)`);
  return result;
}

function finite(name: string, x: number): number {
  if (Number.isNaN(x)) throw new PythonError(`cannot convert NaN to integer in ${name}`);
  if (!Number.isFinite(x)) throw new PythonError(`cannot convert infinity to integer in ${name}`);
  return x;
}

function domain(ok: boolean, name: string, x: number): void {
  if (!ok) throw new PythonError(`math domain error: ${name}(${x})`);
}

function range(result: number, name: string, x: number): number {
  if (!Number.isFinite(result) && Number.isFinite(x)) throw new PythonError(`math range error: ${name}(${x}) overflows`);
  return result;
}

/** Python's min/max: keep the first, replace only by a strictly smaller (larger) later value. */
export const pyMin = (best: number, x: number): number => (x < best ? x : best);
export const pyMax = (best: number, x: number): number => (x > best ? x : best);

/** round(x): to the nearest integer, halves to even. */
export function pyRound(x: number): number {
  finite("round", x);
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 ? 2 * Math.round(x / 2) : r;
}

const trig = (name: string, f: (x: number) => number) => (x: number): number => {
  domain(!Number.isFinite(x) ? Number.isNaN(x) : true, name, x);
  return f(x);
};

/** The math module's functions the language allows, by their Python names. */
export const MATH: Readonly<Record<string, (...xs: number[]) => number>> = {
  "math.cos": trig("cos", Math.cos),
  "math.sin": trig("sin", Math.sin),
  "math.tan": trig("tan", Math.tan),
  "math.tanh": Math.tanh,
  "math.exp": (x) => range(Math.exp(x), "exp", x),
  "math.log": (x, base) => {
    domain(x > 0 || Number.isNaN(x), "log", x);
    if (base === undefined) return Math.log(x);
    domain(base > 0 || Number.isNaN(base), "log", base);
    if (base === 1) throw new PythonError("division by zero: log base 1");
    return Math.log(x) / Math.log(base);
  },
  "math.log2": (x) => (domain(x > 0 || Number.isNaN(x), "log2", x), Math.log2(x)),
  "math.log10": (x) => (domain(x > 0 || Number.isNaN(x), "log10", x), Math.log10(x)),
  "math.sqrt": (x) => (domain(x >= 0 || Number.isNaN(x), "sqrt", x), Math.sqrt(x)),
  "math.floor": (x) => Math.floor(finite("floor", x)),
  "math.ceil": (x) => Math.ceil(finite("ceil", x)),
  "math.fabs": Math.abs,
  "math.pow": (a, b) => {
    if (a === 0 && b < 0) throw new PythonError("math domain error: pow(0, negative)");
    if (a < 0 && Number.isFinite(b) && !Number.isInteger(b) && Number.isFinite(a)) throw new PythonError(`math domain error: pow(${a}, ${b})`);
    return pow(a, b);
  },
  abs: Math.abs,
  round: pyRound,
  int: (x) => Math.trunc(finite("int", x)),
  float: (x) => x,
};
