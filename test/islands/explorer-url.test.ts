import { describe, expect, it } from "vitest";
import { explorerFromQuery, explorerToQuery } from "../../components/islands/explorer-url.ts";
import { echo } from "../../src/browser/url-fields.ts";
import { registry, type ScheduleSpec } from "../../src/schedules/index.ts";

const cosine = registry.cosine.defaults as ScheduleSpec;
const read = (query: string, spec: ScheduleSpec = cosine) => explorerFromQuery(new URLSearchParams(query), spec.kind, { spec, compare: "" });

describe("explorer URL", () => {
  it("opens an old permalink as before: the spec's own names, compare, lesson", () => {
    const { state, notices } = read("lr=0.5&decaySteps=40&compare=step&hide=code,libraries,lr&question=Where%3F");
    expect(notices).toEqual([]);
    expect(state.spec).toEqual({ ...cosine, lr: 0.5, decaySteps: 40 });
    expect(state.compare).toBe("step");
    expect(state.lesson).toEqual({ hide: ["code", "libraries", "lr"], question: "Where?" });
    // kind=cosine on the cosine explorer is what the explorer writes itself.
    expect(read("kind=cosine&lr=0.5").notices).toEqual([]);
  });

  it("writes the lesson back with the spec, so a permalink keeps it", () => {
    const { state } = read("lr=0.5&compare=step&hide=code&question=Where%3F");
    const query = explorerToQuery(state);
    expect(query.get("hide")).toBe("code");
    expect(query.get("question")).toBe("Where?");
    expect(read(query.toString())).toEqual({ state, notices: [] });
    expect(explorerToQuery({ spec: cosine, compare: "", lesson: { hide: [], question: "" } }).has("compare")).toBe(false);
  });

  it("refuses another kind's spec and names its fields as ignored", () => {
    const { state, notices } = read("kind=step&stepSize=7&lr=0.2");
    expect(state.spec).toEqual({ ...cosine, lr: 0.2 });
    expect(notices.map((n) => n.message)).toEqual([`kind: this explorer shows ${registry.cosine.title.toLowerCase()}; ignored ${echo("step")}`, `ignored: ${echo("stepSize")} (not a setting here)`]);
  });

  it("hides only what exists, and says what it ignored", () => {
    const { state, notices } = read("hide=lr,__proto__,constructor");
    expect(state.lesson.hide).toEqual(["lr"]);
    expect(notices[0]?.message).toMatch(/^hide: ignored .*__proto__.*constructor/);
    expect(read("hide=nothing").state.lesson.hide).toEqual([]);
  });

  it("refuses plateau (no curve without a metric) and unknown kinds as a comparison", () => {
    expect(read("compare=plateau").state.compare).toBe("");
    expect(read("compare=constructor").notices[0]?.message).toMatch(/^compare: must be one of "", constant, /);
  });
});
