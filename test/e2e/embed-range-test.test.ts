// /embed/range-test/ in real Chromium, as a course page shows it: inside a
// 390-pixel iframe, configured by the README's example address, it takes its
// settings from that address, trains in a worker to a reading, fits its frame, and reports no page
// error; on its own it has no site chrome, names hostile parameters in a
// notice and passes axe.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { useBuiltSite } from "../support/built-site.ts";
import { watch } from "../support/browser.ts";
import { strictAxe } from "../support/axe.ts";

const site = useBuiltSite();
const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
/** The iframe address the README gives course authors, on this server. */
const documented = (() => {
  const src = /src="https:\/\/example\.github\.io\/lr-atlas\/(embed\/range-test\/\?[^"]+)"/.exec(readme)?.[1];
  if (!src) throw new Error("README.md has no <iframe> example for embed/range-test/");
  return src;
})();

describe("embed/range-test", () => {
  it("runs inside a 390-pixel iframe from the README's address: settings from the URL, a reading, no page error", async () => {
    const page = await site.browser.newPage({ viewport: { width: 430, height: 1000 } });
    const log = watch(page, site.server.origin);
    // Uncaught errors inside the iframe, recorded by the frame itself (every frame runs the init script).
    await page.addInitScript(() => {
      const w = window as unknown as { __errors: string[] };
      w.__errors = [];
      window.addEventListener("error", (e) => w.__errors.push(String(e.message)));
      window.addEventListener("unhandledrejection", (e) => w.__errors.push(String(e.reason)));
    });
    await page.goto(site.server.url("404.html"));
    await page.evaluate((src) => {
      document.body.innerHTML = `<iframe src="${src}" title="Learning-rate range test" width="390" height="900" style="border:0"></iframe>`;
    }, site.server.url(documented));
    const frame = page.frameLocator("iframe");
    const island = frame.locator("lr-range-test");
    const query = new URLSearchParams(documented.split("?")[1]);
    // A page in URL-state mode loads the live code as soon as it shows the island, and applies the address.
    await expect.poll(() => island.getAttribute("data-state"), { timeout: 60_000 }).toBe("ready");
    await expect(island.locator("[data-setting=task]").inputValue()).resolves.toBe(query.get("task"));
    await expect(island.locator("[data-setting=optimizer]").inputValue()).resolves.toBe(query.get("optimizer"));
    await expect(island.locator("[data-setting=steps]").inputValue()).resolves.toBe(query.get("steps"));
    await expect(island.locator("[data-role=notice]").isHidden()).resolves.toBe(true);
    await island.locator("[data-action=run]").click();
    await expect.poll(() => island.getAttribute("data-state"), { timeout: 120_000 }).toBe("done");
    await expect(island.locator("[data-role=status]").textContent()).resolves.toMatch(new RegExp(`^Done: \\d+ of ${query.get("steps")} steps`));
    const readings = await island.locator("[data-role=readings] li").allTextContents();
    expect(readings.length).toBeGreaterThan(0);
    for (const line of readings) expect(line).toMatch(/^The (exponential|linear) sweep (did not diverge|diverged at rate)/);
    expect(readings.join(" ")).not.toMatch(/NaN|undefined/);
    await expect(island.locator("[data-role=figure] svg g[data-mark=line] path").count()).resolves.toBeGreaterThan(0);
    const inner = page.frames().find((f) => f.url().includes("embed/range-test/"));
    expect(inner).toBeDefined();
    await expect(inner?.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
    await expect(inner?.evaluate(() => (window as unknown as { __errors: string[] }).__errors)).resolves.toEqual([]);
    expect(log.pageErrors).toEqual([]);
    expect(log.consoleErrors).toEqual([]);
    expect(log.foreignRequests).toEqual([]);
    await page.close();
  }, 240_000);

  it("has no site chrome, links back to the notebook, names hostile parameters, and passes axe", async () => {
    const page = await site.browser.newPage({ viewport: { width: 390, height: 844 } });
    const log = watch(page, site.server.origin);
    await page.goto(site.server.url("embed/range-test/?task=%3Cimg%20src%3Dx%3E&high=Infinity&modes=cubic&seed=3"), { waitUntil: "networkidle" });
    await expect(page.locator(".site-header").count()).resolves.toBe(0);
    await expect(page.locator("h1").textContent()).resolves.toBe("Learning-rate range test");
    await expect(page.locator(".embed-source a").getAttribute("href")).resolves.toBe(new URL(site.server.url("notebooks/learning-rate-range-test/")).pathname);
    const island = page.locator("lr-range-test");
    await expect.poll(() => island.getAttribute("data-state"), { timeout: 60_000 }).toBe("ready");
    const notice = (await island.locator("[data-role=notice]").textContent()) ?? "";
    for (const key of ["task", "high", "modes"]) expect(notice, key).toMatch(new RegExp(`\\b${key}: `));
    await expect(island.locator("[data-role=notice] img").count()).resolves.toBe(0);
    await expect(island.locator("[data-setting=seed]").inputValue()).resolves.toBe("3");
    await expect(island.locator("[data-setting=task]").inputValue()).resolves.toBe("moons");
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(392);
    expect(await strictAxe(page)).toEqual([]);
    expect(log.pageErrors).toEqual([]);
    await page.close();
  }, 120_000);
});
