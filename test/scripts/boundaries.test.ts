/**
 * The import-boundary check (scripts/boundaries): every rule fires on a
 * planted violation added to the real tree, type-only imports pass the
 * runtime rules, .astro frontmatter and <script> imports are read, and the
 * command exits 1 naming the file, the line and the rule.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { describe, expect, it } from "vitest";
import { checkBoundaries, extractImports, isSourceFile, resolveImport, type ImportRef } from "../../scripts/boundaries/check.ts";
import { RULES } from "../../scripts/boundaries/rules.ts";

const root = process.cwd();

function realTree(): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (directory: string) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (isSourceFile(entry.name)) files.set(relative(root, path).split(sep).join("/"), readFileSync(path, "utf8"));
    }
  };
  for (const directory of ["src", "components"]) walk(join(root, directory));
  return files;
}

const tree = realTree();
const exists = (path: string) => tree.has(path) || existsSync(join(root, path));
const parsed = new Map<string, ImportRef[]>();
/** Parsing is the slow part: each real file once for the whole suite. */
const parseOnce = (path: string, text: string): ImportRef[] => {
  const key = `${path}\0${text}`;
  const refs = parsed.get(key) ?? extractImports(path, text);
  parsed.set(key, refs);
  return refs;
};
const baseline = new Set(checkBoundaries(tree, exists, RULES, parseOnce).map((v) => `${v.file} ${v.rule} ${v.target}`));

/** Violations the planted files add to the real tree (the tree itself may be mid-refactor). */
function planted(files: Record<string, string>): { rule: string; file: string; target: string; line: number }[] {
  const withPlants = new Map([...tree, ...Object.entries(files)]);
  return checkBoundaries(withPlants, (path) => withPlants.has(path) || exists(path), RULES, parseOnce)
    .filter((v) => !baseline.has(`${v.file} ${v.rule} ${v.target}`))
    .map(({ rule, file, target, line }) => ({ rule, file, target, line }));
}

// One planted file per rule; each must be reported under that rule's name.
const PLANTS: Record<string, Record<string, string>> = {
  "pure-stays-pure": { "src/plots/planted.ts": `import { asAccessibleImage } from "./accessible.ts";\nimport * as tf from "@tensorflow/tfjs";\nexport const x = [tf, asAccessibleImage];\n` },
  "pure-packages": { "src/schedules/planted.ts": `import katex from "katex";\nexport const x = katex;\n` },
  "plots-packages": { "src/plots/planted.ts": `import * as d3 from "d3";\nexport const x = d3;\n` },
  "schedules-at-the-bottom": { "src/schedules/planted.ts": `import { TrainingSession } from "../training/session.ts";\nexport const x = TrainingSession;\n` },
  "data-at-the-bottom": { "src/data/planted.ts": `import { registry } from "../schedules/registry.ts";\nexport const x = registry;\n` },
  "rl-without-tfjs": { "src/rl/planted.ts": `import { OPTIMIZERS } from "../training/optimizers.ts";\nexport const x = OPTIMIZERS;\n` },
  "landscape-is-numerics": { "src/landscape/planted.ts": `import { lossFigure } from "../plots/race.ts";\nexport const x = lossFigure;\n` },
  "plots-are-builders": { "src/plots/planted.ts": `import type { Notice } from "../browser/url-state.ts";\nexport type X = Notice;\n` },
  "training-never-imports-ui": { "src/training/planted.ts": `import { readUrl } from "../browser/url-adapter.ts";\nexport const x = readUrl;\n` },
  "browser-below-islands": { "src/browser/planted.ts": `import { runSpec } from "../cli/lr-core.ts";\nexport const x = runSpec;\n` },
  "cli-is-node": { "src/cli/planted.ts": `import { backendOrder } from "../browser/backends.ts";\nexport const x = backendOrder;\n` },
  "only-pages-use-components": { "src/site/planted.ts": `import { mount } from "../../components/islands/lazy-island.ts";\nexport const x = mount;\n` },
  "mdx-components-ship-no-js": { "components/mdx/Planted.astro": `---\nimport { TrainingSession } from "../../src/training/session.ts";\nconst x = TrainingSession;\n---\n<p>{String(x)}</p>\n` },
  "no-tests-in-the-product": { "src/site/planted.ts": `import { serve } from "../../test/support/static-server.ts";\nexport const x = serve;\n` },
};

describe("import boundaries", () => {
  it("has a planted violation for every rule", () => {
    expect(Object.keys(PLANTS).sort()).toEqual(RULES.map((r) => r.name).sort());
  });

  for (const [rule, files] of Object.entries(PLANTS)) {
    it(`${rule} fails on a planted violation`, () => {
      const found = planted(files);
      expect(found.length).toBeGreaterThan(0);
      expect(found.filter((v) => v.rule !== rule || !(v.file in files))).toEqual([]);
    });
  }

  it("follows runtime imports: a pure module reaching tfjs through a helper is caught, with the chain", () => {
    const found = planted({
      "src/schedules/planted-helper.ts": `import * as tf from "@tensorflow/tfjs";\nexport const helper = tf;\n`,
      "src/schedules/planted.ts": `// a comment\nimport { helper } from "./planted-helper.ts";\nexport const x = helper;\n`,
    });
    expect(found).toContainEqual({ rule: "pure-stays-pure", file: "src/schedules/planted.ts", target: "@tensorflow/tfjs", line: 2 });
  });

  it("lets type-only imports through the runtime-only rule, and catches dynamic import()", () => {
    expect(planted({ "src/schedules/planted.ts": `import type * as tf from "@tensorflow/tfjs";\nexport type T = typeof tf;\n` })).toEqual([]);
    expect(planted({ "src/data/planted.ts": `export async function load() {\n  return import("node:fs");\n}\n` })).toEqual([
      { rule: "pure-stays-pure", file: "src/data/planted.ts", target: "node:fs", line: 2 },
    ]);
  });

  it("reports a relative import that resolves nowhere", () => {
    expect(planted({ "src/site/planted.ts": `export { x } from "./no-such-file.ts";\n` })).toEqual([
      { rule: "resolvable", file: "src/site/planted.ts", target: "./no-such-file.ts", line: 1 },
    ]);
  });

  it("reads .astro frontmatter and <script> blocks, with their line numbers", () => {
    const astro = `---\nimport A from "./a.astro";\n---\n<div></div>\n<script>\n  import { b } from "../b.ts";\n  b();\n</script>\n`;
    expect(extractImports("components/x/X.astro", astro)).toEqual([
      { specifier: "./a.astro", line: 2, typeOnly: false },
      { specifier: "../b.ts", line: 6, typeOnly: false },
    ]);
    expect(resolveImport("components/x/X.astro", "../b.ts", (p) => p === "components/b.ts")).toBe("components/b.ts");
    expect(resolveImport("src/a/x.ts", "@tensorflow/tfjs", () => false)).toBe("@tensorflow/tfjs");
  });

  it("the command exits 1 and names the file, line and rule (a tfjs import in src/schedules)", () => {
    const scratch = mkdtempSync(join(tmpdir(), "boundaries-"));
    try {
      mkdirSync(join(scratch, "src/schedules"), { recursive: true });
      writeFileSync(join(scratch, "src/schedules/ok.ts"), `export const ok = 1;\n`);
      const clean = spawnSync(process.execPath, [join(root, "scripts/check-boundaries.ts"), scratch], { encoding: "utf8" });
      expect(clean.status, clean.stderr).toBe(0);
      writeFileSync(join(scratch, "src/schedules/bad.ts"), `import "./ok.ts";\nimport * as tf from "@tensorflow/tfjs";\nexport const bad = tf;\n`);
      const result = spawnSync(process.execPath, [join(root, "scripts/check-boundaries.ts"), scratch], { encoding: "utf8" });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain("src/schedules/bad.ts:2  pure-stays-pure: imports @tensorflow/tfjs");
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
