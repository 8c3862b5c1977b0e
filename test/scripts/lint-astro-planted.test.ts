/**
 * `npm run lint` reaches the code in `.astro` files (scripts/lint-astro.ts):
 * a scratch project with the repository's own .oxlintrc.json, one component
 * with a floating promise in its frontmatter and in its `<script>`, a
 * non-exhaustive switch and an unused variable, and one clean component. Each
 * finding must be reported at its line in the `.astro` file, not in the
 * generated TSX.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = process.cwd();
let scratch = "";

function write(path: string, text: string): void {
  mkdirSync(dirname(join(scratch, path)), { recursive: true });
  writeFileSync(join(scratch, path), text);
}

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), "lint-astro-planted-"));
  symlinkSync(join(root, "node_modules"), join(scratch, "node_modules"), "dir");
  copyFileSync(join(root, ".oxlintrc.json"), join(scratch, ".oxlintrc.json"));
  write("package.json", JSON.stringify({ name: "planted", private: true, type: "module" }));
  write("tsconfig.json", JSON.stringify({ compilerOptions: { strict: true, target: "ES2022", module: "preserve", lib: ["ES2022", "DOM"], types: [], noEmit: true, jsx: "preserve", allowImportingTsExtensions: true } }));
  write("components/later.ts", `export async function later(): Promise<number> {\n  return 1;\n}\n`);
  write(
    "components/Planted.astro",
    [
      `---`,
      `import { later } from "./later.ts";`,
      `type Kind = "a" | "b" | "c";`,
      `const kind = Astro.props.kind as Kind;`,
      `later();`,
      `const forgotten = 3;`,
      `let rate = 0;`,
      `switch (kind) {`,
      `  case "a": rate = 1; break;`,
      `  case "b": rate = 2; break;`,
      `  default: rate = 0;`,
      `}`,
      `---`,
      `<p>{rate}</p>`,
      `<script>`,
      `  async function soon(): Promise<number> { return 2; }`,
      `  soon();`,
      `</script>`,
      ``,
    ].join("\n"),
  );
  write("components/Clean.astro", [`---`, `import { later } from "./later.ts";`, `const value = await later();`, `---`, `<p>{value}</p>`, ``].join("\n"));
});

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe("lint-astro fails on planted violations", () => {
  it("reports an imported floating promise, an unused variable and a non-exhaustive switch in frontmatter, a floating promise in <script>, each at its .astro line", () => {
    const result = spawnSync(process.execPath, [join(root, "scripts", "lint-astro.ts"), scratch], { encoding: "utf8" });
    const output = `${result.stdout}${result.stderr}`;
    expect(result.status, output).toBe(1);
    expect(output).toMatch(/^components\/Planted\.astro:5:1: .*no-floating-promises/m);
    expect(output).toMatch(/^components\/Planted\.astro:6:7: .*'forgotten'.*no-unused-vars/m);
    expect(output).toMatch(/^components\/Planted\.astro:8:\d+: Switch is not exhaustive\. Cases not matched: "c".*switch-exhaustiveness-check/m);
    expect(output).toMatch(/^components\/Planted\.astro:17:3: .*no-floating-promises/m);
    expect(output).not.toMatch(/Clean\.astro/);
    expect(output).toMatch(/lint-astro: 4 problem\(s\) in 2 \.astro files/);
  });
});
