/**
 * optax adapter: the schedules of optax/schedules/_schedule.py and
 * _join.py (google-deepmind/optax at 006cebd) and contrib.reduce_on_plateau
 * (optax/contrib/_reduce_on_plateau.py at 05a7425).
 *
 * `values` (./optax-sim.ts) transcribes the source: value i is `schedule(i)`, the rate of
 * update i (optax counts completed updates). The traps kept on purpose:
 * piecewise_constant_schedule takes *multiplicative* scales that apply once
 * count ≥ boundary; warmup_cosine_decay_schedule's `decay_steps` includes the
 * warmup; exponential_decay's `end_value` is a floor when decay_rate < 1 and a
 * ceiling otherwise; a non-positive `transition_steps` gives a constant
 * schedule instead of an error; one-cycle boundaries are `int(pct · steps)`.
 * JAX computes in float32 unless x64 is enabled; these values are the same
 * formulas in float64.
 *
 * reduce_on_plateau scales the *updates*, not a learning rate: value i is
 * base_lr × the scale applied to update i, which already includes metric i.
 */
import type { ScheduleSpec } from "../types.ts";
import { checkSpec } from "../make.ts";
import { sampleSchedule } from "../sample.ts";
import type { Adapter, ConfigResult, SnippetResult, SpecResult } from "./types.ts";
import { Kwargs, errorMessage } from "./kwargs.ts";
import { tableLiteral } from "./closed-form.ts";
import { pythonFloat } from "./python.ts";
import { optaxConfig } from "./optax-config.ts";
import { NAMES, optaxSchedule, optaxValues as values, scalesOf } from "./optax-sim.ts";

export { optaxConfig } from "./optax-config.ts";

function specFor(name: string, params: Record<string, unknown>): SpecResult {
  const num = (key: string, fallback: number): number => (typeof params[key] === "number" ? params[key] : fallback);
  const scales = (): [number[], number[]] => scalesOf(name, new Kwargs(name, { boundaries_and_scales: params.boundaries_and_scales }));
  switch (name) {
    case "lambda":
      return { ok: true, spec: { kind: "lambda", lr: 1, expression: typeof params.fn === "string" ? params.fn : "" } };
    case "constant_schedule":
      return { ok: true, spec: { kind: "constant", lr: num("value", Number.NaN) } };
    case "linear_schedule":
    case "polynomial_schedule": {
      if (num("transition_begin", 0) > 0) return { ok: false, error: "transition_begin > 0 holds the initial value first; express it as a join" };
      const power = name === "linear_schedule" ? 1 : num("power", 1);
      return { ok: true, spec: { kind: "polynomial", lr: num("init_value", Number.NaN), endLr: num("end_value", 0), decaySteps: num("transition_steps", 1), power, cycle: false } };
    }
    case "piecewise_constant_schedule": {
      const [b, s] = scales();
      const init = num("init_value", Number.NaN);
      const values = [init];
      s.forEach((x) => values.push((values[values.length - 1] as number) * x));
      return { ok: true, spec: { kind: "piecewise-constant", boundaries: b, values, switchAfterBoundary: false } };
    }
    case "piecewise_interpolate_schedule": {
      const [b, s] = scales();
      const init = num("init_value", Number.NaN);
      const values = [init];
      s.forEach((x) => values.push((values[values.length - 1] as number) * x));
      if (b[0] === 0) return { ok: false, error: "a scale at step 0 makes optax jump at once; our knots start at step 0 with the initial value" };
      return { ok: true, spec: { kind: "piecewise-interpolate", steps: [0, ...b], values, interpolation: params.interpolate_type === "cosine" ? "cosine" : "linear" } };
    }
    case "exponential_decay": {
      const rate = num("decay_rate", Number.NaN);
      const d = num("transition_steps", 1);
      if (num("transition_begin", 0) > 0) return { ok: false, error: "transition_begin > 0 holds the initial value first; express it as a join" };
      if (!(rate > 0 && rate <= 1)) return { ok: false, error: `exponential_decay with decay_rate ${rate} is not a decay (our exponential needs 0 < decay_rate ≤ 1)` };
      return { ok: true, spec: { kind: "exponential", lr: num("init_value", Number.NaN), k: -Math.log(rate) / d, staircase: params.staircase === true, decaySteps: d, minLr: num("end_value", 0) } };
    }
    case "cosine_decay_schedule": {
      const init = num("init_value", Number.NaN);
      return { ok: true, spec: { kind: "cosine", lr: init, minLr: init * num("alpha", 0), decaySteps: num("decay_steps", 1), exponent: num("exponent", 1), periodic: false } };
    }
    case "warmup_constant_schedule":
      return {
        ok: true,
        spec: { kind: "warmup", startLr: num("init_value", 0), warmupSteps: num("warmup_steps", 0), shape: "linear", after: { kind: "constant", lr: num("peak_value", Number.NaN) } },
      };
    case "warmup_cosine_decay_schedule": {
      const peak = num("peak_value", Number.NaN);
      const warmup = num("warmup_steps", 0);
      const cosine: ScheduleSpec = { kind: "cosine", lr: peak, minLr: num("end_value", 0), decaySteps: num("decay_steps", 1) - warmup, exponent: num("exponent", 1), periodic: false };
      return warmup === 0 ? { ok: true, spec: cosine } : { ok: true, spec: { kind: "warmup", startLr: num("init_value", 0), warmupSteps: warmup, shape: "linear", after: cosine } };
    }
    case "cosine_onecycle_schedule": {
      const steps = num("transition_steps", 1);
      const pct = num("pct_start", 0.3);
      const peak = num("peak_value", Number.NaN);
      const div = num("div_factor", 25);
      const up = Math.trunc(pct * steps);
      if (up <= 0 || up >= steps) return { ok: false, error: "pct_start leaves no rising or no falling phase" };
      return {
        ok: true,
        spec: { kind: "piecewise-interpolate", steps: [0, up, steps], values: [peak / div, peak, peak / (div * num("final_div_factor", 1e4))], interpolation: "cosine" },
        caveat: "optax's one-cycle peaks at step int(pct_start·T) and ends at T; PyTorch's peaks one step earlier and ends at T − 1",
      };
    }
    default:
      return { ok: false, error: `optax ${name} has no single spec of ours here; compare it through its values` };
  }
}

function toSpec(name: string, params: Record<string, unknown>): SpecResult {
  try {
    if (name !== "reduce_on_plateau") optaxSchedule(name, params);
    const result = specFor(name, params);
    if (!result.ok) return result;
    return { ...result, spec: checkSpec(result.spec) };
  } catch (error) {
    return { ok: false, error: errorMessage(error) };
  }
}

function argText(key: string, value: unknown): string {
  if (typeof value === "boolean") return value ? "True" : "False";
  if (typeof value === "string") return JSON.stringify(value);
  if (key === "boundaries_and_scales") {
    return `{${Object.entries(value as Record<string, number>).map(([k, v]) => `${k}: ${pythonFloat(v)}`).join(", ")}}`;
  }
  const INTS = new Set(["transition_steps", "decay_steps", "warmup_steps", "transition_begin", "patience", "cooldown"]);
  return INTS.has(key) ? String(value) : pythonFloat(value as number);
}

function snippet(spec: ScheduleSpec, totalSteps: number): SnippetResult {
  try {
    const checked = checkSpec(spec);
    if (checked.kind === "plateau") {
      return { ok: false, reason: "optax's reduce_on_plateau (optax.contrib) scales updates with its own counting rule (a cut when the count of bad values equals patience); compare it in the table" };
    }
    const found = optaxConfig(checked, totalSteps);
    const footer = "optimizer = optax.sgd(learning_rate=schedule, momentum=0.9)\n# optax calls schedule(count): update i uses schedule(i).\n";
    if (found?.exact) {
      const args = Object.entries(found.config.params).map(([k, v]) => `${k}=${argText(k, v)}`).join(", ");
      return { ok: true, code: `import optax\n\nschedule = optax.${found.config.name}(${args})\n${footer}` };
    }
    const table = sampleSchedule(checked, Math.max(1, totalSteps));
    return {
      ok: true,
      code:
        "import jax.numpy as jnp\nimport optax\n\n" +
        `# The rate for each of the ${table.length} updates of this run (no optax schedule has these settings).\n` +
        `RATES = jnp.asarray(${tableLiteral(table, pythonFloat)})\n\n` +
        "def schedule(count):\n    return RATES[jnp.minimum(count, RATES.shape[0] - 1)]\n\n" + footer,
    };
  } catch (error) {
    return { ok: false, reason: errorMessage(error) };
  }
}

export const optaxAdapter: Adapter = {
  library: "optax",
  label: "optax",
  names: NAMES,
  values,
  toSpec: (name, params) => toSpec(name, params),
  snippet,
  configFor: (spec, steps): ConfigResult => {
    const found = optaxConfig(spec, steps);
    return found ? { ok: true, config: found.config } : { ok: false, reason: "optax has no built-in schedule for these settings (the snippet uses a table)" };
  },
};
