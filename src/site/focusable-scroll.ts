/**
 * Boxes that can scroll sideways (code blocks, display formulas) must be
 * reachable by keyboard, or a reader without a pointer cannot see their end
 * (WCAG 2.1.1; axe's scrollable-region-focusable). Every <pre>, <table> and
 * KaTeX display in the built pages gets tabindex="0" — whichever component or
 * Markdown wrote it — in one pass after the build, before the search index.
 * Tables are included because on a narrow screen global.css turns each one
 * into a sideways-scrolling block (a notebook's results table at 390 px).
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";

const SCROLLER = /<(pre|table|span|div)\b(?![^>]*\btabindex=)([^>]*?)(\s*\/?)>/g;

/** The page with tabindex="0" on every <pre>, every <table> and every element whose class list holds katex-display. */
export function focusableScrollers(html: string): string {
  return html.replace(SCROLLER, (tag, name: string, attrs: string, end: string) => {
    const isDisplay = /\bclass="(?:[^"]*\s)?katex-display(?:\s[^"]*)?"/.test(attrs);
    return name === "pre" || name === "table" || isDisplay ? `<${name}${attrs} tabindex="0"${end}>` : tag;
  });
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name.endsWith(".html") ? [path] : [];
  });
}

export function focusableScrollersPass(): AstroIntegration {
  return {
    name: "lr-atlas:focusable-scrollers",
    hooks: {
      "astro:build:done": ({ dir }) => {
        for (const file of htmlFiles(fileURLToPath(dir))) {
          const html = readFileSync(file, "utf8");
          const out = focusableScrollers(html);
          if (out !== html) writeFileSync(file, out);
        }
      },
    },
  };
}
