/**
 * An Astro integration that serves tfjs's WebAssembly binaries from the site
 * itself (<base>tfjs/*.wasm): copied into the build, and served by the dev
 * server, so the wasm backend never reaches for a CDN.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";

export const WASM_DIR = "tfjs";

function wasmSourceDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve("@tensorflow/tfjs-backend-wasm/package.json")), "dist");
}

export function wasmFiles(): string[] {
  return readdirSync(wasmSourceDir()).filter((f) => f.endsWith(".wasm"));
}

export function tfjsWasm(): AstroIntegration {
  let base = "/";
  return {
    name: "lr-atlas:tfjs-wasm",
    hooks: {
      "astro:config:setup": ({ config, updateConfig }) => {
        base = config.base.endsWith("/") ? config.base : `${config.base}/`;
        updateConfig({
          vite: {
            plugins: [
              {
                name: "lr-atlas:tfjs-wasm-dev",
                configureServer(server) {
                  server.middlewares.use((req, res, next) => {
                    const prefix = `${base}${WASM_DIR}/`;
                    const file = req.url?.startsWith(prefix) ? req.url.slice(prefix.length).split("?")[0] : undefined;
                    if (!file || !wasmFiles().includes(file)) return next();
                    res.setHeader("content-type", "application/wasm");
                    res.end(readFileSync(join(wasmSourceDir(), file)));
                  });
                },
              },
            ],
          },
        });
      },
      "astro:build:done": ({ dir }) => {
        const target = join(fileURLToPath(dir), WASM_DIR);
        mkdirSync(target, { recursive: true });
        for (const file of wasmFiles()) copyFileSync(join(wasmSourceDir(), file), join(target, file));
      },
    },
  };
}
