/**
 * Every schedule's shape for the home page's small multiple and the glossary
 * gallery: each kind's defaults fitted to the same run length (so shapes
 * compare), sampled by the library, drawn as a sparkline path, paired with the
 * glossary entry that explains it.
 */
import { KINDS, registry, sampleSchedule, type ScheduleKind } from "../schedules/index.ts";
import { fittedSpec } from "../schedules/fit.ts";
import { sparklinePath, type SparklineBox } from "../plots/sparkline.ts";

export interface ScheduleShape {
  kind: ScheduleKind;
  title: string;
  /** The glossary entry for this kind (site-relative slug). */
  entry: string;
  /** The sparkline's d attribute in `box`. */
  path: string;
}

export const SHAPE_STEPS = 200;

/** The sparkline of one kind's fitted defaults. */
export function shapePath(kind: ScheduleKind, box: SparklineBox): string {
  return sparklinePath(sampleSchedule(fittedSpec(kind, SHAPE_STEPS), SHAPE_STEPS), box);
}

/** One shape per kind that has a glossary entry (the first entry A–Z naming it), in registry order. */
export function scheduleShapes(entries: readonly { slug: string; schedule?: string | undefined }[], box: SparklineBox): ScheduleShape[] {
  const sorted = [...entries].sort((a, b) => a.slug.localeCompare(b.slug));
  return KINDS.flatMap((kind) => {
    const entry = sorted.find((e) => e.schedule === kind);
    return entry ? [{ kind, title: registry[kind].title, entry: entry.slug, path: shapePath(kind, box) }] : [];
  });
}
