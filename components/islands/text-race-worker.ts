/**
 * The text race's Web Worker: picks the best tfjs backend (webgpu → webgl →
 * wasm → cpu, or the one asked for), builds a TextSession from the island's
 * settings (checked again here: a message is input) and trains it in slices of
 * about SLICE_MS, each read back in one transfer. After every slice it posts
 * the slice's records and yields to the event loop, so a pause arrives within
 * a slice. At the end it posts one seeded sample per schedule. The page stops
 * a race by terminating the worker, which frees everything with it.
 */
/// <reference lib="webworker" />
import { describeChoice, selectBackend, webglRendererName } from "../../src/browser/backends.ts";
import type { BackendName } from "../../src/browser/backends.ts";
import type { Divergence, RaceRecord } from "../../src/training/race.ts";
import type { TextSample, TextSession } from "../../src/training/text-session.ts";
import { textRaceConfig, type TextIslandSettings } from "./text-race-model.ts";

declare const self: DedicatedWorkerGlobalScope;

export type TextWorkerIn = { type: "start"; settings: TextIslandSettings; wasmPath: string } | { type: "pause" } | { type: "resume" };
export type TextWorkerOut =
  | { type: "backend"; name: BackendName; description: string }
  | { type: "ready"; unigramBits: number; unigramValBits: number }
  | { type: "records"; records: RaceRecord[]; divergences: Divergence[]; step: number; stepsPerSecond: number }
  | { type: "sampling" }
  | { type: "samples"; samples: TextSample[] }
  | { type: "done" }
  | { type: "error"; message: string };

/** Training time per slice: short enough for a prompt pause, long enough that reads and messages cost little. */
const SLICE_MS = 120;

const post = (message: TextWorkerOut): void => self.postMessage(message);
const fail = (error: unknown): void => post({ type: "error", message: error instanceof Error ? error.message : String(error) });
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

let session: TextSession | null = null;
let paused = false;
let looping = false;

async function loop(): Promise<void> {
  if (looping || !session) return;
  looping = true;
  try {
    while (!paused && !session.done) {
      const { records, divergences } = await session.advance(SLICE_MS);
      post({ type: "records", records, divergences, step: session.race.stepCount, stepsPerSecond: session.stepsPerSecond });
      // Let pause (and anything else queued) in before the next slice.
      await nextTask();
    }
    if (session.done) {
      post({ type: "sampling" });
      post({ type: "samples", samples: await session.samples() });
      post({ type: "done" });
    }
  } finally {
    looping = false;
  }
}

async function start(settings: TextIslandSettings, wasmPath: string): Promise<void> {
  const config = textRaceConfig(settings);
  const tf = await import("@tensorflow/tfjs");
  const choice = await selectBackend(
    tf,
    { hasWebGPU: "gpu" in navigator, inWorker: true, hasOffscreenCanvas: typeof OffscreenCanvas !== "undefined", wasmPath, webglRenderer: webglRendererName() },
    settings.backend,
  );
  post({ type: "backend", name: choice.name, description: describeChoice(choice) });
  const [{ loadShakespeare }, { TextSession }] = await Promise.all([import("../../src/data/shakespeare/corpus.ts"), import("../../src/training/text-session.ts")]);
  const corpus = await loadShakespeare();
  session = new TextSession(tf, corpus, config);
  post({ type: "ready", unigramBits: corpus.unigramBits, unigramValBits: corpus.unigramValBits });
  await loop();
}

self.onmessage = (event: MessageEvent<TextWorkerIn>) => {
  const message = event.data;
  switch (message.type) {
    case "start":
      if (session) return fail(new Error("this worker already runs a race; start a new worker"));
      start(message.settings, message.wasmPath).catch(fail);
      return;
    case "pause":
      paused = true;
      return;
    case "resume":
      paused = false;
      loop().catch(fail);
      return;
  }
};
