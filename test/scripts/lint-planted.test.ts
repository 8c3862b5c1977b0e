/**
 * `npm run lint` fails on a deliberate violation: a scratch project with the
 * repository's own .oxlintrc.json and knip.jsonc, and planted code that each
 * rule we rely on must catch (a non-exhaustive switch over a union, a floating
 * promise, an unused variable, `document` in a pure module; an unused export
 * and an unused file). The boundary rules have their own test (boundaries.test.ts).
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = process.cwd();
let scratch = "";

function write(path: string, text: string): void {
  mkdirSync(dirname(join(scratch, path)), { recursive: true });
  writeFileSync(join(scratch, path), text);
}

function bin(name: string, args: string[]): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [join(root, "node_modules", name), ...args], { cwd: scratch, encoding: "utf8" });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), "lint-planted-"));
  copyFileSync(join(root, ".oxlintrc.json"), join(scratch, ".oxlintrc.json"));
  copyFileSync(join(root, "knip.jsonc"), join(scratch, "knip.jsonc"));
  write("package.json", JSON.stringify({ name: "planted", private: true, type: "module" }));
  write("tsconfig.json", JSON.stringify({ compilerOptions: { strict: true, target: "ES2022", module: "preserve", lib: ["ES2022", "DOM"], types: [], noEmit: true, allowImportingTsExtensions: true }, include: ["src", "scripts"] }));
  write(
    "src/schedules/planted.ts",
    [
      `export type Kind = "a" | "b" | "c";`,
      `export function rate(kind: Kind): number {`,
      `  switch (kind) {`,
      `    case "a": return 1;`,
      `    case "b": return 2;`,
      `    default: return 0;`,
      `  }`,
      `}`,
      `async function later(): Promise<number> { return 1; }`,
      `export function start(): void {`,
      `  later();`,
      `  const forgotten = 3;`,
      `  document.title = "pure modules have no DOM";`,
      `}`,
      `export const neverImported = 4;`,
      ``,
    ].join("\n"),
  );
  write("src/schedules/orphan.ts", `export const orphan = 1;\n`);
  write("scripts/tool.ts", `import { rate, start } from "../src/schedules/planted.ts";\nstart();\nconsole.log(rate("a"));\n`);
});

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe("lint fails on planted violations", () => {
  it("oxlint (type-aware): non-exhaustive switch with a default, floating promise, unused variable, DOM in src/schedules", () => {
    const { status, output } = bin("oxlint/bin/oxlint", ["-f", "unix", "src", "scripts"]);
    expect(status, output).toBe(1);
    expect(output).toMatch(/planted\.ts:3:\d+: Switch is not exhaustive\. Cases not matched: "c".*switch-exhaustiveness-check/);
    expect(output).toMatch(/planted\.ts:11:\d+: .*no-floating-promises/);
    expect(output).toMatch(/planted\.ts:12:\d+: .*'forgotten'.*no-unused-vars/);
    expect(output).toMatch(/planted\.ts:13:\d+: .*pure and training modules never touch the DOM.*no-restricted-globals/);
  });

  it("knip: an export nobody imports and a file nobody imports", () => {
    const { status, output } = bin("knip/bin/knip.js", ["--no-progress", "--no-config-hints"]);
    expect(status, output).toBe(1);
    expect(output).toMatch(/Unused files \(1\)\s+src\/schedules\/orphan\.ts/);
    expect(output).toMatch(/Unused exports \(1\)\s+neverImported\s+src\/schedules\/planted\.ts/);
  });
});
