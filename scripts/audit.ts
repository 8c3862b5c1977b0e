/**
 * `npm run audit`: Lighthouse, headless, on the home page, a glossary entry, a
 * notebook and the playground of a built site, served gzipped on 127.0.0.1
 * as a static host would; prints the four category
 * scores per page (and what costs points where a score is under 98), and
 * writes each full report to test-results/audit/<page>.json. Not part of
 * `npm test`: performance depends on the machine and on what else it runs.
 *
 *   npm run build && npm run audit
 *   OUT_DIR=dist-x BASE_PATH=/lr-atlas/ npx astro build && DIST_DIR=dist-x BASE_PATH=/lr-atlas/ npm run audit
 *   AUDIT_PRESET=desktop npm run audit        (Lighthouse's desktop settings; default: its mobile ones)
 *   AUDIT_CPU_SLOWDOWN=1 npm run audit        (CPU slowdown factor; default Lighthouse's own, 4 on mobile)
 *   AUDIT_PAGES=notebook,playground npm run audit   (only these pages; names as in PAGES below)
 *   AUDIT_OUT=test-results/audit-b npm run audit    (where the JSON reports go; default test-results/audit)
 *   AUDIT_RUNS=5 npm run audit                (runs per page; default 3)
 *
 * Each page is audited AUDIT_RUNS times and the run with the median performance score is reported (Lighthouse's own
 * advice for its variability: https://github.com/GoogleChrome/lighthouse/blob/main/docs/variability.md), with every
 * run's performance score beside it.
 *
 * Lighthouse's mobile setting slows the CPU 4× assuming a fast host (benchmark index ~1000+;
 * the report prints the host's). On a slower or busy host that double-counts: the run warns,
 * and AUDIT_CPU_SLOWDOWN=1 measures with the host's CPU as it is.
 *
 * Chromium is Debian's /usr/bin/chromium, or CHROME_PATH / CHROMIUM_PATH.
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import lighthouse, { desktopConfig, type Result } from "lighthouse";
import { chromiumPath } from "../test/support/browser.ts";
import { builtBase, serveStatic } from "../test/support/static-server.ts";

const PAGES = [
  ["home", ""],
  ["glossary-entry", "glossary/cosine-annealing/"],
  ["notebook", "notebooks/step-exponential-cosine-race/"],
  ["playground", "playground/"],
] as const;
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
const TARGET = 98;

const dist = process.env.DIST_DIR ?? "dist";
const base = process.env.BASE_PATH ?? builtBase(dist);
const preset = process.env.AUDIT_PRESET ?? "mobile";
if (preset !== "mobile" && preset !== "desktop") throw new Error(`AUDIT_PRESET must be "mobile" or "desktop", got ${JSON.stringify(preset)}`);
const slowdownText = process.env.AUDIT_CPU_SLOWDOWN;
const slowdown = slowdownText === undefined ? null : Number(slowdownText);
if (slowdown !== null && !(slowdownText !== "" && Number.isFinite(slowdown) && slowdown >= 1 && slowdown <= 20)) throw new Error(`AUDIT_CPU_SLOWDOWN must be a number in [1, 20], got ${JSON.stringify(slowdownText)}`);
const OUT = process.env.AUDIT_OUT || join("test-results", "audit");
const runsText = process.env.AUDIT_RUNS ?? "3";
const RUNS = Number(runsText);
if (!(/^\d+$/.test(runsText) && RUNS >= 1 && RUNS <= 15)) throw new Error(`AUDIT_RUNS must be a whole number in [1, 15], got ${JSON.stringify(runsText)}`);
const pageNames: readonly string[] = PAGES.map(([name]) => name);
const wanted = process.env.AUDIT_PAGES ? process.env.AUDIT_PAGES.split(",").map((name) => name.trim()) : pageNames;
const unknown = wanted.filter((name) => !pageNames.includes(name));
if (unknown.length || wanted.length === 0) throw new Error(`AUDIT_PAGES must be a comma list of ${pageNames.join(", ")}, got ${JSON.stringify(process.env.AUDIT_PAGES)}`);

/** Starts headless Chromium with a DevTools port for Lighthouse; resolves with the port and a stop function. */
async function startChromium(): Promise<{ port: number; stop: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), "lr-audit-"));
  const executable = process.env.CHROME_PATH ?? chromiumPath();
  const child = spawn(executable, ["--headless=new", "--no-sandbox", "--no-first-run", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", `--user-data-dir=${profile}`, "--remote-debugging-port=0", "about:blank"], { stdio: ["ignore", "ignore", "pipe"] });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // The profile goes once Chromium has stopped writing to it.
  const stop = async () => {
    child.kill();
    await exited;
    rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  };
  const port = await new Promise<number>((resolve, reject) => {
    let seen = "";
    const timer = setTimeout(() => reject(new Error(`Chromium (${executable}) did not open a DevTools port within 30 s: ${seen.slice(-500)}`)), 30_000);
    child.stderr.on("data", (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.on("exit", (code) => reject(new Error(`Chromium (${executable}) exited with ${code} before opening a DevTools port: ${seen.slice(-500)}`)));
  });
  return { port, stop };
}

/** The audits that cost points in a category, as "title (score)". */
function losses(result: Result, category: string): string[] {
  const refs = result.categories[category]?.auditRefs ?? [];
  return refs
    .filter((ref) => ref.weight > 0)
    .map((ref) => result.audits[ref.id])
    .filter((audit) => audit && audit.score !== null && audit.score < 1)
    .map((audit) => `${audit!.id}: ${audit!.title} (${audit!.score}${audit!.displayValue ? `, ${audit!.displayValue}` : ""})`);
}

mkdirSync(OUT, { recursive: true });
// Gzipped, as a static host serves it (GitHub Pages, Netlify, nginx's gzip_static).
const server = await serveStatic(dist, base, { compress: true });
const chromium = await startChromium();
const rows: string[] = [];
const notes: string[] = [];
let version = "";
let cpu = 0;
const hosts: number[] = [];
try {
  for (const [name, route] of PAGES.filter(([name]) => wanted.includes(name))) {
    const url = server.url(route);
    const flags = { port: chromium.port, output: "json" as const, logLevel: "error" as const, onlyCategories: [...CATEGORIES], ...(slowdown === null ? {} : { throttling: { cpuSlowdownMultiplier: slowdown } }) };
    const results: Result[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const run = await lighthouse(url, flags, preset === "desktop" ? desktopConfig : undefined);
      if (!run) throw new Error(`Lighthouse returned nothing for ${url}`);
      if (run.lhr.runtimeError) throw new Error(`${url}: ${run.lhr.runtimeError.code}: ${run.lhr.runtimeError.message}`);
      results.push(run.lhr);
    }
    const performance = (r: Result) => r.categories.performance?.score ?? 0;
    const ranked = [...results].sort((a, b) => performance(a) - performance(b));
    const result = ranked[Math.floor((ranked.length - 1) / 2)]!;
    const allRuns = results.map((r) => Math.round(performance(r) * 100));
    writeFileSync(join(OUT, `${name}.json`), JSON.stringify(result));
    version = result.lighthouseVersion;
    hosts.push(...results.map((r) => Math.round(r.environment.benchmarkIndex)));
    cpu = result.configSettings.throttling.cpuSlowdownMultiplier ?? cpu;
    const scores = CATEGORIES.map((c) => Math.round((result.categories[c]?.score ?? 0) * 100));
    rows.push(`| ${name} | /${route} | ${scores.join(" | ")} | ${allRuns.join(", ")} |`);
    CATEGORIES.forEach((c, i) => {
      if ((scores[i] ?? 0) < TARGET) notes.push(`- ${name}, ${c} ${scores[i]}: ${losses(result, c).join("; ") || "(no single audit below 1)"}`);
    });
    console.error(`audited ${url}`);
  }
} finally {
  await chromium.stop();
  await server.close();
}
const report = [
  `Lighthouse ${version} (${preset} settings, CPU slowdown ${cpu}×; host benchmark index ${Math.min(...hosts)}-${Math.max(...hosts)}) on ${dist}/ served gzipped under ${base}; target ≥ ${TARGET} in every category. Median of ${RUNS} run(s) per page.`,
  "",
  `| page | route | ${CATEGORIES.join(" | ")} | performance, each run |`,
  `|---|---|${CATEGORIES.map(() => "---:").join("|")}|---|`,
  ...rows,
  "",
  ...(notes.length ? ["Below target:", ...notes] : ["Every page meets the target in every category."]),
  "",
].join("\n");
process.stdout.write(report);
if (notes.length) process.exitCode = 1;
