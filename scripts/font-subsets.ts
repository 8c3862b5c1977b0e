/**
 * The site's text faces, cut down to the characters the site sets in them (scripts/fonts.ts writes them;
 * test/e2e/fonts.test.ts holds the built pages to them).
 *
 * Each face is one of the packages' variable files (Source Serif 4, Inter, JetBrains Mono from @fontsource-variable),
 * subset with harfbuzz (the `subset-font` package) to the characters of the built pages, our own sources and printable
 * ASCII, and its weight axis narrowed to the weights the stylesheet asks for. Same family names as the packages', so the
 * font stacks in global.css are unchanged; each subset declares exactly the characters it holds as its unicode-range,
 * so a character outside falls back to the next font in the stack instead of a missing glyph.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pageCharacters } from "../src/site/page-characters.ts";

export { pageCharacters };

/** What each face is asked for: the weights global.css and the components use (400 text, 560-750 headings and UI). */
export const FACES = [
  { family: "Source Serif 4 Variable", pkg: "@fontsource-variable/source-serif-4", css: "wght.css", style: "normal", weight: [400, 700] },
  // Italic runs through the text at its regular weight; a rare bold italic is synthesised from it.
  { family: "Source Serif 4 Variable", pkg: "@fontsource-variable/source-serif-4", css: "wght-italic.css", style: "italic", weight: [400, 400] },
  { family: "Inter Variable", pkg: "@fontsource-variable/inter", css: "wght.css", style: "normal", weight: [400, 750] },
  // Code is set at one weight; code inside a heading takes a synthesised bold, as it did with the static files.
  { family: "JetBrains Mono Variable", pkg: "@fontsource-variable/jetbrains-mono", css: "wght.css", style: "normal", weight: [400, 400] },
] as const;
export type Face = (typeof FACES)[number];

/**
 * KaTeX's faces. The site declares them itself (src/styles/fonts.css) and loads KaTeX's stylesheet without its
 * @font-face rules (src/styles/katex.css), so that each face is declared once, font-display: optional (below): with two
 * declarations of a face, the browser also fetches the earlier one's file when the later one's has not arrived.
 * Two are cut, the one nearly every formula uses, KaTeX_Main (26 KB), and KaTeX_AMS (28 KB for the one ≲ on a page):
 * KaTeX_Main to the characters of the site's formulas, printable ASCII and the Greek alphabet (what an island's
 * formula may hold), KaTeX_AMS to the characters the formulas set in it. The others are KaTeX's files as they are.
 */
export const KATEX_CUT = [
  { family: "KaTeX_Main", style: "normal", file: "KaTeX_Main-Regular", cut: "formulas and base" },
  { family: "KaTeX_AMS", style: "normal", file: "KaTeX_AMS-Regular", cut: "formulas" },
] as const;

/**
 * Every face is font-display: optional. A face that is not there ~100 ms into the page's first layout is not swapped in
 * later: the page keeps the fallback until the next page, which finds the face cached. A swap after the first paint
 * moved text on every notebook (0.15-0.25 layout shift with one face held back until after it, 412 px); preloaded and
 * cut small, the faces are almost always there in time. KaTeX's own are font-display: block, and moved formulas too.
 */
export const FONT_DISPLAY = "optional";

/** Greek capitals and small letters with KaTeX's variants (ϵ ϑ ϕ ϖ ϱ ς). */
export const GREEK: readonly number[] = [...Array.from({ length: 0x3a9 - 0x391 + 1 }, (_, i) => 0x391 + i), ...Array.from({ length: 0x3c9 - 0x3b1 + 1 }, (_, i) => 0x3b1 + i), 0x3d1, 0x3d5, 0x3d6, 0x3f1, 0x3f5];

/** One of a package's files, as its stylesheet declares it. */
export interface PackageFile {
  file: string;
  family: string;
  style: string;
  /** Code points the package says the file covers. */
  ranges: [number, number][];
}

const require = createRequire(import.meta.url);

/** The directory of an installed package. */
export function packageDir(pkg: string): string {
  return dirname(require.resolve(`${pkg}/package.json`));
}

/** Parses "U+0000-00FF,U+0131" into inclusive ranges. */
export function parseUnicodeRange(text: string): [number, number][] {
  return text.split(",").map((part) => {
    const match = /^\s*U\+([0-9A-F]+)(?:-([0-9A-F]+))?\s*$/i.exec(part);
    if (!match) throw new Error(`unicode-range: cannot read ${JSON.stringify(part)} in ${JSON.stringify(text)}`);
    const low = parseInt(match[1]!, 16);
    return [low, match[2] ? parseInt(match[2], 16) : low];
  });
}

/** Writes code points as a compact unicode-range ("U+20-7E,U+B7"). */
export function formatUnicodeRange(codePoints: readonly number[]): string {
  const sorted = [...new Set(codePoints)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j += 1;
    const hex = (n: number) => n.toString(16).toUpperCase();
    parts.push(i === j ? `U+${hex(sorted[i]!)}` : `U+${hex(sorted[i]!)}-${hex(sorted[j]!)}`);
    i = j + 1;
  }
  return parts.join(",");
}

const declared = new Map<Face, PackageFile[]>();

/** The files a face's package stylesheet declares, with their ranges. */
export function packageFiles(face: Face): PackageFile[] {
  const known = declared.get(face);
  if (known) return known;
  const files = readPackageFiles(face);
  declared.set(face, files);
  return files;
}

function readPackageFiles(face: Face): PackageFile[] {
  const dir = packageDir(face.pkg);
  const css = readFileSync(join(dir, face.css), "utf8");
  const blocks = [...css.matchAll(/@font-face\s*\{([^}]*)\}/g)].map((m) => m[1]!);
  if (blocks.length === 0) throw new Error(`${face.pkg}/${face.css}: no @font-face rules`);
  return blocks.map((block) => {
    const get = (name: string) => {
      const match = new RegExp(`${name}:\\s*([^;]+);`).exec(block);
      if (!match) throw new Error(`${face.pkg}/${face.css}: an @font-face without ${name}: ${block.trim().slice(0, 200)}`);
      return match[1]!.trim();
    };
    const url = /url\(\.\/(files\/[^)]+\.woff2)\)/.exec(get("src"));
    if (!url) throw new Error(`${face.pkg}/${face.css}: cannot find the woff2 file in ${get("src")}`);
    return { file: join(dir, url[1]!), family: get("font-family").replaceAll("'", ""), style: get("font-style"), ranges: parseUnicodeRange(get("unicode-range")) };
  });
}

const inRanges = (codePoint: number, ranges: readonly [number, number][]) => ranges.some(([low, high]) => codePoint >= low && codePoint <= high);

/** Characters in our own sources outside ASCII (status lines and notices the islands write at run time). */
export function sourceCharacters(texts: Iterable<string>): Set<number> {
  const found = new Set<number>();
  for (const text of texts) for (const char of text) if (char.codePointAt(0)! > 0x7e && !/\s/.test(char)) found.add(char.codePointAt(0)!);
  return found;
}

/** Printable ASCII: every face holds it, whatever the pages use, for what readers type. */
export const ASCII: readonly number[] = Array.from({ length: 0x7e - 0x20 + 1 }, (_, i) => 0x20 + i);

/** The characters a package file's subset holds: those wanted that the package says the file covers. */
export function subsetCharacters(file: PackageFile, wanted: ReadonlySet<number>): number[] {
  return [...wanted].filter((codePoint) => inRanges(codePoint, file.ranges)).sort((a, b) => a - b);
}

export const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** One written subset, as the manifest records it. */
export interface SubsetRecord {
  /** File name under src/fonts/. */
  file: string;
  family: string;
  style: string;
  weight: [number, number];
  /** The package file it was cut from, relative to node_modules, its package version and hash. */
  source: string;
  sourceVersion: string;
  sourceSha256: string;
  /** The characters it holds, as a unicode-range (KaTeX's: the characters it was cut to, whether the face has them or not). */
  unicodeRange: string;
  sha256: string;
  bytes: number;
}

export interface FontManifest {
  generator: string;
  subsetFont: string;
  faces: SubsetRecord[];
}

/** The characters of a page the packages' files would set in a face but its subset lacks: the page would fall back. */
export function uncovered(html: string, manifest: FontManifest, faces: readonly Face[] = FACES): { face: string; codePoint: number }[] {
  const { text, math, ams } = pageCharacters(html);
  const katex = (family: string) => manifest.faces.filter((r) => r.family === family).flatMap((r) => parseUnicodeRange(r.unicodeRange));
  const main = katex("KaTeX_Main");
  const amsHeld = katex("KaTeX_AMS");
  const formulas = [
    ...[...math].filter((codePoint) => !inRanges(codePoint, main)).map((codePoint) => ({ face: "KaTeX_Main", codePoint })),
    ...[...ams].filter((codePoint) => !inRanges(codePoint, amsHeld)).map((codePoint) => ({ face: "KaTeX_AMS", codePoint })),
  ];
  return formulas.concat(faces.flatMap((face) => {
    const theirs = packageFiles(face).flatMap((file) => file.ranges);
    const ours = manifest.faces.filter((r) => r.family === face.family && r.style === face.style).flatMap((r) => parseUnicodeRange(r.unicodeRange));
    return [...text].filter((codePoint) => inRanges(codePoint, theirs) && !inRanges(codePoint, ours)).map((codePoint) => ({ face: `${face.family} ${face.style}`, codePoint }));
  }));
}

/** A code point as a reader can find it: "U+00F1 ñ". */
export const describeCodePoint = (codePoint: number) => `U+${codePoint.toString(16).toUpperCase().padStart(4, "0")} ${String.fromCodePoint(codePoint)}`;
