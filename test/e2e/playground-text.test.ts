// /playground/text/ in real Chromium: the playground's learner switch leads
// there from both other learners (one list, the current page marked); a tiny
// race trains in the worker and the address bar follows it; a reload of that
// address restores the settings without a notice; the page fits 390 px and
// passes axe.
import { describe, expect, it } from "vitest";
import { useBuiltSite } from "../support/built-site.ts";
import { watch } from "../support/browser.ts";
import { strictAxe } from "../support/axe.ts";
import { textSettingsToQuery } from "../../components/islands/text-race-model.ts";

const site = useBuiltSite();
const LEARNERS = ["playground/", "playground/text/", "playground/q-learning/"];
const TINY = { norm: "pre", lr: 0.01, steps: 20, warmup: 5, seed: 4, layers: 1, width: 16, backend: "auto", schedules: ["constant", "warmup-cosine"] } as const;

describe("the playground's text learner", () => {
  it("is in the learner switch of every playground page, marked where it is current", async () => {
    const page = await site.browser.newPage();
    const pathOf = (route: string) => new URL(site.server.url(route)).pathname;
    for (const route of LEARNERS) {
      await page.goto(site.server.url(route));
      const nav = page.locator("nav.playground-learners");
      await expect(nav.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href")))).resolves.toEqual(LEARNERS.filter((r) => r !== route).map(pathOf));
      await expect(nav.locator("[aria-current=page]").count()).resolves.toBe(1);
    }
    await page.goto(site.server.url("playground/"));
    await page.locator("nav.playground-learners a", { hasText: "transformer" }).click();
    await page.waitForURL(/\/playground\/text\/$/);
    await expect(page.locator("nav.playground-learners [aria-current=page]").textContent()).resolves.toBe("a transformer on Shakespeare");
    await expect(page.locator("h1").textContent()).resolves.toBe("Playground: a transformer on Shakespeare");
    await expect(page.locator("lr-text-race").count()).resolves.toBe(1);
    await page.close();
  });

  it("trains a tiny race; the address bar follows it, and reloading that address restores it without a notice", async () => {
    const page = await site.browser.newPage();
    const log = watch(page, site.server.origin);
    await page.goto(site.server.url("playground/text/"), { waitUntil: "networkidle" });
    expect(new URL(page.url()).search).toBe("");
    const race = page.locator("lr-text-race");
    await race.locator("[data-setting=norm]").selectOption(TINY.norm);
    await expect.poll(() => race.getAttribute("data-state"), { timeout: 60_000 }).toBe("ready");
    for (const name of ["lr", "steps", "warmup", "seed", "layers", "width"] as const) await race.locator(`[data-setting=${name}]`).fill(String(TINY[name]));
    for (const recipe of ["constant", "linear-warmup", "inverse-sqrt", "warmup-cosine"]) await race.locator(`[data-recipe=${recipe}]`).setChecked((TINY.schedules as readonly string[]).includes(recipe));
    await race.locator("[data-action=run]").click();
    await expect.poll(() => race.getAttribute("data-state"), { timeout: 180_000 }).toBe("done");
    await expect(race.locator("[data-role=status]").textContent()).resolves.toMatch(/^Finished 20 steps in \d+\.\d s on (webgpu|webgl|wasm|cpu)\.$/);
    await expect(race.locator("[data-role=legend] li strong").allTextContents()).resolves.toEqual(["no warmup", "warmup + cosine"]);
    const query = `?${textSettingsToQuery({ ...TINY, schedules: [...TINY.schedules] }).toString()}`;
    expect(new URL(page.url()).search).toBe(query);
    await expect(race.locator("[data-role=permalink]").getAttribute("href")).resolves.toBe(`${new URL(page.url()).pathname}${query}`);
    await page.reload({ waitUntil: "networkidle" });
    await expect.poll(() => race.getAttribute("data-state"), { timeout: 60_000 }).toBe("ready");
    await expect(race.locator("[data-role=notice]").isHidden()).resolves.toBe(true);
    await expect(race.locator("[data-setting=norm]").inputValue()).resolves.toBe("pre");
    await expect(race.locator("[data-setting=steps]").inputValue()).resolves.toBe("20");
    await expect(race.locator("[data-setting=width]").inputValue()).resolves.toBe("16");
    await expect(race.locator("[data-recipe]:checked").evaluateAll((cs) => cs.map((c) => c.getAttribute("data-recipe")))).resolves.toEqual(["constant", "warmup-cosine"]);
    expect(log.pageErrors).toEqual([]);
    expect(log.consoleErrors).toEqual([]);
    expect(log.foreignRequests).toEqual([]);
    await page.close();
  }, 240_000);

  it("fits a 390-pixel screen and passes axe, before and after the live code loads", async () => {
    const page = await site.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(site.server.url("playground/text/"), { waitUntil: "networkidle" });
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(392);
    expect(await strictAxe(page)).toEqual([]);
    await page.locator("lr-text-race [data-action=run]").hover();
    await expect.poll(() => page.locator("lr-text-race").getAttribute("data-state"), { timeout: 60_000 }).toBe("ready");
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(392);
    expect(await strictAxe(page)).toEqual([]);
    await page.close();
  }, 120_000);
});
