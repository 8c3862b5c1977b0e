import { describe, expect, it } from "vitest";
import { normalizeBase, withBase } from "../../src/site/base-path.ts";

describe("normalizeBase", () => {
  it.each([
    [undefined, "/"],
    ["", "/"],
    ["/", "/"],
    ["lr-atlas", "/lr-atlas/"],
    ["/lr-atlas", "/lr-atlas/"],
    ["/courses//ml101/lr/", "/courses/ml101/lr/"],
  ])("%j -> %j", (raw, expected) => {
    expect(normalizeBase(raw)).toBe(expected);
  });

  it("rejects a URL or a parent reference with a message naming the value", () => {
    expect(() => normalizeBase("https://x.org/a/")).toThrow(/BASE_PATH must be a path.*https:\/\/x\.org\/a\//);
    expect(() => normalizeBase("/a/../b/")).toThrow(/BASE_PATH/);
  });
});

describe("withBase", () => {
  it("joins without doubling or dropping slashes", () => {
    expect(withBase("/", "glossary/")).toBe("/glossary/");
    expect(withBase("/lr-atlas/", "/glossary/adam/")).toBe("/lr-atlas/glossary/adam/");
    expect(withBase("/lr-atlas", "")).toBe("/lr-atlas/");
  });
});
