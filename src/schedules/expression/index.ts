/**
 * The expression language (./language.ts) with the Python grammar loaded up
 * front (./python-grammar.ts): what the CLI, the frameworks, the race and the
 * tests import. The schedule explorer reaches the language without it (see
 * ./grammar.ts).
 */
import "./python-grammar.ts";

export * from "./language.ts";
