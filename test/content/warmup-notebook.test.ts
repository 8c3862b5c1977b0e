/**
 * content/notebooks/warmup-and-transformers.mdx quotes numbers from the races
 * that scripts/warmup-runs.ts made with the site's CLI
 * (src/data/shakespeare/runs/*.json). This test holds the page to the files:
 * every quoted number is recomputed from the runs, every race the page shows is
 * one of the script's, and every command the page prints is the script's.
 * (test/training/warmup-runs.test.ts re-runs the first steps of each race.)
 */
import * as tf from "@tensorflow/tfjs";
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { commandLine } from "../../scripts/cli-runs.ts";
import { RACES } from "../../scripts/warmup-runs.ts";
import { parseTextExperimentArgs } from "../../src/cli/text-experiment.ts";
import { mulberry32 } from "../../src/data/prng.ts";
import { createTransformer } from "../../src/training/transformer.ts";
import { bits, summarizeTextRun, validationCurve, type RunSummary, type TextRunData } from "../../src/data/shakespeare/summary.ts";

const page = readFileSync(new URL("../../content/notebooks/warmup-and-transformers.mdx", import.meta.url), "utf8");
const folder = new URL("../../src/data/shakespeare/runs/", import.meta.url);
const runs = new Map(readdirSync(folder).filter((f) => f.endsWith(".json")).map((f) => {
  const saved = JSON.parse(readFileSync(new URL(f, folder), "utf8")) as { name: string; command: string; result: TextRunData };
  return [saved.name, saved] as const;
}));

function summary(race: string, label: string): RunSummary {
  const saved = runs.get(race);
  if (!saved) throw new Error(`no committed race "${race}"`);
  const found = summarizeTextRun(saved.result).find((s) => s.label === label);
  if (!found) throw new Error(`race "${race}" has no schedule "${label}"`);
  return found;
}
const final = (race: string, label: string) => summary(race, label).finalVal;
const best = (race: string, label: string) => summary(race, label).bestVal;

/** Sentences of the page that quote the runs ({i} = the i-th number, two decimals), and each number's source. */
const sentences: { text: string; values: (number | null)[] }[] = [
  { text: "its validation loss ends at {0} bits per character, worse than the letter frequencies alone", values: [final("post-lr0.03", "no warmup")] },
  { text: "validation reaches {0} after 100 steps (40 steps after the rate reached its peak), but by step 200 the constant peak rate has thrown it back, and it ends at {1}", values: [best("post-lr0.03", "linear warmup"), final("post-lr0.03", "linear warmup")] },
  { text: "trains: it ends at {0} bits per character", values: [final("post-lr0.03", "inverse sqrt")] },
  { text: "Post-LN again never learns more than the letter frequencies ({0} at the end)", values: [final("post-lr0.02", "no warmup")] },
  { text: "down to {0} after 500 steps", values: [best("post-lr0.02", "linear warmup")] },
  { text: "in the last 100 steps the run falls back to {0}. The inverse square root, which lowers the rate after the warmup, trains to {1} and stays there", values: [final("post-lr0.02", "linear warmup"), final("post-lr0.02", "inverse sqrt")] },
  { text: "the model trains without any warmup: it ends at {0} bits per character, against {1} for Post-LN", values: [final("pre-lr0.03", "no warmup"), final("post-lr0.03", "no warmup")] },
  { text: "Warmup still helps a little ({0} with the linear warmup, {1} with the inverse square root)", values: [final("pre-lr0.03", "linear warmup"), final("pre-lr0.03", "inverse sqrt")] },
  { text: "it ends at {0} bits per character without warmup, {1} with the linear warmup and {2} with the inverse square root.", values: [final("pre-lr0.02", "no warmup"), final("pre-lr0.02", "linear warmup"), final("pre-lr0.02", "inverse sqrt")] },
  {
    text: "it ends at {0} without warmup, {1} with the linear warmup and {2} with the inverse square root, whose best was {3} after 250 steps. The inverse square root's success with seed 1 ({4})",
    values: [final("post-lr0.03-seed2", "no warmup"), final("post-lr0.03-seed2", "linear warmup"), final("post-lr0.03-seed2", "inverse sqrt"), best("post-lr0.03-seed2", "inverse sqrt"), final("post-lr0.03", "inverse sqrt")],
  },
];

describe("the warmup notebook", () => {
  it("quotes every number as the committed runs give it", () => {
    expect(sentences.length).toBeGreaterThan(0);
    for (const { text, values } of sentences) {
      const filled = values.reduce<string>((t, v, i) => t.replace(`{${i}}`, bits(v)), text);
      expect(page, `the page should say: ${filled}`).toContain(filled);
    }
  });

  it("quotes the step of a best value as the run has it", () => {
    expect(page).toContain(`validation reaches ${bits(best("post-lr0.03", "linear warmup"))} after ${summary("post-lr0.03", "linear warmup").bestAfter} steps`);
    expect(page).toContain(`down to ${bits(best("post-lr0.02", "linear warmup"))} after ${summary("post-lr0.02", "linear warmup").bestAfter} steps`);
    // "by step 200 ... thrown it back": above 4.5 bits/char from the evaluation after 200 steps on.
    const curve = validationCurve(runs.get("post-lr0.03")?.result as TextRunData, 1);
    expect(curve.filter((p) => p.after >= 200).every((p) => p.bits > 4.5)).toBe(true);
    expect(summary("post-lr0.03-seed2", "inverse sqrt").bestAfter).toBe(250);
    // "learned nothing with any schedule" (seed 2) and "without warmup learned nothing in any of its three races": every Post-LN evaluation at 0.03 seed 2, and every no-warmup one, stays above 4.5 bits/char.
    const saved2 = runs.get("post-lr0.03-seed2")?.result as TextRunData;
    for (const k of [0, 1, 2]) expect(validationCurve(saved2, k).every((p) => p.bits > 4.5)).toBe(true);
    for (const race of ["post-lr0.03", "post-lr0.02", "post-lr0.03-seed2"]) expect(validationCurve(runs.get(race)?.result as TextRunData, 0).every((p) => p.bits > 4.5)).toBe(true);
    // "Pre-LN learned without warmup at both rates": below 3.5 bits/char at the end.
    for (const race of ["pre-lr0.03", "pre-lr0.02"]) expect(final(race, "no warmup") as number).toBeLessThan(3.5);
    // "stays there": the inverse square root's best is its last evaluation.
    expect(summary("post-lr0.02", "inverse sqrt").bestAfter).toBe(600);
  });

  it("shows only committed races and prints each one's exact command", () => {
    const shown = [...page.matchAll(/<TextRaceResult race="([^"]+)"/g)].map((m) => m[1] as string);
    expect(shown.length).toBeGreaterThan(0);
    for (const race of shown) {
      expect(Object.keys(RACES)).toContain(race);
      expect(runs.get(race)?.command).toBe(commandLine(RACES[race] as string[]));
    }
    const printed = [...page.matchAll(/^npm run --silent experiment -- .*$/gm)].map((m) => m[0]);
    for (const line of printed) expect(Object.values(RACES).map((args) => commandLine(args))).toContain(line);
  });

  it("states the model's size and settings as the races ran them", async () => {
    await tf.setBackend("cpu");
    for (const args of Object.values(RACES)) {
      const c = parseTextExperimentArgs(args);
      expect([c.layers, c.width, c.heads, c.context, c.batchSize, c.steps, c.valWindows * c.context]).toEqual([4, 32, 4, 16, 16, 600, 1024]);
      const model = createTransformer(tf, { vocab: 62, context: c.context, width: c.width, heads: c.heads, layers: c.layers, norm: c.norm }, 1, mulberry32(1));
      expect(Math.round(model.size / 1000)).toBe(55);
      model.dispose();
    }
    expect(page).toContain("4 blocks, width 32, 4 attention heads, a context of 16 characters, batches of 16 windows, Adam (β₁ 0.9, β₂ 0.999) for 600 steps");
    expect(page).toContain("bits per character** on 1,024 held-out characters");
    expect(page).toContain("(about 55,000 weights)");
  });

  it("keeps the unigram reference it quotes", () => {
    const saved = runs.values().next().value;
    expect(page).toContain(`${bits(saved?.result.unigramBits ?? null)} bits per character`);
  });
});
