/**
 * The page-weight part of `npm run bench`: for one page of each type, the
 * HTML's bytes, the JavaScript requested before the reader does anything, and
 * the JavaScript the first touch of its island adds (all gzipped, counted from
 * the requests real Chromium makes: test/support/weight.ts); then the heaviest
 * HTML of each type over the whole build. Reads a production build:
 *
 *   npm run build && npm run bench            (a section of the full bench)
 *   npm run build && node bench/page-weight.ts (this part alone: bench/results/<date>-weight.md)
 *   OUT_DIR=dist-x BASE_PATH=/lr-atlas/ npx astro build && DIST_DIR=dist-x BASE_PATH=/lr-atlas/ node bench/page-weight.ts
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { EXPLORER_TOUCH, LAMBDA_TOUCH, RACE_TOUCH, measurePage, type FirstTouch, type PageWeight } from "../test/support/weight.ts";
import { builtBase } from "../test/support/static-server.ts";

interface PageType {
  type: string;
  route: string;
  touch: FirstTouch | null;
  /** Whether a built page (its route and HTML) is of this type. */
  matches: (route: string, html: string) => boolean;
}

/** The landscape's learning-rate slider moved one step (it redraws the descent paths). */
const LANDSCAPE_TOUCH: FirstTouch = {
  island: "lr-loss-landscape",
  act: async (page) => {
    const slider = page.locator("lr-loss-landscape input[data-field=lr]").first();
    await slider.focus();
    await page.keyboard.press("ArrowRight");
  },
};

const has = (tag: string) => (html: string) => html.includes(`<${tag}`);

/** Checked in order: a page counts as the first type it matches. */
const TYPES: readonly PageType[] = [
  { type: "home", route: "", touch: null, matches: (route) => route === "" },
  { type: "playground", route: "playground/", touch: RACE_TOUCH, matches: (route) => route === "playground/" },
  { type: "embed", route: "embed/explorer/cosine/", touch: EXPLORER_TOUCH, matches: (route) => route.startsWith("embed/") },
  { type: "page with a training race", route: "notebooks/step-exponential-cosine-race/", touch: RACE_TOUCH, matches: (_, html) => has("lr-training-race")(html) },
  { type: "page with a loss landscape", route: "glossary/momentum/", touch: LANDSCAPE_TOUCH, matches: (_, html) => has("lr-loss-landscape")(html) },
  { type: "page with a written-expression explorer", route: "glossary/lambda-schedule/", touch: LAMBDA_TOUCH, matches: (_, html) => html.includes('<lr-schedule-figure data-kind="lambda"') },
  { type: "page with a schedule explorer", route: "glossary/cosine-annealing/", touch: EXPLORER_TOUCH, matches: (_, html) => has("lr-schedule-figure")(html) },
  { type: "notebook", route: "notebooks/q-learning-step-sizes/", touch: null, matches: (route) => route.startsWith("notebooks/") },
  { type: "glossary entry, no island", route: "glossary/learning-rate/", touch: null, matches: (route) => route.startsWith("glossary/") },
  { type: "other", route: "libraries/", touch: null, matches: () => true },
];

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name.endsWith(".html") ? [path] : [];
  });
}

const kb = (bytes: number | null) => (bytes === null ? "—" : `${(bytes / 1000).toFixed(1)} KB`);

export async function pageWeight(dist: string, base: string): Promise<string> {
  if (!existsSync(join(dist, "index.html"))) return `No build in ${dist}/: run \`npm run build\` first to measure page weight.`;
  const { launch } = await import("../test/support/browser.ts");
  const { serveStatic } = await import("../test/support/static-server.ts");
  const server = await serveStatic(dist, base);
  const browser = await launch();
  const measured: { type: string; weight: PageWeight }[] = [];
  try {
    for (const t of TYPES) {
      measured.push({ type: t.type, weight: await measurePage(browser, server, { dist, base }, t.route, t.touch) });
      console.error(`weight ${t.route || "/"}: done`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const heaviest = new Map<string, { route: string; bytes: number; count: number }>();
  for (const file of htmlFiles(dist)) {
    const rel = relative(dist, file).replaceAll("\\", "/");
    const route = rel === "index.html" ? "" : rel.replace(/index\.html$/, "");
    const html = readFileSync(file, "utf8");
    const type = TYPES.find((t) => t.matches(route, html))?.type ?? "other";
    const bytes = statSync(file).size;
    const seen = heaviest.get(type);
    if (!seen || bytes > seen.bytes) heaviest.set(type, { route, bytes, count: (seen?.count ?? 0) + 1 });
    else seen.count += 1;
  }
  return [
    `Pages served from \`${dist}/\` under \`${base}\`, loaded in headless Chromium at 1280 × 800. JS is every script the page requested, each gzipped (level 6);`,
    "\"first touch\" is what the island's first use adds until the network is idle: a slider moved one step (explorer: with its curve at the top of the window; landscape: its learning-rate slider), the pointer on Run (race).",
    "",
    "| page type | page | HTML | HTML gzipped | JS before interaction | JS on first touch |",
    "|---|---|---:|---:|---:|---:|",
    ...measured.map(({ type, weight: w }) => `| ${type} | /${w.route} | ${kb(w.html)} | ${kb(w.htmlGzip)} | ${kb(w.jsBefore)} | ${kb(w.jsFirstTouch)} |`),
    "",
    "| page type | pages | heaviest HTML | page |",
    "|---|---:|---:|---|",
    ...TYPES.flatMap((t) => {
      const h = heaviest.get(t.type);
      return h ? [`| ${t.type} | ${h.count} | ${kb(h.bytes)} | /${h.route} |`] : [];
    }),
  ].join("\n");
}

/** The build named by DIST_DIR (default dist/) served under BASE_PATH (default: the base it was built for). */
export function weightFromEnv(): Promise<string> {
  const dist = process.env.DIST_DIR ?? join(new URL("..", import.meta.url).pathname, "dist");
  return pageWeight(dist, process.env.BASE_PATH ?? builtBase(dist));
}

if (import.meta.main) {
  const date = new Date().toISOString().slice(0, 10);
  const md = [`# Page weight ${date}`, "", await weightFromEnv(), ""].join("\n");
  const out = join(new URL(".", import.meta.url).pathname, "results", `${date}-weight.md`);
  writeFileSync(out, md);
  process.stdout.write(md);
}
