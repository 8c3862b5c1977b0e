/**
 * `node scripts/check-boundaries.ts [root]`: the import-boundary check over
 * src/, components/, scripts/ and bench/ (rules: scripts/boundaries/rules.ts).
 * Prints each violation as `file:line  rule: imports target` and exits 1;
 * prints one summary line and exits 0 when there is none.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { checkBoundaries, formatViolations, isSourceFile } from "./boundaries/check.ts";

const root = process.argv[2] ?? process.cwd();
const DIRECTORIES = ["src", "components", "scripts", "bench"];

function walk(directory: string, out: Map<string, string>): void {
  if (!existsSync(directory)) return;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const path = join(directory, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else if (isSourceFile(entry.name)) out.set(relative(root, path).split(sep).join("/"), readFileSync(path, "utf8"));
  }
}

const files = new Map<string, string>();
for (const directory of DIRECTORIES) walk(join(root, directory), files);
const violations = checkBoundaries(files, (path) => files.has(path) || existsSync(join(root, path)));
if (violations.length > 0) {
  console.error(formatViolations(violations));
  console.error(`\nboundaries: ${violations.length} forbidden import(s) in ${files.size} files`);
  process.exitCode = 1;
} else {
  console.log(`boundaries: ${files.size} files, no forbidden import`);
}
