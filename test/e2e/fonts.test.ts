// The site's faces are cut to the characters it sets (npm run fonts, scripts/font-subsets.ts), and each page preloads
// those it lays out before its first paint (src/site/page-characters.ts, Base.astro). Held here against the built pages
// and against what Chromium fetches.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { describeCodePoint, KATEX_CUT, uncovered, type FontManifest } from "../../scripts/font-subsets.ts";
import { phoneContext, useBuiltSite } from "../support/built-site.ts";
import { DIST, htmlFiles, read, routeOf } from "../support/dist.ts";

const site = useBuiltSite();
const manifest = JSON.parse(readFileSync("src/fonts/fonts.json", "utf8")) as FontManifest;
const phone = () => phoneContext(site.browser);
/** A font file's name without Vite's hash: "inter-latin-wght-normal". */
const faceOf = (url: string) => url.split("/").pop()!.replace(/\.[\w-]{8}\.woff2$/, "");

describe("the subset faces", () => {
  it("hold every character a built page sets in them", () => {
    const missing = htmlFiles().flatMap((file) => uncovered(read(file), manifest).map(({ face, codePoint }) => `/${routeOf(file)}: ${describeCodePoint(codePoint)} (${face})`));
    expect(missing, "a page sets characters its face's subset lacks: run npm run build && npm run fonts && npm run build").toEqual([]);
  });

  it("would catch a page with a character they lack", () => {
    const page = '<p>café η <code>x</code> <span class="katex"><span class="katex-html">∑</span></span></p>';
    expect(uncovered(page, manifest)).toEqual([]);
    // The same page against subsets that hold printable ASCII alone.
    const asciiOnly: FontManifest = { ...manifest, faces: manifest.faces.map((face) => ({ ...face, unicodeRange: "U+20-7E" })) };
    const found = uncovered(page, asciiOnly).map(({ face, codePoint }) => `${describeCodePoint(codePoint)} (${face})`);
    expect(found).toEqual(expect.arrayContaining(["U+2211 ∑ (KaTeX_Main)", "U+00E9 é (Source Serif 4 Variable normal)", "U+03B7 η (Source Serif 4 Variable normal)", "U+00E9 é (Inter Variable normal)"]));
    expect(found.filter((line) => line.startsWith("U+0078"))).toEqual([]);
  });
});

describe("font preloads", () => {
  // The audited pages, and pages whose first screen is set differently: an index, a concept entry, a long notebook, an embed.
  const ROUTES = ["", "glossary/cosine-annealing/", "notebooks/step-exponential-cosine-race/", "playground/", "glossary/", "glossary/adam/", "notebooks/warmup-and-transformers/", "embed/range-test/"];

  // A face under 8 KB (a Greek or Latin Extended subset, KaTeX's delimiter sizes) may be fetched when a block near the
  // first screen is drawn without being preloaded: reading "near" from the HTML would take the layout itself.
  const bytes = new Map(readdirSync(join(DIST, "_astro")).filter((name) => name.endsWith(".woff2")).map((name) => [faceOf(name), statSync(join(DIST, "_astro", name)).size]));
  const SMALL = 8 * 1024;

  const isKatex = (face: string) => face.startsWith("KaTeX_");

  it("are the faces the first screen sets: none preloaded in vain, none of the large ones missed", async () => {
    const context = await phone();
    const wrong: string[] = [];
    for (const route of ROUTES) {
      const page = await context.newPage();
      // The page as built names its preloads; the same page with them taken out shows what its first layout asks for.
      // (A preload is a fetch, and the face it matches counts as loaded, used or not.)
      const html = await (await fetch(site.server.url(route))).text();
      const preloaded = new Set([...html.matchAll(/<link rel="preload" href="([^"]+\.woff2)" as="font"/g)].map((m) => faceOf(m[1]!)));
      const stripped = html.replace(/<link rel="preload" href="[^"]+\.woff2" as="font"[^>]*>/g, "");
      expect(stripped.length, route).toBeLessThan(html.length);
      await page.route(site.server.url(route), (request) => request.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: stripped }));
      const fetched = new Set<string>();
      page.on("request", (request) => {
        if (request.resourceType() === "font") fetched.add(faceOf(request.url()));
      });
      await page.goto(site.server.url(route), { waitUntil: "load" });
      await page.evaluate(() => document.fonts.ready);
      await page.waitForTimeout(200);
      const missed = [...fetched].filter((face) => !preloaded.has(face) && (bytes.get(face) ?? Infinity) >= SMALL);
      // KaTeX's faces are preloaded wherever the page sets them, first screen or not (src/site/page-characters.ts).
      const inVain = [...preloaded].filter((face) => !fetched.has(face) && !isKatex(face));
      // KaTeX's own files for the faces the site cuts are never fetched (fonts.css declares each KaTeX face once).
      const katexOwn = [...fetched].filter((face) => KATEX_CUT.some((k) => k.file === face));
      if (missed.length || inVain.length || katexOwn.length) wrong.push(`/${route}: laid out without a preload [${missed.join(", ")}], preloaded, not laid out [${inVain.join(", ")}], KaTeX's own [${katexOwn.join(", ")}]`);
      await page.close();
    }
    await context.close();
    expect(wrong).toEqual([]);
  });
});
