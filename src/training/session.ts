/**
 * The trainer's control loop: start, pause, resume, stop, reset, and a stream
 * of records in chunks. Each chunk is sized to take about `chunkMs` of work,
 * then the loop yields (so a worker can read its messages and a page can
 * breathe). Used by the Web Worker, the CLI and the tests alike; no DOM.
 */
import { Race, type Divergence, type PlateauNotice, type RaceOptions, type RaceRecord } from "./race.ts";
import type { Tf } from "./model.ts";
import { PROFILES } from "./settings.ts";

export type SessionState = "idle" | "running" | "paused" | "done" | "stopped";

export interface SessionOptions extends RaceOptions {
  /** Total steps to train. */
  steps: number;
  /** Target milliseconds of work between yields (default 25). */
  chunkMs?: number;
}

export interface SessionEvents {
  records?(records: RaceRecord[], stepsPerSecond: number): void;
  diverged?(divergence: Divergence): void;
  plateau?(notice: PlateauNotice): void;
  state?(state: SessionState): void;
}

type ChunkResult = Awaited<ReturnType<Race["runSteps"]>>;

const yieldOnce = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export class TrainingSession {
  readonly options: SessionOptions;
  readonly #tf: Tf;
  readonly #events: SessionEvents;
  readonly #now: () => number;
  #race: Race;
  #state: SessionState = "idle";
  #wake: (() => void) | null = null;
  #chunk = 1;
  #loop: Promise<SessionState> = Promise.resolve("idle");
  /** The chunk the loop is computing, so `advance` never runs beside it. */
  #chunk$: Promise<unknown> = Promise.resolve();

  constructor(tf: Tf, options: SessionOptions, events: SessionEvents = {}, now: () => number = () => performance.now()) {
    const maxSteps = PROFILES.cli.maxSteps;
    if (!(Number.isInteger(options.steps) && options.steps >= 1 && options.steps <= maxSteps)) throw new RangeError(`steps must be an integer in [1, ${maxSteps}], got ${options.steps}`);
    this.#tf = tf;
    this.options = options;
    this.#events = events;
    this.#now = now;
    this.#race = new Race(tf, options);
  }

  get state(): SessionState {
    return this.#state;
  }

  get race(): Race {
    return this.#race;
  }

  #set(state: SessionState): void {
    this.#state = state;
    this.#events.state?.(state);
  }

  /** Run to the end (or until stopped); resolves when the loop ends. */
  start(): Promise<SessionState> {
    if (this.#state === "running" || this.#state === "paused") throw new Error("this session is already running");
    this.#loop = this.#run();
    return this.#loop;
  }

  async #run(): Promise<SessionState> {
    this.#set("running");
    const target = this.options.chunkMs ?? 25;
    const race = this.#race;
    while (race.stepCount < this.options.steps) {
      if (this.#state === "paused") await new Promise<void>((resolve) => (this.#wake = resolve));
      if (this.#state === "stopped") return this.#state;
      const n = Math.min(this.#chunk, this.options.steps - race.stepCount);
      const { result, elapsed } = await this.#timedChunk(race, n);
      // A reset during the chunk replaced the race: this loop's run is over.
      if (this.#race !== race) return "stopped";
      // Grow or shrink the chunk toward the target time, at most ×2 per chunk.
      this.#chunk = Math.max(1, Math.min(500, Math.round(n * Math.min(2, Math.max(0.5, target / elapsed)))));
      this.#report(result, n, elapsed);
      if (race.divergences.every((d) => d !== null)) break;
      await (this.delayMs > 0 ? new Promise<void>((resolve) => setTimeout(resolve, this.delayMs)) : yieldOnce());
    }
    if (this.#state === "running") this.#set("done");
    return this.#state;
  }

  /** Milliseconds to wait between chunks (a slow-motion setting); 0 runs flat out. */
  delayMs = 0;

  /** While paused or idle: exactly `n` more steps, reported like any chunk. */
  async advance(n: number): Promise<void> {
    if (this.#state === "running") throw new Error("pause the session before stepping it");
    await this.#chunk$;
    const count = Math.min(n, this.options.steps - this.#race.stepCount);
    if (count <= 0) return;
    const { result, elapsed } = await this.#timedChunk(this.#race, count);
    this.#report(result, count, elapsed);
  }

  /** n steps on `race`, timed; remembered so `advance` never runs beside it. */
  async #timedChunk(race: Race, n: number): Promise<{ result: ChunkResult; elapsed: number }> {
    const started = this.#now();
    const chunk = race.runSteps(n);
    this.#chunk$ = chunk;
    const result = await chunk;
    return { result, elapsed: Math.max(1e-3, this.#now() - started) };
  }

  #report(result: ChunkResult, steps: number, elapsed: number): void {
    this.#events.records?.(result.records, (steps * 1000) / elapsed);
    for (const d of result.divergences) this.#events.diverged?.(d);
    for (const p of result.plateau) this.#events.plateau?.(p);
  }

  pause(): void {
    if (this.#state === "running") this.#set("paused");
  }

  resume(): void {
    if (this.#state !== "paused") return;
    this.#set("running");
    this.#wake?.();
    this.#wake = null;
  }

  stop(): void {
    if (this.#state !== "running" && this.#state !== "paused") return;
    this.#set("stopped");
    this.#wake?.();
    this.#wake = null;
  }

  /** Back to step 0 with fresh weights; the session can start again. */
  async reset(): Promise<void> {
    this.stop();
    // Let the loop finish its current chunk before the weights go away.
    await this.#loop;
    this.#race.dispose();
    this.#race = new Race(this.#tf, this.options);
    this.#chunk = 1;
    this.#set("idle");
  }

  async dispose(): Promise<void> {
    this.stop();
    await this.#loop;
    this.#race.dispose();
  }
}
