// The schedule explorer island in real Chromium, against the built site.
import { describe, expect, it } from "vitest";
import { hydratedExplorer, useBuiltSite } from "../support/built-site.ts";
import type { Page } from "playwright-core";
import { axeViolations, watch } from "../support/browser.ts";

const site = useBuiltSite();

const hydrated = (page: Page, route: string) => hydratedExplorer(page, site.server.url(route));

describe("ScheduleExplorer on a glossary entry", () => {
  it("is complete without JavaScript: formula, curve, table, code and the four-library table", async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(site.server.url("glossary/warm-restarts/"));
    const explorer = page.locator("lr-schedule-figure");
    await expect(explorer.locator(".katex").count()).resolves.toBeGreaterThan(0);
    await expect(explorer.locator("[data-role=plot] svg").count()).resolves.toBe(1);
    await expect(explorer.locator("[data-role=table] tbody tr").count()).resolves.toBeGreaterThan(5);
    await expect(explorer.locator("details[data-library=pytorch] code").textContent()).resolves.toContain("CosineAnnealingWarmRestarts(optimizer, T_0=20, T_mult=2");
    await expect(explorer.locator("[data-role=libraries] tr[data-library=pytorch]").textContent()).resolves.toContain("yes, at every step shown");
    await context.close();
  });

  it("redraws curve, values, table and code when a slider moves", async () => {
    const page = await site.browser.newPage();
    const log = watch(page, site.server.origin);
    const explorer = await hydrated(page, "glossary/warm-restarts/");
    const before = await explorer.locator("[data-role=plot]").innerHTML();
    const code = explorer.locator("details[data-library=pytorch] code");
    const slider = explorer.locator("input[type=range][data-param=period]");
    await slider.focus();
    for (let i = 0; i < 5; i += 1) await page.keyboard.press("ArrowRight");
    await expect.poll(() => explorer.locator("[data-role=plot]").innerHTML()).not.toBe(before);
    await expect.poll(() => explorer.locator("output[data-role=value][data-param=period]").textContent()).toBe("25");
    // The code panels update when the reader reaches them (their adapters load then).
    await code.scrollIntoViewIfNeeded();
    await expect.poll(() => code.textContent()).toContain("T_0=25");
    expect(log.pageErrors).toEqual([]);
    expect(log.consoleErrors).toEqual([]);
    expect(log.foreignRequests).toEqual([]);
    await page.close();
  });

  it("overlays a comparison and adds its column to the table", async () => {
    const page = await site.browser.newPage();
    const explorer = await hydrated(page, "glossary/cosine-annealing/");
    await explorer.locator("select[data-role=compare]").selectOption("step");
    await expect.poll(() => explorer.locator("[data-role=table] thead th:not([hidden])").count()).toBe(3);
    await expect.poll(() => explorer.locator("[data-role=description]").textContent()).toContain("step decay");
    await page.close();
  });

  it("marks where PyTorch's cosine rises past T_max and switches to the periodic form", async () => {
    const page = await site.browser.newPage();
    const explorer = await hydrated(page, "glossary/cosine-annealing/");
    const row = explorer.locator("[data-role=libraries] tr[data-library=pytorch]");
    const slider = explorer.locator("input[type=range][data-param=decaySteps]");
    await slider.focus();
    for (let i = 0; i < 30; i += 1) await page.keyboard.press("ArrowLeft");
    await row.scrollIntoViewIfNeeded();
    await expect.poll(() => row.textContent()).toMatch(/differs from step 71: ours 0, PyTorch/);
    await explorer.locator("input[data-choice=periodic]").check();
    await expect.poll(() => row.textContent()).toContain("yes, at every step shown");
    await page.close();
  });

  it("copies the code with the copy button", async () => {
    const context = await site.browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
    const page = await context.newPage();
    await page.goto(site.server.url("glossary/step-decay/"), { waitUntil: "networkidle" });
    const explorer = page.locator("lr-schedule-figure");
    await explorer.hover();
    await expect.poll(() => explorer.getAttribute("data-state")).toBe("live");
    const button = explorer.locator("details[data-library=pytorch] button[data-copy]");
    await button.click();
    await expect.poll(() => button.textContent()).toBe("Copied");
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain("torch.optim.lr_scheduler.StepLR(optimizer, step_size=25, gamma=0.5)");
    await context.close();
  });

  it("has no axe violations, static or live", async () => {
    const page = await site.browser.newPage();
    await page.goto(site.server.url("glossary/one-cycle/"), { waitUntil: "networkidle" });
    expect(await axeViolations(page)).toEqual([]);
    const explorer = page.locator("lr-schedule-figure");
    await explorer.hover();
    await expect.poll(() => explorer.getAttribute("data-state")).toBe("live");
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
