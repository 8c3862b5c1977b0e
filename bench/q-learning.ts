/**
 * `node bench/q-learning.ts`: Q-learning updates per second on the windy
 * gridworld race (src/rl/race.ts) in Node, for K = 1 and K = 8 agents (one
 * agent-update = one ε-greedy choice, one sampled transition, one Q update).
 * Evaluation is left out (one at the end). Best of 3 repeats. Writes
 * bench/results/q-learning-<date>.md. Not part of `npm test`: numbers depend on
 * the machine (and, on a shared machine, on its load).
 *
 *   node bench/q-learning.ts            Q_STEPS=200000 node bench/q-learning.ts
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { runQRace } from "../src/rl/race.ts";
import { parseCountRule, type StepSizeRule } from "../src/rl/step-sizes.ts";

const STEPS = Number(process.env.Q_STEPS ?? 200_000);
const RULES: StepSizeRule[] = [
  { form: "schedule", spec: { kind: "constant", lr: 0.1 } },
  parseCountRule("1/n"),
  parseCountRule("1/n^0.7"),
  { form: "schedule", spec: { kind: "cosine", lr: 0.1, minLr: 0, decaySteps: STEPS, exponent: 1, periodic: false } },
];

export function updatesPerSecond(k: number, steps: number, repeats = 3): number {
  const rules = Array.from({ length: k }, (_, i) => RULES[i % RULES.length] as StepSizeRule);
  let best = 0;
  for (let r = 0; r < repeats; r += 1) {
    const started = performance.now();
    runQRace({ rules, labels: rules.map((_, i) => `a${i}`), steps, seed: 1, evalEvery: steps, epsilon: 0.3, gamma: 0.9 });
    best = Math.max(best, (k * steps) / ((performance.now() - started) / 1000));
  }
  return best;
}

function main(): void {
  const rows = [1, 8].map((k) => ({ k, rate: updatesPerSecond(k, STEPS) }));
  const date = new Date().toISOString().slice(0, 10);
  const lines = [
    `# Q-learning throughput, ${date}`,
    "",
    `Node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? "unknown"}), ${STEPS.toLocaleString("en")} steps per agent, best of 3 (the two evaluations, at the start and the end, included); load average ${loadavg()[0]?.toFixed(1)} when measured.`,
    "",
    "| agents K | agent-updates/s | steps/s (all K agents) |",
    "| --- | --- | --- |",
    ...rows.map((r) => `| ${r.k} | ${Math.round(r.rate).toLocaleString("en")} | ${Math.round(r.rate / r.k).toLocaleString("en")} |`),
    "",
  ];
  mkdirSync(new URL("results/", import.meta.url), { recursive: true });
  writeFileSync(new URL(`results/q-learning-${date}.md`, import.meta.url), lines.join("\n"));
  process.stdout.write(lines.join("\n"));
}

if (import.meta.main) main();
