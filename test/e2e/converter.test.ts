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
    const textarea = converter.locator("textarea[data-role=call]");
    await converter.hover();
    await expect.poll(() => converter.getAttribute("data-state"), { timeout: 15_000 }).toBe("live");
    // No editor code before the reader reaches for the field; focusing it swaps in the Python editor, highlighted.
    await expect(converter.locator(".cm-editor").count()).resolves.toBe(0);
    await textarea.focus();
    const field = converter.locator(".cm-content");
    await expect.poll(() => field.count(), { timeout: 15_000 }).toBe(1);
    await expect(textarea.isHidden()).resolves.toBe(true);
    await expect(field.getAttribute("aria-label")).resolves.toBe("A scheduler call, as written in Python");
    await expect.poll(() => field.evaluate((el) => el.matches(":focus"))).toBe(true);
    await expect(field.textContent()).resolves.toBe("torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=0.1, total_steps=100)");
    // Highlighted by the Python grammar: the number is in its own styled span.
    await expect(field.locator("span", { hasText: /^0\.1$/ }).count()).resolves.toBeGreaterThan(0);
    await field.fill("keras.optimizers.schedules.ExponentialDecay(0.1, decay_steps=10, decay_rate=0.5, staircase=True)");
    await expect.poll(() => converter.locator("[data-role=caption]").textContent()).toContain("ExponentialDecay (Keras), and the site's exponential decay");
    await expect.poll(() => converter.locator("[data-role=libraries] tbody").textContent()).toContain("StepLR");
    await expect.poll(() => converter.locator("a[data-role=explorer]").getAttribute("href")).toMatch(/embed\/explorer\/exponential\/\?kind=exponential&lr=0\.1/);
    const plot = await converter.locator("[data-role=plot]").innerHTML();
    await field.fill("os.system('rm -rf /')");
    await expect.poll(() => converter.locator("[data-role=notice]").textContent()).toContain("unknown scheduler `system`");
    await field.fill("StepLR(opt, step_size=2, gama=0.5)");
    await expect.poll(() => converter.locator("[data-role=notice]").textContent()).toContain("StepLR has no argument `gama`; it takes step_size, gamma");
    await expect(field.getAttribute("aria-invalid")).resolves.toBe("true");
    // The hidden textarea holds the editor's text (the form's value and the fallback).
    await expect(textarea.inputValue()).resolves.toBe("StepLR(opt, step_size=2, gama=0.5)");
    expect(await converter.locator("[data-role=caption]").textContent()).toContain("ExponentialDecay");
    expect((await converter.locator("[data-role=plot]").innerHTML()).length).toBeGreaterThan(plot.length / 2);
    expect(log.pageErrors).toEqual([]);
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  });

  it("is linked from the site's navigation, marked as the current page there", async () => {
    const page = await site.browser.newPage();
    await page.goto(site.server.url(""));
    await page.locator("nav[aria-label=Site] a", { hasText: "Convert" }).click();
    await page.waitForURL(/\/convert\/$/);
    await expect(page.locator("nav[aria-label=Site] a[aria-current=page]").textContent()).resolves.toBe("Convert");
    await page.close();
  });
});

describe("/embed/convert/", () => {
  const CALL = "get_cosine_schedule_with_warmup(optimizer, num_warmup_steps=10, num_training_steps=100)";

  it("converts the call its address poses, with no site chrome, and a permalink on /convert/ does the same", async () => {
    const page = await site.browser.newPage();
    const log = watch(page, site.server.origin);
    for (const path of ["embed/convert/", "convert/"]) {
      await page.goto(site.server.url(`${path}?${new URLSearchParams({ call: CALL, lr: "0.5" }).toString()}`), { waitUntil: "networkidle" });
      const converter = page.locator("lr-converter");
      await expect.poll(() => converter.getAttribute("data-state"), { timeout: 15_000 }).toBe("live");
      await expect(converter.locator("textarea[data-role=call]").inputValue()).resolves.toBe(CALL);
      await expect(converter.locator("input[data-role=base]").inputValue()).resolves.toBe("0.5");
      await expect(converter.locator("[data-role=caption]").textContent()).resolves.toContain("get_cosine_schedule_with_warmup (Hugging Face)");
      await expect(converter.locator("[data-role=notice]").isHidden()).resolves.toBe(true);
    }
    await page.goto(site.server.url("embed/convert/"));
    await expect(page.locator("header, nav[aria-label=Site]").count()).resolves.toBe(0);
    expect(log.pageErrors).toEqual([]);
    expect(log.foreignRequests).toEqual([]);
    await page.close();
  });

  it("refuses a hostile call or lr in its address with a notice, keeping the example", async () => {
    const page = await site.browser.newPage();
    const log = watch(page, site.server.origin);
    const hostile = new URLSearchParams({ call: "LambdaLR(opt, lambda t: __import__('os').system('rm -rf /'))<img src=x onerror=alert(1)>", lr: "Infinity", "\u202Eevil": "1" });
    await page.goto(site.server.url(`embed/convert/?${hostile.toString()}`), { waitUntil: "networkidle" });
    const converter = page.locator("lr-converter");
    await expect.poll(() => converter.getAttribute("data-state"), { timeout: 15_000 }).toBe("live");
    const notice = (await converter.locator("[data-role=notice]").textContent()) ?? "";
    expect(notice).toMatch(/call: .*; using the example/);
    expect(notice).toMatch(/lr: must be a number/);
    expect(notice).toMatch(/ignored: /);
    expect(notice).not.toContain("\u202E");
    await expect(converter.locator("[data-role=notice] img").count()).resolves.toBe(0);
    await expect(converter.locator("textarea[data-role=call]").inputValue()).resolves.toMatch(/^torch\.optim\.lr_scheduler\.OneCycleLR\(/);
    await expect(converter.locator("[data-role=caption]").textContent()).resolves.toContain("OneCycleLR (PyTorch)");
    // Editing the call clears the address's notice.
    await converter.locator("textarea[data-role=call]").focus();
    await expect.poll(() => converter.locator(".cm-content").count(), { timeout: 15_000 }).toBe(1);
    await converter.locator(".cm-content").fill("StepLR(opt, step_size=10)");
    await expect.poll(() => converter.locator("[data-role=notice]").isHidden()).toBe(true);
    expect(log.pageErrors).toEqual([]);
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  });
});
