/** The schedule library's public face. Pure TypeScript: no DOM, no tfjs. */
export type * from "./types.ts";
export type { Capabilities, Family } from "./family.ts";
export { registry, KINDS, isKind, kindsThat, familyOf } from "./registry.ts";
export { parseSpec, checkSpec, formatErrors, makeSchedule, SpecValidationError } from "./make.ts";
export { sampleSchedule, makeScheduler, MAX_SAMPLES, type Scheduler, type SampleOptions } from "./sample.ts";
export { PlateauController, type PlateauEvent, type PlateauSpec, type PlateauState } from "./plateau.ts";
