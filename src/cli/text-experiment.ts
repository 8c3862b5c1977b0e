/**
 * `npm run --silent experiment -- --task shakespeare --model transformer --norm post|pre …`:
 * a race of schedules on the Shakespeare excerpt with the batched transformer,
 * in Node. Losses in bits per character; the unigram entropy of the training
 * text as the reference; a seeded sample per schedule at the end.
 */
import type * as tfNamespace from "@tensorflow/tfjs";
import { loadShakespeare } from "../data/shakespeare/corpus.ts";
import { raceRanges } from "../training/settings.ts";
import type { Divergence, RaceRecord } from "../training/race.ts";
import { TextRace, type TextRaceOptions } from "../training/text-race.ts";
import { NORMS, type NormPlacement } from "../training/transformer.ts";
import { ExperimentError } from "./experiment-core.ts";
import { labelFlag, numberFlag, readFlags, scheduleFlags } from "./flags.ts";

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

const VALUE_FLAGS = new Set(["--task", "--model", "--norm", "--layers", "--width", "--heads", "--context", "--batch-size", "--beta2", "--val-windows", "--sample-length", "--temperature", "--prompt", "--backend", "--schedules", "--schedule", "--labels", "--lr", "--steps", "--seed", "--eval-every"]);

/** A count flag with its own bounds (model sizes, sampling). */
const integer = (flag: string, text: string | undefined, fallback: number, min: number, max: number): number => numberFlag(flag, text, fallback, { min, max, integer: true });
const real = (flag: string, text: string | undefined, fallback: number, min: number, max: number): number => numberFlag(flag, text, fallback, { min, max, minExclusive: true });

export function isTextTask(argv: readonly string[]): boolean {
  return argv.some((a, i) => a === "--task=shakespeare" || (a === "--task" && argv[i + 1] === "shakespeare"));
}

export function parseTextExperimentArgs(argv: readonly string[]): TextExperimentConfig {
  const flags = readFlags(argv, VALUE_FLAGS, "shakespeare");
  const one = flags.one;
  const model = one("--model") ?? "transformer";
  if (model !== "transformer") throw new ExperimentError(`--task shakespeare trains the transformer: --model must be transformer, got "${model}"`);
  const norm = one("--norm") ?? "post";
  if (!(NORMS as readonly string[]).includes(norm)) throw new ExperimentError(`--norm must be one of ${NORMS.join(", ")}, got "${norm}"`);
  const backend = one("--backend") ?? "wasm";
  if (backend !== "wasm" && backend !== "cpu") throw new ExperimentError(`--backend must be wasm or cpu, got "${backend}"`);
  // The fields every race shares take the race settings' CLI bounds (src/training/settings.ts).
  const ranges = raceRanges("cli");
  const steps = numberFlag("--steps", one("--steps"), 500, ranges.steps);
  const lrText = one("--lr");
  const lr = lrText === undefined ? undefined : numberFlag("--lr", lrText, 0, ranges.lr);
  const exact = flags.all("--schedule") ?? [];
  const { specs: schedules, labels: kindLabels } = scheduleFlags(one("--schedules") ?? (exact.length > 0 ? "" : "constant"), exact, steps, lr);
  if (schedules.length === 0) throw new ExperimentError("--schedules needs at least one kind");
  if (schedules.length > 16) throw new ExperimentError(`at most 16 schedules in one race, got ${schedules.length}`);
  const labels = labelFlag(one("--labels"), kindLabels);
  const width = integer("--width", one("--width"), 32, 4, 256);
  const heads = integer("--heads", one("--heads"), 4, 1, 16);
  if (width % heads !== 0) throw new ExperimentError(`--width (${width}) must be a multiple of --heads (${heads})`);
  const prompt = one("--prompt") ?? "\n";
  return {
    schedules, labels, steps, norm: norm as NormPlacement, width, heads,
    layers: integer("--layers", one("--layers"), 4, 1, 8),
    context: integer("--context", one("--context"), 32, 2, 256),
    batchSize: numberFlag("--batch-size", one("--batch-size"), 16, ranges.batchSize),
    seed: numberFlag("--seed", one("--seed"), 1, ranges.seed),
    evalEvery: numberFlag("--eval-every", one("--eval-every"), 50, ranges.evalEvery),
    valWindows: integer("--val-windows", one("--val-windows"), 64, 1, 10_000),
    optimizerOptions: { beta2: real("--beta2", one("--beta2"), 0.999, 0, 0.99999) },
    sampleLength: integer("--sample-length", one("--sample-length"), 200, 1, 10_000),
    temperature: real("--temperature", one("--temperature"), 0.8, 0, 10),
    prompt, backend,
    format: flags.format,
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
