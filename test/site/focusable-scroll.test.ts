import { describe, expect, it } from "vitest";
import { focusableScrollers } from "../../src/site/focusable-scroll.ts";

describe("focusable scrollers", () => {
  it("puts every <pre> and KaTeX display in the tab order, once", () => {
    const html = '<pre class="x"><code>a</code></pre><span class="katex-display"><span class="katex">x</span></span><div class="formula katex-display wide">y</div>';
    expect(focusableScrollers(html)).toBe('<pre class="x" tabindex="0"><code>a</code></pre><span class="katex-display" tabindex="0"><span class="katex">x</span></span><div class="formula katex-display wide" tabindex="0">y</div>');
    expect(focusableScrollers(focusableScrollers(html))).toBe(focusableScrollers(html));
  });

  it("puts every <table> in the tab order (a narrow screen scrolls it sideways), and leaves <tbody> and <thead> alone", () => {
    const html = '<table><thead><tr><th>a</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table><table class="data">x</table>';
    expect(focusableScrollers(html)).toBe('<table tabindex="0"><thead><tr><th>a</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table><table class="data" tabindex="0">x</table>');
  });

  it("leaves other elements, a tabindex already chosen, and look-alike classes alone", () => {
    const html = '<pre tabindex="-1">a</pre><span class="katex-display-note">n</span><span class="katex">k</span><prefix>p</prefix><p>pre</p>';
    expect(focusableScrollers(html)).toBe(html);
  });
});
