/** The schedule library's public face. Pure TypeScript: no DOM, no tfjs. */
export type * from "./types.ts";
export { registry, KINDS, isKind, kindsThat } from "./registry.ts";
export { parseSpec, checkSpec, formatErrors, makeSchedule } from "./make.ts";
export { sampleSchedule, MAX_SAMPLES } from "./sample.ts";
export { PlateauController, type PlateauSpec } from "./plateau.ts";
export { formulaOf } from "./formula.ts";
export { ExpressionError, MAX_LENGTH as EXPRESSION_MAX_LENGTH } from "./expression/index.ts";
