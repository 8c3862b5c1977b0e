/**
 * `node scripts/lint-astro.ts [root]`: oxlint with the repository's rules
 * (.oxlintrc.json, type-aware: floating promises, exhaustive switches, unused
 * variables …) over the code in the `.astro` files under src/ and components/.
 * oxlint itself skips `.astro` files, so without this a floating promise in a
 * component's frontmatter or `<script>` passed every check.
 *
 * Each file goes through @astrojs/astro2tsx (the converter behind Astro's
 * editor tooling): its frontmatter and template become one `.tsx` file, each
 * `<script>` a `.ts` file, written under a temporary folder at the same
 * relative path; `rootDirs` lets their relative imports reach the real
 * modules. Every finding is printed at its place in the `.astro` file
 * (`file:line:col: message`); exits 1 when there is one.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { convertToTsx } from "@astrojs/astro2tsx";

const root = resolve(process.argv[2] ?? process.cwd());
const DIRECTORIES = ["src", "components"];
const oxlint = fileURLToPath(new URL("../node_modules/oxlint/bin/oxlint", import.meta.url));

/** A generated file and how an offset in it maps back to its `.astro` source. */
interface Chunk {
  astro: string;
  source: string;
  generated: string;
  toSource: (offset: number) => number;
}

function walk(directory: string, out: string[]): string[] {
  if (!existsSync(directory)) return out;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const path = join(directory, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else if (entry.name.endsWith(".astro")) out.push(path);
  }
  return out;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") starts.push(i + 1);
  return starts;
}

function offsetOf(text: string, line: number, column: number): number {
  return (lineStarts(text)[line - 1] ?? text.length) + column - 1;
}

function positionOf(text: string, offset: number): string {
  const starts = lineStarts(text);
  let line = 0;
  while (line + 1 < starts.length && (starts[line + 1] ?? Infinity) <= offset) line++;
  return `${line + 1}:${offset - (starts[line] ?? 0) + 1}`;
}

function chunksOf(astro: string, source: string): { path: string; chunk: Chunk }[] {
  const result = convertToTsx(source, { filename: astro.split("/").pop() ?? astro });
  // Verbatim spans (kind 0) map offset for offset; generated glue maps to the start of the span before it.
  const spans = result.mappings.filter((m) => m[4] === 0).sort((a, b) => a[0] - b[0]);
  const tsx: Chunk = {
    astro,
    source,
    generated: result.code,
    toSource: (offset) => {
      let best = 0;
      for (const [virtualStart, length, originalStart] of spans) {
        if (virtualStart > offset) break;
        best = offset < virtualStart + length ? originalStart + offset - virtualStart : originalStart;
      }
      return best;
    },
  };
  const out = [{ path: `${astro}.tsx`, chunk: tsx }];
  result.scripts.forEach((script, index) => {
    const start = source.indexOf(script.content, Math.max(0, script.position.start - 1));
    const base = start >= 0 ? start : script.position.start;
    out.push({ path: `${astro}.script${index}.ts`, chunk: { astro, source, generated: script.content, toSource: (offset) => base + offset } });
  });
  return out;
}

const files = DIRECTORIES.flatMap((directory) => walk(join(root, directory), []));
const scratch = mkdtempSync(join(tmpdir(), "lint-astro-"));
try {
  const chunks = new Map<string, Chunk>();
  for (const file of files) {
    const astro = relative(root, file).split(sep).join("/");
    for (const { path, chunk } of chunksOf(astro, readFileSync(file, "utf8"))) {
      mkdirSync(dirname(join(scratch, path)), { recursive: true });
      writeFileSync(join(scratch, path), chunk.generated);
      chunks.set(path, chunk);
    }
  }
  symlinkSync(join(root, "node_modules"), join(scratch, "node_modules"), "dir");
  copyFileSync(join(root, ".oxlintrc.json"), join(scratch, ".oxlintrc.json"));
  const contentTypes = join(root, ".astro", "types.d.ts");
  const include = ["src", "components", ...(existsSync(contentTypes) ? [contentTypes] : [])];
  writeFileSync(
    join(scratch, "tsconfig.json"),
    JSON.stringify({ extends: join(root, "tsconfig.json"), compilerOptions: { rootDirs: [root, scratch] }, include }),
  );
  const run = spawnSync(process.execPath, [oxlint, "-f", "unix", ...DIRECTORIES.filter((d) => existsSync(join(scratch, d)))], {
    cwd: scratch,
    encoding: "utf8",
  });
  const findings: string[] = [];
  for (const line of `${run.stdout}${run.stderr}`.split("\n")) {
    const match = /^(.+?):(\d+):(\d+): (.*)$/.exec(line);
    const chunk = match ? chunks.get(match[1] ?? "") : undefined;
    if (!match || !chunk) continue;
    const offset = chunk.toSource(offsetOf(chunk.generated, Number(match[2]), Number(match[3])));
    findings.push(`${chunk.astro}:${positionOf(chunk.source, offset)}: ${match[4]}`);
  }
  if (run.status !== 0 && run.status !== 1) {
    console.error(`${run.stdout}${run.stderr}\nlint-astro: oxlint exited with ${run.status}`);
    process.exitCode = 1;
  } else if (findings.length > 0 || run.status === 1) {
    console.error(findings.length > 0 ? findings.join("\n") : `${run.stdout}${run.stderr}`);
    console.error(`\nlint-astro: ${findings.length} problem(s) in ${files.length} .astro files`);
    process.exitCode = 1;
  } else {
    console.log(`lint-astro: ${files.length} .astro files, no problem`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
