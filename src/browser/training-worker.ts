/**
 * The training worker: tfjs runs here, never on the page's thread. It picks a
 * backend (webgpu → webgl through OffscreenCanvas → wasm → cpu, or the one
 * asked for), runs a TrainingSession and posts records in chunks, plus the
 * decision boundary of each run on 2-D tasks.
 */
/// <reference lib="webworker" />
import type { FromWorker, RaceConfig, ToWorker } from "./training-protocol.ts";
import { describeChoice, selectBackend, webglRendererName } from "./backends.ts";
import type { TrainingSession } from "../training/session.ts";
import { checkRaceSettings } from "../training/settings.ts";
import { drawsBoundary, predictBoundary } from "../training/boundary-grid.ts";
import { validationPredictions } from "../training/predictions.ts";
import { loadTaskData } from "../data/datasets.ts";

declare const self: DedicatedWorkerGlobalScope;

const post = (message: FromWorker): void => self.postMessage(message);

let session: TrainingSession | null = null;
let config: RaceConfig | null = null;
let lastBoundary = -1;

async function sendBoundary(force = false): Promise<void> {
  if (!session || !config || config.boundaryGrid <= 0 || !drawsBoundary(session.race.dataset)) return;
  const step = session.race.stepCount;
  if (!force && step - lastBoundary < Math.max(25, Math.floor(config.steps / 40))) return;
  lastBoundary = step;
  const n = config.boundaryGrid;
  post({ type: "boundary", step, grid: n, runs: await predictBoundary(session.race, n) });
}

/** Image tasks: each run's predictions on the validation images (sent when a run pauses, steps or ends). */
async function sendPredictions(): Promise<void> {
  if (!session || session.race.stepCount === 0) return;
  const predictions = await validationPredictions(session.race);
  if (predictions) post({ type: "predictions", predictions });
}

/** Build the session (backend, data, weights); resolves once commands can act on it. */
async function prepare(next: RaceConfig): Promise<void> {
  await session?.dispose();
  // The page resolved these with the same schema; a message is still input, so check it under the browser's limits.
  checkRaceSettings(next, "browser");
  config = next;
  lastBoundary = -1;
  const tf = await import("@tensorflow/tfjs");
  const choice = await selectBackend(
    tf,
    { hasWebGPU: "gpu" in navigator, inWorker: true, hasOffscreenCanvas: typeof OffscreenCanvas !== "undefined", wasmPath: next.wasmPath, webglRenderer: webglRendererName() },
    next.backend,
  );
  post({ type: "backend", name: choice.name, description: describeChoice(choice) });
  await loadTaskData(next.task);
  const { TrainingSession } = await import("../training/session.ts");
  const current = new TrainingSession(tf, { ...next, chunkMs: 30 }, {
    records: (records, stepsPerSecond) => {
      post({ type: "records", records, stepsPerSecond });
      void sendBoundary();
    },
    diverged: (d) => post({ type: "diverged", run: d.run, step: d.step, message: d.message }),
    plateau: (p) => post({ type: "plateau", cut: p }),
    state: (state) => {
      post({ type: "state", state });
      if (state === "done" || state === "paused") void sendBoundary(true).then(sendPredictions);
    },
  });
  session = current;
  await sendBoundary(true);
}

const fail = (error: unknown): void => post({ type: "error", message: (error as Error)?.message ?? String(error) });

// Commands wait for the session being built: a "step" or "pause" sent right after "start" acts on the new run.
let ready: Promise<void> = Promise.resolve();
const then = (action: () => void | Promise<unknown>): void => {
  ready = ready.then(action).then(() => undefined, fail);
};

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  switch (message.type) {
    case "start":
      then(() => prepare(message.config));
      then(() => {
        // The loop runs on; later commands need not wait for it to end.
        if (message.run) session?.start().catch(fail);
        else post({ type: "state", state: "idle" });
      });
      break;
    case "pause":
      then(() => session?.pause());
      break;
    case "resume":
      then(() => {
        if (session?.state === "idle") session.start().catch(fail);
        else session?.resume();
      });
      break;
    case "step":
      then(() => session?.advance(message.count).then(() => sendBoundary(true)).then(sendPredictions));
      break;
    case "stop":
      then(() => session?.stop());
      break;
    case "reset":
      then(() =>
        session?.reset().then(() => {
          lastBoundary = -1;
          return sendBoundary(true);
        }),
      );
      break;
    case "delay":
      then(() => {
        if (session) session.delayMs = Math.max(0, Math.min(2000, message.ms));
      });
      break;
  }
};
