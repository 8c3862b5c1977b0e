import { describe, expect, it } from "vitest";
import { tagIndex } from "../../src/site/tags.ts";
import { readDefinitions, rehypeTermTips } from "../../src/content-model/rehype-term-tips.ts";

describe("tag index", () => {
  it("groups glossary entries and notebooks under each tag, sorted", () => {
    const groups = tagIndex(
      [
        { slug: "b", title: "Beta", summary: "", tags: ["decay", "core"] },
        { slug: "a", title: "alpha", summary: "", tags: ["decay"] },
      ],
      [{ slug: "n", title: "Notebook", summary: "", tags: ["decay"] }],
    );
    expect(groups.map((g) => g.tag)).toEqual(["core", "decay"]);
    expect(groups[1]?.glossary.map((t) => t.slug)).toEqual(["a", "b"]);
    expect(groups[1]?.notebooks.map((t) => t.slug)).toEqual(["n"]);
  });
});

describe("term tips", () => {
  const definitions = new Map([["momentum", "A running average of gradients."]]);
  type Node = { type: string; tagName?: string; value?: string; properties?: Record<string, unknown>; children?: Node[] };
  const link = (href: string): Node => ({ type: "element", tagName: "a", properties: { href }, children: [{ type: "text", value: "word" }] });

  it("wraps glossary links with a tooltip holding the definition, with unique ids", () => {
    const tree: Node = { type: "root", children: [{ type: "element", tagName: "p", children: [link("/lr-atlas/glossary/momentum/"), link("/glossary/momentum/#origin")] }] };
    rehypeTermTips({ definitions })(tree as never);
    const [first, second] = tree.children?.[0]?.children ?? [];
    expect(first?.properties?.className).toEqual(["term"]);
    expect(first?.children?.[0]?.properties?.ariaDescribedBy).toBe("term-tip-1");
    expect(first?.children?.[1]?.properties?.role).toBe("tooltip");
    expect(first?.children?.[1]?.children?.[0]?.value).toBe("A running average of gradients.");
    expect(second?.children?.[0]?.properties?.ariaDescribedBy).toBe("term-tip-2");
  });

  it("leaves other links alone", () => {
    const tree: Node = { type: "root", children: [link("/notebooks/x/"), link("https://example.org/glossary/momentum/extra"), link("/glossary/unknown/")] };
    rehypeTermTips({ definitions })(tree as never);
    expect(tree.children?.map((c) => c.tagName)).toEqual(["a", "a", "a"]);
  });

  it("reads every entry's definition", () => {
    const all = readDefinitions("content/glossary");
    expect(all.get("exponential-decay")).toMatch(/^A schedule that multiplies/);
  });
});
