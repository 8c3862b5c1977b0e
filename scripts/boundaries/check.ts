/**
 * The import-boundary check: reads every import (static, re-export and
 * literal dynamic `import()`) with oxc's parser, resolves relative ones to
 * repository paths, and applies `RULES`. Pure: it takes the files as a map
 * of path -> text and returns the violations; `scripts/check-boundaries.ts`
 * is the command-line shell around it.
 *
 * Why not dependency-cruiser: it parses TypeScript only through the classic
 * TypeScript compiler API (it accepts typescript < 7, and TypeScript 7 ships
 * no such API) or swc, and it cannot read .astro files at all.
 */
import { dirname, posix } from "node:path";
import { parseSync } from "oxc-parser";
import { RULES, type BoundaryRule } from "./rules.ts";

export interface ImportRef {
  specifier: string;
  line: number;
  /** `import type` / `export type ... from`: gone at run time. */
  typeOnly: boolean;
}

export interface Violation {
  file: string;
  line: number;
  rule: string;
  target: string;
  /** Files crossed on the way, for a transitive rule (first is `file`). */
  via: string[];
}

const SOURCE = /\.(ts|mts|mjs|js|astro)$/;

export function isSourceFile(path: string): boolean {
  return SOURCE.test(path) && !path.endsWith(".d.ts");
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i += 1) if (text.charCodeAt(i) === 10) line += 1;
  return line;
}

/** The script parts of a file, with the line each starts on (.astro: frontmatter and <script> blocks). */
function scriptBlocks(path: string, text: string): { code: string; firstLine: number }[] {
  if (!path.endsWith(".astro")) return [{ code: text, firstLine: 1 }];
  const blocks: { code: string; firstLine: number }[] = [];
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (front?.[1] !== undefined) blocks.push({ code: front[1], firstLine: 2 });
  for (const match of text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) {
    const body = match[1] ?? "";
    const start = (match.index ?? 0) + match[0].indexOf(">") + 1;
    blocks.push({ code: body, firstLine: lineAt(text, start) });
  }
  return blocks;
}

const LITERAL = /^\s*(["'`])([^"'`$]*)\1\s*$/;

/** Every import of one file. Throws, naming the file, when it does not parse. */
export function extractImports(path: string, text: string): ImportRef[] {
  const refs: ImportRef[] = [];
  for (const { code, firstLine } of scriptBlocks(path, text)) {
    const parsed = parseSync(path.endsWith(".mjs") ? "block.mjs" : "block.ts", code);
    const firstError = parsed.errors[0];
    if (firstError) throw new Error(`${path}: cannot parse for the boundary check: ${firstError.message}`);
    const at = (offset: number) => firstLine - 1 + lineAt(code, offset);
    for (const entry of parsed.module.staticImports) {
      const typeOnly = entry.entries.length > 0 && entry.entries.every((e) => e.isType);
      refs.push({ specifier: entry.moduleRequest.value, line: at(entry.start), typeOnly });
    }
    for (const exported of parsed.module.staticExports) {
      for (const entry of exported.entries) {
        if (entry.moduleRequest) refs.push({ specifier: entry.moduleRequest.value, line: at(exported.start), typeOnly: entry.isType });
      }
    }
    for (const dynamic of parsed.module.dynamicImports) {
      const literal = LITERAL.exec(code.slice(dynamic.moduleRequest.start, dynamic.moduleRequest.end));
      if (literal?.[2] !== undefined) refs.push({ specifier: literal[2], line: at(dynamic.start), typeOnly: false });
    }
  }
  return refs;
}

/**
 * A relative import as a repository path (the first candidate that exists),
 * anything else as written. `null`: a relative import that resolves nowhere.
 */
export function resolveImport(from: string, specifier: string, exists: (path: string) => boolean): string | null {
  if (!specifier.startsWith(".")) return specifier;
  const bare = specifier.replace(/[?#].*$/, "");
  const joined = posix.normalize(posix.join(dirname(from), bare));
  const candidates = [joined, joined.replace(/\.js$/, ".ts"), `${joined}.ts`, `${joined}/index.ts`];
  return candidates.find(exists) ?? null;
}

interface Edge {
  target: string;
  line: number;
  typeOnly: boolean;
}

function applies(rule: BoundaryRule, file: string): boolean {
  return rule.from.test(file) && !(rule.unless?.test(file) ?? false);
}

/** Every violation of `rules` among `files` (path -> text); `exists` answers for non-source files too. */
export function checkBoundaries(
  files: ReadonlyMap<string, string>,
  exists: (path: string) => boolean = (path) => files.has(path),
  rules: readonly BoundaryRule[] = RULES,
  parse: (path: string, text: string) => ImportRef[] = extractImports,
): Violation[] {
  const graph = new Map<string, Edge[]>();
  const violations: Violation[] = [];
  for (const [file, text] of files) {
    const edges: Edge[] = [];
    for (const ref of parse(file, text)) {
      const target = resolveImport(file, ref.specifier, exists);
      if (target === null) {
        violations.push({ file, line: ref.line, rule: "resolvable", target: ref.specifier, via: [] });
      } else {
        edges.push({ target, line: ref.line, typeOnly: ref.typeOnly });
      }
    }
    graph.set(file, edges);
  }
  for (const rule of rules) {
    for (const file of graph.keys()) {
      if (!applies(rule, file)) continue;
      if (!rule.transitive) {
        for (const edge of graph.get(file) ?? []) {
          if (rule.runtimeOnly && edge.typeOnly) continue;
          if (rule.to.test(edge.target)) violations.push({ file, line: edge.line, rule: rule.name, target: edge.target, via: [] });
        }
        continue;
      }
      // Breadth-first over runtime imports; each forbidden target reported once, by its shortest chain.
      const chains = new Map<string, string[]>([[file, [file]]]);
      const queue = [file];
      const reported = new Set<string>();
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
        const chain = chains.get(next) ?? [next];
        for (const edge of graph.get(next) ?? []) {
          if (edge.typeOnly) continue;
          if (rule.to.test(edge.target)) {
            if (!reported.has(edge.target)) {
              reported.add(edge.target);
              const line = chain.length === 1 ? edge.line : (graph.get(file)?.find((e) => e.target === chain[1])?.line ?? 1);
              violations.push({ file, line, rule: rule.name, target: edge.target, via: chain.slice(1) });
            }
          } else if (graph.has(edge.target) && !chains.has(edge.target)) {
            chains.set(edge.target, [...chain, edge.target]);
            queue.push(edge.target);
          }
        }
      }
    }
  }
  return violations;
}

/** One line per violation, then each broken rule's reason once. */
export function formatViolations(violations: readonly Violation[], rules: readonly BoundaryRule[] = RULES): string {
  const lines = violations.map((v) => {
    const via = v.via.length > 0 ? ` (via ${v.via.join(" -> ")})` : "";
    const what = v.rule === "resolvable" ? `cannot resolve "${v.target}"` : `imports ${v.target}${via}`;
    return `${v.file}:${v.line}  ${v.rule}: ${what}`;
  });
  const broken = new Set(violations.map((v) => v.rule));
  for (const rule of rules) if (broken.has(rule.name)) lines.push(`  ${rule.name}: ${rule.comment}`);
  if (broken.has("resolvable")) lines.push("  resolvable: a relative import must name a file that exists");
  return lines.join("\n");
}
