#!/usr/bin/env node
// `npm test`: everything CI runs, in order, failing fast on set-up errors:
//   1. type-check (tsc for .ts, scripts/check-astro.ts for .astro)   2. lint (type-aware oxlint, knip, import boundaries: `npm run lint`)
//   3. unit + content tests (Node)   4. production build under a sub-path
//   5. built-output and real-browser tests (Chromium) against it.
// Ends with one plain summary line: "Tests: N passed, N failed".
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";

const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `Node ${process.versions.node} is too old: Astro 7 and Vitest 5 need >= 22.12. ` +
      `Run the tests through npm ("npm test"), which uses the Node 24 installed by "npm install" in node_modules/.bin.`,
  );
  process.exit(1);
}

const TEST_BASE = "/lr-atlas/";
const reports = "test-results";
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label}: ${[command, ...args].join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  return result.status === 0;
}

function counts(file) {
  if (!existsSync(file)) return { passed: 0, failed: 0, skipped: 0 };
  const report = JSON.parse(readFileSync(file, "utf8"));
  return {
    passed: report.numPassedTests ?? 0,
    failed: report.numFailedTests ?? 0,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
    suitesFailed: report.numFailedTestSuites ?? 0,
  };
}

const vitest = (project, file) => [
  "run",
  "--project",
  project,
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${join(reports, file)}`,
];

const steps = [];
const synced = run("generate content types", "astro", ["sync"]);
steps.push(synced && run("type-check", "tsc", ["--noEmit", "-p", "tsconfig.json"]));
steps.push(synced && run("type-check .astro files", "node", ["scripts/check-astro.ts"]));
steps.push(run("lint", "node", ["scripts/lint.mjs"]));
steps.push(run("unit and content tests", "vitest", vitest("unit", "unit.json")));
const built = run("build the site under a sub-path", "astro", ["build"], { BASE_PATH: TEST_BASE });
steps.push(built);
if (built) steps.push(run("built-output and browser tests", "vitest", vitest("browser", "browser.json"), { TEST_BASE }));

const totals = ["unit.json", "browser.json"].map((f) => counts(join(reports, f)));
const passed = totals.reduce((n, t) => n + t.passed, 0);
const failedTests = totals.reduce((n, t) => n + t.failed, 0);
const failedSteps = steps.filter((ok) => !ok).length;
// A step that failed without a failing test (type error, build error, a
// suite that could not load) still counts as a failure in the summary.
const failed = failedTests > 0 ? failedTests : failedSteps;
const skipped = totals.reduce((n, t) => n + t.skipped, 0);
console.log(`\nTests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failedSteps > 0 || failed > 0 ? 1 : 0);
