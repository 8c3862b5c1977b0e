/**
 * Importing this module makes the Python grammar available up front (see
 * ./grammar.ts): the public faces src/schedules/index.ts and ./index.ts do,
 * so Node, the build, the CLI, the workers and the other islands parse
 * expressions synchronously, as they always have.
 */
import { parser } from "@lezer/python";
import { provideGrammar } from "./grammar.ts";

provideGrammar(parser);
