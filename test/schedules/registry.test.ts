import { describe, expect, it } from "vitest";
import { isKind, parseSpec, registry, KINDS } from "../../src/schedules/index.ts";

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
