/**
 * The committed warmup races (src/data/shakespeare/runs/*.json, made by
 * scripts/warmup-runs.ts) are what the site's CLI prints: each file's command is
 * the script's, and re-running its first steps gives the committed numbers.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { commandLine } from "../../scripts/cli-runs.ts";
import { RACES } from "../../scripts/warmup-runs.ts";
import { nodeTf, parseTextExperimentArgs, runTextExperiment, type TextExperimentResult } from "../../src/cli/text-experiment.ts";

const folder = new URL("../../src/data/shakespeare/runs/", import.meta.url);
const files = readdirSync(folder).filter((f) => f.endsWith(".json")).sort();
const load = (file: string) => JSON.parse(readFileSync(new URL(file, folder), "utf8")) as { name: string; command: string; result: TextExperimentResult };

describe("committed warmup races", () => {
  it("there is one file per race of the script, named after it, with the script's command", () => {
    expect(files).toEqual(Object.keys(RACES).map((n) => `${n}.json`).sort());
    for (const file of files) {
      const saved = load(file);
      const args = RACES[saved.name] as string[];
      expect(file).toBe(`${saved.name}.json`);
      expect(saved.command).toBe(commandLine(args));
      const { format: _format, ...config } = parseTextExperimentArgs(args);
      void _format;
      expect(saved.result.config).toEqual(config);
      expect(saved.result.records).toHaveLength(config.steps);
    }
  });

  for (const file of files) {
    it(`${file}: the first steps re-run to the committed numbers`, async () => {
      const saved = load(file);
      // The committed command, cut to its first 3 steps after parsing (a race is at least 10 steps; the first 3 are enough here).
      const config = { ...parseTextExperimentArgs([...(RACES[saved.name] as string[]), "--sample-length", "1"]), steps: 3 };
      const tf = await nodeTf(config.backend);
      const again = await runTextExperiment(tf, config);
      expect(again.backend).toBe(saved.result.backend);
      again.records.forEach((r, i) => {
        const committed = saved.result.records[i];
        expect(r.lr).toEqual(committed?.lr);
        r.trainLoss.forEach((v, k) => expect(Math.abs((v as number) - (committed?.trainLoss[k] as number))).toBeLessThan(1e-9));
      });
    }, 300_000);
  }
});
