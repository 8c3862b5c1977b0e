/**
 * The import boundaries of the house (README "Layout"), as data. Each rule
 * forbids imports from the files `from` matches to the targets `to` matches;
 * `scripts/boundaries/check.ts` applies them to every import in src/,
 * components/, scripts/ and bench/ (.ts, .mjs and the frontmatter and
 * <script> blocks of .astro files).
 *
 * A target is a repository path ("src/training/race.ts") for a relative
 * import, or the specifier itself for a package ("@tensorflow/tfjs",
 * "astro:content", "node:fs"). `transitive` rules follow runtime imports
 * (not `import type`) from file to file, so a pure module cannot reach tfjs
 * through a helper either. `unless` exempts files that `from` matched.
 */
export interface BoundaryRule {
  name: string;
  /** Why the rule exists; printed with each violation. */
  comment: string;
  from: RegExp;
  unless?: RegExp;
  to: RegExp;
  /** Type-only imports are exempt (they vanish at run time). */
  runtimeOnly?: boolean;
  /** Follow runtime imports from file to file (reachability). */
  transitive?: boolean;
}

/** Numerics that run identically in Node and the browser: no tfjs, no Astro, no DOM, no Node. */
const PURE = /^src\/(schedules|data|landscape|plots|rl)\//;
/** Packages a pure module may never load: tfjs, Astro (and its virtual modules), jsdom, Node built-ins. */
const IMPURE_PACKAGES = /^(@tensorflow\/|astro(:|\/|$)|jsdom$|node:|.*\.astro$)/;

export const RULES: readonly BoundaryRule[] = [
  {
    name: "pure-stays-pure",
    comment: "src/schedules, src/data, src/landscape, src/plots and src/rl run in Node and in the browser: no tfjs, Astro, jsdom or node: built-ins, not even through another module",
    from: PURE,
    to: IMPURE_PACKAGES,
    runtimeOnly: true,
    transitive: true,
  },
  {
    name: "pure-packages",
    comment: "the pure layers use few packages, each named here: zod (schemas), the Lezer Python grammar (expression schedules) and, in src/plots only, Observable Plot",
    from: PURE,
    // A package (a target that is not a repository path) other than the allowed ones; the
    // impure ones are pure-stays-pure's to report.
    to: /^(?!(src|components|test|content|scripts|bench|public)\/)(?!(zod|@lezer\/python|@lezer\/common)$)(?!@tensorflow\/|astro(:|\/|$)|jsdom$|node:)/,
    unless: /^src\/plots\//,
  },
  {
    name: "plots-packages",
    comment: "figure builders use Observable Plot and nothing else from outside (see pure-packages)",
    from: /^src\/plots\//,
    to: /^(?!(src|components|test|content|scripts|bench|public)\/)(?!(zod|@observablehq\/plot)$)(?!@tensorflow\/|astro(:|\/|$)|jsdom$|node:)/,
  },
  {
    name: "schedules-at-the-bottom",
    comment: "the schedule library imports nothing of the site but itself (and zod)",
    from: /^src\/schedules\//,
    to: /^(src\/(?!schedules\/)|components\/|test\/)/,
  },
  {
    name: "data-at-the-bottom",
    comment: "datasets import nothing of the site but src/data itself",
    from: /^src\/data\//,
    to: /^(src\/(?!data\/)|components\/|test\/)/,
  },
  {
    name: "rl-without-tfjs",
    comment: "tabular agents are pure: they use schedules and data, never the tfjs trainer",
    from: /^src\/rl\//,
    to: /^(src\/(?!(rl|schedules|data)\/)|components\/)/,
  },
  {
    name: "landscape-is-numerics",
    comment: "the 2-D descent numerics use schedules and data only",
    from: /^src\/landscape\//,
    to: /^(src\/(?!(landscape|schedules|data)\/)|components\/)/,
  },
  {
    name: "plots-are-builders",
    comment: "figure builders read numbers and return Plot options: they import schedules, data, landscape and (pure parts of) training only",
    from: /^src\/plots\//,
    to: /^(src\/(?!(plots|schedules|data|landscape|training)\/)|components\/)/,
  },
  {
    name: "training-never-imports-ui",
    comment: "the trainer takes a spec and yields records; the page subscribes: it imports schedules, data and rl only, never the browser layer, plots, CLI, pages, islands or Astro",
    from: /^src\/training\//,
    to: /^(src\/(?!(training|schedules|data|rl)\/)|components\/|.*\.astro$|astro(:|\/|$)|jsdom$)/,
  },
  {
    name: "browser-below-islands",
    comment: "src/browser is DOM glue the islands use: it imports the library, data, training and plots, never islands, pages, the CLI, the site or Astro",
    from: /^src\/browser\//,
    to: /^(src\/(?!(browser|schedules|data|landscape|training|plots)\/)|components\/|.*\.astro$|astro(:|\/|$))/,
  },
  {
    name: "cli-is-node",
    comment: "the CLI is a thin Node shell over the library and the trainer: no browser layer, plots, site, islands, pages or Astro",
    from: /^src\/cli\//,
    to: /^(src\/(?!(cli|schedules|data|landscape|training|rl)\/)|components\/|.*\.astro$|astro(:|\/|$)|jsdom$)/,
  },
  {
    name: "only-pages-use-components",
    comment: "components/ sit above src/: only routes (src/pages) and page shells (src/layouts) import them",
    from: /^src\//,
    unless: /^src\/(pages|layouts)\//,
    to: /^components\//,
  },
  {
    name: "mdx-components-ship-no-js",
    comment: "components/mdx render at build time with zero JavaScript: no trainer, browser layer or islands",
    from: /^components\/mdx\//,
    to: /^(src\/(training|browser)\/|components\/islands\/|@tensorflow\/)/,
  },
  {
    name: "no-tests-in-the-product",
    comment: "the site and the CLI never import test code",
    from: /^(src|components)\//,
    to: /^test\//,
  },
];
