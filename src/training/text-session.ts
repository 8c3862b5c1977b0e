/**
 * A text race run in slices, for a loop that must stay responsive (the
 * browser's worker): each `advance(budgetMs)` trains one chunk of steps sized
 * from the measured time per step so that it takes about `budgetMs`, reads the
 * chunk's losses in one transfer (TextRace.runSteps), and returns. Between two
 * slices the caller is free to answer messages (pause, stop). At the end,
 * `samples()` draws one seeded sample per schedule. No DOM, no timers.
 */
import type { TextCorpus } from "../data/shakespeare/corpus.ts";
import type { Tf } from "./model.ts";
import type { Divergence, RaceRecord } from "./race.ts";
import { TextRace, type TextRaceOptions } from "./text-race.ts";

export interface TextRunConfig extends TextRaceOptions {
  labels: string[];
  steps: number;
  sampleLength: number;
  temperature: number;
  prompt: string;
}

export interface TextSample {
  label: string;
  temperature: number;
  seed: number;
  prompt: string;
  /** null for a copy that diverged. */
  text: string | null;
}

/** The most steps one slice may hold, whatever the measured speed. */
const MAX_CHUNK = 64;

export class TextSession {
  readonly config: TextRunConfig;
  readonly race: TextRace;
  #msPerStep: number | null = null;

  constructor(tf: Tf, corpus: TextCorpus, config: TextRunConfig) {
    if (config.labels.length !== config.schedules.length) throw new RangeError(`${config.schedules.length} schedules need as many labels, got ${config.labels.length}`);
    if (!(Number.isInteger(config.steps) && config.steps >= 1)) throw new RangeError(`steps must be a whole number of at least 1, got ${config.steps}`);
    this.config = config;
    this.race = new TextRace(tf, corpus, config);
  }

  /** Every step trained, or every copy diverged. */
  get done(): boolean {
    return this.race.stepCount >= this.config.steps || this.race.divergences.every((d) => d !== null);
  }

  /** Steps per second over the slices so far (0 before the first). */
  get stepsPerSecond(): number {
    return this.#msPerStep === null ? 0 : 1000 / this.#msPerStep;
  }

  /** How many steps the next slice trains: 1 until a step has been timed, then about budgetMs worth. */
  chunkSize(budgetMs: number): number {
    const left = this.config.steps - this.race.stepCount;
    const wanted = this.#msPerStep === null ? 1 : Math.floor(budgetMs / this.#msPerStep);
    return Math.max(0, Math.min(left, MAX_CHUNK, Math.max(1, wanted)));
  }

  /** One slice of about budgetMs: the records and the divergences it produced. */
  async advance(budgetMs: number): Promise<{ records: RaceRecord[]; divergences: Divergence[] }> {
    if (this.done) return { records: [], divergences: [] };
    const n = this.chunkSize(budgetMs);
    const started = performance.now();
    const result = await this.race.runSteps(n);
    const perStep = (performance.now() - started) / Math.max(1, n);
    // A running mean that follows the backend warming up (the first steps compile shaders or kernels).
    this.#msPerStep = this.#msPerStep === null ? perStep : 0.5 * this.#msPerStep + 0.5 * perStep;
    return result;
  }

  async samples(): Promise<TextSample[]> {
    const { prompt, sampleLength, temperature, seed, labels } = this.config;
    const texts = await this.race.generate(prompt, sampleLength, temperature, seed);
    return texts.map((text, k) => ({ label: labels[k] as string, temperature, seed, prompt, text }));
  }

  dispose(): void {
    this.race.dispose();
  }
}
