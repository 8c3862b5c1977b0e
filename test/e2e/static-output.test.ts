// Checks on the production build itself (no browser): static files only,
// zero JS where no island is, every asset under the base path.
import { describe, expect, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import { BASE, DIST, htmlFiles, read, routeOf } from "../support/dist.ts";

const pages = htmlFiles();
const scriptsOf = (html: string) => [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);

describe("the production build", () => {
  it("exists and emits the expected routes", () => {
    const routes = pages.map(routeOf);
    for (const route of ["", "glossary/", "notebooks/", "404.html", "glossary/exponential-decay/", "glossary/learning-rate/"]) {
      expect(routes).toContain(route);
    }
  });

  it("emits only static files (no server entry points)", () => {
    expect(existsSync(join(DIST, "server"))).toBe(false);
    expect(existsSync(join(DIST, "_worker.js"))).toBe(false);
  });

  it("ships no script on a glossary page without an island", () => {
    const plain = pages.filter((p) => /glossary[\\/]/.test(p) && !/<lr-(schedule-figure|loss-landscape|training-race)\b/.test(read(p)));
    expect(plain.length).toBeGreaterThan(1);
    for (const page of plain) expect(scriptsOf(read(page)), page).toEqual([]);
  });

  it("ships a small loader, not Plot, on a page with a schedule figure", () => {
    const html = read(join(DIST, "glossary/exponential-decay/index.html"));
    const sources = scriptsOf(html).flatMap((tag) => /src="([^"]+)"/.exec(tag)?.[1] ?? []);
    const inline = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? "");
    const bytes = [
      ...sources.map((src) => readFileSync(join(DIST, src.slice(BASE.length)))),
      ...inline.map((code) => Buffer.from(code)),
    ];
    const gzipped = bytes.reduce((n, b) => n + gzipSync(b).length, 0);
    expect(gzipped).toBeGreaterThan(0);
    expect(gzipped).toBeLessThan(2_000);
  });

  it("references every local asset under the base path, and nothing on another origin", () => {
    for (const page of pages) {
      const html = read(page);
      for (const [, attr, url] of html.matchAll(/<(?:script|link|img|source)\b[^>]*?\b(src|href)="([^"]+)"/g)) {
        expect(url!.startsWith(BASE) || url!.startsWith("data:"), `${page}: ${attr}="${url}"`).toBe(true);
        if (url!.startsWith(BASE)) expect(existsSync(join(DIST, url!.slice(BASE.length).split("#")[0]!)), url).toBe(true);
      }
    }
  });

  it("renders formulas to KaTeX HTML at build time", () => {
    const html = read(join(DIST, "glossary/exponential-decay/index.html"));
    expect(html).toContain('class="katex"');
    expect(html).toContain("<math");
    expect(html).not.toContain("katex-error");
  });
});

describe("the libraries page", () => {
  it("shows every concept of the cross-library table with its first difference marked, and ships no script", async () => {
    const { crosswalk } = await import("../../src/schedules/frameworks/crosswalk.ts");
    const html = read(join(DIST, "libraries", "index.html"));
    for (const row of crosswalk) {
      expect(html, row.concept).toContain(`id="${row.kind}"`);
      for (const d of row.differences) expect(html).toContain(`First difference at update ${d.demo.firstDifference}`);
    }
    expect(html.match(/class="first-difference"/g)?.length).toBe(crosswalk.flatMap((r) => r.differences).length);
    expect(scriptsOf(html)).toEqual([]);
  });
});
