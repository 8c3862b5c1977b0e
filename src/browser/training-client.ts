/**
 * The page's side of the training worker: a typed wrapper that sends
 * commands and collects the worker's messages, handing records to the page at
 * most once per animation frame (so a fast run cannot make the page redraw
 * more often than it paints).
 */
import type { FromWorker, PlateauCut, RaceConfig, RaceRecord, ToWorker } from "./training-protocol.ts";
import type { ValidationPredictions } from "../training/predictions.ts";

export interface TrainingHandlers {
  records(records: RaceRecord[], stepsPerSecond: number): void;
  backend?(name: string, description: string): void;
  diverged?(run: number, step: number, message: string): void;
  plateau?(cut: PlateauCut): void;
  state?(state: "idle" | "running" | "paused" | "done" | "stopped"): void;
  boundary?(step: number, grid: number, runs: number[][]): void;
  predictions?(predictions: ValidationPredictions): void;
  error?(message: string): void;
}

export type WorkerFactory = () => Worker;

export const defaultWorker: WorkerFactory = () => new Worker(new URL("./training-worker.ts", import.meta.url), { type: "module", name: "lr-atlas-training" });

export class TrainingClient {
  readonly #worker: Worker;
  readonly #handlers: TrainingHandlers;
  #pending: RaceRecord[] = [];
  #speed = 0;
  #frame: number | null = null;

  constructor(handlers: TrainingHandlers, factory: WorkerFactory = defaultWorker) {
    this.#handlers = handlers;
    this.#worker = factory();
    this.#worker.onmessage = (event: MessageEvent<FromWorker>) => this.#receive(event.data);
    this.#worker.onerror = (event) => {
      event.preventDefault();
      handlers.error?.(event.message || "the training worker failed to start");
    };
  }

  #receive(message: FromWorker): void {
    switch (message.type) {
      case "records":
        this.#pending.push(...message.records);
        this.#speed = message.stepsPerSecond;
        this.#frame ??= requestAnimationFrame(() => this.flush());
        break;
      case "backend":
        this.#handlers.backend?.(message.name, message.description);
        break;
      case "diverged":
        this.flush();
        this.#handlers.diverged?.(message.run, message.step, message.message);
        break;
      case "plateau":
        this.flush();
        this.#handlers.plateau?.(message.cut);
        break;
      case "state":
        this.flush();
        this.#handlers.state?.(message.state);
        break;
      case "boundary":
        this.#handlers.boundary?.(message.step, message.grid, message.runs);
        break;
      case "predictions":
        this.flush();
        this.#handlers.predictions?.(message.predictions);
        break;
      case "error":
        this.#handlers.error?.(message.message);
        break;
    }
  }

  /** Hand over what has arrived (also called on each animation frame). */
  flush(): void {
    if (this.#frame !== null) cancelAnimationFrame(this.#frame);
    this.#frame = null;
    if (this.#pending.length === 0) return;
    const records = this.#pending;
    this.#pending = [];
    this.#handlers.records(records, this.#speed);
  }

  #send(message: ToWorker): void {
    this.#worker.postMessage(message);
  }

  start(config: RaceConfig, run = true): void {
    this.#pending = [];
    this.#send({ type: "start", config, run });
  }

  pause(): void {
    this.#send({ type: "pause" });
  }

  resume(): void {
    this.#send({ type: "resume" });
  }

  step(count = 1): void {
    this.#send({ type: "step", count });
  }

  stop(): void {
    this.#send({ type: "stop" });
  }

  reset(): void {
    this.#pending = [];
    this.#send({ type: "reset" });
  }

  delay(ms: number): void {
    this.#send({ type: "delay", ms });
  }

  dispose(): void {
    if (this.#frame !== null) cancelAnimationFrame(this.#frame);
    this.#worker.terminate();
  }
}
