/**
 * Messages between the page and the training worker. Plain data only
 * (structured clone): specs, numbers, strings.
 */
import type { PlateauNotice, RaceRecord } from "../training/race.ts";
import type { BackendChoiceName, BackendName } from "./backends.ts";
import type { RaceSettings } from "../training/settings.ts";
import type { ValidationPredictions } from "../training/predictions.ts";

export type { RaceRecord };

/** The race settings (one schema: src/training/settings.ts; the worker checks them under PROFILES.browser) and how to run them. */
export interface RaceConfig extends RaceSettings {
  backend: BackendChoiceName;
  /** Where the site serves tfjs's .wasm files (ends in "/"). */
  wasmPath: string;
  /** Grid resolution of the decision-boundary picture (2-D tasks); 0 for none. */
  boundaryGrid: number;
}

/** A plateau schedule's cut, as the race reports it. */
export type PlateauCut = PlateauNotice;

export type ToWorker =
  /** Build the race (fresh weights); with run: false it waits at step 0 for "resume" or "step". */
  | { type: "start"; config: RaceConfig; run: boolean }
  | { type: "pause" }
  | { type: "resume" }
  | { type: "step"; count: number }
  | { type: "stop" }
  | { type: "reset" }
  | { type: "delay"; ms: number };

export type FromWorker =
  | { type: "backend"; name: BackendName; description: string }
  | { type: "records"; records: RaceRecord[]; stepsPerSecond: number }
  | { type: "diverged"; run: number; step: number; message: string }
  | { type: "plateau"; cut: PlateauCut }
  | { type: "state"; state: "idle" | "running" | "paused" | "done" | "stopped" }
  | { type: "boundary"; step: number; grid: number; runs: number[][] }
  /** Image tasks: every run's predictions on the validation set, when the run pauses or ends. */
  | { type: "predictions"; predictions: ValidationPredictions }
  | { type: "error"; message: string };
