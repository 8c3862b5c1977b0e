/**
 * content/notebooks/q-learning-step-sizes.mdx quotes numbers from the races
 * that scripts/q-learning-runs.ts made with the site's CLI (src/rl/runs/*.json).
 * This test holds the page to the files (every quoted number is recomputed
 * from the runs), holds the files to the code (the first 20,000 steps of each
 * race are run again and must give the same records; one whole race is run
 * again through the CLI process from the command the page prints, and must
 * give the committed file's result), and checks that the page prints the
 * script's commands and that every gridworld command it or the README shows
 * is one the CLI accepts.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { commandLine } from "../../scripts/cli-runs.ts";
import { RACES } from "../../scripts/q-learning-runs.ts";
import { parseGridworldArgs } from "../../src/cli/rl-experiment.ts";
import { runQRace } from "../../src/rl/race.ts";
import { qRaceSettings, Q_ISLAND_DEFAULTS } from "../../components/islands/q-learning-race-model.ts";
import { summarizeQRun, two, type QRunData, type QRunSummary } from "../../src/rl/summary.ts";

const page = readFileSync(new URL("../../content/notebooks/q-learning-step-sizes.mdx", import.meta.url), "utf8");
const folder = new URL("../../src/rl/runs/", import.meta.url);
const runs = new Map(readdirSync(folder).filter((f) => f.endsWith(".json")).map((f) => {
  const saved = JSON.parse(readFileSync(new URL(f, folder), "utf8")) as { name: string; command: string; result: QRunData };
  return [saved.name, saved] as const;
}));
const run = (race: string): QRunData => {
  const saved = runs.get(race);
  if (!saved) throw new Error(`no committed race "${race}"`);
  return saved.result;
};
const of = (race: string, label: string): QRunSummary => {
  const found = summarizeQRun(run(race)).find((s) => s.label === label);
  if (!found) throw new Error(`race "${race}" has no agent "${label}"`);
  return found;
};
const at = (race: string, label: string, step: number): number => {
  const r = run(race);
  const record = r.records.find((x) => x.step === step);
  if (!record) throw new Error(`race "${race}" has no evaluation at step ${step}`);
  return record.distance[r.config.labels.indexOf(label)] as number;
};
/** A command line's words, as a POSIX shell splits it (blanks, single quotes and backslash-newlines only: what the page prints). */
function shellWords(command: string): string[] {
  return [...command.replaceAll("\\\n", " ").matchAll(/'((?:[^']|'\\'')*)'|(\S+)/g)].map((m) => (m[1] === undefined ? (m[2] as string) : m[1].replaceAll("'\\''", "'")));
}
const percent = (x: number) => `${Math.round(x * 100)}%`;
const steps = (x: number | null) => (x === null ? "never" : x.toLocaleString("en"));
const LABELS = ["α = 0.1", "α = 0.5", "cosine from 0.1", "1/n", "1/n^0.7", "1/n^0.55"];

/** The share of the last 20 evaluations in which 1/n's greedy policy never reaches the goal (return −1/(1 − γ)). */
function loopingShare(race: string, label: string): number {
  const r = run(race);
  const k = r.config.labels.indexOf(label);
  const tail = r.records.slice(-20);
  return tail.filter((x) => (x.greedyReturn[k] as number) < -1 / (1 - r.config.gamma) + 1e-6).length / tail.length;
}

const sentences: string[] = [
  `The best possible return from the start is ${two(run("seed1").environment.optimalReturn)}.`,
  `it first came within 1 of $Q^*$ at step ${steps(of("seed1", "α = 0.1").reachedAt)}, yet over the last 100,000 steps it averages ${two(of("seed1", "α = 0.1").tailDistance)}`,
  `${two(of("seed1", "α = 0.5").tailDistance)} on average over the same stretch`,
  `after 500,000 steps its distance is still ${two(of("seed1", "1/n").finalDistance)}, the worst of the six. It was ${two(at("seed1", "1/n", 50_000))} at step 50,000.`,
  `Its distance reached 1 by step ${steps(of("seed1", "1/n^0.7").reachedAt)} and averages ${two(of("seed1", "1/n^0.7").tailDistance)} over the last 100,000 steps; with ω = 0.55 it is ${two(of("seed1", "1/n^0.55").tailDistance)}.`,
  `about ${Math.round(of("seed1", "1/n").tailDistance / of("seed1", "1/n^0.7").tailDistance)} times closer than 1/n`,
  `Its distance ends at ${two(of("seed1", "cosine from 0.1").finalDistance)}`,
  `was within 0.01 of the best return ${percent(of("seed1", "1/n^0.7").optimalShare)} of the time, and that of the 1/n agent ${percent(of("seed1", "1/n").optimalShare)}`,
  `in ${percent(loopingShare("seed1", "1/n"))} of those evaluations it loops forever`,
  `Six agents learn side by side for ${run("seed1").config.steps.toLocaleString("en")} steps, with ε-greedy exploration (ε = ${run("seed1").config.epsilon})`,
  `returns are discounted with $\\gamma = ${run("seed1").config.gamma}$`,
  `With ${run("seed1").environment.states} states and ${run("seed1").environment.actions} actions`,
  `over all ${run("seed1").environment.states * run("seed1").environment.actions} state-action pairs`,
  ...LABELS.map((label) => `| ${label} | ${["seed1", "seed2", "seed3"].map((race) => two(of(race, label).tailDistance)).join(" | ")} |`),
];

describe("the Q-learning notebook", () => {
  it("quotes every number as the committed runs give it", () => {
    for (const text of sentences) expect(page, `the page should say: ${text}`).toContain(text);
  });

  it("says what the runs show: 1/n is the worst at the end, 1/n^0.7 the best on average, on every seed", () => {
    for (const race of ["seed1", "seed2", "seed3"]) {
      const s = summarizeQRun(run(race));
      expect(s.map((x) => x.label)).toEqual(LABELS);
      const tail = (label: string) => of(race, label).tailDistance;
      expect(Math.min(...LABELS.map(tail))).toBe(tail("1/n^0.7"));
      expect(tail("1/n")).toBeGreaterThan(2 * tail("α = 0.1"));
      expect(tail("α = 0.5")).toBeGreaterThan(2 * tail("α = 0.1"));
    }
    // "it does about as well as the constant 0.1 it started from (better on two seeds, worse on one)"
    expect(page).toContain("(better on two seeds, worse on one)");
    expect(["seed1", "seed2", "seed3"].filter((r) => of(r, "cosine from 0.1").tailDistance < of(r, "α = 0.1").tailDistance)).toHaveLength(2);
    expect(of("seed1", "1/n").finalDistance).toBe(Math.max(...LABELS.map((l) => of("seed1", l).finalDistance)));
  });

  it("shows only committed races and prints each one's exact command", () => {
    const shown = [...page.matchAll(/<QLearningResult race="([^"]+)"/g)].map((m) => m[1] as string);
    expect(shown.length).toBeGreaterThan(0);
    for (const race of shown) expect(Object.keys(RACES)).toContain(race);
    for (const [race, args] of Object.entries(RACES)) expect(runs.get(race)?.command).toBe(commandLine(args));
  });

  it("the committed runs are what the code gives: the first 20,000 steps of each race, rerun", () => {
    for (const [race, args] of Object.entries(RACES)) {
      const config = parseGridworldArgs(args);
      const fresh = runQRace({ ...config, steps: 20_000 });
      const committed = run(race).records.filter((r) => r.step <= 20_000);
      expect(committed.map((r) => r.step)).toEqual([0, 5000, 10_000, 15_000, 20_000]);
      expect(fresh.records).toEqual(committed);
    }
  });

  it("the command the page prints for a race gives that race: seed1 rerun whole through the CLI", () => {
    const saved = runs.get("seed1");
    if (!saved) throw new Error("no committed race seed1");
    const args = shellWords(saved.command);
    expect(args.slice(0, 5)).toEqual(["npm", "run", "--silent", "experiment", "--"]);
    const stdout = execFileSync(process.execPath, ["src/cli/experiment.ts", ...args.slice(5)], { cwd: new URL("../..", import.meta.url), encoding: "utf8", maxBuffer: 1 << 28 });
    const { updatesPerSecond, ...fresh } = JSON.parse(stdout) as Record<string, unknown>;
    expect(updatesPerSecond).toBeGreaterThan(0);
    expect(fresh).toEqual(saved.result);
  }, 60_000);

  it("shows only gridworld commands the CLI accepts (the notebook's and the README's)", () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    const commands = [page, readme].flatMap((text) => [...text.matchAll(/npm run --silent experiment -- --task gridworld[^`]*?(?=\n\s*```|\n\n)/g)].map((m) => m[0].replaceAll("\\\n", " ")));
    expect(commands.length).toBeGreaterThanOrEqual(2);
    for (const command of commands) expect(() => parseGridworldArgs(shellWords(command).slice(5)), command).not.toThrow();
  });

  it("describes the embedded live race as it is built", () => {
    const c = qRaceSettings(Q_ISLAND_DEFAULTS);
    expect(c.labels).toEqual(["constant", "1/n", "1/n^0.7"]);
    expect(page).toContain(`As built, it shows a constant step of ${Q_ISLAND_DEFAULTS.lr}, 1/n and 1/n^0.7 for ${c.steps.toLocaleString("en")} steps`);
    expect(page).toContain("<QLearningRace urlState />");
  });
});
