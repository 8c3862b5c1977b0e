// Embedded explorers: configured by URL, hostile parameters, lesson mode.
import { describe, expect, it } from "vitest";
import { useBuiltSite } from "../support/built-site.ts";
import { axeViolations, watch } from "../support/browser.ts";

const site = useBuiltSite();

describe("embed/explorer", () => {
  it("takes its settings from the URL, with no site chrome", async () => {
    const page = await site.browser.newPage();
    await page.goto(site.server.url("embed/explorer/cosine/?lr=0.5&decaySteps=40&compare=step"), { waitUntil: "networkidle" });
    const explorer = page.locator("lr-schedule-figure");
    await expect.poll(() => explorer.getAttribute("data-state")).toBe("live");
    await expect(page.locator(".site-header").count()).resolves.toBe(0);
    await expect(explorer.locator("output[data-role=value][data-param=lr]").textContent()).resolves.toBe("0.5");
    await expect(explorer.locator("select[data-role=compare]").inputValue()).resolves.toBe("step");
    // 100 steps shown, T = 40: past T PyTorch's CosineAnnealingLR rises again, so the exact code is a LambdaLR.
    // The code panels update when the reader reaches them (their adapters load then).
    await explorer.locator("details[data-library=pytorch] code").scrollIntoViewIfNeeded();
    await expect.poll(() => explorer.locator("details[data-library=pytorch] code").textContent()).toContain("min(t, 40)");
    await page.close();
  });

  it("writes the reader's changes back into the URL, and the permalink reproduces them", async () => {
    const page = await site.browser.newPage();
    await page.goto(site.server.url("embed/explorer/step/?lr=0.2"), { waitUntil: "networkidle" });
    const explorer = page.locator("lr-schedule-figure");
    await expect.poll(() => explorer.getAttribute("data-state")).toBe("live");
    const slider = explorer.locator("input[data-param=stepSize]");
    await slider.focus();
    for (let i = 0; i < 3; i += 1) await page.keyboard.press("ArrowRight");
    await expect.poll(() => page.url()).toContain("stepSize=28");
    const permalink = page.url();
    const table = await explorer.locator("[data-role=table]").innerText();
    const again = await site.browser.newPage();
    await again.goto(permalink, { waitUntil: "networkidle" });
    const second = again.locator("lr-schedule-figure");
    await expect.poll(() => second.getAttribute("data-state")).toBe("live");
    await expect.poll(() => second.locator("[data-role=table]").innerText()).toBe(table);
    await page.close();
    await again.close();
  });

  it("survives hostile parameters: defaults, a visible notice, nothing inserted as HTML", async () => {
    const page = await site.browser.newPage();
    const log = watch(page, site.server.origin);
    const hostile = encodeURIComponent('<img src=x onerror="window.__pwned=1">');
    await page.goto(site.server.url(`embed/explorer/exponential/?lr=-5&k=NaN&decaySteps=1e99&staircase=${hostile}&kind=${hostile}&compare=${hostile}&question=${hostile}`), { waitUntil: "networkidle" });
    const explorer = page.locator("lr-schedule-figure");
    await expect.poll(() => explorer.getAttribute("data-state")).toBe("live");
    const notice = explorer.locator("[data-role=notice]");
    await expect(notice.isVisible()).resolves.toBe(true);
    await expect(notice.textContent()).resolves.toMatch(/lr: must be a number in \(0, 1000000\], got -5/);
    await expect(explorer.locator("output[data-role=value][data-param=lr]").textContent()).resolves.toBe("0.1");
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await expect(page.locator("img[src=x]").count()).resolves.toBe(0);
    await expect(explorer.locator("[data-role=question]").textContent()).resolves.toContain("<img src=x");
    expect(log.pageErrors).toEqual([]);
    await page.close();
  });

  it("lesson mode hides chosen controls and asks before it shows", async () => {
    const page = await site.browser.newPage();
    const question = "With k doubled, where does the rate end after 100 steps?";
    await page.goto(site.server.url(`embed/explorer/exponential/?k=0.04&hide=code,libraries,lr&question=${encodeURIComponent(question)}`), { waitUntil: "networkidle" });
    const explorer = page.locator("lr-schedule-figure");
    await expect.poll(() => explorer.getAttribute("data-state")).toBe("live");
    await expect(explorer.locator("[data-role=question]").textContent()).resolves.toBe(question);
    await expect(explorer.locator("figure").isVisible()).resolves.toBe(false);
    await expect(explorer.locator("input[data-param=lr]").isVisible()).resolves.toBe(false);
    await expect(explorer.locator(".explorer-code").isVisible()).resolves.toBe(false);
    await expect(explorer.locator("input[data-param=k]").isVisible()).resolves.toBe(true);
    await explorer.locator("button[data-role=reveal]").click();
    await expect(explorer.locator("figure").isVisible()).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
