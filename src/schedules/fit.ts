/**
 * A schedule's defaults fitted to a run of `steps` updates: what the CLI and
 * the race use when a reader names a schedule by kind alone. Each family says
 * how it fits (`Family.fit`: the horizon of a decay becomes the run's length,
 * a step decay cuts four times, an exponential ends at 1% of its start, a
 * cycle repeats a few times); this module writes in the asked rate and checks.
 */
import { checkSpec } from "./make.ts";
import { familyOf } from "./registry.ts";
import type { ScheduleKind, ScheduleSpec } from "./types.ts";

export function fittedSpec(kind: ScheduleKind, steps: number, lr?: number): ScheduleSpec {
  if (!(Number.isInteger(steps) && steps >= 10)) throw new RangeError(`steps must be an integer ≥ 10, got ${steps}`);
  const family = familyOf(kind);
  const defaults = structuredClone(family.defaults);
  const start = lr !== undefined && "lr" in defaults ? { ...defaults, lr } : defaults;
  const peak = lr ?? ("lr" in start && typeof start.lr === "number" ? start.lr : 0.1);
  return checkSpec(family.fit(start, { steps, lr, peak, fitted: (other, n) => fittedSpec(other, n, lr) }));
}
