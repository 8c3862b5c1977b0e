/** Every claim in the cross-library table is checked by running its demonstration through the adapters. */
import { describe, expect, it } from "vitest";
import { crosswalk, type LibraryCall } from "../../../src/schedules/frameworks/crosswalk.ts";
import { adapters } from "../../../src/schedules/frameworks/index.ts";
import { registry } from "../../../src/schedules/index.ts";
import { closeTo } from "../../support/close.ts";

function values(call: LibraryCall, steps: number): number[] {
  const adapter = adapters[call.library];
  // PyTorch returns steps + 1 values (value i after i calls); value i is the rate of update i in every library.
  const result = adapter.values({ name: call.name, params: call.params, baseLr: call.baseLr, metrics: call.metrics, steps: call.library === "pytorch" ? steps - 1 : steps });
  if (!result.ok) throw new Error(`${call.library} ${call.name}: ${result.error}`);
  return result.lr.slice(0, steps);
}

describe("cross-library table", () => {
  it("names a schedule each adapter really has", () => {
    for (const row of crosswalk) {
      expect(registry[row.kind], row.concept).toBeDefined();
      for (const d of row.differences) {
        for (const call of [d.demo.a, d.demo.b]) expect(adapters[call.library].names, `${row.concept}: ${call.name}`).toContain(call.name);
      }
    }
  });

  for (const row of crosswalk) {
    for (const d of row.differences) {
      it(`${row.concept}: ${d.text}`, () => {
        const a = values(d.demo.a, d.demo.steps);
        const b = values(d.demo.b, d.demo.steps);
        const first = a.findIndex((v, i) => !closeTo(v, b[i] as number, 1e-9, 1e-12));
        expect(first).toBe(d.demo.firstDifference);
      });
    }
  }
});

import { kerasConfig } from "../../../src/schedules/frameworks/keras.ts";
import { optaxConfig } from "../../../src/schedules/frameworks/optax.ts";
import { hfConfig } from "../../../src/schedules/frameworks/hf.ts";
import { checkSpec, sampleSchedule, KINDS } from "../../../src/schedules/index.ts";
import type { ScheduleSpec } from "../../../src/schedules/index.ts";
import { mismatches } from "../../support/close.ts";

const EXTRA: ScheduleSpec[] = [
  { kind: "exponential", lr: 0.1, k: 0.05, staircase: true, decaySteps: 7, minLr: 0 },
  { kind: "exponential", lr: 0.1, k: 0.05, staircase: false, decaySteps: 1, minLr: 0.02 },
  { kind: "cosine", lr: 0.1, minLr: 0.01, decaySteps: 50, exponent: 1, periodic: false },
  { kind: "cosine", lr: 0.1, minLr: 0, decaySteps: 200, exponent: 2, periodic: false },
  { kind: "warmup", startLr: 0, warmupSteps: 10, shape: "linear", after: { kind: "cosine", lr: 0.1, minLr: 0, decaySteps: 50, exponent: 1, periodic: false } },
  { kind: "warmup", startLr: 0, warmupSteps: 10, shape: "linear", after: { kind: "linear", lr: 0.1, endLr: 0, decaySteps: 50 } },
  { kind: "warmup", startLr: 0.01, warmupSteps: 10, shape: "linear", after: { kind: "exponential", lr: 0.1, k: 0.02, staircase: false, decaySteps: 1, minLr: 0 } },
  { kind: "cosine-restarts", lr: 0.1, minLr: 0.01, period: 10, tMult: 1, mMul: 0.7 },
  { kind: "piecewise-constant", boundaries: [20, 50], values: [0.1, 0.03, 0.01], switchAfterBoundary: true },
  { kind: "piecewise-constant", boundaries: [20, 50], values: [0.1, 0.03, 0.01], switchAfterBoundary: false },
  { kind: "wsd", lr: 0.1, minLr: 0.001, warmupSteps: 10, stableSteps: 60, decaySteps: 20, warmupShape: "linear", decayShape: "1-sqrt" },
];

describe("the same settings in each library", () => {
  const specs = [...KINDS.map((kind) => checkSpec({ kind } as ScheduleSpec)).filter((s) => s.kind !== "plateau"), ...EXTRA.map((s) => checkSpec(s))];
  const libraries = [
    ["keras", kerasConfig],
    ["optax", optaxConfig],
    ["hf", hfConfig],
  ] as const;
  for (const [library, configFor] of libraries) {
    it(`${library}: every configuration offered as exact gives our values over 120 steps`, () => {
      let exact = 0;
      for (const spec of specs) {
        const found = configFor(spec, 120);
        if (!found?.exact) continue;
        exact += 1;
        const run = adapters[library].values(found.config);
        if (!run.ok) throw new Error(`${JSON.stringify(spec)}: ${run.error}`);
        expect(mismatches(run.lr, sampleSchedule(spec, 120), 1e-9), `${library} ${found.config.name} for ${JSON.stringify(spec)}`).toEqual([]);
      }
      expect(exact).toBeGreaterThanOrEqual(4);
    });
  }
});
