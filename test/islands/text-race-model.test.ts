/**
 * The live text race's settings: each committed warmup race is re-run by the
 * island's settings (same CLI arguments, same command, same rates), permalinks
 * round-trip, and bad values are named.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { commandLine } from "../../scripts/cli-runs.ts";
import { RACES } from "../../scripts/warmup-runs.ts";
import { parseTextExperimentArgs } from "../../src/cli/text-experiment.ts";
import { sampleSchedule } from "../../src/schedules/index.ts";
import { RECIPE_NAMES, settingsFromRun, textRaceArgs, textRaceCommand, textRaceConfig, textSettingsFromQuery, textSettingsToQuery, type SavedTextConfig, type TextIslandSettings } from "../../components/islands/text-race-model.ts";

const folder = new URL("../../src/data/shakespeare/runs/", import.meta.url);
const saved = readdirSync(folder).filter((f) => f.endsWith(".json")).map((f) => JSON.parse(readFileSync(new URL(f, folder), "utf8")) as { name: string; command: string; result: { config: SavedTextConfig } });
const base = settingsFromRun((saved.find((s) => s.name === "post-lr0.03") as (typeof saved)[number]).result.config);

describe("text race island settings", () => {
  it.each(saved.map((s) => [s.name, s] as const))("%s: the island's settings name the committed race exactly", (name, run) => {
    const settings = settingsFromRun(run.result.config);
    expect(textRaceArgs(settings)).toEqual(RACES[name]);
    expect(textRaceCommand(settings)).toBe(commandLine(RACES[name] as string[]));
    expect(textRaceCommand(settings)).toBe(run.command);
    const island = textRaceConfig(settings);
    const cli = parseTextExperimentArgs(RACES[name] as string[]);
    for (const key of ["labels", "steps", "norm", "layers", "width", "heads", "context", "batchSize", "seed", "evalEvery", "valWindows", "optimizerOptions", "sampleLength", "temperature", "prompt"] as const) {
      expect(island[key], key).toEqual(cli[key]);
    }
    island.schedules.forEach((spec, k) => expect(sampleSchedule(spec, cli.steps)).toEqual(sampleSchedule(cli.schedules[k] as typeof spec, cli.steps)));
  });

  it("warmup + cosine climbs from 0 to the peak over the warmup and ends near 0", () => {
    const config = textRaceConfig({ ...base, schedules: ["warmup-cosine"], lr: 0.02, steps: 200, warmup: 20 });
    const rates = sampleSchedule(config.schedules[0] as (typeof config.schedules)[number], 200);
    expect(rates[0]).toBe(0);
    expect(rates[20]).toBeCloseTo(0.02, 12);
    expect(rates[199] as number).toBeLessThan(0.0001);
    expect(config.labels).toEqual(["warmup + cosine"]);
  });

  it("refuses settings that make no race, saying what is wrong", () => {
    const bad = (patch: Partial<TextIslandSettings>) => () => textRaceConfig({ ...base, ...patch });
    expect(bad({ warmup: 600 })).toThrow("warmup (600 steps) must be shorter than the run (600 steps)");
    expect(bad({ width: 30 })).toThrow("width must be a multiple of the 4 heads, got 30");
    expect(bad({ schedules: [] })).toThrow("pick 1 to 4 schedules, got 0");
    expect(bad({ lr: Number.NaN })).toThrow("lr must be a number in (0, 0.1], got NaN");
    expect(bad({ steps: 5 })).toThrow("steps must be a whole number in [10, 2000], got 5");
    expect(() => settingsFromRun({ ...(saved[0] as (typeof saved)[number]).result.config, labels: ["no warmup", "potato", "inverse sqrt"] })).toThrow(/schedule "potato" is none of the island's/);
  });

  it("permalinks round-trip, and each hostile value is named while the rest apply", () => {
    const mine: TextIslandSettings = { ...base, norm: "pre", lr: 0.01, steps: 40, seed: 9, warmup: 4, schedules: ["constant", "warmup-cosine"], layers: 1, width: 16, backend: "wasm" };
    expect(textSettingsFromQuery(textSettingsToQuery(mine), base)).toEqual({ settings: mine, notices: [] });
    const hostile = new URLSearchParams("norm=sideways&lr=0x10&steps=400&schedules=constant,potato&width=16&evil=1");
    const { settings, notices } = textSettingsFromQuery(hostile, base);
    expect(settings).toEqual({ ...base, steps: 400, width: 16 });
    const text = notices.map((n) => n.message).join(" | ");
    expect(text).toMatch(/norm: must be one of post, pre, got .*sideways/);
    expect(text).toMatch(/lr: must be a number in \(0, 0\.1\], got .*0x10/);
    expect(text).toMatch(/schedules: unknown .*potato/);
    expect(text).toMatch(/ignored: .*evil/);
  });

  it("a set of valid values that makes no race keeps the page's race, with a notice", () => {
    const { settings, notices } = textSettingsFromQuery(new URLSearchParams("steps=20&warmup=30"), base);
    expect(settings).toEqual(base);
    expect(notices.map((n) => n.message)).toEqual(["warmup (30 steps) must be shorter than the run (20 steps); using the page's race"]);
    expect(RECIPE_NAMES).toEqual(["constant", "linear-warmup", "inverse-sqrt", "warmup-cosine"]);
  });
});
