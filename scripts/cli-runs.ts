/**
 * What the scripts that make a notebook's committed runs share: run the site's
 * own experiment CLI once per named race and write its JSON output verbatim,
 * beside the exact command a reader would type, to <out>/<name>.json.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { commandLine } from "../src/training/settings-text.ts";

/** The command as a reader would type it: one quoting, shared with the islands' JSON export. */
export { commandLine };

export interface RunOptions {
  races: Readonly<Record<string, readonly string[]>>;
  /** Folder for the JSON files, as a URL. */
  out: URL;
  /** Race names from the command line; none means every race. */
  names: readonly string[];
  /** Drops what belongs to the machine rather than to the race, so a rerun rewrites the same bytes. */
  machineFree?: (result: Record<string, unknown>) => void;
}

/** Runs the named races (all when none is named); 2 for an unknown name, else 0. */
export function writeRuns({ races, out, names, machineFree }: RunOptions): number {
  for (const name of names) if (!Object.hasOwn(races, name)) {
    process.stderr.write(`unknown race "${name}"; expected ${Object.keys(races).join(", ")}\n`);
    return 2;
  }
  mkdirSync(out, { recursive: true });
  for (const name of names.length > 0 ? names : Object.keys(races)) {
    const args = races[name] as readonly string[];
    const started = Date.now();
    const stdout = execFileSync(process.execPath, ["src/cli/experiment.ts", ...args], { cwd: new URL("..", import.meta.url), maxBuffer: 1 << 28, encoding: "utf8" });
    const result = JSON.parse(stdout) as Record<string, unknown>;
    machineFree?.(result);
    writeFileSync(new URL(`${name}.json`, out), JSON.stringify({ name, command: commandLine(args), result }) + "\n");
    process.stdout.write(`${name}: ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  }
  return 0;
}

/** The first steps kept by thinRecords: enough for a test to re-run and compare. */
export const KEPT_FIRST_STEPS = 10;

/**
 * For a race of many steps (src/training's Race): drops the machine's speed and
 * keeps the records a notebook reads (evaluations, sharpness) and the first
 * KEPT_FIRST_STEPS, so the committed file stays small.
 */
export function thinRecords(result: Record<string, unknown>): void {
  delete result.stepsPerSecond;
  const records = result.records as { valLoss?: unknown; sharpness?: unknown }[];
  result.records = records.filter((r, i) => i < KEPT_FIRST_STEPS || r.valLoss !== undefined || r.sharpness !== undefined);
}
