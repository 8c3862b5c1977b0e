/**
 * A throwaway copy of the site (same config, pages and components; its own
 * content) for tests that must run a real `astro build`, e.g. to prove that a
 * broken entry stops the build.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "../..");
const COPIED = ["astro.config.mjs", "package.json", "tsconfig.json", "src", "components", "public"];

const made: string[] = [];

/** Remove every scratch copy made so far (call from afterAll). */
export function removeScratchSites(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function scratchSite(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "lr-atlas-site-"));
  made.push(dir);
  for (const name of COPIED) cpSync(join(ROOT, name), join(dir, name), { recursive: true });
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  mkdirSync(join(dir, "content/glossary"), { recursive: true });
  mkdirSync(join(dir, "content/notebooks"), { recursive: true });
  for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, path), text);
  return dir;
}

export function build(dir: string): { status: number | null; output: string } {
  const result = spawnSync(join(ROOT, "node_modules/.bin/astro"), ["build"], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0", PATH: `${join(ROOT, "node_modules/.bin")}:${process.env.PATH}` },
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/** A minimal glossary entry that passes every check; tests break one thing at a time. */
export function entry(overrides: { related?: string; body?: string; formula?: string } = {}): string {
  const formula = overrides.formula ?? String.raw`\eta_t = \eta_0 e^{-kt}`;
  const body =
    overrides.body ??
    ["Explained easy", "Origin", "Etymology", "Usage", "Examples in context"]
      .map((s) => `## ${s}\n\nText about $${formula}$.\n`)
      .join("\n");
  return `---
title: Test term
definition: "A term used by the build tests."
tags: [test]
related: [${overrides.related ?? ""}]
collocations: ["test term"]
sources:
  - author: "Robbins, H. and Monro, S."
    title: "A Stochastic Approximation Method"
    venue: "The Annals of Mathematical Statistics 22(3)"
    year: 1951
    url: "https://doi.org/10.1214/aoms/1177729586"
faq:
  - { q: "One?", a: "One." }
  - { q: "Two?", a: "Two." }
  - { q: "Three?", a: "Three." }
---
${body}`;
}
