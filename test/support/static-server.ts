/**
 * A minimal static file server for the built site, mounted under the deploy
 * base path, on 127.0.0.1 only. It behaves like a plain static host:
 * directories serve index.html, unknown paths serve 404.html with status 404.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { readFileSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { gzipSync } from "node:zlib";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".ttf": "font/ttf",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml",
};

export interface RunningServer {
  origin: string;
  /** Absolute URL for a site-relative path under the base. */
  url(path?: string): string;
  close(): Promise<void>;
}

async function fileFor(root: string, pathname: string): Promise<string | null> {
  const candidate = resolve(root, "." + normalize(decodeURIComponent(pathname)));
  if (!candidate.startsWith(root)) return null;
  try {
    const info = await stat(candidate);
    if (info.isDirectory()) {
      const index = join(candidate, "index.html");
      return (await stat(index).catch(() => null))?.isFile() ? index : null;
    }
    return info.isFile() ? candidate : null;
  } catch {
    return null;
  }
}

export interface ServeOptions {
  /** Gzip text files for a client that accepts it, as static hosts do (the audit measures a deploy). Default off. */
  compress?: boolean;
  /**
   * Let the browser keep the build's hashed assets (/_astro/*: their names change with their content), as a static
   * host would: a font fetched once then shows at once on the next page. Default off (every request reaches the server).
   */
  cacheAssets?: boolean;
}

const TEXT = new Set([".html", ".js", ".mjs", ".css", ".svg", ".json", ".txt", ".xml"]);

export async function serveStatic(distDir: string, base: string, options: ServeOptions = {}): Promise<RunningServer> {
  const root = resolve(distDir);
  const respond = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const { pathname } = new URL(req.url ?? "/", "http://127.0.0.1");
    const inBase = pathname.startsWith(base) ? "/" + pathname.slice(base.length) : null;
    const file = inBase === null ? null : await fileFor(root, inBase);
    if (file) {
      const type = TYPES[extname(file)] ?? "application/octet-stream";
      const body = await readFile(file);
      if (options.compress && TEXT.has(extname(file)) && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) {
        res.writeHead(200, { "content-type": type, "content-encoding": "gzip", vary: "accept-encoding" });
        res.end(gzipSync(body));
        return;
      }
      const cache = options.cacheAssets && inBase?.startsWith("/_astro/") ? { "cache-control": "public, max-age=31536000, immutable" } : {};
      res.writeHead(200, { "content-type": type, ...cache });
      res.end(body);
      return;
    }
    const notFound = await readFile(join(root, "404.html")).catch(() => Buffer.from("Not found"));
    res.writeHead(404, { "content-type": TYPES[".html"] });
    res.end(notFound);
  };
  // A failed read answers 500 and says why, instead of an unhandled rejection.
  const server: Server = createServer((req, res) => {
    respond(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end(`static server error: ${String(error)}`);
    });
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("static server has no port");
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    url: (path = "") => origin + base + path.replace(/^\/+/, ""),
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

/** The base path a build was made for (BASE_PATH), read from where its home page loads its assets. */
export function builtBase(dir: string): string {
  const home = readFileSync(join(dir, "index.html"), "utf8");
  const match = /(?:href|src)="(\/(?:[^"]*\/)?)_astro\//.exec(home);
  if (!match) throw new Error(`${dir}/index.html loads nothing from _astro/: is it an Astro build of this site?`);
  return match[1] as string;
}
