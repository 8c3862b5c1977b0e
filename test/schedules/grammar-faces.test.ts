// The Python grammar of written-expression schedules loads up front wherever a program can parse one, except in the
// schedule explorer's live code, which loads it on demand (src/schedules/expression/grammar.ts). Parsing before the
// grammar is there throws GrammarPending; this test finds every program that could, from the static imports alone:
// each entry point that runs in a reader's browser or a terminal (a file no other product file imports statically,
// under components/, src/browser/, src/cli/, scripts/ or bench/: an island's live module or loader, a worker, a CLI, a
// script) whose static import graph reaches the lambda family must also reach python-grammar.ts. (Pages and the
// content config run in the build, where GrammarPending would stop it with its message rather than fail quietly.)
import { describe, expect, it } from "vitest";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, posix } from "node:path";
import { parseSync } from "oxc-parser";

const ROOTS = ["src", "components", "scripts", "bench"];
const PROGRAMS = /^(components|src\/browser|src\/cli|scripts|bench)\//;
const LAMBDA = "src/schedules/lambda.ts";
const GRAMMAR = "src/schedules/expression/python-grammar.ts";

/** The entry points that load the grammar when a spec needs it, and why that is safe. */
const ON_DEMAND: Record<string, string> = {
  "components/islands/schedule-explorer-live.ts": "catches GrammarPending, awaits loadPythonGrammar() and redraws",
  "components/islands/schedule-explorer-draw.ts": "the explorer's Plot figures: reaches the registry for colours and titles, parses nothing",
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = posix.join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|astro)$/.test(name) && !name.endsWith(".d.ts") ? [path] : [];
  });
}

/** The script parts of a file: all of a .ts file; an .astro file's frontmatter and <script> blocks. */
function scripts(path: string, text: string): string[] {
  if (!path.endsWith(".astro")) return [text];
  return [/^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? "", ...[...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? "")];
}

/** Relative imports and re-exports that run (not `import type`, not dynamic `import()`), as repository paths. */
function staticImports(path: string): string[] {
  const targets: string[] = [];
  for (const code of scripts(path, readFileSync(path, "utf8"))) {
    const { module } = parseSync("block.ts", code);
    const requests = [
      ...module.staticImports.filter((i) => i.entries.length === 0 || i.entries.some((e) => !e.isType)).map((i) => i.moduleRequest.value),
      ...module.staticExports.flatMap((e) => e.entries.filter((x) => x.moduleRequest && !x.isType).map((x) => x.moduleRequest?.value ?? "")),
    ];
    for (const request of requests.filter((r) => r.startsWith("."))) {
      const joined = posix.normalize(posix.join(dirname(path), request));
      const found = [joined, `${joined}.ts`].find((p) => existsSync(p) && statSync(p).isFile());
      if (found) targets.push(found);
    }
  }
  return targets;
}

describe("the Python grammar's two faces", () => {
  it("is loaded up front by every program that can reach the lambda family, except the ones that load it on demand", () => {
    const files = ROOTS.flatMap(sourceFiles);
    const graph = new Map(files.map((file) => [file, staticImports(file)]));
    const imported = new Set([...graph.values()].flat());
    const closure = (file: string): Set<string> => {
      const seen = new Set([file]);
      const stack = [file];
      while (stack.length > 0) {
        for (const next of graph.get(stack.pop() ?? "") ?? []) {
          if (seen.has(next)) continue;
          seen.add(next);
          stack.push(next);
        }
      }
      return seen;
    };
    const entries = files.filter((file) => !imported.has(file) && PROGRAMS.test(file));
    const lazy = entries.filter((file) => {
      const reached = closure(file);
      return reached.has(LAMBDA) && !reached.has(GRAMMAR);
    });
    expect(entries.length).toBeGreaterThan(30);
    expect(entries).toContain("src/browser/training-worker.ts");
    expect(lazy.sort()).toEqual(Object.keys(ON_DEMAND).sort());
  });
});
