/**
 * The schedule library without the Python grammar: everything index.ts
 * exports, for the schedule explorer's live code, whose first touch should
 * not carry a parser that only written-expression schedules use. Parsing an
 * expression through this face before loadPythonGrammar() has resolved throws
 * GrammarPending (see expression/grammar.ts). Everything else imports index.ts.
 */
export type * from "./types.ts";
export { registry, KINDS, isKind, kindsThat } from "./registry.ts";
export { parseSpec, checkSpec, formatErrors, makeSchedule } from "./make.ts";
export { sampleSchedule, makeScheduler, MAX_SAMPLES } from "./sample.ts";
export { PlateauController, type PlateauSpec } from "./plateau.ts";
export { formulaOf } from "./formula.ts";
export { ExpressionError, GrammarPending, loadPythonGrammar, MAX_LENGTH as EXPRESSION_MAX_LENGTH } from "./expression/language.ts";
