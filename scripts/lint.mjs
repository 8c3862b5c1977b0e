#!/usr/bin/env node
// `npm run lint`: the four static checks, each run even when an earlier one
// fails, so one run shows everything that is wrong:
//   lint:code        oxlint with type information (oxlint-tsgolint, which reads
//                    TypeScript 7): exhaustive switches, floating promises,
//                    unused variables, DOM globals in pure modules (.oxlintrc.json)
//   lint:astro       the same oxlint rules over the code in .astro files, which
//                    oxlint skips: scripts/lint-astro.ts converts them to TSX first
//   lint:unused      knip: unused files, exports, types and dependencies (knip.jsonc)
//   lint:boundaries  the import rules of README "Layout" (scripts/boundaries/rules.ts)
import { spawnSync } from "node:child_process";

const checks = ["lint:code", "lint:astro", "lint:unused", "lint:boundaries"];
const failed = [];
for (const check of checks) {
  const started = Date.now();
  const result = spawnSync("npm", ["run", "--silent", check], { stdio: "inherit" });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`${result.status === 0 ? "✓" : "✗"} ${check} (${seconds} s)`);
  if (result.status !== 0) failed.push(check);
}
if (failed.length > 0) {
  console.error(`lint failed: ${failed.join(", ")}`);
  process.exitCode = 1;
}
