/**
 * The race settings as text: each field's command-line flag, URL key,
 * description and how its text reads (strict decimal numbers, comma lists,
 * JSON specs). The CLI's options and --help, and the playground's URL keys,
 * come from this one table over the fields of settings.ts; the values are
 * then checked by its schema, so a value means the same thing everywhere.
 */
import { MODELS, taskInfo, TASKS } from "../data/datasets.ts";
import { KINDS } from "../schedules/index.ts";
import { strictNumber } from "../schedules/fields.ts";
import { OPTIMIZERS } from "./optimizers.ts";
import { DEFAULT_SCHEDULES, describeRange, PROFILES, RACE_DEFAULTS, raceRanges, type Profile, type RaceInput } from "./settings.ts";

type FieldName = keyof RaceInput;

export interface FieldText {
  /** Command-line flag (without "--"). */
  flag: string;
  /** Query key in the playground's and embeds' URLs; absent: not in the URL. */
  url?: string;
  /** How the text reads: a word, a number, a comma list of kinds or of numbers, a switch, or a JSON spec (repeatable). */
  reads: "word" | "number" | "kinds" | "words" | "numbers" | "switch" | "json";
  /** Placeholder in the help ("N", "X"). */
  value: string;
  /** What it means, with its accepted values and default under a profile. */
  help: (profile: Profile) => string;
}

export const rangeHelp = (name: keyof ReturnType<typeof raceRanges>, fallback: string) => (profile: Profile) => `${describeRange(raceRanges(profile)[name])}; default ${fallback}`;

export const RACE_FIELDS = {
  task: { flag: "task", url: "task", reads: "word", value: TASKS.join("|"), help: () => `the data to learn; default ${RACE_DEFAULTS.task}` },
  model: { flag: "model", url: "model", reads: "word", value: MODELS.join("|"), help: () => `the network; the task's first is its default (${modelsByTask()})` },
  optimizer: { flag: "optimizer", url: "optimizer", reads: "word", value: OPTIMIZERS.join("|"), help: () => `the update rule; default ${RACE_DEFAULTS.optimizer}` },
  schedules: {
    flag: "schedules", url: "schedules", reads: "kinds", value: "cosine,step,...",
    help: (p) => `1 to ${PROFILES[p].maxSchedules} schedule kinds, fitted to the run's length; default ${DEFAULT_SCHEDULES.join(",")}; kinds: ${KINDS.join(", ")}`,
  },
  specs: { flag: "schedule", reads: "json", value: "'<spec JSON>'", help: () => "an exact schedule; repeat for several (replaces --schedules)" },
  lr: { flag: "lr", url: "lr", reads: "number", value: "X", help: (p) => `peak rate the kinds are fitted with, ${describeRange(raceRanges(p).lr)}; default: each kind's own` },
  steps: { flag: "steps", url: "steps", reads: "number", value: "N", help: rangeHelp("steps", String(RACE_DEFAULTS.steps)) },
  batchSize: { flag: "batch-size", url: "batch", reads: "number", value: "N", help: rangeHelp("batchSize", String(RACE_DEFAULTS.batchSize)) },
  seed: { flag: "seed", url: "seed", reads: "number", value: "N", help: rangeHelp("seed", String(RACE_DEFAULTS.seed)) },
  evalEvery: { flag: "eval-every", reads: "number", value: "N", help: (p) => `steps between validation evaluations, ${describeRange(raceRanges(p).evalEvery)}; default max(5, round(steps / 40))` },
  hidden: { flag: "hidden", reads: "numbers", value: "16,16", help: (p) => `MLP hidden widths, each ${describeRange(raceRanges(p).hiddenWidth)}; default: the task's` },
  cycleMomentum: { flag: "cycle-momentum", reads: "switch", value: "", help: () => "cycle momentum / β₁ where a schedule asks (one-cycle, cyclic), as PyTorch does; on by default, --no-cycle-momentum turns it off" },
  average: { flag: "average", reads: "words", value: "ema:0.99,tail:0.5", help: () => "also evaluate averaged weights: ema:β (moving average, β in (0, 1)) and/or tail:f (plain mean from step f·steps on); default none" },
  sharpnessEvery: { flag: "sharpness-every", reads: "number", value: "N", help: (p) => `steps between measurements of the top Hessian eigenvalue of the full training loss, ${describeRange(raceRanges(p).sharpnessEvery)}; default ${RACE_DEFAULTS.sharpnessEvery} (none)` },
} as const satisfies Record<FieldName, FieldText>;

/** "mlp for spirals, moons, …; cnn|mlp for glyphs": which models each task takes, grouped. */
function modelsByTask(): string {
  const groups = new Map<string, string[]>();
  for (const task of TASKS) {
    const key = taskInfo(task).models.join("|");
    groups.set(key, [...(groups.get(key) ?? []), task]);
  }
  return [...groups].map(([models, tasks]) => `${models} for ${tasks.join(", ")}`).join("; ");
}

export const RACE_FIELD_NAMES = Object.keys(RACE_FIELDS) as FieldName[];

/** Numbers are read as the URLs read them: one strict parser (hex, blanks, "Infinity", "NaN", "1_000" and overflows are not numbers). */
export { strictNumber };

/**
 * A field's text as the value its schema checks, for any settings table (the
 * race's RACE_FIELDS, the Q-learning race's Q_RACE_FIELDS); text that is not a
 * number stays text, so the message echoes it.
 */
export function readText(field: Pick<FieldText, "reads">, texts: readonly string[]): unknown {
  const last = texts.at(-1) ?? "";
  const asNumber = (t: string): unknown => strictNumber(t) ?? t;
  switch (field.reads) {
    case "word":
      return last;
    case "number":
      return asNumber(last);
    case "kinds":
    case "words":
      return last.split(",").map((k) => k.trim()).filter(Boolean);
    case "numbers":
      return last.split(",").map((w) => asNumber(w.trim()));
    case "switch":
      return last !== "false";
    case "json":
      return texts.map((text, i) => {
        try {
          return JSON.parse(text) as unknown;
        } catch (error) {
          throw new SyntaxError(`schedule ${i + 1} is not valid JSON: ${(error as Error).message}`);
        }
      });
  }
}

/** A race input from texts by field (the last text of a field wins; a JSON field takes them all). */
export function raceInputFromText(texts: Partial<Record<FieldName, readonly string[]>>): RaceInput {
  return inputFromTexts(RACE_FIELDS, texts) as RaceInput;
}

/** An input from texts by field, for any settings table (the last text of a field wins; a JSON field takes them all). */
export function inputFromTexts<F extends string>(fields: Readonly<Record<F, FieldText>>, texts: Partial<Record<F, readonly string[]>>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const name of Object.keys(fields) as F[]) {
    const given = texts[name];
    if (given && given.length > 0) input[name] = readText(fields[name], given);
  }
  return input;
}

/** The options part of a --help text, one line per field. */
export function optionsHelp(profile: Profile): string {
  return fieldsHelp(RACE_FIELDS, profile);
}

/** The options part of a --help text for any settings table, one line per field. */
export function fieldsHelp(fields: Readonly<Record<string, FieldText>>, profile: Profile): string {
  return Object.values(fields).map((f) => {
    const head = `  --${f.flag}${f.value ? ` ${f.value}` : ""}`;
    return head.length < 36 ? `${head.padEnd(36)} ${f.help(profile)}` : `${head}\n${" ".repeat(37)}${f.help(profile)}`;
  }).join("\n");
}

/** The experiment command as a reader would type it (arguments quoted for a POSIX shell where they need it). */
export function commandLine(args: readonly string[]): string {
  const quote = (a: string) => (/^[\w.,/=^-]+$/.test(a) ? a : `'${a.replaceAll("'", "'\\''")}'`);
  return ["npm", "run", "--silent", "experiment", "--", ...args.map(quote)].join(" ");
}
