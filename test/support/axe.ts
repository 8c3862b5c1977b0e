/**
 * axe-core with the site's full bar: WCAG 2.x A and AA plus the best-practice rules the site holds itself to
 * (no skipped heading level, landmarks with unique names, scrollable regions reachable by keyboard).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const EXTRA_RULES = ["heading-order", "landmark-unique", "scrollable-region-focusable", "page-has-heading-one", "region"];

/** Every violation on the page as "rule: target" lines. */
export async function strictAxe(page: Page): Promise<string[]> {
  const source = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: source });
  // One pass: the WCAG tags' rules, and the extra rules enabled by name (axe runs a rule named in `rules` with
  // enabled: true whatever its tags).
  const rules = Object.fromEntries(EXTRA_RULES.map((id) => [id, { enabled: true }]));
  const script = `(async () => {
    const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] }, rules: ${JSON.stringify(rules)} });
    return result.violations.flatMap((v) => v.nodes.map((n) => v.id + ": " + n.target.join(" ")));
  })()`;
  return [...new Set((await page.evaluate(script)) as string[])];
}
