/**
 * The range test's Web Worker: picks a tfjs backend as the training worker
 * does (webgpu → webgl → wasm → cpu), checks the config again under the
 * browser's bounds (a message is still input), runs src/training's range
 * test and posts the curves after every chunk, so the page redraws as the
 * rate rises. A new start or a stop aborts the run in progress.
 */
/// <reference lib="webworker" />
import { describeChoice, selectBackend, webglRendererName } from "../../src/browser/backends.ts";
import type { RangeCurve } from "../../src/training/range-test.ts";
import type { RangeTestConfig } from "../../src/training/range-test-run.ts";

declare const self: DedicatedWorkerGlobalScope;

export type RangeWorkerIn = { type: "start"; config: RangeTestConfig; wasmPath: string } | { type: "stop" };
export type RangeWorkerOut =
  | { type: "backend"; description: string }
  | { type: "progress"; curves: RangeCurve[]; step: number }
  | { type: "done"; curves: RangeCurve[]; step: number }
  | { type: "error"; message: string };

const post = (message: RangeWorkerOut): void => self.postMessage(message);
let running: AbortController | null = null;
let backendDescription: string | null = null;

async function start(config: RangeTestConfig, wasmPath: string, signal: AbortSignal): Promise<void> {
  const tf = await import("@tensorflow/tfjs");
  if (backendDescription === null) {
    const choice = await selectBackend(tf, { hasWebGPU: "gpu" in navigator, inWorker: true, hasOffscreenCanvas: typeof OffscreenCanvas !== "undefined", wasmPath, webglRenderer: webglRendererName() });
    backendDescription = describeChoice(choice);
  }
  post({ type: "backend", description: backendDescription });
  const { resolveRangeTest, runRangeTest } = await import("../../src/training/range-test-run.ts");
  const checked = resolveRangeTest(config, "browser");
  const result = await runRangeTest(tf, checked, { signal, chunk: 10, onProgress: (curves, step) => post({ type: "progress", curves, step }) });
  if (!signal.aborted) post({ type: "done", curves: result.curves, step: result.stepsRun });
}

self.onmessage = (event: MessageEvent<RangeWorkerIn>) => {
  const message = event.data;
  running?.abort();
  running = null;
  switch (message.type) {
    case "start": {
      const controller = new AbortController();
      running = controller;
      start(message.config, message.wasmPath, controller.signal).catch((error: unknown) => post({ type: "error", message: error instanceof Error ? error.message : String(error) }));
      return;
    }
    case "stop":
      return;
  }
};
