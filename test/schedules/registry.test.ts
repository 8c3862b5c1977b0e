import { describe, expect, it } from "vitest";
import { isKind, parseSpec, registry, sampleSchedule, KINDS } from "../../src/schedules/index.ts";
import { fittedSpec } from "../../src/schedules/fit.ts";
import { formulaSymbols, unexplainedSymbols } from "../../src/schedules/symbols.ts";
import { noEquivalent } from "../../src/schedules/frameworks/types.ts";
import { PYTORCH_TABLE } from "../../src/schedules/frameworks/pytorch-config.ts";
import { KERAS_TABLE } from "../../src/schedules/frameworks/keras-config.ts";
import { OPTAX_TABLE } from "../../src/schedules/frameworks/optax-config.ts";
import { HF_TABLE } from "../../src/schedules/frameworks/hf-config.ts";
import { pythonLambda } from "../../src/schedules/frameworks/python.ts";
import { loadContentDir } from "../../src/content-model/load.ts";
import { readFileSync } from "node:fs";

describe("registry", () => {
  it("keys each family by its own kind", () => {
    for (const [key, family] of Object.entries(registry)) expect(family.kind, key).toBe(key);
  });

  it("gives every family's defaults exactly its fields: kind, one number per param, and its extras", () => {
    for (const kind of KINDS) {
      const { defaults, params } = registry[kind];
      for (const p of params) expect(typeof (defaults as Record<string, unknown>)[p.name], `${kind}.${p.name}`).toBe("number");
      expect(new Set(params.map((p) => p.name)).size, `${kind}: parameter names are unique`).toBe(params.length);
    }
  });
});

describe("isKind", () => {
  it("accepts every registry kind and nothing inherited from Object.prototype", () => {
    for (const kind of KINDS) expect(isKind(kind), kind).toBe(true);
    for (const name of ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf", "prototype", ""]) {
      expect(isKind(name), name).toBe(false);
      // `in` is the trap isKind avoids: these names are "in" any object.
      if (name !== "" && name !== "prototype") expect(name in registry, name).toBe(true);
    }
  });

  it("rejects non-strings and near misses", () => {
    for (const value of [undefined, null, 1, {}, [], ["cosine"], "Cosine", " cosine", "cosine "]) expect(isKind(value), JSON.stringify(value) ?? "undefined").toBe(false);
  });

  it("parseSpec names the kind it does not know, even an inherited name", () => {
    for (const kind of ["constructor", "__proto__", "toString"]) {
      const result = parseSpec(JSON.parse(`{"kind": ${JSON.stringify(kind)}}`));
      expect(result.ok, kind).toBe(false);
      if (!result.ok) expect(result.errors[0]?.message).toMatch(/^unknown schedule/);
    }
  });
});

// Adding a kind takes a family file and a registry line; each test below names what a new kind still lacks.
describe("every kind is complete", () => {
  const glossary = loadContentDir("content/glossary");
  const entriesOf = (kind: string) => glossary.filter((e) => (e.data as { schedule?: unknown }).schedule === kind);
  const tables = { pytorch: PYTORCH_TABLE, keras: KERAS_TABLE, optax: OPTAX_TABLE, hf: HF_TABLE };
  // The README's sentence "Every schedule has an embeddable explorer at /embed/explorer/<kind>/ (kinds: `step`, …)".
  const readme = readFileSync("README.md", "utf8");
  const embedSentence = /embeddable explorer at `\/embed\/explorer\/<kind>\/` \(kinds:([^)]*)\)/.exec(readme)?.[1] ?? "";
  const readmeEmbedKinds = [...embedSentence.matchAll(/`([a-z-]+)`/g)].map((m) => m[1]);

  for (const kind of KINDS) {
    describe(kind, () => {
      const family = registry[kind];

      it("writes its formula only in its params' symbols, its `where` symbols and t, η_t, π", () => {
        const allowed = [...family.params.map((p) => p.symbol), ...Object.keys(family.where ?? {})];
        expect(unexplainedSymbols(family.latex, allowed), `${kind}: symbols in latex that no ParamDef.symbol or Family.where defines`).toEqual([]);
        const unused = Object.keys(family.where ?? {}).filter((w) => formulaSymbols(w).some((s) => !formulaSymbols(family.latex).includes(s)));
        expect(unused, `${kind}: where-symbols the formula does not use`).toEqual([]);
      });

      it("states its capabilities, and a stateful schedule is offered only where a metric reaches it", () => {
        for (const name of ["raceable", "comparable", "landscape"] as const) expect(typeof family.capabilities?.[name], `${kind}: capabilities.${name}`).toBe("boolean");
        if (family.stateful) {
          expect(family.capabilities.comparable, `${kind} is stateful: an overlay has no metric`).toBe(false);
          expect(family.capabilities.landscape, `${kind} is stateful: the landscape has no metric`).toBe(false);
        }
      });

      it("fits itself to a run (a valid spec of its kind for short and long runs)", () => {
        expect(typeof family.fit, `${kind}: family.fit`).toBe("function");
        for (const steps of [10, 100, 10_000]) {
          if (kind === "warmup" && steps === 10) continue; // its cosine gets 9 steps, under the 10 a fitted run needs
          const spec = fittedSpec(kind, steps, 0.05);
          expect(spec.kind, `${kind} fitted to ${steps}`).toBe(kind);
          expect(sampleSchedule(spec, steps).every(Number.isFinite), `${kind} fitted to ${steps}: finite rates`).toBe(true);
        }
      });

      it("has a glossary entry that shows it (frontmatter `schedule:`)", () => {
        expect(entriesOf(kind).map((e) => e.slug), `no content/glossary/*.mdx has "schedule: ${kind}"`).not.toEqual([]);
      });

      it("has an entry in every library's table, a mapping or a stated reason for none", () => {
        for (const [library, table] of Object.entries(tables)) {
          expect(Object.hasOwn(table, kind), `${library} table has no entry for "${kind}"`).toBe(true);
          const reason = noEquivalent(table as typeof PYTORCH_TABLE, kind);
          if (reason !== undefined) expect(reason.length, `${library}: none() for "${kind}" needs a reason`).toBeGreaterThan(10);
        }
      });

      it("is listed among the README's embeddable explorers", () => {
        expect(readmeEmbedKinds, `README.md "Use it in a course" lists /embed/explorer/<kind>/ kinds without "${kind}"`).toContain(kind);
      });

      it("writes Python for PyTorch's LambdaLR, or says why it cannot", () => {
        if (family.stateful) expect(() => pythonLambda(family.defaults)).toThrow(/metric/);
        else expect(pythonLambda(family.defaults).lambda).toContain("def lr_at(t):");
      });
    });
  }
});
