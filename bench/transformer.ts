/**
 * `node bench/transformer.ts`: training steps per second of the warmup
 * notebook's transformer (4 blocks, width 32, 4 heads, context 16, batches of
 * 16, Adam; src/training/text-race.ts) on the Node backends (wasm, cpu), for
 * K = 1 and K = 8 copies: one batched race of K copies against K single-copy
 * races stepped in turn, and the batched race read back every step against
 * once per chunk of steps (the browser's worker reads once per slice).
 * No validation inside the timed steps. Best of 2 interleaved repeats after 2
 * warm-up steps. Writes bench/results/transformer-<date>.md and .json; `npm run
 * bench` adds the same table to its report. Numbers depend on the machine and,
 * on a shared one, on its load (recorded).
 *
 *   node bench/transformer.ts            TEXT_STEPS=20 node bench/transformer.ts
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { nodeTf } from "../src/cli/text-experiment.ts";
import { loadShakespeare, type TextCorpus } from "../src/data/shakespeare/corpus.ts";
import type { ScheduleSpec } from "../src/schedules/index.ts";
import type { Tf } from "../src/training/model.ts";
import { TextRace, type TextRaceOptions } from "../src/training/text-race.ts";

const BACKENDS = ["wasm", "cpu"] as const;
const COPIES = [1, 8] as const;

export interface TransformerRow {
  backend: string;
  copies: number;
  /** One race of K copies, read once per chunk of steps: steps per second (each updates all K). */
  batched: number;
  /** The same race read back after every step. */
  batchedReadEachStep: number;
  /** K single-copy races stepped in turn: rounds per second. */
  separate: number;
  speedup: number;
}

const options = (copies: number): TextRaceOptions => ({
  schedules: Array.from({ length: copies }, (_, k): ScheduleSpec => ({ kind: "constant", lr: 0.001 * (k + 1) }) as ScheduleSpec),
  norm: "post", layers: 4, width: 32, heads: 4, context: 16, batchSize: 16, seed: 1, evalEvery: 0, valWindows: 8,
});

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

async function row(tf: Tf, corpus: TextCorpus, copies: number, steps: number): Promise<TransformerRow> {
  const batched = new TextRace(tf, corpus, options(copies));
  const separate = options(copies).schedules.map((s) => new TextRace(tf, corpus, { ...options(1), schedules: [s] }));
  await batched.runSteps(2);
  for (const race of separate) await race.runSteps(2);
  const best = { chunk: Infinity, each: Infinity, separate: Infinity };
  for (let r = 0; r < 2; r += 1) {
    best.chunk = Math.min(best.chunk, await timed(() => batched.runSteps(steps)));
    best.each = Math.min(best.each, await timed(async () => {
      for (let s = 0; s < steps; s += 1) await batched.runSteps(1);
    }));
    best.separate = Math.min(best.separate, await timed(async () => {
      for (let s = 0; s < steps; s += 1) for (const race of separate) await race.runSteps(1);
    }));
  }
  batched.dispose();
  for (const race of separate) race.dispose();
  const rate = (ms: number) => (steps * 1000) / ms;
  return { backend: `node ${tf.getBackend()}`, copies, batched: rate(best.chunk), batchedReadEachStep: rate(best.each), separate: rate(best.separate), speedup: rate(best.chunk) / rate(best.separate) };
}

/** Every backend and K; progress on stderr. */
export async function transformerRows(steps: number): Promise<TransformerRow[]> {
  const corpus = await loadShakespeare();
  const rows: TransformerRow[] = [];
  for (const backend of BACKENDS) {
    const tf = await nodeTf(backend);
    for (const copies of COPIES) {
      const r = await row(tf, corpus, copies, steps);
      rows.push(r);
      console.error(`${r.backend} transformer K=${copies}: ${r.batched.toFixed(2)} (read each step ${r.batchedReadEachStep.toFixed(2)}) vs ${r.separate.toFixed(2)} separate (${r.speedup.toFixed(2)}×)`);
    }
  }
  return rows;
}

export function transformerTable(rows: readonly TransformerRow[], steps: number): string {
  return [
    `Transformer of the warmup notebook (4 blocks, width 32, 4 heads, context 16, batch 16, Adam), ${steps} steps timed per cell, best of 2. Load average when it ran: ${loadavg().map((l) => l.toFixed(1)).join(", ")} on ${cpus().length} cores.`,
    "",
    "| backend | K | batched, one read per chunk (steps/s) | batched, read every step (steps/s) | K separate (rounds/s) | speed-up |",
    "|---|---:|---:|---:|---:|---:|",
    ...rows.map((r) => `| ${r.backend} | ${r.copies} | ${r.batched.toFixed(2)} | ${r.batchedReadEachStep.toFixed(2)} | ${r.separate.toFixed(2)} | ${r.speedup.toFixed(2)}× |`),
  ].join("\n");
}

async function main(): Promise<void> {
  const steps = Number(process.env.TEXT_STEPS ?? 10);
  const rows = await transformerRows(steps);
  const date = new Date().toISOString().slice(0, 10);
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? "CPU"}, Node ${process.versions.node}`;
  const md = [`# Transformer bench ${date}`, "", `Machine: ${machine}.`, "", transformerTable(rows, steps), ""].join("\n");
  const out = new URL("results/", import.meta.url);
  mkdirSync(out, { recursive: true });
  writeFileSync(new URL(`transformer-${date}.md`, out), md);
  writeFileSync(new URL(`transformer-${date}.json`, out), JSON.stringify({ date, machine, steps, loadavg: loadavg(), rows }, null, 2) + "\n");
  process.stdout.write(md);
}

if (import.meta.main) await main();
