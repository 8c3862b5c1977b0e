// A schedule written as an expression, typed into the explorer in real Chromium (built site).
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { hydratedExplorer, useBuiltSite } from "../support/built-site.ts";
import { watch } from "../support/browser.ts";

const site = useBuiltSite();

const hydrated = (page: Page, route: string) => hydratedExplorer(page, site.server.url(route));

/** The drawn curves (not the pointer's tip, which follows the mouse). */
const curves = (page: Page) =>
  page.locator("lr-schedule-figure [data-role=plot] svg").evaluate((svg) =>
    [...svg.querySelectorAll("path")].filter((p) => !p.closest("[aria-label=tip], [data-mark=tip]")).map((p) => p.getAttribute("d")).join("|"),
  );

const firstRates = (page: Page) =>
  page.locator("lr-schedule-figure [data-role=table] tbody tr").evaluateAll((rows) => rows.slice(0, 3).map((r) => r.children[1]?.textContent ?? ""));

describe("the expression explorer", () => {
  it("redraws the curve, the typeset formula, the table and the PyTorch code as the reader types", async () => {
    const page = await site.browser.newPage();
    const log = watch(page, site.server.origin);
    const explorer = await hydrated(page, "glossary/lambda-schedule/");
    const plot = explorer.locator("[data-role=plot]");
    const before = await plot.innerHTML();
    const field = explorer.locator("textarea[data-choice=expression]");
    await field.fill("lambda epoch: 2 if epoch < 1 else 0.5 ** (epoch // 30)");
    // The reader's first expression of their own loads the Python grammar (the page's own came parsed): generous wait.
    await expect.poll(() => plot.innerHTML(), { timeout: 30_000 }).not.toBe(before);
    await expect.poll(() => firstRates(page)).toEqual(["0.2", "0.1", "0.1"]);
    // KaTeX typesets the reader's own expression: floor brackets and a cases brace.
    await expect.poll(() => explorer.locator("[data-role=formula] .katex-mathml annotation").textContent()).toContain("\\left\\lfloor t/30 \\right\\rfloor");
    // The code panels update when the reader reaches them (their adapters load then).
    await explorer.locator("details[data-library=pytorch] code").scrollIntoViewIfNeeded();
    await expect.poll(() => explorer.locator("details[data-library=pytorch] code").textContent()).toContain("LambdaLR(optimizer, lr_lambda=lambda epoch: 2 if epoch < 1 else 0.5 ** (epoch // 30))");
    await expect.poll(() => explorer.locator("[data-role=libraries] tr[data-library=pytorch]").textContent()).toContain("yes, at every step shown");
    expect(log.pageErrors).toEqual([]);
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  });

  it("refuses a hostile expression with a message naming it, and keeps the last curve", async () => {
    const page = await site.browser.newPage();
    const explorer = await hydrated(page, "glossary/lambda-schedule/");
    const field = explorer.locator("textarea[data-choice=expression]");
    await field.fill("lambda t: 0.9 ** t");
    // The table's first rows are steps 0, 10 and 20: 0.1 · 0.9^t (after the grammar loads for this first edit).
    await expect.poll(() => firstRates(page), { timeout: 30_000 }).toEqual(["0.1", "0.03487", "0.01216"]);
    const drawn = await curves(page);
    expect(drawn.length).toBeGreaterThan(100);
    const notice = explorer.locator("[data-role=notice]");
    await field.fill("lambda t: __import__('os').system('x')");
    await expect.poll(() => notice.textContent()).toMatch(/attribute access .* is not allowed here/);
    await field.fill("lambda t: open(t)");
    await expect.poll(() => notice.textContent()).toContain("`open` is not allowed here; use math functions and t (characters 11–14)");
    await field.fill("lambda t: 1 / t");
    await expect.poll(() => notice.textContent()).toContain("division by zero at t = 0");
    expect(await curves(page)).toBe(drawn);
    expect(await firstRates(page)).toEqual(["0.1", "0.03487", "0.01216"]);
    await page.close();
  });

  it("reproduces an expression from a permalink, and refuses a hostile one in the URL with a notice", async () => {
    const page = await site.browser.newPage();
    const good = new URLSearchParams({ kind: "lambda", lr: "0.3", expression: "lambda s: s / 20 if s < 20 else 1" });
    await page.goto(site.server.url(`embed/explorer/lambda/?${good}`), { waitUntil: "networkidle" });
    const explorer = page.locator("lr-schedule-figure").first();
    await expect.poll(() => explorer.getAttribute("data-state")).toBe("live");
    await expect.poll(() => explorer.locator("textarea[data-choice=expression]").inputValue()).toBe("lambda s: s / 20 if s < 20 else 1");
    await expect.poll(() => firstRates(page)).toEqual(["0", "0.15", "0.3"]);
    const bad = new URLSearchParams({ kind: "lambda", expression: "lambda t: __import__('os')" });
    await page.goto(site.server.url(`embed/explorer/lambda/?${bad}`), { waitUntil: "networkidle" });
    await expect.poll(() => page.locator("lr-schedule-figure [data-role=notice]").textContent()).toContain("`__import__` is not allowed here");
    await expect.poll(() => page.locator("lr-schedule-figure textarea[data-choice=expression]").inputValue()).toBe("lambda t: 0.5 ** (t / 25)");
    await page.close();
  });
});
