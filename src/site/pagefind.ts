/**
 * An Astro integration that builds the Pagefind full-text index into
 * <dist>/pagefind/ after the site is written. The index and its small search
 * runtime are static files, so search works offline and on any static host.
 * Only elements marked data-pagefind-body (entries and notebooks) are indexed.
 */
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import type { AstroIntegration } from "astro";

/**
 * What a search excerpt must never quote: KaTeX's hidden MathML (it repeats
 * every formula, "0.10.10.1"), data tables and chart tick labels (columns of
 * numbers), breadcrumbs, and the term tooltips (another entry's definition).
 */
export const SEARCH_IGNORES = [".katex-mathml", "table", "svg", ".breadcrumbs", ".term-tip"] as const;

export function pagefindIndex(): AstroIntegration {
  return {
    name: "lr-atlas:pagefind",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        const pagefind = await import("pagefind");
        // Result URLs are site-relative here; the search page adds the base path.
        const { index, errors } = await pagefind.createIndex({ excludeSelectors: [...SEARCH_IGNORES] });
        if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
        const site = fileURLToPath(dir);
        const added = await index.addDirectory({ path: site });
        if (added.errors.length > 0) throw new Error(`Pagefind indexing failed: ${added.errors.join("; ")}`);
        const written = await index.writeFiles({ outputPath: join(site, "pagefind") });
        if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
        logger.info(`indexed ${added.page_count} pages for search`);
        await pagefind.close();
      },
    },
  };
}
