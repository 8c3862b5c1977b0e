/**
 * `npm run --silent experiment -- --task shakespeare --model transformer --norm post|pre …`:
 * a race of schedules on the Shakespeare excerpt with the batched transformer,
 * in Node. Losses in bits per character; the unigram entropy of the training
 * text as the reference; a seeded sample per schedule at the end.
 */
import type * as tfNamespace from "@tensorflow/tfjs";
import { loadShakespeare } from "../data/shakespeare/corpus.ts";
import { fittedSpec } from "../schedules/fit.ts";
import { formatErrors, isKind, parseSpec, KINDS, type ScheduleSpec } from "../schedules/index.ts";
import type { Divergence, RaceRecord } from "../training/race.ts";
import { TextRace, type TextRaceOptions } from "../training/text-race.ts";
import { NORMS, type NormPlacement } from "../training/transformer.ts";
import { ExperimentError } from "./experiment-core.ts";

export const TEXT_USAGE = `  --task shakespeare --model transformer   character-level language model on a Shakespeare excerpt (Adam)
    --norm post|pre   layer norm after each residual (Post-LN, the original Transformer) or before (Pre-LN); default post
    --layers N (4)  --width N (32)  --heads N (4)  --context N (32)  --batch-size N (16)  --beta2 X (0.999)
    --val-windows N (64)  --sample-length N (200)  --temperature X (0.8)  --prompt TEXT (a newline)
    --labels a,b,c (names for the schedules)  --backend wasm|cpu (wasm)   losses in bits/char; the JSON adds the unigram entropy and one sample per schedule`;

export interface TextExperimentConfig extends TextRaceOptions {
  labels: string[];
  steps: number;
  sampleLength: number;
  temperature: number;
  prompt: string;
  backend: "wasm" | "cpu";
  format: "json" | "csv";
}

const VALUE_FLAGS = ["--task", "--model", "--norm", "--layers", "--width", "--heads", "--context", "--batch-size", "--beta2", "--val-windows", "--sample-length", "--temperature", "--prompt", "--backend", "--schedules", "--schedule", "--labels", "--lr", "--steps", "--seed", "--eval-every"];

const integer = (flag: string, text: string, min: number, max: number): number => {
  const value = Number(text);
  if (!(Number.isInteger(value) && value >= min && value <= max)) throw new ExperimentError(`${flag} must be an integer in [${min}, ${max}], got "${text}"`);
  return value;
};
const real = (flag: string, text: string, min: number, max: number): number => {
  const value = Number(text);
  if (!(text.trim() !== "" && Number.isFinite(value) && value > min && value <= max)) throw new ExperimentError(`${flag} must be a number in (${min}, ${max}], got "${text}"`);
  return value;
};

export function isTextTask(argv: readonly string[]): boolean {
  return argv.some((a, i) => a === "--task=shakespeare" || (a === "--task" && argv[i + 1] === "shakespeare"));
}

export function parseTextExperimentArgs(argv: readonly string[]): TextExperimentConfig {
  const flags = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    const eq = arg.indexOf("=");
    const [flag, inline] = eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
    if (flag === "--json" || flag === "--csv") {
      flags.set(flag, ["true"]);
    } else if (VALUE_FLAGS.includes(flag)) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new ExperimentError(`${flag} needs a value`);
      flags.set(flag, [...(flags.get(flag) ?? []), value]);
    } else {
      throw new ExperimentError(`unknown option ${arg} for --task shakespeare`);
    }
  }
  const one = (flag: string): string | undefined => flags.get(flag)?.at(-1);
  const model = one("--model") ?? "transformer";
  if (model !== "transformer") throw new ExperimentError(`--task shakespeare trains the transformer: --model must be transformer, got "${model}"`);
  const norm = one("--norm") ?? "post";
  if (!(NORMS as readonly string[]).includes(norm)) throw new ExperimentError(`--norm must be one of ${NORMS.join(", ")}, got "${norm}"`);
  const backend = one("--backend") ?? "wasm";
  if (backend !== "wasm" && backend !== "cpu") throw new ExperimentError(`--backend must be wasm or cpu, got "${backend}"`);
  const steps = integer("--steps", one("--steps") ?? "500", 1, 1_000_000);
  const lrText = one("--lr");
  const lr = lrText === undefined ? undefined : real("--lr", lrText, 0, 10);
  let schedules: ScheduleSpec[];
  let labels: string[];
  const exact = flags.get("--schedule");
  if (exact) {
    schedules = exact.map((text, i) => {
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch (error) {
        throw new ExperimentError(`--schedule ${i + 1} is not valid JSON: ${(error as Error).message}`);
      }
      const parsed = parseSpec(raw);
      if (!parsed.ok) throw new ExperimentError(`--schedule ${i + 1}: ${formatErrors(parsed.errors)}`);
      return parsed.spec;
    });
    labels = schedules.map((s, i) => `${s.kind}#${i + 1}`);
  } else {
    const kinds = (one("--schedules") ?? "constant").split(",").map((k) => k.trim()).filter(Boolean);
    if (kinds.length === 0) throw new ExperimentError("--schedules needs at least one kind");
    schedules = kinds.map((k: string) => {
      if (!isKind(k)) throw new ExperimentError(`--schedules: unknown kind ${JSON.stringify(k)}; expected ${KINDS.join(", ")}`);
      return fittedSpec(k, steps, lr);
    });
    labels = kinds;
  }
  const named = one("--labels");
  if (named !== undefined) {
    labels = named.split(",").map((l) => l.trim());
    if (labels.length !== schedules.length || labels.some((l) => l === "")) throw new ExperimentError(`--labels needs one non-empty name per schedule (${schedules.length}), got "${named}"`);
  }
  if (schedules.length > 16) throw new ExperimentError(`at most 16 schedules in one race, got ${schedules.length}`);
  const width = integer("--width", one("--width") ?? "32", 4, 256);
  const heads = integer("--heads", one("--heads") ?? "4", 1, 16);
  if (width % heads !== 0) throw new ExperimentError(`--width (${width}) must be a multiple of --heads (${heads})`);
  const prompt = one("--prompt") ?? "\n";
  return {
    schedules, labels, steps, norm: norm as NormPlacement, width, heads,
    layers: integer("--layers", one("--layers") ?? "4", 1, 8),
    context: integer("--context", one("--context") ?? "32", 2, 256),
    batchSize: integer("--batch-size", one("--batch-size") ?? "16", 1, 512),
    seed: integer("--seed", one("--seed") ?? "1", 0, 2 ** 31 - 1),
    evalEvery: integer("--eval-every", one("--eval-every") ?? "50", 1, 1_000_000),
    valWindows: integer("--val-windows", one("--val-windows") ?? "64", 1, 10_000),
    optimizerOptions: { beta2: real("--beta2", one("--beta2") ?? "0.999", 0, 0.99999) },
    sampleLength: integer("--sample-length", one("--sample-length") ?? "200", 1, 10_000),
    temperature: real("--temperature", one("--temperature") ?? "0.8", 0, 10),
    prompt, backend,
    format: flags.has("--csv") ? "csv" : "json",
  };
}

export interface TextExperimentResult {
  config: Omit<TextExperimentConfig, "format">;
  backend: string;
  unit: "bits/char";
  /** Entropy of the training text's character frequencies (bits/char): what a model that ignores context can reach. */
  unigramBits: number;
  /** Cross-entropy of the validation text under the training frequencies (bits/char). */
  unigramValBits: number;
  records: RaceRecord[];
  divergences: Divergence[];
  samples: { label: string; temperature: number; seed: number; prompt: string; text: string | null }[];
  stepsPerSecond: number;
}

export async function runTextExperiment(tf: typeof tfNamespace, config: TextExperimentConfig, onProgress?: (step: number) => void): Promise<TextExperimentResult> {
  const corpus = await loadShakespeare();
  const race = new TextRace(tf, corpus, config);
  const records: RaceRecord[] = [];
  const divergences: Divergence[] = [];
  const started = performance.now();
  try {
    while (race.stepCount < config.steps && !race.divergences.every((d) => d !== null)) {
      const chunk = await race.runSteps(Math.min(config.evalEvery, config.steps - race.stepCount));
      records.push(...chunk.records);
      divergences.push(...chunk.divergences);
      onProgress?.(race.stepCount);
    }
    const stepsPerSecond = (records.length * 1000) / (performance.now() - started);
    const texts = await race.generate(config.prompt, config.sampleLength, config.temperature, config.seed);
    const { format: _format, ...rest } = config;
    void _format;
    return {
      config: rest, backend: tf.getBackend(), unit: "bits/char", unigramBits: corpus.unigramBits, unigramValBits: corpus.unigramValBits,
      records, divergences, stepsPerSecond,
      samples: texts.map((text, k) => ({ label: config.labels[k] as string, temperature: config.temperature, seed: config.seed, prompt: config.prompt, text })),
    };
  } finally {
    race.dispose();
  }
}

const cell = (v: number | null | undefined): string => (v === null || v === undefined ? "" : String(v));

export function textCsvRows(result: TextExperimentResult): string {
  const lines = ["step,run,schedule,lr,train_bits,val_bits"];
  for (const r of result.records) r.lr.forEach((lr, k) => lines.push([r.step, k, result.config.labels[k], lr, cell(r.trainLoss[k]), cell(r.valLoss?.[k])].join(",")));
  return lines.join("\n") + "\n";
}

/** tfjs in Node on the wasm backend (several times faster than cpu for this model) or the cpu backend. */
export async function nodeTf(backend: "wasm" | "cpu"): Promise<typeof tfNamespace> {
  const warn = console.warn;
  console.warn = () => undefined;
  try {
    const tf = await import("@tensorflow/tfjs");
    if (backend === "wasm") await import("@tensorflow/tfjs-backend-wasm");
    if (!(await tf.setBackend(backend))) throw new Error(`the ${backend} backend did not start`);
    await tf.ready();
    tf.tensor(0).dispose();
    return tf;
  } finally {
    console.warn = warn;
  }
}
