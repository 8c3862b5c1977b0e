/**
 * The range test's reading on gradient descent over f(x) = a x²/2, where
 * the answer is known: each step multiplies the loss by (1 − ηa)², so the
 * loss rises exactly once η passes 2/a and the run diverges after that.
 */
import { describe, expect, it } from "vitest";
import { sampleSchedule } from "../../src/schedules/index.ts";
import { driveRangeTest, rangeRates, rangeSpec, readRangeTest, type RangeTrainer } from "../../src/training/range-test.ts";

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
        expect(reading.suggestion!.high).toBeLessThanOrEqual(rates[reading.divergedAt!]!);
        expect(reading.suggestion!.low).toBeLessThan(reading.suggestion!.high);
      });
    }
  }

  it("stops at a loss that is not a number", () => {
    const reading = readRangeTest([0.1, 0.2, 0.4, 0.8], [1, 0.5, Number.NaN, 2]);
    expect(reading.divergedAt).toBe(2);
    expect(reading.steps).toBe(2);
  });

  it("trains with a lambda schedule that gives exactly the rates rangeRates computes", () => {
    for (const mode of ["exponential", "linear"] as const) {
      for (const [low, high, steps] of [[1e-4, 10, 300], [1e-7, 3.5, 97], [0.003, 0.3, 10]] as const) {
        expect(sampleSchedule(rangeSpec(low, high, steps, mode), steps)).toEqual(rangeRates(low, high, steps, mode));
      }
    }
  });

  /** A trainer whose K copies run gradient descent on a x²/2 (with gradient noise) under the rising rates of `modes`. */
  function quadraticTrainer(a: number, low: number, high: number, steps: number, modes: readonly ("exponential" | "linear")[]): RangeTrainer & { calls: number } {
    const rates = modes.map((mode) => rangeRates(low, high, steps, mode));
    const x = modes.map(() => 1);
    let t = 0;
    let seed = 7;
    const uniform = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
    const trainer = {
      calls: 0,
      runSteps: (n: number) => {
        trainer.calls += 1;
        const records = [];
        for (let i = 0; i < n; i++, t++) {
          const noise = uniform();
          const lr = rates.map((r) => r[t]!);
          const trainLoss = x.map((xk, k) => {
            const next = xk - lr[k]! * (a * xk + 0.1 * noise);
            x[k] = next;
            const loss = (a * next * next) / 2;
            return Number.isFinite(loss) ? loss : null;
          });
          records.push({ lr, trainLoss });
        }
        return Promise.resolve(records);
      },
    };
    return trainer;
  }

  for (const a of [1, 2, 4, 10, 25]) {
    it(`run by chunks on a quadratic with a = ${a}, it stops once every curve diverges, past 2/a and before 4/a`, async () => {
      const modes = ["exponential", "linear"] as const;
      const steps = 400;
      const trainer = quadraticTrainer(a, 1e-3 / a, 10 / a, steps, modes);
      const seen: number[] = [];
      const { curves, step } = await driveRangeTest(trainer, { modes, steps, chunk: 25, onProgress: (_, s) => seen.push(s) });
      expect(step).toBeLessThan(steps);
      expect(seen.at(-1)).toBe(step);
      expect(trainer.calls).toBe(step / 25);
      for (const curve of curves) {
        const at = curve.reading.divergedAt!;
        expect(at).not.toBeNull();
        expect(curve.rates[at]).toBeGreaterThan(2 / a);
        expect(curve.rates[at]).toBeLessThan(4 / a);
        expect(curve.rates).toHaveLength(at + 1);
        expect(curve.reading.suggestion!.high).toBeLessThan(2 / a);
      }
    });
  }

  it("stops when the signal aborts, with the curves read so far", async () => {
    const controller = new AbortController();
    const trainer = quadraticTrainer(1, 1e-3, 0.5, 1000, ["exponential"]);
    const { step, curves } = await driveRangeTest(trainer, { modes: ["exponential"], steps: 1000, chunk: 10, onProgress: (_, s) => s >= 30 && controller.abort(), signal: controller.signal });
    expect(step).toBe(30);
    expect(curves[0]!.rates).toHaveLength(30);
    expect(curves[0]!.reading.divergedAt).toBeNull();
  });
});
