/**
 * The characters a built page sets, split by who sets them: the text faces (Source Serif 4, Inter, JetBrains Mono) or
 * KaTeX. scripts/fonts.ts cuts the faces to them; Base.astro preloads the faces a page needs from them.
 */
import { parse } from "parse5";

/** Characters each kind of text on a built page is set in: the text faces, or KaTeX's. */
export interface PageCharacters {
  text: Set<number>;
  math: Set<number>;
  /** Of `math`, those set in KaTeX_AMS (classes amsrm, mathbb, textbb). */
  ams: Set<number>;
}

type Node = { nodeName: string; value?: string; attrs?: { name: string; value: string }[]; childNodes?: Node[]; content?: Node };

const classes = (node: Node) => node.attrs?.find((a) => a.name === "class")?.value.split(/\s+/) ?? [];

/** KaTeX's classes set in KaTeX_AMS (katex.min.css). */
const AMS_CLASSES = new Set(["amsrm", "mathbb", "textbb"]);

/** Collects a page's rendered characters: text nodes, placeholders and input values, not scripts, styles or MathML. */
export function pageCharacters(html: string): PageCharacters {
  const found: PageCharacters = { text: new Set(), math: new Set(), ams: new Set() };
  const add = (into: Set<number>, value: string) => {
    for (const char of value) if (!/\s/.test(char)) into.add(char.codePointAt(0)!);
  };
  const walk = (node: Node, inMath: boolean, inAms = false) => {
    if (node.nodeName === "script" || node.nodeName === "style" || node.nodeName === "math") return;
    if (node.nodeName === "#text") {
      if (inAms) add(found.ams, node.value ?? "");
      return add(inMath ? found.math : found.text, node.value ?? "");
    }
    const cls = classes(node);
    for (const attr of node.attrs ?? []) if (attr.name === "placeholder" || (attr.name === "value" && node.nodeName === "input")) add(found.text, attr.value);
    const math = inMath || cls.includes("katex-html");
    const ams = inAms || (math && cls.some((c) => AMS_CLASSES.has(c)));
    for (const child of node.childNodes ?? []) walk(child, math, ams);
    if (node.content) walk(node.content, math, ams);
  };
  // Parsed as with scripting off, so that what <noscript> shows is read as the elements it is.
  walk(parse(html, { scriptingEnabled: false }) as unknown as Node, false);
  return found;
}

/** The faces beyond the two every page sets (the serif's and the UI's Latin) that a page lays out before its first paint, and KaTeX's that it sets anywhere. */
export interface FacesUsed {
  /** Greek letters in the text (η, β₁), set in Source Serif 4's Greek subset. */
  greek: boolean;
  /** Emphasis, citations, defined terms: the serif's italic. */
  italic: boolean;
  /** Code, and fields one writes code in: JetBrains Mono. */
  mono: boolean;
  /** KaTeX's output: its .katex box is set in KaTeX_Main, MathML-only output (the race legends) included. */
  math: boolean;
  /** KaTeX variables (class "mathnormal"), set in KaTeX_Math-Italic. */
  mathItalic: boolean;
  /** KaTeX's large delimiters and operators, set in KaTeX_Size1 to KaTeX_Size4 (these numbers). */
  mathSizes: number[];
  /** AMS symbols (≲, ℝ: classes amsrm, mathbb, textbb), set in KaTeX_AMS. */
  mathAms: boolean;
}

/** Which KaTeX_Size face an element of KaTeX's HTML is set in (katex.min.css: .delimsizing.sizeN, .delim-sizeN, .small-op, .large-op). */
function mathSize(cls: readonly string[], inMult: boolean): number | undefined {
  if (cls.includes("delimsizing")) {
    const size = cls.map((c) => /^size([1-4])$/.exec(c)?.[1]).find(Boolean);
    if (size && !cls.includes("mult")) return Number(size);
  }
  if (inMult) {
    const size = cls.map((c) => /^delim-size([14])$/.exec(c)?.[1]).find(Boolean);
    if (size) return Number(size);
  }
  if (cls.includes("op-symbol") && cls.includes("small-op")) return 1;
  if (cls.includes("op-symbol") && cls.includes("large-op")) return 2;
  return undefined;
}

const elements = (node: Node) => (node.childNodes ?? []).filter((child) => !child.nodeName.startsWith("#"));
const some = (node: Node, test: (n: Node) => boolean): boolean => test(node) || (node.childNodes ?? []).some((child) => some(child, test)) || (node.content ? some(node.content, test) : false);

// The blocks src/styles/rendering.css lets the browser skip until the reader nears them (content-visibility: auto);
// what they hold is not laid out before the first paint, so its faces need no preload. test/e2e/fonts.test.ts holds
// this reading of the stylesheet to what Chromium fetches.
const BLOCK = new Set(["p", "ul", "ol", "dl", "figure", "table", "pre", "blockquote"]);
const ISLANDS = new Set(["lr-schedule-figure", "lr-training-race", "lr-loss-landscape", "lr-q-race", "lr-range-test", "lr-text-race"]);
const isBlock = (n: Node) => BLOCK.has(n.nodeName) || classes(n).some((c) => c === "katex-display" || c === "formula-block");
const hasTarget = (n: Node) =>
  some(n, (d) => (d.nodeName === "a" && (d.attrs ?? []).some((a) => a.name === "href")) || ["button", "input", "select", "textarea", "summary"].includes(d.nodeName) || classes(d).includes("term"));
const isIslandPart = (n: Node) => ["figure", "table"].includes(n.nodeName) || classes(n).some((c) => ["formula-block", "race-figures", "race-legend"].includes(c));

/** Which of a column's children skip: the parent decides, so the walk asks it for each child. */
function skippedChildren(node: Node, parent: Node | undefined): Set<Node> {
  const skipped = new Set<Node>();
  const column = classes(node).includes("prose") || (node.nodeName === "div" && parent !== undefined && classes(parent).includes("entry-layout"));
  if (!column) return skipped;
  elements(node).forEach((child, index) => {
    if (index >= 7 && isBlock(child) && !hasTarget(child)) skipped.add(child);
    if (index >= 7 && ISLANDS.has(child.nodeName)) for (const part of elements(child)) if (isIslandPart(part) && !hasTarget(part)) skipped.add(part);
  });
  // A glossary entry's text after its explorer: every block of a .prose that follows a section holding the explorer.
  if (parent !== undefined && classes(node).includes("prose") && parent.nodeName === "div") {
    const siblings = elements(parent);
    const after = siblings.slice(0, siblings.indexOf(node)).some((s) => s.nodeName === "section" && elements(s).some((c) => c.nodeName === "lr-schedule-figure"));
    if (after) for (const child of elements(node)) if (isBlock(child) && !hasTarget(child)) skipped.add(child);
  }
  return skipped;
}

/** The text faces a page's HTML lays out before its first paint (the blocks rendering.css skips left out), and the KaTeX faces it sets anywhere. */
export function facesUsed(html: string): FacesUsed {
  const used: FacesUsed = { greek: false, italic: false, mono: false, math: false, mathItalic: false, mathSizes: [], mathAms: false };
  const sizes = new Set<number>();
  // KaTeX's faces are looked for in the whole page, skipped blocks included: a formula set before its face arrives
  // keeps the fallback (font-display: optional), and KaTeX's layout is wrong in any other face (a \left[ stays small),
  // so every KaTeX face a page uses is preloaded. The text faces only for what the first layout sets: another face
  // stands in for them well enough on a slow first view.
  const walk = (node: Node, parent: Node | undefined, inMath: boolean, inMult = false, skipped = false) => {
    if (node.nodeName === "script" || node.nodeName === "style" || node.nodeName === "head") return;
    if (node.nodeName === "#text") {
      if (!inMath && !skipped && /[\u0370-\u03ff]/.test(node.value ?? "")) used.greek = true;
      return;
    }
    const cls = classes(node);
    if (!skipped && ["em", "i", "cite", "dfn", "var"].includes(node.nodeName)) used.italic = true;
    if (!skipped && ["code", "pre", "kbd", "samp", "textarea"].includes(node.nodeName)) used.mono = true;
    if (cls.includes("katex")) used.math = true;
    if (cls.includes("mathnormal")) used.mathItalic = true;
    if (cls.some((c) => AMS_CLASSES.has(c))) used.mathAms = true;
    const mult = inMult || (cls.includes("delimsizing") && cls.includes("mult"));
    const size = mathSize(cls, mult);
    if (size !== undefined) sizes.add(size);
    const skip = skippedChildren(node, parent);
    const math = inMath || cls.includes("katex-html") || node.nodeName === "math";
    // Not laid out either: a closed <details> past its summary, <noscript> (scripts run), a template, [hidden], a
    // term's definition until the reader points at the term (.term-tip, global.css: display none, and system-ui).
    const closed = node.nodeName === "details" && !(node.attrs ?? []).some((a) => a.name === "open");
    const unseen = node.nodeName === "noscript" || node.nodeName === "template" || (node.attrs ?? []).some((a) => a.name === "hidden") || cls.includes("term-tip");
    for (const child of node.childNodes ?? []) walk(child, node, math, mult, skipped || unseen || skip.has(child) || (closed && child.nodeName !== "summary"));
    if (node.content) walk(node.content, node, math, mult, true);
  };
  walk(parse(html, { scriptingEnabled: false }) as unknown as Node, undefined, false);
  used.mathSizes = [...sizes].sort((a, b) => a - b);
  return used;
}
