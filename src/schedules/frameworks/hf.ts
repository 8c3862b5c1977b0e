/**
 * Hugging Face transformers adapter: the `get_scheduler` family of
 * src/transformers/optimization.py (huggingface/transformers at 005edac),
 * transcribed in ./hf-sim.ts.
 * Every one but reduce_lr_on_plateau is a torch LambdaLR whose lambda gives a
 * factor of the optimizer's lr, so value i is base_lr × λ(i), the rate of
 * update i (the Trainer steps the scheduler once per optimizer update).
 * Without base_lr the values are the factors λ(i) themselves.
 *
 * Conventions kept from the source: warmup starts at 0, so update 0 has rate 0
 * (cosine_warmup_with_min_lr uses (t + 1)/W instead, and WSD starts at
 * min_lr_ratio); `num_training_steps` includes the warmup; `cosine` keeps
 * following the cosine past num_training_steps (it rises again) while
 * `cosine_with_restarts` returns 0 there and `linear` holds 0; `polynomial`
 * reads lr_init from the optimizer and refuses lr_end ≥ lr_init.
 * reduce_lr_on_plateau is torch's ReduceLROnPlateau: value i is the rate after
 * i metrics.
 */
import type { ScheduleSpec } from "../types.ts";
import { checkSpec } from "../make.ts";
import { sampleSchedule } from "../sample.ts";
import type { Adapter, ConfigResult, SnippetResult, SpecResult } from "./types.ts";
import { errorMessage } from "./kwargs.ts";
import { tableLiteral } from "./closed-form.ts";
import { pytorchAdapter } from "./pytorch.ts";
import { pythonFloat } from "./python.ts";
import { hfConfig } from "./hf-config.ts";
import { checkBase, hfLambda, hfType, NAMES, hfValues as values } from "./hf-sim.ts";

export { hfConfig } from "./hf-config.ts";

function specFor(name: string, params: Record<string, unknown>, base: number): SpecResult {
  const num = (key: string, fallback: number): number => (typeof params[key] === "number" ? params[key] : fallback);
  const w = num("num_warmup_steps", 0);
  const n = num("num_training_steps", 0);
  const warm = (after: ScheduleSpec): ScheduleSpec => (w > 0 ? { kind: "warmup", startLr: 0, warmupSteps: w, shape: "linear", after } : after);
  switch (name) {
    case "constant":
      return { ok: true, spec: { kind: "constant", lr: base } };
    case "constant_with_warmup":
      return { ok: true, spec: warm({ kind: "constant", lr: base }) };
    case "linear":
      if (n <= w) return { ok: false, error: "linear needs num_training_steps > num_warmup_steps for a decay" };
      return { ok: true, spec: warm({ kind: "linear", lr: base, endLr: 0, decaySteps: n - w }) };
    case "cosine": {
      if (n <= w) return { ok: false, error: "cosine needs num_training_steps > num_warmup_steps for a decay" };
      if (num("num_cycles", 0.5) !== 0.5) return { ok: false, error: "num_cycles other than 0.5 has no equivalent in our cosine" };
      return { ok: true, spec: warm({ kind: "cosine", lr: base, minLr: 0, decaySteps: n - w, exponent: 1, periodic: true }), caveat: "past num_training_steps Hugging Face's cosine rises again, as ours does with periodic on" };
    }
    case "cosine_with_min_lr": {
      if (n <= w) return { ok: false, error: "cosine_with_min_lr needs num_training_steps > num_warmup_steps" };
      if (num("num_cycles", 0.5) !== 0.5) return { ok: false, error: "num_cycles other than 0.5 has no equivalent in our cosine" };
      const minLr = typeof params.min_lr === "number" ? params.min_lr : base * num("min_lr_rate", 0);
      return { ok: true, spec: warm({ kind: "cosine", lr: base, minLr, decaySteps: n - w, exponent: 1, periodic: true }) };
    }
    case "cosine_with_restarts": {
      const cycles = num("num_cycles", 1);
      const span = n - w;
      if (!(Number.isInteger(cycles) && cycles >= 1 && span % cycles === 0)) return { ok: false, error: "our restarts need num_cycles to divide num_training_steps − num_warmup_steps" };
      return {
        ok: true,
        spec: warm({ kind: "cosine-restarts", lr: base, minLr: 0, period: span / cycles, tMult: 1, mMul: 1 }),
        caveat: "from num_training_steps on, Hugging Face returns 0 where our restarts go on",
      };
    }
    case "polynomial": {
      if (n <= w) return { ok: false, error: "polynomial needs num_training_steps > num_warmup_steps" };
      return { ok: true, spec: warm({ kind: "polynomial", lr: base, endLr: num("lr_end", 1e-7), decaySteps: n - w, power: num("power", 1), cycle: false }) };
    }
    case "inverse_sqrt": {
      const timescale = typeof params.timescale === "number" ? params.timescale : w || 10_000;
      return { ok: true, spec: { kind: "inverse-sqrt", lr: base, warmupSteps: w, timescale } };
    }
    case "warmup_stable_decay": {
      const decay = num("num_decay_steps", 0);
      const stable = typeof params.num_stable_steps === "number" ? params.num_stable_steps : n - w - decay;
      if (num("num_cycles", 0.5) !== 0.5) return { ok: false, error: "num_cycles other than 0.5 has no equivalent in our WSD" };
      if (stable < 0) return { ok: false, error: "num_training_steps is shorter than warmup plus decay" };
      const shape = (key: string, fallback: string) => (typeof params[key] === "string" ? params[key] : fallback) as "linear" | "cosine" | "1-sqrt";
      return {
        ok: true,
        spec: { kind: "wsd", lr: base, minLr: base * num("min_lr_ratio", 0), warmupSteps: w, stableSteps: stable, decaySteps: decay, warmupShape: shape("warmup_type", "linear"), decayShape: shape("decay_type", "cosine") },
      };
    }
    case "reduce_lr_on_plateau":
      return pytorchAdapter.toSpec("ReduceLROnPlateau", params, base);
    default:
      return { ok: false, error: `${name} has no single spec of ours; compare it through its values` };
  }
}

function toSpec(given: string, params: Record<string, unknown>, baseLr?: number): SpecResult {
  const name = hfType(given);
  try {
    const base = checkBase(baseLr);
    if (name !== "reduce_lr_on_plateau") hfLambda(name, params, base);
    const result = specFor(name, params, base);
    if (!result.ok) return result;
    return { ...result, spec: checkSpec(result.spec) };
  } catch (error) {
    return { ok: false, error: errorMessage(error) };
  }
}

function argText(key: string, value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  const INTS = new Set(["num_warmup_steps", "num_training_steps", "num_stable_steps", "num_decay_steps", "timescale", "patience", "cooldown", "num_cycles"]);
  return INTS.has(key) && Number.isInteger(value) ? String(value) : pythonFloat(value as number);
}

function snippet(spec: ScheduleSpec, totalSteps: number): SnippetResult {
  try {
    const checked = checkSpec(spec);
    if (checked.kind === "plateau") return { ok: false, reason: "Hugging Face's reduce_lr_on_plateau is PyTorch's ReduceLROnPlateau: see the PyTorch code" };
    const found = hfConfig(checked, totalSteps);
    const header = "import torch\nfrom transformers import get_scheduler\n\nmodel = torch.nn.Linear(2, 1)  # your model\n";
    const loop = `\nfor step in range(${totalSteps}):\n    ...  # forward, loss.backward()\n    optimizer.step()\n    scheduler.step()\n`;
    if (found?.exact) {
      const { num_warmup_steps, num_training_steps, ...rest } = found.config.params as Record<string, unknown>;
      const args = [`"${found.config.name}"`, "optimizer"];
      if (num_warmup_steps !== undefined) args.push(`num_warmup_steps=${argText("num_warmup_steps", num_warmup_steps)}`);
      if (num_training_steps !== undefined) args.push(`num_training_steps=${argText("num_training_steps", num_training_steps)}`);
      const specific = Object.entries(rest);
      if (specific.length > 0) args.push(`scheduler_specific_kwargs={${specific.map(([k, v]) => `"${k}": ${argText(k, v)}`).join(", ")}}`);
      const note = found.config.name === "inverse_sqrt" && rest.timescale !== undefined && rest.timescale !== num_warmup_steps
        ? "# get_scheduler does not pass timescale on; call the function itself:\nfrom transformers.optimization import get_inverse_sqrt_schedule\n" +
          `scheduler = get_inverse_sqrt_schedule(optimizer, num_warmup_steps=${argText("num_warmup_steps", num_warmup_steps)}, timescale=${argText("timescale", rest.timescale)})\n`
        : `scheduler = get_scheduler(${args.join(", ")})\n`;
      return { ok: true, code: header + `optimizer = torch.optim.AdamW(model.parameters(), lr=${pythonFloat(found.config.baseLr as number)})\n` + note + loop };
    }
    const table = sampleSchedule(checked, Math.max(1, totalSteps));
    return {
      ok: true,
      code:
        "import torch\n\nmodel = torch.nn.Linear(2, 1)  # your model\n" +
        `# No get_scheduler type has these settings: a LambdaLR over this run's ${table.length} rates.\n` +
        `RATES = ${tableLiteral(table, pythonFloat)}\n` +
        "optimizer = torch.optim.AdamW(model.parameters(), lr=1.0)  # LambdaLR multiplies this by RATES[t]\n" +
        "scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda t: RATES[min(t, len(RATES) - 1)])\n" + loop,
    };
  } catch (error) {
    return { ok: false, reason: errorMessage(error) };
  }
}

export const hfAdapter: Adapter = {
  library: "hf",
  label: "Hugging Face",
  names: NAMES,
  values,
  toSpec,
  snippet,
  configFor: (spec, steps): ConfigResult => {
    const found = hfConfig(spec, steps);
    return found ? { ok: true, config: found.config } : { ok: false, reason: "no get_scheduler type has these settings (the snippet uses LambdaLR over a table)" };
  },
};
