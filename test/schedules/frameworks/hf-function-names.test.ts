/**
 * Hugging Face's own function names (get_cosine_schedule_with_warmup, …)
 * are accepted wherever get_scheduler's type names are, with the same
 * keyword arguments and the same values; an inherited name is not one.
 */
import { describe, expect, it } from "vitest";
import { hfAdapter } from "../../../src/schedules/frameworks/hf.ts";
import { runCase } from "../../../src/cli/lr-core.ts";

const cases: [string, string, Record<string, unknown>][] = [
  ["get_linear_schedule_with_warmup", "linear", { num_warmup_steps: 3, num_training_steps: 20 }],
  ["get_cosine_schedule_with_warmup", "cosine", { num_warmup_steps: 3, num_training_steps: 20 }],
  ["get_cosine_with_hard_restarts_schedule_with_warmup", "cosine_with_restarts", { num_warmup_steps: 2, num_training_steps: 20, num_cycles: 3 }],
  ["get_polynomial_decay_schedule_with_warmup", "polynomial", { num_warmup_steps: 2, num_training_steps: 20, power: 2 }],
  ["get_constant_schedule", "constant", {}],
  ["get_constant_schedule_with_warmup", "constant_with_warmup", { num_warmup_steps: 4 }],
  ["get_inverse_sqrt_schedule", "inverse_sqrt", { num_warmup_steps: 4 }],
  ["get_cosine_with_min_lr_schedule_with_warmup", "cosine_with_min_lr", { num_warmup_steps: 2, num_training_steps: 20, min_lr_rate: 0.1 }],
  ["get_wsd_schedule", "warmup_stable_decay", { num_warmup_steps: 2, num_decay_steps: 5, num_training_steps: 20 }],
];

describe("Hugging Face function names", () => {
  for (const [fn, type, params] of cases) {
    it(`${fn} is ${type}`, () => {
      const byType = hfAdapter.values({ name: type, params, baseLr: 0.1, steps: 20 });
      expect(byType.ok, byType.ok ? "" : byType.error).toBe(true);
      expect(hfAdapter.values({ name: fn, params, baseLr: 0.1, steps: 20 })).toEqual(byType);
      expect(runCase({ library: "hf", name: fn, params, base_lr: 0.1, steps: 20 })).toEqual(byType.ok ? { lr: byType.lr } : {});
      const spec = hfAdapter.toSpec(fn, params, 0.1);
      expect(spec).toEqual(hfAdapter.toSpec(type, params, 0.1));
    });
  }

  it("reduce on plateau by its function name", () => {
    const metrics = [1, 1, 1, 1, 1, 1];
    expect(hfAdapter.values({ name: "get_reduce_on_plateau_schedule", params: { patience: 1 }, baseLr: 0.1, steps: 6, metrics })).toEqual(
      hfAdapter.values({ name: "reduce_lr_on_plateau", params: { patience: 1 }, baseLr: 0.1, steps: 6, metrics }),
    );
  });

  it("an inherited name is not a function name", () => {
    for (const name of ["constructor", "toString", "__proto__"]) {
      const result = hfAdapter.values({ name, params: {}, baseLr: 0.1, steps: 3 });
      expect(result.ok ? "" : result.error).toMatch(/unknown Hugging Face scheduler/);
    }
  });
});
