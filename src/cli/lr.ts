/**
 * `npm run --silent lr -- ...`: a schedule's values as the library computes them.
 *
 *   lr <library> <Name> '<params JSON>' [--base-lr X] [--steps N] [--metrics '[...]'] [--csv]
 *   lr spec '<our spec JSON>' [--steps N] [--metrics '[...]'] [--csv]
 *   lr --batch cases.json          (or --batch - to read standard input)
 *
 * Output: {"lr": [...]} (PyTorch: steps + 1 values, the others: steps), or
 * step,lr CSV; a batch prints a JSON array with {"lr"} or {"error"} per case.
 * Bad input: one line on stderr and exit code 2, never a stack trace.
 */
import { readFileSync } from "node:fs";
import { runCase, runPython, runSpec, type CaseResult } from "./lr-core.ts";

const USAGE = `usage:
  npm run --silent lr -- <pytorch|keras|optax|hf> <Name> '<params JSON>' [--base-lr X] [--steps N] [--metrics '[...]'] [--csv]
  npm run --silent lr -- spec '<spec JSON>' [--steps N] [--metrics '[...]'] [--csv]
  npm run --silent lr -- --batch <cases.json | ->
  npm run --silent lr -- --python 'OneCycleLR(opt, max_lr=0.1, total_steps=1000)' [--base-lr X] [--steps N]
Python functions are written as text and parsed (never run), e.g.
  pytorch LambdaLR '{"lr_lambda": "lambda epoch: 0.95 ** epoch"}' --base-lr 0.1   (also MultiplicativeLR; CyclicLR's scale_fn)
  optax lambda '{"fn": "lambda count: 0.1 * 0.99 ** count"}'   keras lambda '{"fn": "lambda step: ..."}'
  spec '{"kind": "lambda", "lr": 0.1, "expression": "lambda t: 0.5 ** (t // 30)"}'`;

class UsageError extends Error {}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${what} is not valid JSON: ${(error as Error).message}`);
  }
}

function parseArgs(argv: string[]): { positional: string[]; flags: Map<string, string | true> } {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  const takesValue = new Set(["--base-lr", "--steps", "--metrics", "--batch", "--python"]);
  const known = new Set([...takesValue, "--csv", "--json", "--help", "-h"]);
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (arg.startsWith("-") && arg !== "-") {
      const [flag, inline] = arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
      if (!known.has(flag)) throw new UsageError(`unknown option ${flag}`);
      if (takesValue.has(flag)) {
        const value = inline ?? argv[i + 1];
        if (value === undefined) throw new UsageError(`${flag} needs a value`);
        if (inline === undefined) i += 1;
        flags.set(flag, value);
      } else {
        flags.set(flag, true);
      }
    } else {
      positional.push(arg);
    }
  }
  return { positional, flags };
}

function numberFlag(flags: Map<string, string | true>, name: string): number | undefined {
  const raw = flags.get(name);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (typeof raw !== "string" || raw.trim() === "" || !Number.isFinite(value)) throw new UsageError(`${name} must be a number, got "${String(raw)}"`);
  return value;
}

function metricsFlag(flags: Map<string, string | true>): number[] | undefined {
  const raw = flags.get("--metrics");
  if (raw === undefined) return undefined;
  const value = parseJson(String(raw), "--metrics");
  if (!Array.isArray(value) || !value.every((v) => typeof v === "number" && Number.isFinite(v))) {
    throw new UsageError("--metrics must be a JSON list of numbers");
  }
  return value;
}

function print(result: CaseResult, csv: boolean): number {
  if ("error" in result) {
    process.stderr.write(`lr: ${result.error}\n`);
    return 1;
  }
  if (csv) process.stdout.write(`step,lr\n${result.lr.map((v, i) => `${i},${v}`).join("\n")}\n`);
  else process.stdout.write(`${JSON.stringify(result)}\n`);
  return 0;
}

function main(argv: string[]): number {
  const { positional, flags } = parseArgs(argv);
  if (flags.has("--help") || flags.has("-h")) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const csv = flags.has("--csv");
  const batch = flags.get("--batch");
  if (batch !== undefined) {
    if (positional.length > 0) throw new UsageError("--batch takes no other arguments");
    let text: string;
    try {
      text = readFileSync(batch === "-" ? 0 : String(batch), "utf8");
    } catch (error) {
      throw new UsageError(`cannot read ${batch === "-" ? "standard input" : String(batch)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    const cases = parseJson(text, String(batch));
    if (!Array.isArray(cases)) throw new UsageError(`${String(batch)} must hold a JSON array of cases`);
    process.stdout.write(`${JSON.stringify(cases.map(runCase))}\n`);
    return 0;
  }
  const steps = numberFlag(flags, "--steps") ?? 100;
  const metrics = metricsFlag(flags);
  const python = flags.get("--python");
  if (python !== undefined) {
    if (positional.length > 0) throw new UsageError("--python takes the call as its one argument");
    return print(runPython(String(python), numberFlag(flags, "--base-lr"), steps, metrics), csv);
  }
  const [library, ...rest] = positional;
  if (library === undefined) throw new UsageError("say which library (pytorch, keras, optax, hf) or spec");
  if (library === "spec") {
    if (rest.length !== 1) throw new UsageError("spec takes one JSON argument");
    return print(runSpec(parseJson(rest[0] as string, "the spec"), steps, metrics), csv);
  }
  if (rest.length < 1 || rest.length > 2) throw new UsageError(`${library} takes a name and a params JSON object`);
  const params = rest[1] === undefined ? {} : parseJson(rest[1], "the params");
  return print(runCase({ library, name: rest[0], params, base_lr: numberFlag(flags, "--base-lr"), steps, metrics }), csv);
}

// A reader piping into `head` closes the pipe early; that is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  const message = error instanceof UsageError ? error.message : `unexpected failure: ${(error as Error).message ?? String(error)}`;
  process.stderr.write(`lr: ${message}\n${error instanceof UsageError ? `${USAGE}\n` : ""}`);
  process.exitCode = 2;
}
