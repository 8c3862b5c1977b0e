// A written schedule (a Python lambda) in the playground's race, in real Chromium:
// carried by the permalink, typeset in the legend, trained at exactly its
// rates (the exported CSV), kept when another setting changes, typed in
// live in the Python editor (one line: Enter or leaving the field commits),
// and a hostile expression in the address refused with a notice.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { useBuiltSite } from "../support/built-site.ts";
import { watch } from "../support/browser.ts";
import { sampleSchedule } from "../../src/schedules/index.ts";

const site = useBuiltSite();
// Arithmetic and powers only: Chromium's Math.cos/exp may differ from Node's in the last bit.
const EXPR = "lambda t: 1 if t < 20 else 0.5 ** ((t - 20) // 10)";

async function csvRates(page: Page, run: number): Promise<number[]> {
  const race = page.locator("lr-training-race");
  const [download] = await Promise.all([page.waitForEvent("download"), race.locator("[data-export=csv]").click()]);
  const lines = readFileSync((await download.path()) as string, "utf8").trim().split(/\r\n/).slice(1);
  const names = [...new Set(lines.map((l) => l.split(",")[1]))];
  return lines.filter((l) => l.split(",")[1] === names[run]).map((l) => Number(l.split(",")[2]));
}

describe("a written schedule in the race", () => {
  it("comes from the permalink, is typeset, and trains at exactly its rates", async () => {
    const page = await site.browser.newPage({ acceptDownloads: true });
    const log = watch(page, site.server.origin);
    const query = new URLSearchParams({ task: "xor", schedules: "constant,lambda", steps: "60", seed: "2", lr: "0.4", expr: EXPR });
    await page.goto(site.server.url(`playground/?${query.toString()}`), { waitUntil: "networkidle" });
    const race = page.locator("lr-training-race");
    await expect.poll(() => race.getAttribute("data-state")).toBe("live");
    await expect(race.locator("[data-role=notice]").isHidden()).resolves.toBe(true);
    await expect(race.locator("[data-setting=expression]").inputValue()).resolves.toBe(EXPR);
    // The legend typesets the expression (the floor of (t − 20)/10), not the family's generic f(t).
    await expect.poll(() => race.locator("[data-role=legend] li").nth(1).locator(".katex").count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await expect(race.locator("[data-role=legend] li").nth(1).textContent()).resolves.toMatch(/⌊|lfloor/);
    await race.locator("[data-action=run]").click();
    await expect.poll(() => race.getAttribute("data-run"), { timeout: 60_000 }).toBe("done");
    const expected = sampleSchedule({ kind: "lambda", lr: 0.4, expression: EXPR }, 60);
    const rates = await csvRates(page, 1);
    expect(rates).toHaveLength(60);
    rates.forEach((r, t) => expect(r).toBeCloseTo(expected[t]!, 6));
    // Another setting changes: the expression stays, and so does the permalink's expr.
    await race.locator("[data-setting=seed]").fill("9");
    await race.locator("[data-setting=seed]").dispatchEvent("change");
    await expect.poll(() => new URL(page.url()).searchParams.get("seed")).toBe("9");
    expect(new URL(page.url()).searchParams.get("expr")).toBe(EXPR);
    // Reaching for the field swaps in the converter's Python editor, highlighted, holding the expression.
    const textarea = race.locator("[data-setting=expression]");
    const editor = race.locator(".race-expression .cm-content");
    await expect(editor.count()).resolves.toBe(0);
    await textarea.focus();
    await expect.poll(() => editor.count(), { timeout: 15_000 }).toBe(1);
    await expect(textarea.isHidden()).resolves.toBe(true);
    await expect(editor.getAttribute("aria-label")).resolves.toBe("Written expression: a Python lambda of the step t (the rate is the peak rate times it)");
    await expect(editor.textContent()).resolves.toBe(EXPR);
    await expect(editor.locator("span", { hasText: /^0\.5$/ }).count()).resolves.toBeGreaterThan(0);
    // A new expression typed in: nothing changes while typing; Enter commits it without breaking the line, and the address follows.
    await editor.fill("lambda t: 0.9 ** t");
    await expect(textarea.inputValue()).resolves.toBe("lambda t: 0.9 ** t");
    expect(new URL(page.url()).searchParams.get("expr")).toBe(EXPR);
    await page.keyboard.press("Enter");
    await expect.poll(() => new URL(page.url()).searchParams.get("expr")).toBe("lambda t: 0.9 ** t");
    await expect(editor.locator(".cm-line").count()).resolves.toBe(1);
    // A line break pasted in becomes a space; leaving the field commits, as a text input does.
    await editor.fill("lambda t: 0.5 **\n(t / 50)");
    await expect(editor.textContent()).resolves.toBe("lambda t: 0.5 ** (t / 50)");
    await race.locator("[data-setting=seed]").focus();
    await expect.poll(() => new URL(page.url()).searchParams.get("expr")).toBe("lambda t: 0.5 ** (t / 50)");
    // A bad one is refused with the reason, and the race keeps the last.
    await editor.fill("lambda t: open('/etc/passwd')");
    await page.keyboard.press("Enter");
    await expect.poll(() => race.locator("[data-role=notice]").textContent()).toMatch(/expression: .*open/);
    expect(new URL(page.url()).searchParams.get("expr")).toBe("lambda t: 0.5 ** (t / 50)");
    expect(log.pageErrors).toEqual([]);
    expect(log.foreignRequests).toEqual([]);
  }, 120_000);

  it("refuses a hostile expression in the address with a notice, racing the default expression", async () => {
    const page = await site.browser.newPage();
    const log = watch(page, site.server.origin);
    const query = new URLSearchParams({ schedules: "constant,lambda", expr: "__import__('os').system('rm -rf /')<img src=x onerror=alert(1)>" });
    await page.goto(site.server.url(`playground/?${query.toString()}`), { waitUntil: "networkidle" });
    const race = page.locator("lr-training-race");
    await expect.poll(() => race.getAttribute("data-state")).toBe("live");
    const notice = (await race.locator("[data-role=notice]").textContent()) ?? "";
    expect(notice).toMatch(/expr: /);
    await expect(race.locator("[data-role=notice] img").count()).resolves.toBe(0);
    await expect(race.locator("[data-setting=expression]").inputValue()).resolves.toBe("lambda t: 0.5 ** (t / 25)");
    await expect(race.locator("[data-kind=lambda]").isChecked()).resolves.toBe(true);
    // A rate that turns negative at some step of this race is refused, naming the step.
    await page.goto(site.server.url(`playground/?${new URLSearchParams({ schedules: "lambda", steps: "400", expr: "lambda t: 1 - t / 100" }).toString()}`), { waitUntil: "networkidle" });
    await expect.poll(() => race.getAttribute("data-state")).toBe("live");
    await expect(race.locator("[data-role=notice]").textContent()).resolves.toMatch(/expr: .*negative.*t = 101/);
    expect(log.pageErrors).toEqual([]);
  }, 60_000);
});
