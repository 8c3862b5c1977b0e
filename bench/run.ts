/**
 * `npm run bench`: training throughput, batched race vs separate models, for
 * K = 1, 4, 8, 16, in Node (tfjs CPU) and in headless Chromium on every
 * backend that works there; plus the site's build output weight. Writes
 * bench/results/<date>.md and .json. Not part of `npm test`: numbers depend
 * on the machine.
 *
 *   npm run bench              (all)      BENCH_STEPS=100 npm run bench
 *   the transformer of the warmup notebook too (bench/transformer.ts; TEXT_STEPS=10, BENCH_SKIP_TEXT=1 skips it)
 *   and how much a live race blocks the page built in dist/ (bench/race-frames.ts)
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync, copyFileSync, existsSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { markdownTable, measure, WORKLOADS, type ThroughputRow } from "./throughput.ts";
import { transformerRows, transformerTable } from "./transformer.ts";
import { cpuTf } from "../src/training/node-cpu.ts";
import { BACKEND_ORDER } from "../src/browser/backends.ts";
import { weightFromEnv } from "./page-weight.ts";
import { frameTable, raceFrames } from "./race-frames.ts";

const STEPS = Number(process.env.BENCH_STEPS ?? 100);
const here = new URL(".", import.meta.url).pathname;
const root = join(here, "..");

async function nodeRows(): Promise<ThroughputRow[]> {
  const tf = await cpuTf();
  const rows: ThroughputRow[] = [];
  for (const workload of WORKLOADS) for (const k of workload.copies) {
    const row = await measure(tf, k, STEPS, 2, workload);
    rows.push({ ...row, backend: "node cpu" });
    console.error(`node cpu ${workload.name} K=${k}: ${row.batched.toFixed(1)} vs ${row.separate.toFixed(1)} (${row.speedup.toFixed(2)}×)`);
  }
  return rows;
}

async function browserRows(): Promise<{ rows: ThroughputRow[]; skipped: string[] }> {
  const { build } = await import("vite");
  const out = mkdtempSync(join(tmpdir(), "lr-bench-"));
  await build({
    configFile: false, logLevel: "silent", root,
    build: { outDir: out, emptyOutDir: false, minify: false, lib: { entry: join(here, "browser-entry.ts"), formats: ["es"], fileName: () => "bench.js" } },
  });
  const wasmDir = join(root, "node_modules/@tensorflow/tfjs-backend-wasm/dist");
  mkdirSync(join(out, "tfjs"), { recursive: true });
  for (const f of readdirSync(wasmDir).filter((f) => f.endsWith(".wasm"))) copyFileSync(join(wasmDir, f), join(out, "tfjs", f));
  writeFileSync(join(out, "index.html"), '<!doctype html><meta charset="utf-8"><title>bench</title><script type="module" src="./bench.js"></script>');
  const { serveStatic } = await import("../test/support/static-server.ts");
  const { launch } = await import("../test/support/browser.ts");
  const server = await serveStatic(out, "/");
  const browser = await launch();
  const rows: ThroughputRow[] = [];
  const skipped: string[] = [];
  try {
    for (const backend of BACKEND_ORDER) {
      const page = await browser.newPage();
      await page.goto(server.url(""), { waitUntil: "load" });
      await page.waitForFunction(() => "__bench" in window);
      const result = await page.evaluate(
        ([b, steps, wasm]) => (window as unknown as { __bench: (...a: unknown[]) => Promise<{ rows: ThroughputRow[]; skipped?: string }> }).__bench(b, steps, wasm),
        [backend, STEPS, `${server.url("tfjs/")}`] as const,
      );
      await page.close();
      if (result.skipped) {
        skipped.push(`${backend}: ${result.skipped}`);
        console.error(`chromium ${backend}: skipped (${result.skipped})`);
        continue;
      }
      for (const row of result.rows) {
        rows.push({ ...row, backend: `chromium ${backend}` });
        console.error(`chromium ${backend} ${row.workload} K=${row.copies}: ${row.batched.toFixed(1)} vs ${row.separate.toFixed(1)} (${row.speedup.toFixed(2)}×)`);
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return { rows, skipped };
}

function weight(): string {
  const dist = join(root, "dist");
  if (!existsSync(dist)) return "No build in dist/: run `npm run build` first to measure page weight.";
  const files: string[] = [];
  const walk = (d: string) => readdirSync(d).forEach((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : files.push(join(d, n))));
  walk(dist);
  const js = files.filter((f) => f.endsWith(".js")).map((f) => ({ f: f.slice(dist.length + 1), gz: gzipSync(readFileSync(f)).length }));
  js.sort((a, b) => b.gz - a.gz);
  return ["| JavaScript file | gzipped |", "|---|---:|", ...js.slice(0, 12).map((j) => `| ${j.f} | ${(j.gz / 1024).toFixed(1)} KB |`)].join("\n");
}

const node = await nodeRows();
const browser = process.env.BENCH_SKIP_BROWSER ? { rows: [], skipped: ["skipped by BENCH_SKIP_BROWSER"] } : await browserRows();
const frames = process.env.BENCH_SKIP_BROWSER || !existsSync(join(root, "dist")) ? null : await raceFrames([join(root, "dist")], 2);
const TEXT_STEPS = Number(process.env.TEXT_STEPS ?? 10);
const text = process.env.BENCH_SKIP_TEXT ? null : await transformerRows(TEXT_STEPS);
const date = new Date().toISOString().slice(0, 10);
const machine = `${cpus().length} × ${cpus()[0]?.model ?? "CPU"}, Node ${process.versions.node}`;
const md = [
  `# Bench ${date}`,
  "",
  `Machine: ${machine}. Steps timed per cell: ${STEPS}, best of 2 interleaved repeats after 10 warm-up steps. Networks: ${WORKLOADS.map((w) => `${w.name} on ${w.task} (${w.optimizer})`).join("; ")}; batch 32.`,
  "Batched: one race of K copies in one graph. Separate: K single-copy races stepped in turn.",
  "",
  markdownTable([...node, ...browser.rows]),
  "",
  browser.skipped.length ? `Skipped: ${browser.skipped.join("; ")}` : "",
  "",
  "## Transformer (text race, Node)",
  "",
  text ? transformerTable(text, TEXT_STEPS) : "Skipped (BENCH_SKIP_TEXT).",
  "",
  "## A live race and the page (bench/race-frames.ts)",
  "",
  frames ? frameTable(frames.map((r) => ({ ...r, site: "dist" }))) : "Skipped (no dist/ or BENCH_SKIP_BROWSER).",
  "",
  "## Build output",
  "",
  weight(),
  "",
  "## Page weight",
  "",
  await weightFromEnv(),
  "",
].join("\n");
mkdirSync(join(here, "results"), { recursive: true });
writeFileSync(join(here, "results", `${date}.md`), md);
writeFileSync(join(here, "results", `${date}.json`), JSON.stringify({ date, machine, steps: STEPS, rows: [...node, ...browser.rows], skipped: browser.skipped, transformer: text, raceFrames: frames }, null, 2));
process.stdout.write(md);
