/** The formula of one spec: its family's own for this spec where it has one (a written expression), else the family's. */
import { familyOf } from "./registry.ts";
import type { ScheduleSpec } from "./types.ts";

export function formulaOf(spec: ScheduleSpec): string {
  const family = familyOf(spec.kind);
  return family.latexOf?.(spec) ?? family.latex;
}
