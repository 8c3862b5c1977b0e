/**
 * Messages between the page and the training worker. Plain data only
 * (structured clone): specs, numbers, strings.
 */
import type { ScheduleSpec } from "../schedules/index.ts";
import type { BackendName } from "./backends.ts";

export type OptimizerName = "sgd" | "momentum" | "nesterov" | "adagrad" | "rmsprop" | "adam" | "adamw";
export type ModelName = "mlp" | "cnn";

export interface RaceConfig {
  task: string;
  model: ModelName;
  optimizer: OptimizerName;
  schedules: ScheduleSpec[];
  /** Display names, one per schedule. */
  labels: string[];
  steps: number;
  batchSize: number;
  seed: number;
  /** Steps between validation evaluations (and plateau reports). */
  evalEvery: number;
  backend: BackendName | "auto";
  /** Cycle momentum / beta1 the way PyTorch does for one-cycle and cyclic schedules. */
  cycleMomentum: boolean;
}

/** One step's numbers for every run (index = run). */
export interface StepRecord {
  step: number;
  lr: number[];
  trainLoss: (number | null)[];
  valLoss?: (number | null)[];
  valAccuracy?: (number | null)[];
}

export interface PlateauCut {
  run: number;
  step: number;
  from: number;
  to: number;
  reason: string;
}

export type ToWorker =
  | { type: "start"; config: RaceConfig }
  | { type: "pause" }
  | { type: "resume" }
  | { type: "step"; count: number }
  | { type: "stop" }
  | { type: "speed"; stepsPerChunk: number };

export type FromWorker =
  | { type: "backend"; name: BackendName; description: string }
  | { type: "records"; records: StepRecord[]; stepsPerSecond: number }
  | { type: "diverged"; run: number; step: number }
  | { type: "plateau"; cut: PlateauCut }
  | { type: "state"; state: "running" | "paused" | "done" | "stopped" }
  | { type: "boundary"; run: number; points: number[] }
  | { type: "error"; message: string };
