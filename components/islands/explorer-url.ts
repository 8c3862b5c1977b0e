/**
 * The schedule explorer's URL: the spec's own fields (kind, lr, k, …), the
 * comparison, and lesson mode, read and written by the shared mechanism in
 * src/browser/url-state.ts. Pure: the live island passes the query in.
 */
import { isKind, registry, type ScheduleKind, type ScheduleSpec } from "../../src/schedules/core.ts";
import { choiceField, echo } from "../../src/browser/url-fields.ts";
import { readUrlState, specFromSearchParams, specToSearchParams, specUrlKeys, writeUrlState, type UrlFields, type UrlNotice } from "../../src/browser/url-state.ts";
import { lessonFields, NO_LESSON, type Lesson } from "./lesson.ts";
import { COMPARABLE } from "./schedule-explorer-model.ts";

export type CompareChoice = ScheduleKind | "";

interface ExplorerUrlState {
  spec: ScheduleSpec;
  compare: CompareChoice;
  lesson: Lesson;
}

/** Panels a lesson can hide besides the spec's own controls. */
const PANELS = ["compare", "code", "libraries", "table"] as const;

/** What `?hide=` may name on an explorer of `kind`: its fields' controls and the panels. */
function explorerHideable(kind: ScheduleKind): string[] {
  return [...specUrlKeys(kind).slice(1), ...PANELS];
}

interface Extras {
  compare: CompareChoice;
  hide: string[];
  question: string;
}

function extraFields(kind: ScheduleKind): UrlFields<Extras> {
  return { compare: choiceField<CompareChoice>("compare", ["", ...COMPARABLE]), ...lessonFields(explorerHideable(kind)) };
}

/**
 * The state an explorer of `kind` reads from a query. A spec of another kind
 * is not this explorer's: its kind is refused with a notice and its fields
 * are reported as ignored.
 */
export function explorerFromQuery(query: URLSearchParams, kind: ScheduleKind, current: { spec: ScheduleSpec; compare: CompareChoice }): { state: ExplorerUrlState; notices: UrlNotice[] } {
  const notices: UrlNotice[] = [];
  const own = new URLSearchParams(query);
  const rawKind = query.get("kind");
  if (rawKind !== null && isKind(rawKind) && rawKind !== kind) {
    notices.push({ param: "kind", message: `kind: this explorer shows ${registry[kind].title.toLowerCase()}; ignored ${echo(rawKind)}` });
    own.delete("kind");
  }
  const fromSpec = specFromSearchParams(own, kind);
  notices.push(...fromSpec.notices);
  const spec = fromSpec.spec.kind === kind ? fromSpec.spec : current.spec;
  const extras = readUrlState(own, extraFields(kind), { compare: current.compare, ...NO_LESSON }, { alsoKnown: specUrlKeys(kind) });
  notices.push(...extras.notices);
  const { compare, hide, question } = extras.state;
  return { state: { spec, compare, lesson: { hide, question } }, notices };
}

export function explorerToQuery(state: ExplorerUrlState): URLSearchParams {
  const { spec, compare, lesson } = state;
  return writeUrlState({ compare, ...lesson }, extraFields(spec.kind), specToSearchParams(spec));
}
