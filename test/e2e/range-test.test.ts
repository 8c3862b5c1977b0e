// The range-test island in real Chromium: the notebook's committed run with
// JavaScript disabled (figure, readings, suggested peak and race link); a
// live run in the worker that ends with a reading and a link to the
// playground, which opens the race at the suggested peak; a permalink; and
// hostile parameters answered by a notice, with nothing set from them.
import { describe, expect, it } from "vitest";
import { useBuiltSite } from "../support/built-site.ts";
import { axeViolations, watch } from "../support/browser.ts";
import { chosenSuggestion, readingLines, suggestionText } from "../../components/islands/range-test-model.ts";
import type { RangeCurve } from "../../src/training/range-test.ts";
import moons from "../../src/data/range-test/moons-sgd.json";

const committed = moons.result.curves as RangeCurve[];

const site = useBuiltSite();
const PAGE = "notebooks/learning-rate-range-test/";

describe("the range-test island", () => {
  it("shows the committed run's curves, marks, readings and race link with JavaScript disabled", async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(site.server.url(PAGE));
    const island = page.locator("lr-range-test");
    // Two sweeps: a faint raw line and a bold smoothed line each.
    await expect(island.locator("[data-role=figure] svg g[data-mark=line] path").count()).resolves.toBe(4);
    await expect(island.locator("[data-role=legend] li").allTextContents()).resolves.toEqual([" exponential sweep", " linear sweep"]);
    const readings = await island.locator("[data-role=readings] li").allTextContents();
    expect(readings).toHaveLength(2);
    expect(readings).toEqual(readingLines(committed));
    expect(readings[0]).toMatch(/^The exponential sweep did not diverge up to 10 \(the smoothed loss never reached 4× its best\); steepest descent at 0\.\d+, minimum at 0\.\d+; suggested bounds 0\.\d+ to 0\.\d+\.$/);
    const peak = chosenSuggestion(committed)!.high;
    await expect(island.locator("[data-role=suggestion]").textContent()).resolves.toBe(suggestionText(chosenSuggestion(committed)));
    const href = (await island.locator("[data-role=race]").getAttribute("href")) ?? "";
    expect(href).toBe(`${new URL(site.server.url("")).pathname}playground/?task=moons&optimizer=sgd&schedules=one-cycle%2Ccyclic%2Cconstant&lr=${peak.toPrecision(3)}&batch=32&seed=1`);
    await context.close();
  });

  it("runs live in a worker, ends with a reading, and its link opens the race at the suggested peak", async () => {
    const page = await site.browser.newPage();
    const log = watch(page, site.server.origin);
    await page.goto(site.server.url(PAGE), { waitUntil: "networkidle" });
    const island = page.locator("lr-range-test");
    await island.locator("[data-setting=task]").selectOption("blobs");
    await island.locator("[data-setting=steps]").fill("120");
    await island.locator("[data-setting=high]").fill("8");
    await island.locator("[data-action=run]").click();
    await expect.poll(() => island.getAttribute("data-state"), { timeout: 60_000 }).toBe("done");
    await expect(island.locator("[data-role=status]").textContent()).resolves.toMatch(/^Done: \d+ of 120 steps/);
    await expect(island.locator("[data-role=backend]").textContent()).resolves.toMatch(/^Running on (webgpu|webgl|wasm|cpu)/);
    const readings = await island.locator("[data-role=readings] li").allTextContents();
    expect(readings).toHaveLength(2);
    for (const line of readings) expect(line).toMatch(/^The (exponential|linear) sweep (did not diverge|diverged at rate)/);
    expect(readings.join(" ")).not.toMatch(/NaN|undefined/);
    await expect(island.locator("[data-role=figure] svg g[data-mark=line] path").count()).resolves.toBe(4);
    // The permalink names the run; the race link, when a peak was suggested, opens the playground with it.
    const permalink = (await island.locator("[data-role=permalink]").getAttribute("href")) ?? "";
    expect(permalink).toMatch(/task=blobs/);
    expect(permalink).toMatch(/high=8/);
    const race = island.locator("[data-role=race]");
    // On blobs (CLI: 120 steps, the exponential sweep suggests 0.902) there is a peak.
    await expect(race.isHidden()).resolves.toBe(false);
    const peak = /lr=([\d.e-]+)/.exec((await race.getAttribute("href")) ?? "")?.[1];
    expect(Number(peak)).toBeGreaterThan(0.1);
    await race.click();
    await page.waitForURL(/playground\//);
    const playground = page.locator("lr-training-race");
    // "live" is set once the race's code has applied the address ("loading" comes before it).
    await expect.poll(() => playground.getAttribute("data-state"), { timeout: 30_000 }).toBe("live");
    await expect(page.locator("[data-setting=lr]").first().inputValue()).resolves.toBe(peak);
    await expect(page.locator("[data-role=notice]").first().isHidden()).resolves.toBe(true);
    expect(log.pageErrors).toEqual([]);
    expect(log.consoleErrors).toEqual([]);
    expect(log.foreignRequests).toEqual([]);
  }, 120_000);

  it("reads a permalink, and answers hostile parameters with a notice, setting nothing from them", async () => {
    const page = await site.browser.newPage();
    const log = watch(page, site.server.origin);
    await page.goto(site.server.url(`${PAGE}?task=circles&low=0.001&high=3&modes=linear`), { waitUntil: "networkidle" });
    const island = page.locator("lr-range-test");
    await expect.poll(() => island.getAttribute("data-state"), { timeout: 30_000 }).toBe("ready");
    await expect(island.locator("[data-setting=task]").inputValue()).resolves.toBe("circles");
    await expect(island.locator("[data-setting=high]").inputValue()).resolves.toBe("3");
    await expect(island.locator("[data-setting=modes][value=exponential]").isChecked()).resolves.toBe(false);
    await expect(island.locator("[data-role=notice]").isHidden()).resolves.toBe(true);

    const hostile = "task=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&low=0x10&high=Infinity&steps=99999&modes=cubic,linear&seed=1e999&batch=-1&optimizer=__proto__&%E2%80%AEevil=1";
    await page.goto(site.server.url(`${PAGE}?${hostile}`), { waitUntil: "networkidle" });
    await expect.poll(() => island.getAttribute("data-state"), { timeout: 30_000 }).toBe("ready");
    const notice = (await island.locator("[data-role=notice]").textContent()) ?? "";
    for (const key of ["task", "low", "high", "steps", "modes", "seed", "batch", "optimizer"]) expect(notice, key).toMatch(new RegExp(`\\b${key}: `));
    expect(notice).toMatch(/ignored: /);
    expect(notice).not.toContain("\u202E");
    await expect(island.locator("[data-role=notice] img").count()).resolves.toBe(0);
    await expect(island.locator("[data-setting=task]").inputValue()).resolves.toBe("moons");
    await expect(island.locator("[data-setting=low]").inputValue()).resolves.toBe("0.0001");
    await expect(island.locator("[data-setting=steps]").inputValue()).resolves.toBe("300");

    await page.goto(site.server.url(`${PAGE}?low=5&high=1`), { waitUntil: "networkidle" });
    await expect.poll(() => island.getAttribute("data-state"), { timeout: 30_000 }).toBe("ready");
    await expect(island.locator("[data-role=notice]").textContent()).resolves.toMatch(/high: must be above low \(5\), got 1; using 0\.0001 to 10/);
    // A bad setting typed in is refused at Run, naming it.
    await island.locator("[data-setting=high]").fill("0.00001");
    await island.locator("[data-action=run]").click();
    await expect(island.locator("[data-role=notice]").textContent()).resolves.toMatch(/high must be above low/);
    await expect(island.getAttribute("data-state")).resolves.toBe("ready");
    expect(log.pageErrors).toEqual([]);
    expect(await axeViolations(page, "lr-range-test")).toEqual([]);
  }, 60_000);
});
