/**
 * A schedule's defaults fitted to a run of `steps` updates: the horizon of a
 * decay becomes the run's length, a step decay cuts four times, an exponential
 * ends at 1% of its start, a cycle repeats a few times. What the CLI and the
 * race use when a reader names a schedule by kind alone.
 */
import { checkSpec } from "./make.ts";
import { registry } from "./registry.ts";
import type { ScheduleKind, ScheduleSpec } from "./types.ts";

export function fittedSpec(kind: ScheduleKind, steps: number, lr?: number): ScheduleSpec {
  if (!(Number.isInteger(steps) && steps >= 10)) throw new RangeError(`steps must be an integer ≥ 10, got ${steps}`);
  const d = structuredClone(registry[kind].defaults) as ScheduleSpec;
  const spec = d as unknown as Record<string, unknown>;
  if (lr !== undefined && "lr" in spec) spec.lr = lr;
  const peak = (lr ?? (typeof spec.lr === "number" ? spec.lr : 0.1)) as number;
  const quarter = Math.max(1, Math.floor(steps / 4));
  switch (d.kind) {
    case "step":
      d.stepSize = quarter;
      break;
    case "multi-step":
      d.milestones = [Math.floor(steps / 2), Math.floor((3 * steps) / 4)];
      break;
    case "exponential":
      d.k = Math.log(100) / steps;
      d.decaySteps = Math.max(1, Math.floor(steps / 10));
      break;
    case "inverse-time":
      d.k = 9 / steps;
      d.decaySteps = Math.max(1, Math.floor(steps / 10));
      break;
    case "polynomial":
    case "linear":
    case "cosine":
      d.decaySteps = steps;
      break;
    case "cosine-restarts":
      d.period = quarter;
      d.tMult = 1;
      break;
    case "cyclic":
      d.maxLr = peak;
      d.baseLr = peak / 10;
      d.stepSizeUp = Math.max(1, Math.floor(steps / 8));
      d.stepSizeDown = d.stepSizeUp;
      break;
    case "one-cycle":
      d.maxLr = peak;
      d.totalSteps = steps;
      break;
    case "warmup":
      d.warmupSteps = Math.max(1, Math.floor(steps / 10));
      d.after = { ...fittedSpec("cosine", steps - d.warmupSteps, lr) };
      break;
    case "inverse-sqrt":
      d.warmupSteps = Math.max(1, Math.floor(steps / 10));
      d.timescale = d.warmupSteps;
      break;
    case "wsd":
      d.warmupSteps = Math.max(1, Math.floor(steps / 10));
      d.decaySteps = Math.max(1, Math.floor(steps / 5));
      d.stableSteps = Math.max(0, steps - d.warmupSteps - d.decaySteps);
      break;
    default:
      break;
  }
  return checkSpec(d);
}
