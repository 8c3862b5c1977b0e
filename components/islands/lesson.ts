/**
 * Lesson mode, the same in every island that has it: `?hide=a,b` hides those
 * controls or panels and `?question=…` asks the reader to predict before
 * looking. Both are URL fields read by the shared mechanism; the question is
 * only ever text. Each island says which names it can hide and where they are.
 */
import { echo, listOfEchoes, textField, type UrlField } from "../../src/browser/url-fields.ts";
import type { UrlFields } from "../../src/browser/url-state.ts";

export interface Lesson {
  hide: string[];
  question: string;
}

export const NO_LESSON: Lesson = { hide: [], question: "" };
const QUESTION_LENGTH = 500;

/** `hide`: names from `hideable`; unknown ones are dropped with a warning, the rest still hide. */
function hideField(hideable: readonly string[]): UrlField<string[]> {
  const allowed = new Set(hideable);
  return {
    key: "hide",
    read: (raw) => {
      const names = [...new Set(raw.split(",").map((s) => s.trim()).filter((s) => s !== ""))];
      const unknown = names.filter((n) => !allowed.has(n));
      const value = names.filter((n) => allowed.has(n));
      if (unknown.length === 0) return { ok: true, value };
      if (value.length === 0) return { ok: false, message: `names nothing that can be hidden here (${hideable.join(", ")}), got ${echo(raw)}` };
      return { ok: true, value, warning: `ignored ${listOfEchoes(unknown)} (can hide ${hideable.join(", ")})` };
    },
    write: (value) => (value.length === 0 ? null : value.join(",")),
    show: (value) => (value.length === 0 ? "nothing hidden" : value.join(",")),
  };
}

export function lessonFields(hideable: readonly string[]): UrlFields<Lesson> {
  return { hide: hideField(hideable), question: textField("question", QUESTION_LENGTH) };
}

/** Hide what the lesson names: `targets(name)` finds the elements for a name. */
export function hideNamed(lesson: Lesson, targets: (name: string) => Iterable<Element>): void {
  for (const name of lesson.hide) for (const target of targets(name)) target.toggleAttribute("hidden", true);
}

/** The question as a <bdi> (its own direction, text only) after "Predict first. ". */
export function questionNodes(question: string): Node[] {
  const strong = document.createElement("strong");
  strong.textContent = "Predict first. ";
  const text = document.createElement("bdi");
  text.textContent = question;
  return [strong, text];
}
