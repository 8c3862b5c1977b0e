/**
 * `npm run fonts`: cuts the site's text faces down to the characters it sets (scripts/font-subsets.ts says how) and
 * writes src/fonts/*.woff2, their manifest src/fonts/fonts.json, the @font-face rules src/styles/fonts.css and the
 * faces' licences. Reads a built site, so build first; rebuild after, since the files change.
 *
 *   npm run build && npm run fonts && npm run build
 *   node scripts/fonts.ts dist-x          (characters from another build)
 *
 * test/e2e/fonts.test.ts fails, naming the character and the page, when a page sets a character a subset lacks.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, join, relative } from "node:path";
import subsetFont from "subset-font";
import { ASCII, FACES, FONT_DISPLAY, GREEK, KATEX_CUT, formatUnicodeRange, packageDir, packageFiles, pageCharacters, sha256, sourceCharacters, subsetCharacters, type FontManifest, type SubsetRecord } from "./font-subsets.ts";

const dist = process.argv[2] ?? "dist";
const OUT = join("src", "fonts");
const CSS = join("src", "styles", "fonts.css");
const KATEX_CSS = join("src", "styles", "katex.css");

function files(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "node_modules" || name === "data" ? [] : files(path, keep);
    return keep(name) ? [path] : [];
  });
}

const pages = files(dist, (name) => name.endsWith(".html"));
if (pages.length === 0) throw new Error(`no built pages under ${dist}/: run npm run build first (or pass the build's folder)`);
const wanted = new Set<number>(ASCII);
const formulas = new Set<number>();
const ams = new Set<number>();
for (const page of pages) {
  const { text, math, ams: amsChars } = pageCharacters(readFileSync(page, "utf8"));
  for (const codePoint of amsChars) ams.add(codePoint);
  for (const codePoint of text) wanted.add(codePoint);
  for (const codePoint of math) formulas.add(codePoint);
}
// What the islands write at run time, and what the stylesheets draw with `content`.
const sources = [...files("src", (name) => /\.(ts|astro)$/.test(name)), ...files("components", (name) => /\.(ts|astro)$/.test(name))];
for (const codePoint of sourceCharacters(sources.map((path) => readFileSync(path, "utf8")))) wanted.add(codePoint);
const styles = files(join(dist, "_astro"), (name) => name.endsWith(".css")).map((path) => readFileSync(path, "utf8"));
for (const codePoint of sourceCharacters(styles.flatMap((css) => [...css.matchAll(/content:\s*"([^"]*)"/g)].map((m) => m[1]!)))) wanted.add(codePoint);

/** The packages' files, the most used subsets first. */
function byPriority<T extends { file: string }>(list: T[]): T[] {
  const order = ["latin", "latin-ext", "greek"];
  const rank = (file: string) => {
    const i = order.findIndex((subset) => basename(file).includes(`-${subset}-wght-`));
    return i === -1 ? order.length : i;
  };
  return [...list].sort((a, b) => rank(a.file) - rank(b.file));
}

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const version = (pkg: string) => (JSON.parse(readFileSync(join(packageDir(pkg), "package.json"), "utf8")) as { version: string }).version;
const records: SubsetRecord[] = [];
for (const face of FACES) {
  // A character goes to one file only: where the packages' ranges overlap (combining marks in latin, latin-ext and
  // vietnamese), a page would otherwise fetch every file that claims it.
  const left = new Set(wanted);
  for (const file of byPriority(packageFiles(face))) {
    if (file.style !== face.style) throw new Error(`${file.file}: declared ${file.style}, the face is ${face.style}`);
    const chars = subsetCharacters(file, left);
    for (const codePoint of chars) left.delete(codePoint);
    if (chars.length === 0) continue;
    const source = readFileSync(file.file);
    const [low, high] = face.weight;
    const subset = await subsetFont(source, String.fromCodePoint(...chars), { targetFormat: "woff2", variationAxes: { wght: low === high ? low : { min: low, max: high } } });
    const name = basename(file.file);
    writeFileSync(join(OUT, name), subset);
    records.push({ file: name, family: face.family, style: face.style, weight: [low, high], source: relative("node_modules", file.file).replaceAll("\\", "/"), sourceVersion: version(face.pkg), sourceSha256: sha256(source), unicodeRange: formatUnicodeRange(chars), sha256: sha256(subset), bytes: subset.length });
  }
}
const katexDir = join(packageDir("katex"), "dist", "fonts");
for (const face of KATEX_CUT) {
  const source = readFileSync(join(katexDir, `${face.file}.woff2`));
  const chars = [...(face.cut === "formulas and base" ? new Set([...formulas, ...ASCII, ...GREEK]) : ams)].sort((a, b) => a - b);
  const subset = await subsetFont(source, String.fromCodePoint(...chars), { targetFormat: "woff2" });
  // ".subset" keeps the file apart from KaTeX's own in the build and in the fonts test.
  const name = `${face.file}.subset.woff2`;
  writeFileSync(join(OUT, name), subset);
  records.push({ file: name, family: face.family, style: face.style, weight: [400, 400], source: `katex/dist/fonts/${face.file}.woff2`, sourceVersion: version("katex"), sourceSha256: sha256(source), unicodeRange: formatUnicodeRange(chars), sha256: sha256(subset), bytes: subset.length });
}
copyFileSync(join(packageDir("katex"), "LICENSE"), join(OUT, "LICENSE-katex.txt"));
for (const pkg of new Set(FACES.map((face) => face.pkg))) copyFileSync(join(packageDir(pkg), "LICENSE"), join(OUT, `LICENSE-${pkg.split("/")[1]}.txt`));
const manifest: FontManifest = { generator: "scripts/fonts.ts", subsetFont: version("subset-font"), faces: records };
writeFileSync(join(OUT, "fonts.json"), JSON.stringify(manifest, null, 2) + "\n");

// KaTeX's stylesheet without its @font-face rules, and its faces declared again: the cut ones from src/fonts, the
// others from the package as they are (woff2 only: every browser the site supports reads it).
const katexCss = readFileSync(join(packageDir("katex"), "dist", "katex.min.css"), "utf8");
const katexFaces = [...katexCss.matchAll(/@font-face\{([^}]*)\}/g)].map((m) => m[1]!);
if (katexFaces.length < 10) throw new Error(`katex.min.css: expected KaTeX's @font-face rules, found ${katexFaces.length}`);
writeFileSync(KATEX_CSS, `/* Written by npm run fonts (scripts/fonts.ts): katex/dist/katex.min.css (${version("katex")}) without its @font-face rules, which src/styles/fonts.css declares. Do not edit. */\n${katexCss.replace(/@font-face\{[^}]*\}/g, "").trim()}\n`);
const katexRules = katexFaces.map((rule) => {
  const get = (name: string) => new RegExp(`${name}:([^;]+)`).exec(rule)?.[1]?.replaceAll('"', "").trim() ?? "";
  const file = /url\(fonts\/([\w-]+)\.woff2\)/.exec(rule)?.[1];
  if (!file) throw new Error(`katex.min.css: an @font-face without a woff2 file: ${rule}`);
  const cut = records.find((r) => r.file === `${file}.subset.woff2`);
  const url = cut ? `../fonts/${cut.file}` : `../../node_modules/katex/dist/fonts/${file}.woff2`;
  return [`/* katex/dist/fonts/${file}.woff2${cut ? `, cut: ${cut.bytes} bytes` : ""} */`, "@font-face {", `  font-family: "${get("font-family")}";`, `  font-style: ${get("font-style")};`, `  font-display: ${FONT_DISPLAY};`, `  font-weight: ${get("font-weight")};`, `  src: url("${url}") format("woff2");`, "}"].join("\n");
});

const rules = records.filter((r) => !r.family.startsWith("KaTeX_")).map((r) =>
  [
    `/* ${r.source} (${r.sourceVersion}), ${r.bytes} bytes */`,
    "@font-face {",
    `  font-family: "${r.family}";`,
    `  font-style: ${r.style};`,
    `  font-display: ${FONT_DISPLAY};`,
    `  font-weight: ${r.weight[0] === r.weight[1] ? r.weight[0] : `${r.weight[0]} ${r.weight[1]}`};`,
    `  src: url("../fonts/${r.file}") format("woff2");`,
    `  unicode-range: ${r.unicodeRange};`,
    "}",
  ].join("\n"),
);
writeFileSync(CSS, ["/* Written by npm run fonts (scripts/fonts.ts) from a build of the site: do not edit. The faces, cut to the characters the site sets. */", ...rules, ...katexRules, ""].join("\n"));
const total = records.reduce((sum, r) => sum + r.bytes, 0);
console.log(`${records.length} subsets from ${pages.length} pages, ${wanted.size} characters: ${records.map((r) => `${r.file} ${(r.bytes / 1024).toFixed(1)} KB`).join(", ")}; ${(total / 1024).toFixed(1)} KB in all`);
