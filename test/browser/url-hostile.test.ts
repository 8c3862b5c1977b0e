// The shared URL-state mechanism against hostile addresses: one strict number
// parser, notices for unknown / repeated / malformed parameters, echoes cut
// and isolated, and nothing from the URL used as a property name.
import { describe, expect, it } from "vitest";
import { readUrlState, specFromSearchParams, writeUrlState } from "../../src/browser/url-state.ts";
import { choiceField, cleanText, echo, listField, numberField, optionalNumberField, textField, ECHO_LENGTH, ISOLATE_END, ISOLATE_START } from "../../src/browser/url-fields.ts";
import { registry } from "../../src/schedules/index.ts";
import { strictNumber } from "../../src/schedules/fields.ts";

const fields = {
  seed: numberField("seed", { min: 0, max: 2 ** 31 - 1, integer: true }),
  lr: optionalNumberField("lr", { min: 0, max: 10, minExclusive: true }, "each kind's default"),
  task: choiceField("task", ["spirals", "xor"] as const),
  schedules: listField("schedules", ["constant", "cosine", "step"] as const, { max: 2 }),
  question: textField("question", 500),
};
const current = { seed: 1, lr: null as number | null, task: "spirals" as "spirals" | "xor", schedules: ["constant"] as ("constant" | "cosine" | "step")[], question: "" };
const read = (query: string) => readUrlState(new URLSearchParams(query), fields, current);
/** The echoed values of a message: what sits between the isolates. */
const echoes = (message: string) => [...message.matchAll(new RegExp(`${ISOLATE_START}([^${ISOLATE_END}]*)${ISOLATE_END}`, "gu"))].map((m) => m[1]);

describe("strictNumber", () => {
  it("reads plain decimals, with sign, fraction and exponent", () => {
    for (const [text, value] of [["16", 16], ["-2.5", -2.5], [".5", 0.5], ["5.", 5], ["1e-3", 0.001], ["+2E2", 200], [" 7 ", 7], ["0", 0]] as const) expect(strictNumber(text), text).toBe(value);
  });

  it("refuses hex, octal and binary literals, blanks, half exponents, Infinity, NaN and overflow", () => {
    for (const text of ["0x10", "0X10", "0o7", "0b1", "", " ", "1e", "e5", "1e+", "Infinity", "-Infinity", "NaN", "1_000", "1,5", "1e999", "--1", "٣", "1 2", "0x", "."]) expect(strictNumber(text), JSON.stringify(text)).toBeNull();
  });
});

describe("readUrlState", () => {
  it("refuses seed=0x10 and lr=0x10 instead of reading 16, and a blank seed instead of reading 0", () => {
    const { state, notices } = read("seed=0x10&lr=0x10");
    expect(state).toEqual(current);
    expect(notices.map((n) => n.message)).toEqual([
      `seed: must be a whole number in [0, 2147483647], got ${echo("0x10")}; using 1`,
      `lr: must be a number in (0, 10], got ${echo("0x10")}; using each kind's default`,
    ]);
    const blank = read("seed=");
    expect(blank.state.seed).toBe(1);
    expect(blank.notices[0]?.message).toMatch(/^seed: must be a whole number/);
    for (const bad of ["1e", "Infinity", "NaN", "1e999", "  "]) expect(read(`seed=${encodeURIComponent(bad)}`).state.seed, bad).toBe(1);
  });

  it("keeps valid values, as before: numbers, an empty lr meaning each kind's default, words, lists", () => {
    const { state, notices } = read("seed=42&lr=0.05&task=xor&schedules=cosine,step&question=Which%3F");
    expect(notices).toEqual([]);
    expect(state).toEqual({ seed: 42, lr: 0.05, task: "xor", schedules: ["cosine", "step"], question: "Which?" });
    expect(read("lr=")).toEqual({ state: current, notices: [{ param: "lr", message: `lr: must be a number in (0, 10], got ${echo("")}; using each kind's default` }] });
    expect(read("lr=%2B0.5").state.lr).toBe(0.5);
  });

  it("cuts a 15 KB value to a few dozen characters in its notice", () => {
    const huge = "9".repeat(15_000);
    const { state, notices } = read(`lr=${huge}`);
    expect(state.lr).toBeNull();
    expect(notices).toHaveLength(1);
    const message = notices[0]?.message ?? "";
    expect(message.length).toBeLessThan(200);
    expect(message).toContain("15000 characters long");
    expect(echoes(message)).toEqual([`"${"9".repeat(ECHO_LENGTH)}…"`]);
    // Just under the length limit the value is parsed, and still echoed short.
    const long = read(`task=${"x".repeat(1999)}`).notices[0]?.message ?? "";
    expect(long.length).toBeLessThan(200);
  });

  it("strips bidirectional and control characters from echoes and isolates them", () => {
    const rlo = "\u202E", lro = "\u202D", rlm = "\u200F", lri = "\u2066", pdi = "\u2069";
    const { notices } = read(`task=${encodeURIComponent(`${rlo}ixs${lro}${rlm}evil${lri}${pdi}\u0000\u0007\n`)}`);
    const message = notices[0]?.message ?? "";
    expect(echoes(message)).toEqual(['"ixsevil"']);
    // Outside the isolates there is no format character at all: the site's own text cannot be reversed.
    const outside = message.replace(new RegExp(`${ISOLATE_START}[^${ISOLATE_END}]*${ISOLATE_END}`, "gu"), "");
    expect(cleanText(outside)).toBe(outside);
    expect(message).toBe(`task: must be one of spirals, xor, got ${ISOLATE_START}"ixsevil"${ISOLATE_END}; using spirals`);
  });

  it("never turns a URL key into a property: __proto__, constructor and toString are unknown parameters", () => {
    const { state, notices } = read("__proto__=1&constructor=2&toString=3&hasOwnProperty=4&seed=5");
    expect(state).toEqual({ ...current, seed: 5 });
    expect(Object.getPrototypeOf(state)).toBe(Object.prototype);
    expect(Object.keys(state).sort()).toEqual(Object.keys(current).sort());
    expect(({} as Record<string, unknown>).constructor).toBe(Object);
    expect(notices).toEqual([{ param: "ignored", message: `ignored: ${echo("__proto__")}, ${echo("constructor")}, ${echo("toString")} and 1 more (not settings here)` }]);
    // As values, they are not words of any list or choice either.
    expect(read("task=constructor&schedules=__proto__,constructor").state).toEqual(current);
  });

  it("says which parameters were repeated, and uses the first", () => {
    const { state, notices } = read("seed=3&seed=4&seed=0x1&task=xor&task=spirals");
    expect(state.seed).toBe(3);
    expect(state.task).toBe("xor");
    expect(notices.map((n) => n.message)).toEqual(["seed: given 3 times; using the first", "task: given 2 times; using the first"]);
  });

  it("caps the list of ignored parameters", () => {
    const query = Array.from({ length: 12 }, (_, i) => `p${i}=1`).join("&");
    const [notice] = read(query).notices;
    expect(notice?.message).toBe(`ignored: ${echo("p0")}, ${echo("p1")}, ${echo("p2")} and 9 more (not settings here)`);
  });

  it("refuses malformed lists: unknown, repeated or too many items", () => {
    expect(read("schedules=cosine,cosine").notices[0]?.message).toMatch(/^schedules: names one item twice/);
    expect(read("schedules=cosine,step,constant").notices[0]?.message).toMatch(/^schedules: must list 1 to 2 of constant, cosine, step, got 3/);
    expect(read("schedules=").notices[0]?.message).toMatch(/^schedules: must list 1 to 2/);
    expect(read("schedules=cosine,%3Cb%3E").notices[0]?.message).toBe(`schedules: unknown ${echo("<b>")}; expected 1 to 2 of constant, cosine, step; using constant`);
  });

  it("keeps a question as text without control characters, cut to its limit with a notice", () => {
    expect(read(`question=${encodeURIComponent("<b>Which</b>\u0000 ends lower?")}`).state.question).toBe("<b>Which</b> ends lower?");
    const long = read(`question=${"q".repeat(600)}`);
    expect(long.state.question).toHaveLength(500);
    expect(long.notices[0]?.message).toBe("question: cut to its first 500 characters");
  });

  it("writes back what it reads", () => {
    const state = { seed: 9, lr: 0.3, task: "xor" as const, schedules: ["step" as const, "cosine" as const], question: "Why?" };
    const query = writeUrlState(state, fields);
    expect(query.toString()).toBe("seed=9&lr=0.3&task=xor&schedules=step%2Ccosine&question=Why%3F");
    expect(readUrlState(query, fields, current)).toEqual({ state, notices: [] });
    expect(writeUrlState(current, fields).toString()).toBe("seed=1&task=spirals&schedules=constant");
  });
});

describe("schedule specs from the URL", () => {
  it("refuses hex, blanks and Infinity in numeric fields", () => {
    const { spec, notices } = specFromSearchParams(new URLSearchParams("kind=exponential&lr=0x10&k=&decaySteps=Infinity"), "constant");
    const defaults = registry.exponential.defaults as { lr: number; k: number; decaySteps: number };
    expect(spec).toEqual(defaults);
    expect(notices.map((n) => n.message)).toEqual([
      `lr: must be a number, got ${echo("0x10")}; using ${defaults.lr}`,
      `k: must be a number, got ${echo("")}; using ${defaults.k}`,
      `decaySteps: must be a number, got ${echo("Infinity")}; using ${defaults.decaySteps}`,
    ]);
  });

  it("refuses kind=constructor and bidi characters in word fields", () => {
    expect(specFromSearchParams(new URLSearchParams("kind=constructor"), "cosine").spec).toEqual(registry.cosine.defaults);
    expect(specFromSearchParams(new URLSearchParams("kind=__proto__"), "cosine").notices[0]?.message).toBe(`kind: unknown schedule ${echo("__proto__")}; showing ${registry.cosine.title.toLowerCase()} instead`);
    const { spec, notices } = specFromSearchParams(new URLSearchParams(`kind=plateau&mode=${encodeURIComponent("\u202Emax")}`), "constant");
    expect(spec).toEqual(registry.plateau.defaults);
    expect(echoes(notices[0]?.message ?? "")).toEqual(['"max"']);
    // Right-to-left letters are not control characters, but no schedule field takes them: refused, echoed isolated.
    const rtl = specFromSearchParams(new URLSearchParams(`kind=plateau&mode=${encodeURIComponent("\u05de\u05e7\u05e1")}`), "constant");
    expect(rtl.spec).toEqual(registry.plateau.defaults);
    expect(rtl.notices[0]?.message).toBe(`mode: must be plain ASCII text, got ${echo("\u05de\u05e7\u05e1")}; using ${(registry.plateau.defaults as { mode: string }).mode}`);
  });

  it("cuts a 15 KB value", () => {
    const { notices } = specFromSearchParams(new URLSearchParams(`kind=cosine&lr=${"1".repeat(15_000)}`), "constant");
    expect(notices[0]?.message.length).toBeLessThan(200);
  });
});
