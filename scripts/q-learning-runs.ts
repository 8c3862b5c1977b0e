/**
 * Makes the Q-learning notebook's data: each race below is one run of the
 * site's own CLI (`npm run --silent experiment -- --task gridworld …`), and its
 * JSON output is written verbatim, beside the exact command, to
 * src/rl/runs/<name>.json. The three races are the same race under three
 * seeds. test/content/q-learning-notebook.test.ts holds the notebook's numbers
 * to these files and re-runs the first steps of each race.
 *
 *   node scripts/q-learning-runs.ts            # every race (about 20 s)
 *   node scripts/q-learning-runs.ts seed1      # the named ones
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";

/** Six agents: three step sizes of the schedule library (α_t), three per-pair count rules (α = 1/n(s,a)^ω). */
export const AGENTS = [
  "--schedule", JSON.stringify({ kind: "constant", lr: 0.1 }),
  "--schedule", JSON.stringify({ kind: "constant", lr: 0.5 }),
  "--schedule", JSON.stringify({ kind: "cosine", lr: 0.1, decaySteps: 500_000, minLr: 0 }),
  "--step-sizes", "1/n,1/n^0.7,1/n^0.55",
  "--labels", "α = 0.1,α = 0.5,cosine from 0.1,1/n,1/n^0.7,1/n^0.55",
];
export const SHARED = ["--task", "gridworld", "--steps", "500000", "--eval-every", "5000", "--epsilon", "0.3", "--gamma", "0.9"];

export const RACES: Record<string, string[]> = Object.fromEntries([1, 2, 3].map((seed) => [`seed${seed}`, [...SHARED, "--seed", String(seed), ...AGENTS]]));

/** The command as a reader would type it (arguments quoted for a POSIX shell). */
export function commandLine(args: readonly string[]): string {
  const quote = (a: string) => (/^[\w.,/=^-]+$/.test(a) ? a : `'${a.replaceAll("'", "'\\''")}'`);
  return ["npm", "run", "--silent", "experiment", "--", ...args.map(quote)].join(" ");
}

function main(): number {
  const names = process.argv.slice(2);
  for (const name of names) if (!(name in RACES)) {
    process.stderr.write(`unknown race "${name}"; expected ${Object.keys(RACES).join(", ")}\n`);
    return 2;
  }
  const out = new URL("../src/rl/runs/", import.meta.url);
  mkdirSync(out, { recursive: true });
  for (const name of names.length > 0 ? names : Object.keys(RACES)) {
    const args = RACES[name] as string[];
    const stdout = execFileSync(process.execPath, ["src/cli/experiment.ts", ...args], { cwd: new URL("..", import.meta.url), maxBuffer: 1 << 28, encoding: "utf8" });
    const result = JSON.parse(stdout) as { updatesPerSecond?: number };
    // The rate is a property of the machine, not of the race: leave it out so a rerun rewrites the same bytes.
    delete result.updatesPerSecond;
    writeFileSync(new URL(`${name}.json`, out), JSON.stringify({ name, command: commandLine(args), result }) + "\n");
    process.stdout.write(`${name}: written\n`);
  }
  return 0;
}

if (import.meta.main) process.exitCode = main();
