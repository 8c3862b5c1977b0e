/**
 * The range test's reading on gradient descent over f(x) = a x²/2, where
 * the answer is known: each step multiplies the loss by (1 − ηa)², so the
 * loss rises exactly once η passes 2/a and the run diverges after that.
 */
import { describe, expect, it } from "vitest";
import { rangeRates, readRangeTest } from "../../src/training/range-test.ts";

/** Gradient descent on a x²/2 from x = 1; with `noise`, each gradient gets a seeded perturbation of that size (SGD's noise ball). */
function quadraticRun(a: number, rates: readonly number[], noise = 0): number[] {
  let x = 1;
  let seed = 12345;
  const uniform = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
  return rates.map((rate) => {
    x -= rate * (a * x + noise * uniform());
    return (a * x * x) / 2;
  });
}

describe("the learning-rate range test", () => {
  it("rises from low to high, linearly or exponentially", () => {
    expect(rangeRates(0.1, 1, 10, "linear")[9]).toBeCloseTo(1, 15);
    const exp = rangeRates(1e-4, 1, 5, "exponential");
    exp.forEach((r, i) => expect(r).toBeCloseTo(10 ** (-4 + i), 12));
    expect(() => rangeRates(1, 0.1, 10, "linear")).toThrow(/0 < low < high/);
  });

  for (const a of [1, 4, 25]) {
    for (const mode of ["exponential", "linear"] as const) {
      it(`finds the divergence threshold 2/a on a quadratic with a = ${a} (${mode} rates)`, () => {
        const rates = rangeRates(1e-3 / a, 10 / a, 400, mode);
        // Without noise the raw loss first rises at the first rate past 2/a: exactly.
        const rise = readRangeTest(rates, quadraticRun(a, rates)).firstRise!;
        expect(rates[rise]).toBeGreaterThan(2 / a);
        expect(rates[rise - 1]).toBeLessThanOrEqual(2 / a);
        // With gradient noise (a loss that cannot collapse to 0, as in training), the smoothed
        // loss is called diverged soon after 2/a, never before.
        const reading = readRangeTest(rates, quadraticRun(a, rates, 0.1));
        expect(reading.divergedAt).not.toBeNull();
        expect(rates[reading.divergedAt!]).toBeGreaterThan(2 / a);
        expect(rates[reading.divergedAt!]).toBeLessThan(4 / a);
        // Suggested bounds sit below the threshold.
        expect(reading.suggestion.high).toBeLessThanOrEqual(rates[reading.divergedAt!]!);
        expect(reading.suggestion.low).toBeLessThan(reading.suggestion.high);
      });
    }
  }

  it("stops at a loss that is not a number", () => {
    const reading = readRangeTest([0.1, 0.2, 0.4, 0.8], [1, 0.5, Number.NaN, 2]);
    expect(reading.divergedAt).toBe(2);
    expect(reading.steps).toBe(2);
  });
});
