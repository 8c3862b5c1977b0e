/** Properties every valid spec must have, over random settings (fast-check). */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseSpec, registry, sampleSchedule, KINDS, type ScheduleKind, type ScheduleSpec } from "../../src/schedules/index.ts";

const STEPS = 300;

/** Random values for a family's numeric params, within the slider ranges. */
function paramsArb(kind: ScheduleKind): fc.Arbitrary<Record<string, number>> {
  const entries = registry[kind].params.map((p) => {
    const arb = p.integer
      ? fc.integer({ min: Math.ceil(p.min), max: Math.floor(p.max) })
      : p.scale === "log"
        ? fc.double({ min: Math.log10(p.min), max: Math.log10(p.max), noNaN: true }).map((e) => 10 ** e)
        : fc.double({ min: p.min, max: p.max, noNaN: true });
    return [p.name, arb] as const;
  });
  return fc.record(Object.fromEntries(entries));
}

/** A valid spec of the kind, or null when the random values break a cross-field rule. */
function specArb(kind: ScheduleKind): fc.Arbitrary<ScheduleSpec | null> {
  return paramsArb(kind).map((params) => {
    const parsed = parseSpec({ ...registry[kind].defaults, ...params });
    return parsed.ok ? parsed.spec : null;
  });
}

const nonIncreasing = (xs: number[]) => xs.every((x, i) => i === 0 || x <= (xs[i - 1] as number) * (1 + 1e-12));

describe("for every kind and random valid settings", () => {
  for (const kind of KINDS) {
    it(`${kind}: finite, non-negative rates at every step`, () => {
      fc.assert(
        fc.property(specArb(kind), (spec) => {
          fc.pre(spec !== null);
          const rates = sampleSchedule(spec as ScheduleSpec, STEPS);
          return rates.length === STEPS && rates.every((r) => Number.isFinite(r) && r >= 0);
        }),
        { numRuns: 60 },
      );
    });
  }
});

describe("shape properties", () => {
  const monotone: ScheduleKind[] = ["constant", "step", "multi-step", "exponential", "inverse-time", "polynomial", "linear", "cosine"];
  for (const kind of monotone) {
    it(`${kind} never goes up (when its end rate is not above its start)`, () => {
      fc.assert(
        fc.property(specArb(kind), (spec) => {
          fc.pre(spec !== null);
          const s = spec as unknown as Record<string, number>;
          fc.pre(s.endLr === undefined || s.endLr <= (s.lr as number));
          return nonIncreasing(sampleSchedule(spec as ScheduleSpec, STEPS));
        }),
        { numRuns: 80 },
      );
    });
  }

  const bounded: [ScheduleKind, (s: Record<string, number>) => [number, number]][] = [
    ["cosine", (s) => [s.minLr!, s.lr!]],
    ["cosine-restarts", (s) => [s.minLr!, s.lr!]],
    ["cyclic", (s) => [s.baseLr!, s.maxLr!]],
    ["one-cycle", (s) => [s.maxLr! / s.divFactor! / s.finalDivFactor!, s.maxLr!]],
    ["wsd", (s) => [s.minLr!, s.lr!]],
    ["inverse-sqrt", (s) => [0, s.lr!]],
  ];
  for (const [kind, bounds] of bounded) {
    it(`${kind} stays within its bounds`, () => {
      fc.assert(
        fc.property(specArb(kind), (spec) => {
          fc.pre(spec !== null);
          const [lo, hi] = bounds(spec as unknown as Record<string, number>);
          return sampleSchedule(spec as ScheduleSpec, STEPS).every((r) => r >= lo * (1 - 1e-12) - 1e-18 && r <= hi * (1 + 1e-12));
        }),
        { numRuns: 80 },
      );
    });
  }

  it("warmup climbs monotonically from its start to exactly the next schedule's first value", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100 }),
        fc.double({ min: 0, max: 0.01, noNaN: true }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.constantFrom("linear", "cosine", "1-sqrt"),
        (warmupSteps, startLr, peak, shape) => {
          const parsed = parseSpec({ kind: "warmup", startLr, warmupSteps, shape, after: { kind: "cosine", lr: peak, decaySteps: 50 } });
          if (!parsed.ok) return false;
          const rates = sampleSchedule(parsed.spec, warmupSteps + 2);
          const climb = rates.slice(0, warmupSteps + 1);
          return rates[0] === startLr && rates[warmupSteps] === peak && climb.every((r, i) => i === 0 || r >= (climb[i - 1] as number));
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("validation never throws and never lets NaN through", () => {
  it("parseSpec answers any JSON value with a spec or named errors", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = parseSpec(value);
        return result.ok ? KINDS.includes(result.spec.kind) : result.errors.length > 0 && result.errors.every((e) => typeof e.path === "string" && e.message.length > 0);
      }),
      { numRuns: 500 },
    );
  });

  it("any kind with random garbage in one field is refused, naming that field", () => {
    const garbage = fc.oneof(fc.constant(Number.NaN), fc.constant(Number.POSITIVE_INFINITY), fc.constant(-1e300), fc.string(), fc.constant(null), fc.array(fc.integer()));
    fc.assert(
      fc.property(fc.constantFrom(...KINDS.filter((k) => registry[k].params.length > 0)), garbage, fc.nat(), (kind, bad, pick) => {
        const params = registry[kind].params;
        const field = params[pick % params.length]!.name;
        const result = parseSpec({ ...registry[kind].defaults, [field]: bad });
        return !result.ok && result.errors.some((e) => e.path === field);
      }),
      { numRuns: 300 },
    );
  });

  it("a valid spec round-trips through JSON unchanged", () => {
    for (const kind of KINDS) {
      const spec = registry[kind].defaults;
      const again = parseSpec(JSON.parse(JSON.stringify(spec)));
      expect(again.ok && again.spec).toEqual(spec);
    }
  });
});

describe("error messages name the field and the allowed range", () => {
  const cases: [unknown, string, RegExp][] = [
    [{ kind: "step", stepSize: -3 }, "stepSize", /whole number in \[1, 1000000000\], got -3/],
    [{ kind: "cosine", decaySteps: 0 }, "decaySteps", /whole number in \[1, 1000000000\], got 0/],
    [{ kind: "cosine", lr: 0.01, minLr: 0.1 }, "minLr", /must not be above lr \(0.01\), got 0.1/],
    [{ kind: "cyclic", baseLr: 0.2, maxLr: 0.1 }, "baseLr", /must not be above maxLr/],
    [{ kind: "exponential", lr: Number.NaN }, "lr", /number in \(0, 1000000\], got NaN/],
    [{ kind: "exponential", lr: "0.1" }, "lr", /got the string "0.1"/],
    [{ kind: "wave" }, "kind", /unknown schedule \(the string "wave"\); expected one of constant, step/],
    [{ kind: "one-cycle", pctStart: 1 }, "pctStart", /no steps for the final phase/],
    [{ kind: "warmup", after: { kind: "cosine", decaySteps: -1 } }, "after.decaySteps", /whole number/],
    [{ kind: "join", schedules: [{ kind: "constant" }], boundaries: [10] }, "boundaries", /one boundary fewer than schedules/],
    [{ kind: "join", schedules: [{ kind: "constant" }, { kind: "plateau" }], boundaries: [10] }, "schedules.1", /plateau/],
    [{ kind: "step", stepsize: 3 }, "stepsize", /unknown field for "step"; its fields are kind, lr, stepSize, gamma/],
    [{ kind: "multi-step", milestones: [50, 20] }, "milestones", /strictly increasing/],
  ];
  for (const [input, path, message] of cases) {
    it(`${JSON.stringify(input)} → ${path}`, () => {
      const result = parseSpec(input);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      const hit = result.errors.find((e) => e.path === path);
      expect(hit, JSON.stringify(result.errors)).toBeDefined();
      expect(hit?.message).toMatch(message);
    });
  }

  it("refuses a spec that contains itself", () => {
    const loop: Record<string, unknown> = { kind: "warmup" };
    loop.after = loop;
    const result = parseSpec(loop);
    expect(result.ok).toBe(false);
  });
});
