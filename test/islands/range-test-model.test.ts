/** The range-test island's settings: permalink reading (bad values refused with a notice), the config, the texts and the race link. */
import { describe, expect, it } from "vitest";
import { chosenSuggestion, raceQuery, rangeConfig, rangeSettingsFromQuery, rangeSettingsToQuery, readingLines, suggestionText, RANGE_ISLAND_DEFAULTS } from "../../components/islands/range-test-model.ts";
import { raceFromQuery } from "../../components/islands/race-url.ts";
import { raceSetup } from "../../components/islands/training-race-model.ts";
import { readRangeTest, rangeRates, type RangeCurve } from "../../src/training/range-test.ts";

const D = RANGE_ISLAND_DEFAULTS;
const read = (query: string) => rangeSettingsFromQuery(new URLSearchParams(query), D);

function curveOf(mode: "exponential" | "linear", losses: (r: number) => number): RangeCurve {
  const rates = rangeRates(1e-3, 10, 200, mode);
  const values = rates.map(losses);
  return { mode, rates, losses: values, reading: readRangeTest(rates, values) };
}

describe("the range-test island's model", () => {
  it("reads a permalink and writes it back", () => {
    const { settings, notices } = read("task=digits&optimizer=adam&low=1e-5&high=1&steps=400&modes=linear&batch=64&seed=3");
    expect(notices).toEqual([]);
    expect(settings).toEqual({ task: "digits", optimizer: "adam", low: 1e-5, high: 1, steps: 400, modes: ["linear"], batchSize: 64, seed: 3 });
    expect(rangeSettingsFromQuery(rangeSettingsToQuery(settings), D).settings).toEqual(settings);
  });

  it("refuses each hostile value with a notice naming it, keeping the default", () => {
    const { settings, notices } = read("task=%3Cscript%3E&low=0x10&high=Infinity&steps=99999&modes=cubic&seed=1e999&batch=-1&optimizer=__proto__");
    expect(settings).toEqual(D);
    expect(notices.map((n) => n.param).sort()).toEqual(["batch", "high", "low", "modes", "optimizer", "seed", "steps", "task"]);
    expect(read("low=5&high=1").notices[0]?.message).toBe("high: must be above low (5), got 1; using 0.0001 to 10");
    expect(read("low=5&high=1").settings).toEqual(D);
    expect(read("high=50").notices[0]?.message).toMatch(/^high: must be a number in \(0, 10\]/);
  });

  it("checks a run under the browser's bounds, naming the bad field", () => {
    expect(rangeConfig(D)).toMatchObject({ task: "moons", model: "mlp", steps: 300, modes: ["exponential", "linear"] });
    expect(() => rangeConfig({ ...D, low: 2, high: 1 })).toThrow(/high must be above low \(2\), got 1/);
    expect(() => rangeConfig({ ...D, steps: 5000 })).toThrow(/steps must be an integer in \[10, 2000\], got 5000/);
    expect(() => rangeConfig({ ...D, modes: [] })).toThrow(/modes must list/);
  });

  it("says what each sweep read, and links the playground to a race at the suggested peak", () => {
    // A loss that falls until rate 0.5 and then climbs steeply: a minimum near 0.5.
    const valley = (r: number) => 1 + (Math.log10(r / 0.5)) ** 2 * (r > 0.5 ? 4 : 1);
    const curves = [curveOf("exponential", valley), curveOf("linear", () => 1)];
    const lines = readingLines(curves);
    expect(lines[0]).toMatch(/^The exponential sweep (did not diverge up to 10 \(the smoothed loss never reached 4× its best\)|diverged at rate [\d.]+ \(step \d+\)); steepest descent at [\d.]+, minimum at 0\.\d+; suggested bounds [\d.]+ to 0\.\d+\.$/);
    expect(lines[1]).toMatch(/no bounds suggested/);
    const chosen = chosenSuggestion(curves)!;
    expect(chosen.mode).toBe("exponential");
    expect(chosen.high).toBeGreaterThan(0.25);
    expect(chosen.high).toBeLessThan(0.6);
    expect(suggestionText(chosen)).toMatch(/^Suggested peak: 0\.\d+ \(the exponential sweep's minimum/);
    expect(suggestionText(null)).toMatch(/^No peak to suggest/);
    // The playground reads the link as a race of one-cycle, cyclic and constant at that peak, with no notice.
    const query = raceQuery({ ...D, task: "digits", optimizer: "momentum" }, chosen.high);
    const fromUrl = raceFromQuery(query, raceSetup({}));
    expect(fromUrl.notices).toEqual([]);
    const setup = raceSetup(fromUrl.input);
    expect(setup.schedules.map((s) => s.kind)).toEqual(["one-cycle", "cyclic", "constant"]);
    expect(setup.schedules[0]).toMatchObject({ maxLr: Number(chosen.high.toPrecision(3)) });
    expect(setup).toMatchObject({ task: "digits", optimizer: "momentum", batchSize: 32, seed: 1 });
    // A peak above the playground's bound is kept inside it.
    expect(raceQuery(D, 40).get("lr")).toBe("10");
  });
});
