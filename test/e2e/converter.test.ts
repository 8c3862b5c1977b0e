// The converter page in real Chromium (built site): static first, then live as the reader pastes.
import { describe, expect, it } from "vitest";
import { useBuiltSite } from "../support/built-site.ts";
import { watch } from "../support/browser.ts";

const site = useBuiltSite();

describe("/convert/", () => {
  it("shows the example's curve, formula and library table without JavaScript", async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(site.server.url("convert/"));
    const converter = page.locator("lr-converter");
    await expect(converter.locator("[data-role=plot] svg").count()).resolves.toBe(1);
    await expect(converter.locator("[data-role=formula] .katex").count()).resolves.toBe(1);
    await expect(converter.locator("[data-role=libraries] tbody tr").count()).resolves.toBe(4);
    await expect(converter.locator("a[data-role=entry]").getAttribute("href")).resolves.toMatch(/glossary\/one-cycle\/$/);
    await context.close();
  });

  it("converts a pasted Keras call, and refuses a hostile one with a notice", async () => {
    const page = await site.browser.newPage();
    const log = watch(page, site.server.origin);
    await page.goto(site.server.url("convert/"), { waitUntil: "networkidle" });
    const converter = page.locator("lr-converter");
    const field = converter.locator("textarea[data-role=call]");
    await converter.hover();
    await expect.poll(() => converter.getAttribute("data-state"), { timeout: 15_000 }).toBe("live");
    await field.fill("keras.optimizers.schedules.ExponentialDecay(0.1, decay_steps=10, decay_rate=0.5, staircase=True)");
    await expect.poll(() => converter.locator("[data-role=caption]").textContent()).toContain("ExponentialDecay (Keras), and the site's exponential decay");
    await expect.poll(() => converter.locator("[data-role=libraries] tbody").textContent()).toContain("StepLR");
    await expect.poll(() => converter.locator("a[data-role=explorer]").getAttribute("href")).toMatch(/embed\/explorer\/exponential\/\?kind=exponential&lr=0\.1/);
    const plot = await converter.locator("[data-role=plot]").innerHTML();
    await field.fill("os.system('rm -rf /')");
    await expect.poll(() => converter.locator("[data-role=notice]").textContent()).toContain("unknown scheduler `system`");
    await field.fill("StepLR(opt, step_size=2, gama=0.5)");
    await expect.poll(() => converter.locator("[data-role=notice]").textContent()).toContain("StepLR has no argument `gama`; it takes step_size, gamma");
    expect(await converter.locator("[data-role=caption]").textContent()).toContain("ExponentialDecay");
    expect((await converter.locator("[data-role=plot]").innerHTML()).length).toBeGreaterThan(plot.length / 2);
    expect(log.pageErrors).toEqual([]);
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  });
});
