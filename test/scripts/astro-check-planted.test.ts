/**
 * The `.astro` type-check (scripts/check-astro.ts, step 1 of `npm test`) fails
 * on deliberate type errors: a scratch project with the repository's own
 * tsconfig.json, one component with an error in each place `.astro` code lives
 * (frontmatter, template expression, `<script>`), and one clean component that
 * must produce no diagnostic. `tsc` reads none of these files, so this is the
 * only check that can catch them.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { stripVTControlCharacters } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = process.cwd();
let scratch = "";

function write(path: string, text: string): void {
  mkdirSync(dirname(join(scratch, path)), { recursive: true });
  writeFileSync(join(scratch, path), text);
}

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), "astro-check-planted-"));
  symlinkSync(join(root, "node_modules"), join(scratch, "node_modules"), "dir");
  copyFileSync(join(root, "tsconfig.json"), join(scratch, "tsconfig.json"));
  write("package.json", JSON.stringify({ name: "planted", private: true, type: "module" }));
  write(
    "components/Planted.astro",
    [
      `---`,
      `interface Props { steps: number }`,
      `const { steps } = Astro.props;`,
      `const label: string = steps;`,
      `const first: number = [1, 2][0];`,
      `function twice(x) { return x * 2; }`,
      `---`,
      `<p>{label} {first} {twice(2)} {steps.toFixed("2")}</p>`,
      `<script>`,
      `  const count: number = "three";`,
      `  console.log(count);`,
      `</script>`,
      ``,
    ].join("\n"),
  );
  write(
    "components/Clean.astro",
    [
      `---`,
      `interface Props { steps: number }`,
      `const { steps } = Astro.props;`,
      `const first = [1, 2][0] ?? 0;`,
      `---`,
      `<p>{steps.toFixed(2)} {first}</p>`,
      ``,
    ].join("\n"),
  );
});

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe("the .astro type-check fails on planted errors", () => {
  it("reports each error at its line, under the project's strict options, and passes the clean file", () => {
    const result = spawnSync(process.execPath, [join(root, "scripts", "check-astro.ts"), scratch], { encoding: "utf8" });
    const output = stripVTControlCharacters(`${result.stdout}${result.stderr}`);
    expect(result.status, output).toBe(1);
    expect(output).toMatch(/Planted\.astro:4:7 - error ts\(2322\): Type 'number' is not assignable to type 'string'/);
    // noUncheckedIndexedAccess comes from the project's tsconfig.json, not from Astro's strict preset
    expect(output).toMatch(/Planted\.astro:5:7 - error ts\(2322\): Type 'number \| undefined' is not assignable to type 'number'/);
    expect(output).toMatch(/Planted\.astro:6:16 - error ts\(7006\): Parameter 'x' implicitly has an 'any' type/);
    expect(output).toMatch(/Planted\.astro:8:\d+ - error ts\(2345\): Argument of type 'string' is not assignable to parameter of type 'number'/);
    expect(output).toMatch(/Planted\.astro:10:9 - error ts\(2322\): Type 'string' is not assignable to type 'number'/);
    expect(output).not.toMatch(/Clean\.astro/);
    expect(output).toMatch(/astro check \(TypeScript 6\.\d+\.\d+\): 2 \.astro files, 5 error\(s\), 0 warning\(s\)/);
  });
});
