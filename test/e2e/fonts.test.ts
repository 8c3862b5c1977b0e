// The site's faces are cut to the characters it sets (npm run fonts, scripts/font-subsets.ts), and each page preloads
// those it lays out before its first paint (src/site/page-characters.ts, Base.astro). Held here against the built pages
// and against what Chromium fetches.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { describeCodePoint, KATEX_CUT, uncovered, type FontManifest } from "../../scripts/font-subsets.ts";
import { useBuiltSite } from "../support/built-site.ts";
import { DIST, htmlFiles, read, routeOf } from "../support/dist.ts";

const site = useBuiltSite();
const manifest = JSON.parse(readFileSync("src/fonts/fonts.json", "utf8")) as FontManifest;
/** Lighthouse's phone (its mobile settings), as the audit loads a page. */
const phone = () => site.browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
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

  it("are the faces Chromium fetches for the first screen: none preloaded in vain, none of the large ones missed", async () => {
    const context = await phone();
    const wrong: string[] = [];
    for (const route of ROUTES) {
      const page = await context.newPage();
      const fetched = new Set<string>();
      page.on("request", (request) => {
        if (request.resourceType() === "font") fetched.add(faceOf(request.url()));
      });
      await page.goto(site.server.url(route), { waitUntil: "load" });
      await page.evaluate(() => document.fonts.ready);
      await page.waitForTimeout(200);
      const preloaded = await page.evaluate(() => [...document.querySelectorAll<HTMLLinkElement>('link[rel=preload][as=font]')].map((link) => link.href));
      const wanted = new Set(preloaded.map(faceOf));
      const unpreloaded = [...fetched].filter((face) => !wanted.has(face) && (bytes.get(face) ?? Infinity) >= SMALL);
      const unused = [...wanted].filter((face) => !fetched.has(face));
      // KaTeX's own files for the faces the site cuts are never fetched (fonts.css declares each KaTeX face once).
      const katexOwn = [...fetched].filter((face) => KATEX_CUT.some((k) => k.file === face));
      if (unpreloaded.length || unused.length || katexOwn.length) wrong.push(`/${route}: fetched without a preload [${unpreloaded.join(", ")}], preloaded but not fetched [${unused.join(", ")}], KaTeX's own [${katexOwn.join(", ")}]`);
      await page.close();
    }
    await context.close();
    expect(wrong).toEqual([]);
  });
});
