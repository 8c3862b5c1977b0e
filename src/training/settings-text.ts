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
import { DEFAULT_SCHEDULES, describeRange, PROFILES, raceRanges, type Profile, type RaceInput } from "./settings.ts";

type FieldName = keyof RaceInput;

interface FieldText {
  /** Command-line flag (without "--"). */
  flag: string;
  /** Query key in the playground's and embeds' URLs; absent: not in the URL. */
  url?: string;
  /** How the text reads: a word, a number, a comma list of kinds or of numbers, a switch, or a JSON spec (repeatable). */
  reads: "word" | "number" | "kinds" | "numbers" | "switch" | "json";
  /** Placeholder in the help ("N", "X"). */
  value: string;
  /** What it means, with its accepted values and default under a profile. */
  help: (profile: Profile) => string;
}

const rangeHelp = (name: keyof ReturnType<typeof raceRanges>, fallback: string) => (profile: Profile) => `${describeRange(raceRanges(profile)[name])}; default ${fallback}`;

export const RACE_FIELDS = {
  task: { flag: "task", url: "task", reads: "word", value: TASKS.join("|"), help: () => "the data to learn; default spirals" },
  model: { flag: "model", url: "model", reads: "word", value: MODELS.join("|"), help: () => `the network; the task's first is its default (${modelsByTask()})` },
  optimizer: { flag: "optimizer", url: "optimizer", reads: "word", value: OPTIMIZERS.join("|"), help: () => "the update rule; default sgd" },
  schedules: {
    flag: "schedules", url: "schedules", reads: "kinds", value: "cosine,step,...",
    help: (p) => `1 to ${PROFILES[p].maxSchedules} schedule kinds, fitted to the run's length; default ${DEFAULT_SCHEDULES.join(",")}; kinds: ${KINDS.join(", ")}`,
  },
  specs: { flag: "schedule", reads: "json", value: "'<spec JSON>'", help: () => "an exact schedule; repeat for several (replaces --schedules)" },
  lr: { flag: "lr", url: "lr", reads: "number", value: "X", help: (p) => `peak rate the kinds are fitted with, ${describeRange(raceRanges(p).lr)}; default: each kind's own` },
  steps: { flag: "steps", url: "steps", reads: "number", value: "N", help: rangeHelp("steps", "600") },
  batchSize: { flag: "batch-size", url: "batch", reads: "number", value: "N", help: rangeHelp("batchSize", "32") },
  seed: { flag: "seed", url: "seed", reads: "number", value: "N", help: rangeHelp("seed", "1") },
  evalEvery: { flag: "eval-every", reads: "number", value: "N", help: (p) => `steps between validation evaluations, ${describeRange(raceRanges(p).evalEvery)}; default max(5, round(steps / 40))` },
  hidden: { flag: "hidden", reads: "numbers", value: "16,16", help: (p) => `MLP hidden widths, each ${describeRange(raceRanges(p).hiddenWidth)}; default: the task's` },
  cycleMomentum: { flag: "cycle-momentum", reads: "switch", value: "", help: () => "cycle momentum / β₁ where a schedule asks (one-cycle, cyclic), as PyTorch does; on by default, --no-cycle-momentum turns it off" },
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

/** A field's text as the value its schema checks; text that is not a number stays text, so the message echoes it. */
export function readFieldText(name: FieldName, texts: readonly string[]): unknown {
  const last = texts.at(-1) ?? "";
  const asNumber = (t: string): unknown => strictNumber(t) ?? t;
  switch (RACE_FIELDS[name].reads) {
    case "word":
      return last;
    case "number":
      return asNumber(last);
    case "kinds":
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
  const input: Record<string, unknown> = {};
  for (const name of RACE_FIELD_NAMES) {
    const given = texts[name];
    if (given && given.length > 0) input[name] = readFieldText(name, given);
  }
  return input as RaceInput;
}

/** The options part of a --help text, one line per field. */
export function optionsHelp(profile: Profile): string {
  return RACE_FIELD_NAMES.map((name) => {
    const f: FieldText = RACE_FIELDS[name];
    const head = `  --${f.flag}${f.value ? ` ${f.value}` : ""}`;
    return head.length < 36 ? `${head.padEnd(36)} ${f.help(profile)}` : `${head}\n${" ".repeat(37)}${f.help(profile)}`;
  }).join("\n");
}
