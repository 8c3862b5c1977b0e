/**
 * `node scripts/check-astro.ts [root]`: type-checks every `.astro` file the
 * root's tsconfig.json includes (frontmatter, `<script>` blocks and template
 * expressions), with the project's compiler options (strict,
 * noUncheckedIndexedAccess …). `tsc` does not read `.astro` files, so without
 * this a type error in a component's frontmatter passed every check.
 *
 * The engine is `AstroCheck` from @astrojs/language-server, the same checker
 * `astro check` (@astrojs/check) runs. We call it directly because both front
 * doors are closed under TypeScript 7: `astro check` refuses to start when the
 * project's typescript is 7, and @astrojs/check's peer dependency
 * (typescript ^5 || ^6) cannot be met beside it. The checker needs the classic
 * TypeScript API, which 7 no longer ships, so it runs on TypeScript 6 from
 * scripts/astro-check/ (see its package.json); the resolve hook below hands
 * that copy to every `typescript` import in this process (@volar/kit imports it
 * by name and would otherwise get the project's 7).
 *
 * Prints each error and warning with its code frame, then one summary line;
 * exits 1 when there is an error.
 */
import { createRequire, registerHooks } from "node:module";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const root = resolve(process.argv[2] ?? process.cwd());
const started = Date.now();

const fromHolder = createRequire(createRequire(import.meta.url).resolve("astro-check-typescript-6/package.json"));
const typescriptPath = fromHolder.resolve("typescript");
const typescriptDirectory = dirname(fromHolder.resolve("typescript/package.json"));
registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier === "typescript") return { url: pathToFileURL(typescriptPath).href, shortCircuit: true };
    if (specifier.startsWith("typescript/")) {
      return nextResolve(join(typescriptDirectory, specifier.slice("typescript/".length)), context);
    }
    return nextResolve(specifier, context);
  },
});

const { AstroCheck } = await import("@astrojs/language-server");
const typescriptVersion = (fromHolder("typescript") as { version: string }).version;
const checker = new AstroCheck(root, typescriptPath, "tsconfig.json");
const astroFiles = checker.linter.getRootFileNames().filter((file) => file.endsWith(".astro"));
const result = await checker.lint({ fileNames: astroFiles, logErrors: { level: "warning" } });

const seconds = ((Date.now() - started) / 1000).toFixed(1);
const summary =
  `astro check (TypeScript ${typescriptVersion}): ${result.fileChecked} .astro files, ` +
  `${result.errors} error(s), ${result.warnings} warning(s) (${seconds} s)`;
if (astroFiles.length === 0) {
  console.error(`astro check: tsconfig.json in ${root} includes no .astro file; nothing was checked`);
  process.exitCode = 1;
} else if (result.errors > 0) {
  console.error(summary);
  process.exitCode = 1;
} else {
  console.log(summary);
}
