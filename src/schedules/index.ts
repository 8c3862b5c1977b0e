/**
 * The schedule library's public face. Pure TypeScript: no DOM, no tfjs. The
 * same as core.ts, with the Python grammar of written-expression schedules
 * loaded up front (expression/grammar.ts), so every kind works synchronously.
 */
import "./expression/python-grammar.ts";

export * from "./core.ts";
