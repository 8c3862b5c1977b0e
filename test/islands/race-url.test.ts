import { describe, expect, it } from "vitest";
import { raceFromQuery, raceToQuery } from "../../components/islands/race-url.ts";
import { raceSetup, RACE_LIMITS } from "../../components/islands/training-race-model.ts";
import { echo } from "../../src/browser/url-fields.ts";

const current = raceSetup({ task: "moons", schedules: "constant,cosine", optimizer: "sgd", steps: 400, seed: 2 });
const read = (query: string) => raceFromQuery(new URLSearchParams(query), current);
const setupOf = (query: string) => raceSetup({ ...read(query).input, cycleMomentum: current.cycleMomentum });

describe("race URL", () => {
  it("opens old permalinks as the same race", () => {
    const { notices, backend, lesson } = read("task=xor&optimizer=adam&seed=7&steps=200&schedules=cosine,one-cycle&batch=16&lr=0.05&backend=wasm&hide=optimizer,task&question=Which%3F");
    expect(notices).toEqual([]);
    expect(backend).toBe("wasm");
    expect(lesson).toEqual({ hide: ["optimizer", "task"], question: "Which?" });
    expect(setupOf("task=xor&optimizer=adam&seed=7&steps=200&schedules=cosine,one-cycle&batch=16&lr=0.05")).toEqual(
      raceSetup({ task: "xor", optimizer: "adam", seed: 7, steps: 200, schedules: "cosine,one-cycle", batchSize: 16, lr: 0.05 }),
    );
    // Parameters left out keep the page's race.
    expect(setupOf("seed=5")).toEqual({ ...current, seed: 5 });
  });

  it("round-trips a race, its backend and its lesson through the permalink", () => {
    const setup = raceSetup({ task: "circles", schedules: "step,cosine,plateau", optimizer: "momentum", steps: 1000, seed: 11, batchSize: 64, lr: 0.2 });
    const lesson = { hide: ["seed"], question: "Who wins?" };
    const query = raceToQuery(setup, "cpu", lesson);
    const back = raceFromQuery(query, current);
    expect(back.notices).toEqual([]);
    expect(raceSetup({ ...back.input, cycleMomentum: setup.cycleMomentum })).toEqual(setup);
    expect(back.backend).toBe("cpu");
    expect(back.lesson).toEqual(lesson);
    // "auto", no lr and no lesson are left out, as before.
    expect(raceToQuery(current, "auto").toString()).toBe("task=moons&optimizer=sgd&schedules=constant%2Ccosine&steps=400&seed=2&batch=32");
  });

  it("names the model only when it is not the task's default, so old permalinks stay as they were", () => {
    const glyphs = raceSetup({ task: "glyphs", schedules: "cosine" });
    const other = glyphs.model === "cnn" ? "mlp" : "cnn";
    expect(raceToQuery(glyphs, "auto").has("model")).toBe(false);
    const query = `task=glyphs&schedules=cosine&model=${other}`;
    expect(read(query).notices).toEqual([]);
    expect(setupOf(query).model).toBe(other);
    expect(raceToQuery(setupOf(query), "auto").get("model")).toBe(other);
    expect(read("model=constructor").notices[0]?.message).toMatch(/^model: must be one of .*; using the task's default$/);
  });

  it("refuses hex, blanks and Infinity instead of reading numbers from them", () => {
    const { input, notices } = read("seed=0x10&lr=0x10&steps=&batch=Infinity");
    expect(input).toEqual(read("").input);
    expect(notices.map((n) => n.message)).toEqual([
      `steps: must be a whole number in [${RACE_LIMITS.steps[0]}, ${RACE_LIMITS.steps[1]}], got ${echo("")}; using 400`,
      `seed: must be a whole number in [0, 2147483647], got ${echo("0x10")}; using 2`,
      `batch: must be a whole number in [1, 512], got ${echo("Infinity")}; using 32`,
      `lr: must be a number in (0, 10], got ${echo("0x10")}; using each kind's default`,
    ]);
  });

  it("names every hostile parameter and keeps the page's race", () => {
    const { input, backend, notices } = read("task=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&seed=-4&steps=1e9&schedules=cosine,%3Cb%3E&lr=NaN&backend=quantum&__proto__=x&seed=3");
    expect(input).toEqual(read("").input);
    expect(backend).toBe("auto");
    expect(notices.map((n) => n.param)).toEqual(["seed", "task", "schedules", "steps", "seed", "lr", "backend", "ignored"]);
    expect(notices[0]?.message).toBe("seed: given 2 times; using the first");
    expect(notices.at(-1)?.message).toBe(`ignored: ${echo("__proto__")} (not a setting here)`);
  });
});
