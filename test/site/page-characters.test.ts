import { describe, expect, it } from "vitest";
import { facesUsed, pageCharacters } from "../../src/site/page-characters.ts";

const chars = (set: Set<number>) => String.fromCodePoint(...[...set].sort((a, b) => a - b));

describe("pageCharacters", () => {
  it("reads what the page shows: text, placeholders, what <noscript> shows; not scripts, styles or MathML", () => {
    const found = pageCharacters(
      '<p>café</p><script>"ß"</script><style>p{content:"¶"}</style><input placeholder="ñ" value="ø"><noscript><p>þ</p></noscript>' +
        '<span class="katex"><span class="katex-mathml"><math><mi>θ</mi></math></span><span class="katex-html"><span class="mord">∑</span><span class="mrel amsrm">≲</span></span></span>',
    );
    expect(chars(found.text)).toBe("acféñøþ");
    expect(chars(found.math)).toBe("∑≲");
    expect(chars(found.ams)).toBe("≲");
  });
});

/** A column of `n` paragraphs, with `last` as the n-th. */
const column = (n: number, last: string) => `<div class="prose">${"<p>plain</p>".repeat(n - 1)}${last}</div>`;

describe("facesUsed", () => {
  it("finds the faces of the first seven blocks of a column", () => {
    expect(facesUsed(column(7, "<p><em>so</em> <code>x</code> η</p>"))).toMatchObject({ italic: true, mono: true, greek: true });
  });

  it("leaves out a block from the eighth on that rendering.css skips, but not one holding a link", () => {
    expect(facesUsed(column(8, "<p><em>so</em> <code>x</code> η</p>"))).toMatchObject({ italic: false, mono: false, greek: false });
    expect(facesUsed(column(8, '<p><em>so</em> <a href="/x/">x</a></p>'))).toMatchObject({ italic: true });
  });

  it("leaves out what is not laid out: a closed <details> past its summary, <noscript>, [hidden]", () => {
    expect(facesUsed("<details><summary>open me</summary><p><em>η</em></p></details><noscript><code>x</code></noscript>")).toMatchObject({ italic: false, greek: false, mono: false });
    expect(facesUsed("<details open><summary>s</summary><p><em>η</em></p></details>")).toMatchObject({ italic: true, greek: true });
    expect(facesUsed('<p hidden><code>x</code></p>').mono).toBe(false);
    expect(facesUsed('<p><span class="term">lr<span class="term-tip">η, <em>the</em> rate</span></span></p>')).toMatchObject({ greek: false, italic: false });
  });

  it("leaves out an entry's text after its explorer", () => {
    const entry = '<div class="entry-layout"><div><section><lr-schedule-figure></lr-schedule-figure></section><div class="prose"><p><em>far</em></p></div></div></div>';
    expect(facesUsed(entry).italic).toBe(false);
    expect(facesUsed(entry.replace("<lr-schedule-figure></lr-schedule-figure>", "<figure></figure>")).italic).toBe(true);
  });

  it("finds KaTeX's faces in skipped blocks too: a formula must never be set before its face arrives", () => {
    const far = column(9, '<p><span class="katex"><span class="katex-html"><span class="mord mathnormal">x</span><span class="delimsizing size3">[</span></span></span> <em>so</em></p>');
    expect(facesUsed(far)).toMatchObject({ math: true, mathItalic: true, mathSizes: [3], italic: false });
  });

  it("counts Greek in formulas as KaTeX's, and names the KaTeX faces a formula needs", () => {
    const formula = '<p><span class="katex"><span class="katex-html"><span class="mord mathnormal">η</span><span class="delimsizing size2">(</span><span class="mop op-symbol small-op">∑</span><span class="mrel amsrm">≲</span></span></span></p>';
    expect(facesUsed(formula)).toEqual({ greek: false, italic: false, mono: false, math: true, mathItalic: true, mathSizes: [1, 2], mathAms: true });
    expect(facesUsed("<p>plain</p>")).toEqual({ greek: false, italic: false, mono: false, math: false, mathItalic: false, mathSizes: [], mathAms: false });
  });
});
