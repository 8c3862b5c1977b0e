// Figures on a phone and figures that move: at 390 px every chart's tick labels are at least 11 px on screen (the
// build-time SVG, scaled by its viewBox, and the live one, drawn at its box's width), and every slider of every
// schedule's explorer moves the drawn curve (the y axis holds still instead of rescaling with it).
import { describe, expect, it } from "vitest";
import type { Locator, Page } from "playwright-core";
import { useBuiltSite } from "../support/built-site.ts";
import { watch } from "../support/browser.ts";
import { KINDS } from "../../src/schedules/index.ts";

const site = useBuiltSite();
const PHONE = { width: 390, height: 844 };
const MIN_PX = 11;

interface TickSize {
  figure: string;
  label: string;
  /** Computed font size times the SVG's scale: the text's height on screen, in CSS pixels. */
  px: number;
  /** The label's box on screen. */
  height: number;
}

/** Every tick label of every chart shown on the page. */
function tickSizes(page: Page, scope: string): Promise<TickSize[]> {
  return page.evaluate((scope) =>
    [...document.querySelectorAll<SVGSVGElement>(`${scope} .plot svg`)]
      .filter((svg) => svg.getBoundingClientRect().width > 0 && svg.querySelector('[data-mark$="tick label"]'))
      .flatMap((svg) =>
        // (A log axis leaves its minor ticks unlabelled: empty texts are not labels. A figure built in two layouts
        // shows one of them: the other's labels are not on screen.)
        [...svg.querySelectorAll<SVGTextElement>('[data-mark$="tick label"] text')].filter((text) => text.textContent !== "" && text.checkVisibility()).map((text) => ({
          figure: `${svg.closest("[data-role]")?.getAttribute("data-role") ?? "?"}: ${svg.getAttribute("aria-label") ?? ""}`,
          label: text.textContent ?? "",
          px: Number.parseFloat(getComputedStyle(text).fontSize) * (text.getScreenCTM()?.a ?? 0),
          height: text.getBoundingClientRect().height,
        })),
      ),
    scope,
  );
}

/** Every chart of the schedule explorers, training races and loss landscapes on the page. */
const ISLANDS = ":is(lr-schedule-figure, lr-training-race, lr-loss-landscape, lr-q-race)";

async function expectReadable(page: Page, where: string, minFigures: number): Promise<void> {
  const sizes = await tickSizes(page, ISLANDS);
  expect(new Set(sizes.map((s) => s.figure)).size, `${where}: figures measured`).toBeGreaterThanOrEqual(minFigures);
  const small = sizes.filter((s) => s.px < MIN_PX || s.height < MIN_PX);
  expect(small, `${where}: tick labels under ${MIN_PX} px`).toEqual([]);
}

async function hydrate(explorer: Locator): Promise<void> {
  await explorer.hover();
  await expect.poll(() => explorer.getAttribute("data-state"), { timeout: 15_000 }).toBe("live");
}

describe("figures at 390 px", () => {
  it("keep tick labels at 11 px or more, built and live, on an entry, a notebook and the explorer embed", async () => {
    const context = await site.browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    const log = watch(page, site.server.origin);
    for (const [route, figures] of [["glossary/cosine-annealing/", 2], ["notebooks/step-exponential-cosine-race/", 4], ["embed/explorer/cosine/", 2]] as const) {
      await page.goto(site.server.url(route), { waitUntil: "networkidle" });
      await page.evaluate(() => document.fonts.ready);
      await expectReadable(page, `${route} as built`, figures);
      const explorer = page.locator("lr-schedule-figure").first();
      await explorer.scrollIntoViewIfNeeded();
      await hydrate(explorer);
      // The live figure is drawn at its box's width: not scaled at all.
      const drawn = await explorer.locator("[data-role=plot] svg").evaluate((svg) => ({ width: Number(svg.getAttribute("width")), shown: svg.getBoundingClientRect().width }));
      expect(Math.abs(drawn.width - drawn.shown), route).toBeLessThan(1);
      await expectReadable(page, `${route} live`, 1);
    }
    expect(log.pageErrors).toEqual([]);
    await context.close();
  });

  it("keep tick labels at 11 px or more in the playground's race and landscape, and in a race after a live run", async () => {
    const context = await site.browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await page.goto(site.server.url("playground/"), { waitUntil: "networkidle" });
    await expectReadable(page, "playground as built", 4);
    await page.goto(site.server.url("embed/race/"), { waitUntil: "networkidle" });
    const race = page.locator("lr-training-race");
    await race.locator("[data-action=run]").click();
    await expect.poll(() => race.getAttribute("data-run"), { timeout: 90_000 }).toBe("done");
    await expectReadable(page, "race after a live run", 3);
    await context.close();
  });
});

/** Race figures as built (training race, text and Q-learning results, committed races' curves): which layout shows, and its proportions. */
function builtRaceFigures(page: Page): Promise<{ figure: string; layout: string; width: number; height: number; viewBoxRatio: number }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<SVGSVGElement>("svg.lr-dual")].filter((svg) => svg.checkVisibility()).map((svg) => {
      const shown = [...svg.querySelectorAll<SVGSVGElement>(":scope > svg")].filter((inner) => inner.checkVisibility());
      const box = svg.getBoundingClientRect();
      const [, , w, h] = (shown[0]?.getAttribute("viewBox") ?? "0 0 1 1").split(" ").map(Number) as [number, number, number, number];
      return { figure: svg.getAttribute("aria-label") ?? "?", layout: shown.map((s) => s.classList.contains("lr-narrow") ? "narrow" : "wide").join("+"), width: box.width, height: box.height, viewBoxRatio: h / w };
    }),
  );
}

const RACE_PAGES = [
  ["notebooks/step-exponential-cosine-race/", 5], ["notebooks/warmup-and-transformers/", 3], ["notebooks/q-learning-step-sizes/", 2], ["embed/q-learning/", 1],
  // Committed races' curves (RaceCurves).
  ["notebooks/edge-of-stability/", 2], ["notebooks/averaging-vs-decaying/", 1], ["notebooks/schedule-free-vs-cosine/", 1],
] as const;

describe("race figures as built, without JavaScript", () => {
  it("show a phone their narrow layout, taller for its width, with tick labels of 11 px or more; a desktop the wide one", async () => {
    for (const viewport of [PHONE, { width: 1280, height: 900 }]) {
      const context = await site.browser.newContext({ viewport, javaScriptEnabled: false });
      const page = await context.newPage();
      for (const [route, count] of RACE_PAGES) {
        await page.goto(site.server.url(route));
        await page.evaluate(() => document.fonts.ready);
        const figures = await builtRaceFigures(page);
        expect(figures.length, `${route}: race figures built in two layouts`).toBeGreaterThanOrEqual(count);
        for (const f of figures) {
          const where = `${route} ${f.figure} at ${viewport.width} px`;
          expect(f.layout, where).toBe(viewport === PHONE ? "narrow" : "wide");
          // The image takes the shown layout's proportions (no empty bands), and on a phone it is no strip: at least
          // 0.55 times as tall as wide (the wide layout would be 0.33–0.45 there) and 170 px or more.
          expect(Math.abs(f.height / f.width - f.viewBoxRatio), where).toBeLessThan(0.01);
          if (viewport === PHONE) {
            expect(f.height / f.width, where).toBeGreaterThanOrEqual(0.55);
            expect(f.height, where).toBeGreaterThanOrEqual(170);
          }
        }
        const sizes = await tickSizes(page, ":is(lr-training-race, lr-q-race, figure.text-race, figure.q-race, figure.race-curves)");
        expect(sizes.filter((s) => s.px < MIN_PX || s.height < MIN_PX), `${route} at ${viewport.width} px: tick labels under ${MIN_PX} px`).toEqual([]);
        expect(sizes.length, route).toBeGreaterThan(0);
      }
      await context.close();
    }
  });
});

describe("live race figures", () => {
  it("draw at their box's width, name each run at its line's end, and redraw when the box changes width", async () => {
    const context = await site.browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    const log = watch(page, site.server.origin);
    await page.goto(site.server.url("embed/q-learning/?rules=cosine,1/n^0.8&steps=5000&seed=3"), { waitUntil: "networkidle" });
    const race = page.locator("lr-q-race");
    await race.locator("[data-action=run]").click();
    await expect.poll(() => race.getAttribute("data-state"), { timeout: 60_000 }).toBe("done");
    const drawn = () => race.locator("[data-role=figure]").evaluate((box) => {
      const svg = box.querySelector("svg");
      return { box: Math.floor(box.clientWidth), width: Number(svg?.getAttribute("width")), dual: svg?.classList.contains("lr-dual") ?? false, labels: [...(svg?.querySelectorAll('[data-mark="text"] text') ?? [])].map((t) => t.textContent) };
    });
    const phone = await drawn();
    expect(phone.dual).toBe(false);
    expect(phone.width).toBe(phone.box);
    expect(phone.labels).toEqual(expect.arrayContaining(["cosine", "1/n^0.8"]));
    await expectReadable(page, "Q-learning race after a live run", 1);
    // A wider window: the figure is drawn again at the new width (up to the build-time 640).
    await page.setViewportSize({ width: 1280, height: 900 });
    await expect.poll(async () => (await drawn()).width, { timeout: 5000 }).toBe(Math.min(640, (await drawn()).box));
    expect((await drawn()).width).toBeGreaterThan(phone.width);
    expect(log.pageErrors).toEqual([]);
    await context.close();
  });
});

/** The drawn curves of an explorer's main figure (lines only: not the pointer's tip or the labels). */
const curves = (explorer: Locator) =>
  explorer.locator("[data-role=plot] svg").evaluate((svg) => [...svg.querySelectorAll('[data-mark="line"] path')].map((p) => p.getAttribute("d")).join("|"));

describe("every slider moves the curve", () => {
  it("redraws a different curve after each slider of every schedule's explorer moves one step, or says why it cannot", async () => {
    const page = await site.browser.newPage();
    const log = watch(page, site.server.origin);
    const mismatched: string[] = [];
    let moved = 0;
    let noted = 0;
    for (const kind of KINDS) {
      // "load" is enough: the island's loader has run by then, and hydrate() waits for the live code itself.
      await page.goto(site.server.url(`embed/explorer/${kind}/`), { waitUntil: "load" });
      const explorer = page.locator("lr-schedule-figure");
      await hydrate(explorer);
      for (const slider of await explorer.locator("input[type=range][data-param]").all()) {
        const name = (await slider.getAttribute("data-param")) ?? "?";
        const output = explorer.locator(`output[data-role=value][data-param="${name}"]`);
        const note = explorer.locator(`[data-role=inert][data-param="${name}"]`);
        const before = { curve: await curves(explorer), value: await output.textContent(), noted: await note.isVisible() };
        await slider.focus();
        // One step up; at the top of its range (or where a larger value is not valid) one step down instead.
        await page.keyboard.press("ArrowRight");
        const up = await expect.poll(() => output.textContent(), { timeout: 1500 }).not.toBe(before.value).then(() => true, () => false);
        if (!up || (await curves(explorer)) === before.curve) {
          await page.keyboard.press("ArrowLeft");
          await page.keyboard.press("ArrowLeft");
          await expect.poll(() => output.textContent(), { timeout: 1500 }).not.toBe(before.value).catch(() => undefined);
        }
        const after = await curves(explorer);
        // A slider that cannot act under the other settings says so beside it, and only such a slider may leave the curve be.
        if ((after === before.curve) !== before.noted) mismatched.push(`${kind}.${name}: ${before.noted ? "said it would not move but moved" : "did not move and did not say so"}`);
        if (after !== before.curve) moved += 1;
        else if (name === "lr") mismatched.push(`${kind}.lr: the initial rate left the curve as it was`);
        else noted += 1;
      }
    }
    expect(mismatched).toEqual([]);
    expect(moved).toBeGreaterThan(KINDS.length);
    expect(noted, "sliders that do nothing with the default settings").toBeLessThan(moved / 4);
    expect(log.pageErrors).toEqual([]);
    await page.close();
  });
});
