/**
 * How much a live training race blocks the page: for one or more built sites,
 * run the playground race of test/e2e/race.test.ts in Chromium and record every
 * long task (over 50 ms) and every long animation frame (over 30 ms) with its
 * split into script and rendering (style, layout, paint). Sites are measured in
 * turn, round after round, so two builds compared on one busy machine share its
 * load. Part of `npm run bench`; alone, to compare builds:
 *
 *   node bench/race-frames.ts [rounds] [dist-a dist-b ...]      (default: 2 rounds of dist/; each site's base path is read from its home page)
 */
import { pathToFileURL } from "node:url";
import { builtBase, serveStatic } from "../test/support/static-server.ts";
import { launch } from "../test/support/browser.ts";

/** The playground race the browser test runs: three schedules, 400 steps, moons. */
export const RACE_PATH = "playground/?task=moons&schedules=constant,cosine,plateau&steps=400&seed=3";

export interface FrameRow {
  site: string;
  round: number;
  longTasks: number;
  blockedMs: number;
  maxTaskMs: number;
  longFrames: number;
  /** Over the long frames: ms in scripts, and ms from the start of rendering (style, layout, paint) to the frame's end. */
  scriptMs: number;
  renderMs: number;
  seconds: number;
}

interface Observed {
  tasks: number[];
  frames: { script: number; render: number }[];
}

export async function raceFrames(sites: readonly string[], rounds: number): Promise<FrameRow[]> {
  const servers = await Promise.all(sites.map((dir) => serveStatic(dir, builtBase(dir))));
  const browser = await launch();
  const rows: FrameRow[] = [];
  try {
    for (let round = 1; round <= rounds; round++) {
      for (const [i, site] of sites.entries()) {
        const page = await browser.newPage();
        await page.addInitScript(() => {
          const w = window as unknown as { __frames: Observed };
          w.__frames = { tasks: [], frames: [] };
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) w.__frames.tasks.push(e.duration);
          }).observe({ type: "longtask", buffered: true });
          new PerformanceObserver((list) => {
            for (const e of list.getEntries() as (PerformanceEntry & { renderStart: number; scripts: { duration: number }[] })[]) {
              const render = e.renderStart > 0 ? e.startTime + e.duration - e.renderStart : 0;
              w.__frames.frames.push({ script: e.scripts.reduce((a, s) => a + s.duration, 0), render });
            }
          }).observe({ type: "long-animation-frame", buffered: true });
        });
        await page.goto((servers[i] as Awaited<ReturnType<typeof serveStatic>>).url(RACE_PATH), { waitUntil: "networkidle" });
        const race = page.locator("lr-training-race");
        await page.waitForFunction(() => document.querySelector("lr-training-race")?.getAttribute("data-state") === "live");
        await page.waitForTimeout(500);
        await page.evaluate(() => ((window as unknown as { __frames: Observed }).__frames = { tasks: [], frames: [] }));
        const started = Date.now();
        await race.locator("[data-action=run]").click();
        await page.waitForFunction(() => document.querySelector("lr-training-race")?.getAttribute("data-run") === "done", undefined, { timeout: 300_000 });
        const seen = await page.evaluate(() => (window as unknown as { __frames: Observed }).__frames);
        await page.close();
        const sum = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0));
        rows.push({
          site,
          round,
          longTasks: seen.tasks.length,
          blockedMs: sum(seen.tasks.map((d) => d - 50)),
          maxTaskMs: Math.round(Math.max(0, ...seen.tasks)),
          longFrames: seen.frames.length,
          scriptMs: sum(seen.frames.map((f) => f.script)),
          renderMs: sum(seen.frames.map((f) => f.render)),
          seconds: (Date.now() - started) / 1000,
        });
      }
    }
  } finally {
    await browser.close();
    for (const server of servers) await server.close();
  }
  return rows;
}

export function frameTable(rows: readonly FrameRow[]): string {
  return [
    "| site | round | long tasks (> 50 ms) | blocking ms (over 50) | longest task | long frames (> 30 ms) | their script ms | their rendering ms | race s |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...rows.map((r) => `| ${r.site} | ${r.round} | ${r.longTasks} | ${r.blockedMs} | ${r.maxTaskMs} ms | ${r.longFrames} | ${r.scriptMs} | ${r.renderMs} | ${r.seconds.toFixed(1)} |`),
  ].join("\n");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const [rounds = "2", ...sites] = process.argv.slice(2);
  const rows = await raceFrames(sites.length ? sites : ["dist"], Number(rounds));
  process.stdout.write(`${frameTable(rows)}\n`);
}
