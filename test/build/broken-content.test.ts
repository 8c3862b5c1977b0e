// A broken entry must stop the build and say which file and what is wrong.
// Each case builds a real throwaway copy of the site. The control is the one
// build that runs to the end (every page, races precomputed): it gets a longer
// timeout, since on a busy 2-core machine it passed 60 s.
import { afterAll, describe, expect, it } from "vitest";
import { build, entry, removeScratchSites, scratchSite } from "../support/scratch-site.ts";

afterAll(removeScratchSites);

describe("astro build rejects broken content", () => {
  it("builds a valid entry (control: the harness itself works)", () => {
    const dir = scratchSite({ "content/glossary/test-term.mdx": entry() });
    const result = build(dir);
    expect(result.output).toContain("Complete!");
    expect(result.status).toBe(0);
  }, 180_000);

  it("fails on a missing section, naming the file and the section", () => {
    const body = ["Explained easy", "Origin", "Usage", "Examples in context"].map((s) => `## ${s}\n\nText.\n`).join("\n");
    const result = build(scratchSite({ "content/glossary/test-term.mdx": entry({ body }) }));
    expect(result.status).not.toBe(0);
    expect(result.output).toContain("content/glossary/test-term.mdx");
    expect(result.output).toContain('missing section "## Etymology"');
  });

  it("fails on an unknown related term, naming it", () => {
    const result = build(scratchSite({ "content/glossary/test-term.mdx": entry({ related: "no-such-term" }) }));
    expect(result.status).not.toBe(0);
    expect(result.output).toContain("test-term");
    expect(result.output).toContain("related term 'no-such-term' does not exist");
  });

  it("fails on a formula KaTeX cannot parse, quoting it", () => {
    const result = build(scratchSite({ "content/glossary/test-term.mdx": entry({ formula: String.raw`\eta_t = \frac{1}{` }) }));
    expect(result.status).not.toBe(0);
    expect(result.output).toContain("content/glossary/test-term.mdx");
    expect(result.output).toMatch(/formula "\\eta_t = \\frac\{1\}\{" does not parse/);
  });
});
