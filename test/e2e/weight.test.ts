// Page weight of the built site: every page's HTML under its budget (race pages, once 650–750 KB
// of pre-rendered SVG, at most 250 KB), and what a schedule explorer's first touch costs in real
// Chromium: its live code, but no framework adapter until the reader reaches the code panels, no
// Observable Plot while a move only moves the curve, and no Python grammar for a kind that parses nothing, nor for
// the written-expression explorer's own expression, which its page carries parsed.
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { useBuiltSite } from "../support/built-site.ts";
import { BASE, DIST, htmlFiles, read, routeOf } from "../support/dist.ts";
import { LAMBDA_TOUCH, measurePage, type FirstTouch } from "../support/weight.ts";
import { JSDOM } from "jsdom";
import type { BrowserContext, Locator, Page } from "playwright-core";
import { explorerModel } from "../../components/islands/schedule-explorer-model.ts";
import { renderScheduleFigure } from "../../src/plots/schedule-figure.ts";
import { valueFromSlider } from "../../src/browser/slider.ts";
import { registry, type ScheduleSpec } from "../../src/schedules/index.ts";

const site = useBuiltSite();
const KB = 1000;

/** Budgets in bytes of HTML, by what the page holds. */
const HTML_BUDGET = { race: 250 * KB, other: 300 * KB };

/** Gzipped JS an explorer's first touch may request (issue 13): 60 KB, counted as 60,000 bytes. */
const EXPLORER_FIRST_TOUCH = 60 * KB;

/**
 * What gives a library away in a built script, whatever the chunk is called: a string from its own code that
 * minifying keeps (Plot's check in plot(), @lezer/lr's parse failure). The test checks each is in the build.
 */
const LIBRARY_MARKERS = { "Observable Plot": "invalid mark; missing render function", "@lezer (the Python grammar)": "No parse at " } as const;
type Library = keyof typeof LIBRARY_MARKERS;

const scriptText = (pathname: string) => readFileSync(join(DIST, pathname.slice(BASE.length)), "utf8");

/** The libraries among `scripts` (request paths), read from their contents. */
function librariesIn(scripts: readonly string[]): Library[] {
  const texts = scripts.map(scriptText);
  return (Object.keys(LIBRARY_MARKERS) as Library[]).filter((library) => texts.some((text) => text.includes(LIBRARY_MARKERS[library])));
}

describe("HTML weight", () => {
  it("keeps every page under its budget; race pages at most 250 KB", () => {
    const pages = htmlFiles();
    const races = pages.filter((p) => read(p).includes("<lr-training-race"));
    expect(races.length).toBeGreaterThanOrEqual(4);
    const over = pages
      .map((p) => ({ route: routeOf(p), bytes: statSync(p).size, budget: races.includes(p) ? HTML_BUDGET.race : HTML_BUDGET.other }))
      .filter((p) => p.bytes > p.budget)
      .map((p) => `${p.route}: ${p.bytes} bytes > ${p.budget}`);
    expect(over).toEqual([]);
  });

  it("still ships the race's figures as real SVG paths and its decision boundaries as images", () => {
    const html = read(`${DIST}/playground/index.html`);
    const race = /<lr-training-race[\s\S]*?<\/lr-training-race>/.exec(html)?.[0] ?? "";
    expect(race.match(/<path[^>]* d="M/g)?.length ?? 0).toBeGreaterThan(8);
    expect(race.match(/<image[^>]*href="data:image\/png;base64,/g)?.length).toBe(4);
    const geometry = [...race.matchAll(/ (?:d|x|y|cx|cy|width|height|transform)="([^"]*)"/g)].map((m) => m[1] ?? "");
    expect(geometry.length).toBeGreaterThan(100);
    expect(geometry.filter((value) => /\d\.\d{2,}/.test(value))).toEqual([]);
  });
});

/** The reader moves a slider with the code panels (below the controls) out of sight. */
const SLIDER_AT_THE_BOTTOM: FirstTouch = {
  island: "lr-schedule-figure",
  act: async (page) => {
    const slider = page.locator("lr-schedule-figure input[type=range][data-param=period]").first();
    await slider.evaluate((input) => input.scrollIntoView({ block: "end" }));
    await slider.focus();
    await page.keyboard.press("ArrowRight");
  },
};

describe("an explorer's first touch", () => {
  it("loads the live code but no framework adapter; reaching the code panel loads them and updates the code", async () => {
    const weight = await measurePage(site.browser, site.server, { dist: DIST, base: BASE }, "glossary/warm-restarts/", SLIDER_AT_THE_BOTTOM);
    expect(weight.jsBefore).toBeLessThanOrEqual(20 * 1024);
    expect(weight.scriptsFirstTouch.some((s) => /schedule-explorer-live/.test(s)), weight.scriptsFirstTouch.join(", ")).toBe(true);
    expect(weight.scriptsFirstTouch.filter((s) => /schedule-explorer-libraries/.test(s))).toEqual([]);
    // The move keeps the axes: the curve moves in the build-time figure without Plot (schedule-explorer-fast.ts),
    // and nothing parses an expression. Measured 49.5 KB (was 168.7 KB with Plot, zod and @lezer in one chunk).
    const built = readdirSync(join(DIST, "_astro")).filter((f) => f.endsWith(".js")).map((f) => `${BASE}_astro/${f}`);
    expect(librariesIn(built), "each marker is found in the build").toEqual(Object.keys(LIBRARY_MARKERS));
    expect(librariesIn(weight.scriptsFirstTouch), weight.scriptsFirstTouch.join(", ")).toEqual([]);
    expect(weight.jsFirstTouch ?? Infinity, weight.scriptsFirstTouch.join(", ")).toBeLessThanOrEqual(EXPLORER_FIRST_TOUCH);

    // The slider at the bottom of the window, so that the code panels below it are out of sight.
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on("request", (r) => scripts.push(r.url()));
    await page.goto(site.server.url("glossary/warm-restarts/"), { waitUntil: "networkidle" });
    const explorer = page.locator("lr-schedule-figure").first();
    const slider = explorer.locator("input[type=range][data-param=period]");
    await slider.evaluate((input) => input.scrollIntoView({ block: "end" }));
    await slider.focus();
    for (let i = 0; i < 5; i += 1) await page.keyboard.press("ArrowRight");
    // Generous waits: the live code is parsed on a shared, often busy machine.
    await expect.poll(() => explorer.locator("output[data-role=value][data-param=period]").textContent(), { timeout: 30_000 }).toBe("25");
    const code = explorer.locator("details[data-library=pytorch] code");
    await expect(code.textContent()).resolves.toContain("T_0=20");
    await expect(explorer.locator(".explorer-code").getAttribute("aria-busy")).resolves.toBe("true");
    expect(scripts.some((s) => /schedule-explorer-libraries/.test(s))).toBe(false);
    await code.scrollIntoViewIfNeeded();
    await expect.poll(() => code.textContent(), { timeout: 30_000 }).toContain("T_0=25");
    expect(scripts.some((s) => /schedule-explorer-libraries/.test(s))).toBe(true);
    await expect(explorer.locator(".explorer-code").getAttribute("aria-busy")).resolves.toBeNull();
    await context.close();
  });
});

describe("the written-expression explorer's first touch", () => {
  it("runs the expression as the build parsed it: no Python grammar, no Plot, no KaTeX while the formula stays", async () => {
    const weight = await measurePage(site.browser, site.server, { dist: DIST, base: BASE }, "glossary/lambda-schedule/", LAMBDA_TOUCH);
    expect(librariesIn(weight.scriptsFirstTouch), weight.scriptsFirstTouch.join(", ")).toEqual([]);
    expect(weight.scriptsFirstTouch.filter((s) => scriptText(s).includes("KaTeX parse error"))).toEqual([]);
    // Measured 51.8 KB: the 49.5 KB of any explorer and the tree's checks (was 83.0 KB with the grammar, 34 KB, that
    // parsed the page's own text).
    expect(weight.jsFirstTouch ?? Infinity, weight.scriptsFirstTouch.join(", ")).toBeLessThanOrEqual(EXPLORER_FIRST_TOUCH);
  });

  it("moves the page's curve exactly; the grammar loads when the reader edits the expression, or the page's tree is refused", async () => {
    const { context, page, explorer, scripts } = await openExplorer("glossary/lambda-schedule/");
    await press(page, explorer.locator("input[type=range][data-param=lr]"), "ArrowRight", 1);
    await expect.poll(() => explorer.locator("output[data-role=value][data-param=lr]").textContent(), { timeout: 30_000 }).not.toBe("0.1");
    await page.waitForLoadState("networkidle");
    const moved = await drawn(explorer);
    expect(moved.built).toBe(true);
    expect(moved.d).toBe(plotPath(await settingsOf(explorer, ["lr"]), 100, undefined));
    expect(librariesIn(scripts)).toEqual([]);
    // The reader's own text needs the parser: the grammar loads, and the table follows the new expression.
    const atStep10 = explorer.locator("[data-role=table] tbody tr:nth-child(2) td:nth-child(2)");
    const before = await atStep10.textContent();
    await explorer.locator("textarea[data-choice=expression]").fill("lambda t: 0.9 ** t");
    await expect.poll(() => atStep10.textContent(), { timeout: 30_000 }).not.toBe(before);
    await expect.poll(() => librariesIn(scripts), { timeout: 30_000 }).toContain("@lezer (the Python grammar)");
    await expect(explorer.locator("[data-role=notice]").isHidden()).resolves.toBe(true);

    // A tree edited in the page (here: 0.5 ** (t / 25) read as 0.5 ** (t * 25)) is refused with a message naming
    // what is wrong; the text is parsed instead, so the curve is the text's.
    const edited = await context.newPage();
    const editedScripts: string[] = [];
    edited.on("request", (r) => editedScripts.push(new URL(r.url()).pathname));
    await edited.goto(site.server.url("glossary/lambda-schedule/"), { waitUntil: "networkidle" });
    const other = edited.locator("lr-schedule-figure").first();
    await other.evaluate((element) => element.setAttribute("data-expressions", (element.getAttribute("data-expressions") ?? "").replace('"op":"/"', '"op":"*"')));
    await press(edited, other.locator("input[type=range][data-param=lr]"), "ArrowRight", 1);
    await expect.poll(() => other.locator("[data-role=notice]").textContent(), { timeout: 30_000 }).toContain("The page's parsed expression was refused (expression 1: the tree is not the expression's: it reads \"lambda t: 0.5 ** (t * 25)\")");
    await expect.poll(async () => (await drawn(other)).d, { timeout: 30_000 }).toBe(plotPath(await settingsOf(other, ["lr"]), 100, undefined));
    expect(librariesIn(editedScripts.filter((s) => s.endsWith(".js")))).toEqual(["@lezer (the Python grammar)"]);
    await context.close();
  });
});

const { document } = new JSDOM("<!doctype html><html><body></body></html>").window;

/** The curve's path as Plot draws it for these settings (width undefined: the build-time figure). */
function plotPath(spec: ScheduleSpec, steps: number, width: number | undefined): string {
  const model = explorerModel({ spec, steps });
  const svg = renderScheduleFigure(model.points, { document, description: model.description, yMax: model.yMax, width });
  return svg.querySelector('[data-mark="line"] path')?.getAttribute("d") ?? "";
}

/** The explorer's settings after its sliders moved: the page's, with each named slider's value read back. */
async function settingsOf(explorer: Locator, names: readonly string[]): Promise<ScheduleSpec> {
  const spec = JSON.parse((await explorer.getAttribute("data-spec")) ?? "{}") as ScheduleSpec;
  const values: Record<string, number> = {};
  for (const name of names) {
    const param = registry[spec.kind].params.find((p) => p.name === name);
    if (!param) throw new Error(`no parameter ${name} in ${spec.kind}`);
    values[name] = valueFromSlider(param, await explorer.locator(`input[type=range][data-param="${name}"]`).inputValue());
  }
  return { ...spec, ...values } as ScheduleSpec;
}

interface Drawn {
  d: string;
  /** Still the build-time figure (scaled with its box), not one Plot drew at the box's width. */
  built: boolean;
  width: number;
}

const drawn = (explorer: Locator): Promise<Drawn> =>
  explorer.locator("[data-role=plot] svg").evaluate((svg) => ({
    d: svg.querySelector('[data-mark="line"] path')?.getAttribute("d") ?? "",
    built: svg.classList.contains("lr-scaled"),
    width: Number(svg.getAttribute("width")),
  }));

/** A page's first explorer (the warm-restarts entry's unless told) at 1280 px, with the scripts it requests from now on. */
async function openExplorer(route = "glossary/warm-restarts/"): Promise<{ context: BrowserContext; page: Page; explorer: Locator; scripts: string[]; close: () => Promise<void> }> {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const scripts: string[] = [];
  page.on("request", (r) => {
    const url = new URL(r.url());
    if (url.origin === site.server.origin && url.pathname.endsWith(".js")) scripts.push(url.pathname);
  });
  await page.goto(site.server.url(route), { waitUntil: "networkidle" });
  return { context, page, explorer: page.locator("lr-schedule-figure").first(), scripts, close: () => context.close() };
}

async function press(page: Page, slider: Locator, key: string, times: number): Promise<void> {
  await slider.evaluate((input) => input.scrollIntoView({ block: "end" }));
  await slider.focus();
  for (let i = 0; i < times; i += 1) await page.keyboard.press(key);
}

describe("an explorer's redraws, with and without Plot", () => {
  it("moves the curve in place exactly as Plot draws it, then redraws with Plot when the y axis must grow", async () => {
    const { page, explorer, scripts, close } = await openExplorer();
    await press(page, explorer.locator("input[type=range][data-param=period]"), "ArrowRight", 1);
    await expect.poll(() => explorer.locator("output[data-role=value][data-param=period]").textContent(), { timeout: 30_000 }).toBe("21");
    await page.waitForLoadState("networkidle");
    const fast = await drawn(explorer);
    expect(fast.built).toBe(true);
    expect(fast.d).toBe(plotPath(await settingsOf(explorer, ["period"]), 100, undefined));
    expect(librariesIn(scripts)).toEqual([]);
    // 0.1 → 0.1122: the peak passes the axis's top (0.12 / 1.1), which rises to 0.15.
    await press(page, explorer.locator("input[type=range][data-param=lr]"), "ArrowRight", 5);
    await expect.poll(async () => (await drawn(explorer)).built, { timeout: 30_000 }).toBe(false);
    const redrawn = await drawn(explorer);
    const settings = await settingsOf(explorer, ["period", "lr"]);
    expect(settings).toMatchObject({ period: 21, lr: 0.1122 });
    expect(redrawn.d).toBe(plotPath(settings, 100, redrawn.width));
    await expect(explorer.locator("[data-role=plot] svg").getAttribute("data-y-scale")).resolves.toMatch(/^0 0\.15 /);
    expect(librariesIn(scripts)).toEqual(["Observable Plot"]);
    await close();
  });

  it("redraws the build-time figure with Plot at the box's width once the box is narrower than it", async () => {
    const { page, explorer, scripts, close } = await openExplorer();
    await press(page, explorer.locator("input[type=range][data-param=period]"), "ArrowLeft", 2);
    await expect.poll(() => explorer.locator("output[data-role=value][data-param=period]").textContent(), { timeout: 30_000 }).toBe("18");
    expect((await drawn(explorer)).built).toBe(true);
    await page.setViewportSize({ width: 390, height: 800 });
    await expect.poll(async () => (await drawn(explorer)).built, { timeout: 30_000 }).toBe(false);
    const redrawn = await drawn(explorer);
    const box = await explorer.locator("[data-role=plot]").evaluate((b) => b.clientWidth);
    expect(redrawn.width).toBe(box);
    expect(redrawn.d).toBe(plotPath(await settingsOf(explorer, ["period"]), 100, redrawn.width));
    expect(librariesIn(scripts)).toEqual(["Observable Plot"]);
    await close();
  });
});
