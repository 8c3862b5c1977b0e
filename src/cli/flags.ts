/**
 * What the experiment CLI's task-specific parsers (shakespeare, gridworld)
 * share with each other and with the race settings: one flag reader, numbers
 * read by the one strict parser and bounded by the schema's ranges, and the
 * schedules named by kind (fitted to the run) or given as exact specs.
 */
import { fittedSpec } from "../schedules/fit.ts";
import { formatErrors, isKind, KINDS, parseSpec, type ScheduleSpec } from "../schedules/index.ts";
import { describeRange, type NumberRange } from "../training/settings.ts";
import { strictNumber } from "../training/settings-text.ts";
import { ExperimentError } from "./experiment-core.ts";

export interface Flags {
  /** The last value given for a flag. */
  one: (flag: string) => string | undefined;
  /** Every value given for a flag, in order. */
  all: (flag: string) => readonly string[] | undefined;
  format: "json" | "csv";
}

/** Reads `--flag value` and `--flag=value` pairs; `--json`/`--csv` pick the format; anything else is an error naming the task. */
export function readFlags(argv: readonly string[], valueFlags: ReadonlySet<string>, task: string): Flags {
  const flags = new Map<string, string[]>();
  let format: Flags["format"] = "json";
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    const eq = arg.indexOf("=");
    const [flag, inline] = eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
    if (flag === "--json" || flag === "--csv") format = flag === "--csv" ? "csv" : "json";
    else if (valueFlags.has(flag)) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new ExperimentError(`${flag} needs a value`);
      flags.set(flag, [...(flags.get(flag) ?? []), value]);
    } else throw new ExperimentError(`unknown option ${arg} for --task ${task}`);
  }
  return { one: (flag) => flags.get(flag)?.at(-1), all: (flag) => flags.get(flag), format };
}

/** A number flag: absent gives the fallback; present must be a strict number in the range. */
export function numberFlag(flag: string, text: string | undefined, fallback: number, range: NumberRange): number {
  if (text === undefined) return fallback;
  const value = strictNumber(text);
  const ok = value !== null && value <= range.max && (range.minExclusive ? value > range.min : value >= range.min) && (!range.integer || Number.isInteger(value));
  if (!ok) throw new ExperimentError(`${flag} must be ${describeRange(range)}, got "${text}"`);
  return value;
}

/** `--schedules a,b` (kinds fitted to `steps` at peak `lr`) and every `--schedule '<spec JSON>'`, kinds first. */
export function scheduleFlags(kindsText: string, exact: readonly string[], steps: number, lr: number | undefined): { specs: ScheduleSpec[]; labels: string[] } {
  const specs: ScheduleSpec[] = [];
  const labels: string[] = [];
  for (const kind of kindsText.split(",").map((k) => k.trim()).filter(Boolean)) {
    if (!isKind(kind)) throw new ExperimentError(`--schedules: unknown kind ${JSON.stringify(kind)}; expected ${KINDS.join(", ")}`);
    specs.push(fittedSpec(kind, steps, lr));
    labels.push(kind);
  }
  exact.forEach((text, i) => {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      throw new ExperimentError(`--schedule #${i + 1} is not JSON: ${(error as Error).message}`);
    }
    const parsed = parseSpec(raw);
    if (!parsed.ok) throw new ExperimentError(`--schedule #${i + 1}: ${formatErrors(parsed.errors)}`);
    specs.push(parsed.spec);
    labels.push(`${parsed.spec.kind}#${i + 1}`);
  });
  return { specs, labels };
}

/** `--labels a,b`: one non-empty name per run, or the default labels. */
export function labelFlag(text: string | undefined, defaults: string[]): string[] {
  if (text === undefined) return defaults;
  const labels = text.split(",").map((l) => l.trim());
  if (labels.length !== defaults.length || labels.some((l) => l === "")) throw new ExperimentError(`--labels needs one non-empty name per schedule (${defaults.length}), got "${text}"`);
  return labels;
}
