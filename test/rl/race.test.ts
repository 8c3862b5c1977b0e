import { describe, expect, it } from "vitest";
import { QRace, runQRace, type QRaceConfig } from "../../src/rl/race.ts";
import { parseCountRule, type StepSizeRule } from "../../src/rl/step-sizes.ts";

const constant = (lr: number): StepSizeRule => ({ form: "schedule", spec: { kind: "constant", lr } });
const base = (rules: StepSizeRule[], seed = 1): QRaceConfig => ({ rules, labels: rules.map((_, i) => `r${i}`), steps: 3000, seed, evalEvery: 1000, epsilon: 0.3, gamma: 0.9 });

describe("Q-learning race", () => {
  it("same seed, same numbers; another seed, other numbers", () => {
    const rules = [constant(0.1), parseCountRule("1/n^0.7")];
    const a = runQRace(base(rules));
    const b = runQRace(base(rules));
    expect(b.records).toEqual(a.records);
    expect([...b.tables[1]!]).toEqual([...a.tables[1]!]);
    expect(runQRace(base(rules, 2)).records.at(-1)!.distance).not.toEqual(a.records.at(-1)!.distance);
  });

  it("shares the random stream: two agents with the same step size hold identical Q tables", () => {
    const r = runQRace(base([parseCountRule("1/n"), constant(0.5), parseCountRule("1/n")]));
    expect([...r.tables[2]!]).toEqual([...r.tables[0]!]);
    expect([...r.tables[1]!]).not.toEqual([...r.tables[0]!]);
    for (const rec of r.records) expect(rec.distance[2]).toBe(rec.distance[0]);
  });

  it("an agent's run does not depend on which other agents race with it", () => {
    const alone = runQRace(base([parseCountRule("1/n^0.8")]));
    const crowd = runQRace(base([constant(0.3), parseCountRule("1/n"), parseCountRule("1/n^0.8")]));
    expect([...crowd.tables[2]!]).toEqual([...alone.tables[0]!]);
  });

  it("records the start, every evalEvery steps and the end; count rules report α = 1/n^ω for a whole n", () => {
    const r = runQRace({ ...base([constant(0.2), parseCountRule("1/n^0.6")]), steps: 2500 });
    expect(r.records.map((x) => x.step)).toEqual([0, 1000, 2000, 2500]);
    expect(r.records[0]!.alpha).toEqual([null, null]);
    for (const rec of r.records.slice(1)) {
      expect(rec.alpha[0]).toBe(0.2);
      const n = (1 / (rec.alpha[1] as number)) ** (1 / 0.6);
      expect(Math.abs(n - Math.round(n))).toBeLessThan(1e-6);
    }
  });

  it("starts at ‖Q* ‖∞ away and learns: the distance after 20,000 steps of 1/n^0.7 is well below the start", () => {
    const r = runQRace({ ...base([parseCountRule("1/n^0.7")]), steps: 20_000, evalEvery: 20_000 });
    const [first, last] = [r.records[0]!.distance[0]!, r.records.at(-1)!.distance[0]!];
    expect(first).toBeGreaterThan(8);
    expect(last).toBeLessThan(first / 2);
    expect(r.optimalReturn).toBeGreaterThan(r.randomReturn);
  });

  it("refuses a bad configuration with a message naming the field", () => {
    expect(() => runQRace({ ...base([constant(0.1)]), gamma: 1 })).toThrow(/gamma must be in \[0, 1\), got 1/);
    expect(() => runQRace({ ...base([constant(0.1)]), labels: [] })).toThrow(/1 rules but 0 labels/);
    expect(() => runQRace({ ...base([constant(0.1)]), epsilon: Number.NaN })).toThrow(/epsilon/);
  });
});

describe("QRace, the race in slices", () => {
  it("gives the same records however it is sliced, each once, step 0 first", () => {
    const config = { ...base([constant(0.2), parseCountRule("1/n^0.7")]), steps: 2500, evalEvery: 500 };
    const race = new QRace(config);
    const got = [...race.advance(0), ...race.advance(777), ...race.advance(1), ...race.advance(5000), ...race.advance(100)];
    expect(race.done).toBe(true);
    expect(got.map((r) => r.step)).toEqual([0, 500, 1000, 1500, 2000, 2500]);
    expect(got).toEqual(runQRace(config).records);
  });
});
