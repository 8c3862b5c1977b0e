// src/fonts/ is what `npm run fonts` writes (scripts/fonts.ts): the files, their manifest and src/styles/fonts.css
// agree, come from the installed packages' files, and are reproduced byte for byte from the manifest.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import subsetFont from "subset-font";
import { describe, expect, it } from "vitest";
import { FACES, FONT_DISPLAY, formatUnicodeRange, parseUnicodeRange, sha256, type FontManifest } from "../../scripts/font-subsets.ts";

const manifest = JSON.parse(readFileSync("src/fonts/fonts.json", "utf8")) as FontManifest;
const css = readFileSync("src/styles/fonts.css", "utf8");
const katexMin = readFileSync("node_modules/katex/dist/katex.min.css", "utf8");

describe("src/fonts", () => {
  it("holds exactly the files of its manifest, unchanged since they were written", () => {
    const files = readdirSync("src/fonts").filter((name) => name.endsWith(".woff2")).sort();
    expect(files).toEqual(manifest.faces.map((face) => face.file).sort());
    for (const face of manifest.faces) expect(sha256(readFileSync(join("src/fonts", face.file))), face.file).toBe(face.sha256);
  });

  it("comes from the installed packages' files (after an update: npm run build && npm run fonts)", () => {
    for (const face of manifest.faces) expect(sha256(readFileSync(join("node_modules", face.source))), face.source).toBe(face.sourceSha256);
  });

  it("is declared in src/styles/fonts.css, one @font-face per file, optional, with its characters as unicode-range", () => {
    const rules = [...css.matchAll(/@font-face \{([^}]*)\}/g)].map((m) => m[1]!);
    // KaTeX's faces, each declared once (the cut ones from src/fonts, the others from the package), then the text faces.
    const katexFaces = [...katexMin.matchAll(/@font-face\{/g)].length;
    expect(rules).toHaveLength(manifest.faces.filter((face) => !face.family.startsWith("KaTeX_")).length + katexFaces);
    expect(rules.every((rule) => rule.includes(`font-display: ${FONT_DISPLAY};`))).toBe(true);
    for (const face of manifest.faces) {
      const rule = rules.find((r) => r.includes(`url("../fonts/${face.file}")`));
      expect(rule, face.file).toBeDefined();
      expect(rule).toContain(`font-family: "${face.family}";`);
      expect(rule).toContain(`font-style: ${face.style};`);
      if (face.family.startsWith("KaTeX_")) expect(rule).not.toContain("unicode-range");
      else expect(rule).toContain(`unicode-range: ${face.unicodeRange};`);
    }
    // Every text face the layouts name has its Latin subset.
    for (const face of FACES) expect(manifest.faces.some((r) => r.family === face.family && r.style === face.style && r.file.includes("-latin-wght-"))).toBe(true);
  });

  it("has KaTeX's stylesheet in src/styles/katex.css, all of it but its @font-face rules", () => {
    const katex = readFileSync("src/styles/katex.css", "utf8");
    expect(katex).not.toMatch(/@font-face\s*\{/);
    expect(katex.slice(katex.indexOf("*/") + 2).trim()).toBe(katexMin.replace(/@font-face\{[^}]*\}/g, "").trim());
  });

  // One face of each way of cutting (a weight range, one weight, KaTeX's without axes): all of them take 7 s.
  const SAMPLE = ["inter-latin-ext-wght-normal.woff2", "jetbrains-mono-latin-ext-wght-normal.woff2", "KaTeX_AMS-Regular.subset.woff2"];

  it("reproduces a face cut each way byte for byte from its source, characters and weights", async () => {
    for (const face of manifest.faces.filter((r) => SAMPLE.includes(r.file))) {
      const chars = String.fromCodePoint(...parseUnicodeRange(face.unicodeRange).flatMap(([low, high]) => Array.from({ length: high - low + 1 }, (_, i) => low + i)));
      const [low, high] = face.weight;
      const axes = face.family.startsWith("KaTeX_") ? undefined : { wght: low === high ? low : { min: low, max: high } };
      const again = await subsetFont(readFileSync(join("node_modules", face.source)), chars, { targetFormat: "woff2", variationAxes: axes });
      expect(sha256(again), face.file).toBe(face.sha256);
    }
    expect(manifest.faces.filter((r) => SAMPLE.includes(r.file))).toHaveLength(SAMPLE.length);
  });
});

describe("unicode ranges", () => {
  it("read and write each other", () => {
    expect(parseUnicodeRange("U+0000-00FF,U+0131, U+2212")).toEqual([[0, 255], [0x131, 0x131], [0x2212, 0x2212]]);
    expect(formatUnicodeRange([0x41, 0x42, 0x43, 0x3b7, 0x2212, 0x3b7])).toBe("U+41-43,U+3B7,U+2212");
    expect(() => parseUnicodeRange("U+00ZZ")).toThrow(/cannot read "U\+00ZZ"/);
  });
});
