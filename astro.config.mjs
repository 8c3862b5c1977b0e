// @ts-check
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import { unified } from "@astrojs/markdown-remark";
import remarkMath from "remark-math";
import rehypeKatex from "rehype-katex";
import { remarkContentChecks } from "./src/content-model/remark-checks.ts";
import { rehypeBaseLinks } from "./src/content-model/rehype-base-links.ts";
import { readDefinitions, rehypeTermTips } from "./src/content-model/rehype-term-tips.ts";
import { normalizeBase } from "./src/site/base-path.ts";
import { tfjsWasm } from "./src/site/tfjs-wasm.ts";
import { pagefindIndex } from "./src/site/pagefind.ts";
import { focusableScrollersPass } from "./src/site/focusable-scroll.ts";

// BASE_PATH deploys the same build under a sub-path, e.g. BASE_PATH=/lr-atlas/
// for https://user.github.io/lr-atlas/. SITE sets the canonical origin.
const base = normalizeBase(process.env.BASE_PATH);
// OUT_DIR builds elsewhere than dist/ (tests read it back through DIST_DIR).
const outDir = process.env.OUT_DIR || "dist";

export default defineConfig({
  base,
  site: process.env.SITE,
  output: "static",
  outDir,
  trailingSlash: "always",
  build: { format: "directory", inlineStylesheets: "never" },
  markdown: {
    processor: unified({
      remarkPlugins: [remarkMath, remarkContentChecks],
      rehypePlugins: [
        [rehypeKatex, { strict: "error", output: "htmlAndMathml" }],
        [rehypeBaseLinks, { base }],
        [rehypeTermTips, { definitions: readDefinitions("content/glossary") }],
      ],
    }),
  },
  integrations: [mdx(), tfjsWasm(), focusableScrollersPass(), pagefindIndex()],
  devToolbar: { enabled: false },
  server: { host: "127.0.0.1" },
  // The training worker is a module worker: "es" lets its dynamic imports (the digits, a text corpus)
  // stay separate chunks, fetched only by the race that needs them, instead of inlined into the worker.
  vite: {
    worker: { format: "es" },
    // Fonts stay files: Vite would write those under 4 KB (small subsets, KaTeX's Size3) into the render-blocking
    // stylesheet as base64, which every page then downloads before its first paint, used or not.
    build: { assetsInlineLimit: (file) => (file.endsWith(".woff2") ? false : undefined) },
  },
});
