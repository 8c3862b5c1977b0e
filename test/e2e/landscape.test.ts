// The LossLandscape island on its embed route: static render, hydration,
// URL state, hostile parameters, accessibility.
import { describe, expect, it } from "vitest";
import { useBuiltSite } from "../support/built-site.ts";
import { axeViolations, watch, holdRequests } from "../support/browser.ts";

const site = useBuiltSite();

describe("embed/landscape", () => {
  it("renders a labelled SVG, a description and data tables with JavaScript off", async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(site.server.url("embed/landscape/"), { waitUntil: "load" });
    const island = page.locator("lr-loss-landscape");
    const svg = island.locator("[data-role=plot] svg");
    await expect(svg.getAttribute("role")).resolves.toBe("img");
    await expect(svg.getAttribute("aria-label")).resolves.toMatch(/Ill-conditioned quadratic/);
    // Contours, two paths and the legend are in the static HTML.
    expect(await svg.locator("path").count()).toBeGreaterThan(10);
    await expect(island.locator("[data-role=legend] li[data-kind]").count()).resolves.toBe(2);
    await expect(island.locator("[data-role=description]").textContent()).resolves.toMatch(/Constant learning rate ended at .*nearest the global minimum/);
    await expect(island.locator("[data-role=summary] tbody tr").count()).resolves.toBe(2);
    expect(await island.locator("[data-role=table] tbody tr").count()).toBeGreaterThan(10);
    await expect(island.getAttribute("data-state")).resolves.toBeNull();
    await context.close();
  });

  it("keeps slider moves made while the live code is still loading", async () => {
    const page = await site.browser.newPage();
    const release = await holdRequests(page, /loss-landscape-live/);
    await page.goto(site.server.url("embed/landscape/"), { waitUntil: "domcontentloaded" });
    const island = page.locator("lr-loss-landscape");
    await island.locator("input[data-field=lr]").focus();
    for (let i = 0; i < 16; i += 1) await page.keyboard.press("ArrowRight");
    await expect(island.getAttribute("data-state")).resolves.toBe("loading");
    release();
    await expect.poll(() => island.getAttribute("data-state")).toBe("live");
    await expect.poll(() => island.locator("[data-role=description]").textContent()).toMatch(/diverged at step \d+/);
    await page.close();
  });

  it("hydrates on first touch and redraws when the learning-rate slider moves", async () => {
    const page = await site.browser.newPage();
    const log = watch(page, site.server.origin);
    await page.goto(site.server.url("embed/landscape/"), { waitUntil: "networkidle" });
    const island = page.locator("lr-loss-landscape");
    const slider = island.locator("input[data-field=lr]");
    await slider.focus();
    await expect.poll(() => island.getAttribute("data-state")).toBe("live");
    await expect(island.locator("button[data-action=animate]").isVisible()).resolves.toBe(true);
    const before = await island.locator("[data-role=plot]").innerHTML();
    const redraws = Number(await island.getAttribute("data-redraws"));
    // 0.07 → about 0.1: past 2/25 the quadratic diverges.
    for (let i = 0; i < 16; i += 1) await page.keyboard.press("ArrowRight");
    await expect.poll(async () => Number(await island.getAttribute("data-redraws"))).toBeGreaterThan(redraws);
    await expect.poll(() => island.locator("[data-role=description]").textContent()).toMatch(/diverged at step \d+/);
    await expect(island.locator("output[data-field=lr]").textContent()).resolves.not.toBe("0.07");
    expect(await island.locator("[data-role=plot]").innerHTML()).not.toBe(before);
    await expect(island.locator("[data-role=plot] svg").getAttribute("role")).resolves.toBe("img");
    await expect(island.locator("[data-role=summary] tbody").textContent()).resolves.toMatch(/diverged at step/);
    // Toggling a schedule redraws the legend and the tables.
    await island.locator("input[data-kind=cosine]").check();
    await expect.poll(() => island.locator("[data-role=legend] li[data-kind]").count()).toBe(3);
    await expect(island.locator("[data-role=summary] tbody tr").count()).resolves.toBe(3);
    // An invalid value names its field and keeps the last valid setting.
    await island.locator("input[data-field=steps]").fill("5");
    await island.locator("input[data-field=steps]").dispatchEvent("change");
    const notice = island.locator("[data-role=notice]");
    await expect.poll(() => notice.isVisible()).toBe(true);
    await expect(notice.textContent()).resolves.toMatch(/steps: must be a whole number in \[10, 2000\], got "5"/);
    await expect(island.locator("[data-role=description]").textContent()).resolves.toMatch(/for 200 steps/);
    // Unchecking every schedule is refused the same way.
    await island.locator("input[data-field=steps]").fill("300");
    await island.locator("input[data-field=steps]").dispatchEvent("change");
    await expect.poll(() => island.locator("[data-role=description]").textContent()).toMatch(/for 300 steps/);
    await expect(notice.isVisible()).resolves.toBe(false);
    for (const kind of ["constant", "inverse-time", "cosine"]) await island.locator(`input[data-kind=${kind}]`).uncheck();
    await expect.poll(() => notice.textContent()).toMatch(/schedules: choose at least one schedule/);
    // The last valid setting: cosine alone.
    await expect(island.locator("[data-role=summary] tbody tr").count()).resolves.toBe(1);
    await expect(island.locator("[data-role=legend] li[data-kind]").count()).resolves.toBe(1);
    // Animate draws and ends with the whole path.
    await island.locator("input[data-kind=constant]").check();
    await island.locator("button[data-action=animate]").click();
    await expect.poll(() => island.getAttribute("data-animating"), { timeout: 10_000 }).toBeNull();
    expect(log.consoleErrors).toEqual([]);
    expect(log.pageErrors).toEqual([]);
    expect(log.foreignRequests).toEqual([]);
    await page.close();
  });

  it("takes its settings from the URL and writes changes back", async () => {
    const page = await site.browser.newPage();
    const log = watch(page, site.server.origin);
    await page.goto(site.server.url("embed/landscape/?fn=multi-minima&schedules=constant,cosine-restarts&lr=0.05&noise=0"), { waitUntil: "networkidle" });
    const island = page.locator("lr-loss-landscape");
    await expect.poll(() => island.getAttribute("data-state")).toBe("live");
    await expect(island.locator("select[data-field=fn]").inputValue()).resolves.toBe("multi-minima");
    await expect(island.locator("output[data-field=lr]").textContent()).resolves.toBe("0.05");
    await expect(island.locator("input[data-kind=cosine-restarts]").isChecked()).resolves.toBe(true);
    await expect(island.locator("input[data-kind=inverse-time]").isChecked()).resolves.toBe(false);
    await expect(island.locator("[data-role=description]").textContent()).resolves.toMatch(/Two wells.*nearest the local minimum/);
    await expect(island.locator("[data-role=plot] svg").getAttribute("aria-label")).resolves.toMatch(/Two wells/);
    await expect(island.locator("[data-role=notice]").isVisible()).resolves.toBe(false);
    await island.locator("select[data-field=fn]").selectOption("rosenbrock");
    await expect.poll(() => page.url()).toContain("fn=rosenbrock");
    expect(page.url()).toContain("schedules=constant%2Ccosine-restarts");
    expect(log.pageErrors).toEqual([]);
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  });

  it("names the function the reader picked in the playground's heading (it said 'ill-conditioned quadratic' after a switch)", async () => {
    const page = await site.browser.newPage();
    await page.goto(site.server.url("playground/"), { waitUntil: "networkidle" });
    const island = page.locator("lr-loss-landscape");
    const heading = island.locator(".landscape-title");
    await expect(heading.textContent()).resolves.toBe("Ill-conditioned quadratic");
    await island.hover();
    await expect.poll(() => island.getAttribute("data-state")).toBe("live");
    await island.locator("select[data-field=fn]").selectOption("rosenbrock");
    await expect.poll(() => heading.textContent()).toBe("Rosenbrock's banana");
    await expect(island.locator("[data-role=plot] svg").getAttribute("aria-label")).resolves.toMatch(/Rosenbrock/);
    await page.close();
  });

  it("survives hostile parameters: defaults, a visible notice, nothing inserted as HTML", async () => {
    const page = await site.browser.newPage();
    const log = watch(page, site.server.origin);
    const hostile = encodeURIComponent('<img src=x onerror="window.__pwned=1">');
    await page.goto(site.server.url(`embed/landscape/?fn=${hostile}&schedules=${hostile}&lr=1e99&noise=NaN&steps=-3&seed=${hostile}&momentum=2`), { waitUntil: "networkidle" });
    const island = page.locator("lr-loss-landscape");
    await expect.poll(() => island.getAttribute("data-state")).toBe("live");
    const notice = island.locator("[data-role=notice]");
    await expect(notice.isVisible()).resolves.toBe(true);
    const text = (await notice.textContent()) ?? "";
    for (const field of ["fn", "schedules", "lr", "noise", "steps", "seed", "momentum"]) expect(text).toContain(`${field}: `);
    expect(text).toContain("<img src=x");
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await expect(page.locator("img").count()).resolves.toBe(0);
    await expect(island.locator("select[data-field=fn]").inputValue()).resolves.toBe("quadratic");
    await expect(island.locator("output[data-field=lr]").textContent()).resolves.toBe("0.07");
    await expect(island.locator("[data-role=summary] tbody tr").count()).resolves.toBe(2);
    expect(log.pageErrors).toEqual([]);
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  });

  it("draws at once instead of animating under prefers-reduced-motion", async () => {
    const context = await site.browser.newContext({ reducedMotion: "reduce" });
    const page = await context.newPage();
    await page.goto(site.server.url("embed/landscape/?steps=400"), { waitUntil: "networkidle" });
    const island = page.locator("lr-loss-landscape");
    await expect.poll(() => island.getAttribute("data-state")).toBe("live");
    await island.locator("button[data-action=animate]").click();
    await expect(island.getAttribute("data-animating")).resolves.toBeNull();
    await expect(island.locator("button[data-action=animate]").textContent()).resolves.toBe("Animate");
    expect(await island.locator("[data-role=plot] svg path").count()).toBeGreaterThan(10);
    await context.close();
  });

  it("has no axe violations, static and live", async () => {
    const page = await site.browser.newPage();
    await page.goto(site.server.url("embed/landscape/"), { waitUntil: "networkidle" });
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(site.server.url("embed/landscape/?noise=0.3&schedules=constant,cosine,one-cycle"), { waitUntil: "networkidle" });
    await expect.poll(() => page.locator("lr-loss-landscape").getAttribute("data-state")).toBe("live");
    await page.locator("details.data-table summary").click();
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
