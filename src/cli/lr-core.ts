/**
 * The CLI's work without the process around it: one batch case in, one
 * result out. Never throws: every problem becomes {"error": "..."}.
 */
import { adapters, LIBRARIES, type Library } from "../schedules/frameworks/index.ts";
import { formatErrors, parseSpec, sampleSchedule, MAX_SAMPLES } from "../schedules/index.ts";
import { describeValue } from "../schedules/fields.ts";
import { ExpressionError } from "../schedules/expression/index.ts";
import { parsePythonCall, type PythonCall } from "../schedules/frameworks/python-call.ts";

export type CaseResult = { lr: number[] } | { error: string };

const CASE_FIELDS = new Set(["library", "name", "params", "base_lr", "steps", "metrics"]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function stepsOf(value: unknown): number | string {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > MAX_SAMPLES) {
    return `steps must be an integer in [0, ${MAX_SAMPLES}], got ${describeValue(value)}`;
  }
  return value;
}

function metricsOf(value: unknown): number[] | undefined | string {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || !value.every((v) => typeof v === "number" && Number.isFinite(v))) return "metrics must be a list of finite numbers";
  return value as number[];
}

export function runCase(input: unknown): CaseResult {
  try {
    if (!isRecord(input)) return { error: `a case must be an object {"library", "name", "params", "steps", ...}, got ${describeValue(input)}` };
    const unknown = Object.keys(input).filter((k) => !CASE_FIELDS.has(k));
    if (unknown.length > 0) return { error: `unknown case field${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")}; a case has ${[...CASE_FIELDS].join(", ")}` };
    const library = input.library;
    if (typeof library !== "string" || !(LIBRARIES as readonly string[]).includes(library)) {
      return { error: `library must be one of ${LIBRARIES.join(", ")}, got ${describeValue(library)}` };
    }
    const adapter = adapters[library as Library];
    if (!adapter) return { error: `the ${library} adapter is not available in this build` };
    if (typeof input.name !== "string" || input.name === "") return { error: `name must be the ${library} schedule's name, got ${describeValue(input.name)}` };
    const steps = stepsOf(input.steps);
    if (typeof steps === "string") return { error: steps };
    const metrics = metricsOf(input.metrics);
    if (typeof metrics === "string") return { error: metrics };
    const baseLr = input.base_lr;
    if (baseLr !== undefined && baseLr !== null && !(typeof baseLr === "number" && Number.isFinite(baseLr))) {
      return { error: `base_lr must be a number, got ${describeValue(baseLr)}` };
    }
    const result = adapter.values({
      name: input.name,
      params: (input.params ?? {}) as Record<string, unknown>,
      baseLr: typeof baseLr === "number" ? baseLr : undefined,
      steps,
      metrics,
    });
    return result.ok ? { lr: result.lr } : { error: result.error };
  } catch (error) {
    return { error: `internal error: ${(error as Error).message ?? String(error)}` };
  }
}

/** Our own spec, sampled at t = 0 … steps−1. */
export function runSpec(spec: unknown, steps: unknown, metrics?: number[]): CaseResult {
  const n = stepsOf(steps);
  if (typeof n === "string") return { error: n };
  const parsed = parseSpec(spec);
  if (!parsed.ok) return { error: `invalid spec: ${formatErrors(parsed.errors)}` };
  try {
    return { lr: sampleSchedule(parsed.spec, n, { metrics }) };
  } catch (error) {
    // A written expression can fail at some step (division by zero, a negative rate): say which.
    if (error instanceof ExpressionError) return { error: `the expression fails: ${error.message}` };
    throw error;
  }
}

/** A scheduler call pasted from Python (parsed, never run), computed by its library's adapter. */
export function runPython(text: string, baseLr: number | undefined, steps: unknown, metrics?: number[]): CaseResult {
  let call: PythonCall;
  try {
    call = parsePythonCall(text);
  } catch (error) {
    if (error instanceof ExpressionError) return { error: `${error.message} (characters ${error.from + 1}–${error.to})` };
    throw error;
  }
  return runCase({ library: call.library, name: call.name, params: call.params, base_lr: baseLr, steps, metrics });
}
