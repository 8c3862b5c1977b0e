/** Bundled by bench/run.ts for headless Chromium: the same measurement on each browser backend. */
import * as tf from "@tensorflow/tfjs";
import { selectBackend, type BackendName } from "../src/browser/backends.ts";
import { measure, WORKLOADS, type ThroughputRow } from "./throughput.ts";

async function bench(backend: BackendName, steps: number, wasmPath: string): Promise<{ rows: ThroughputRow[]; skipped?: string }> {
  try {
    const choice = await selectBackend(tf, { hasWebGPU: "gpu" in navigator, inWorker: false, hasOffscreenCanvas: true, wasmPath }, backend);
    if (choice.name !== backend) return { rows: [], skipped: choice.skipped.find((s) => s.name === backend)?.reason ?? `fell back to ${choice.name}` };
  } catch (error) {
    return { rows: [], skipped: (error as Error).message };
  }
  const rows: ThroughputRow[] = [];
  for (const workload of WORKLOADS) for (const k of workload.copies) rows.push(await measure(tf, k, steps, 2, workload));
  return { rows };
}

(window as unknown as { __bench: typeof bench }).__bench = bench;
