/** Reading the built site in tests. */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

export const DIST = process.env.DIST_DIR ?? "dist";
export const BASE = process.env.TEST_BASE ?? "/lr-atlas/";

export function htmlFiles(dir = DIST): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name.endsWith(".html") ? [path] : [];
  });
}

/** The site-relative URL path of a built HTML file ("glossary/adam/"). */
export function routeOf(file: string): string {
  const rel = relative(DIST, file).replaceAll("\\", "/");
  if (rel === "index.html") return "";
  return rel.endsWith("/index.html") ? rel.slice(0, -"index.html".length) : rel;
}

export function read(file: string): string {
  return readFileSync(file, "utf8");
}
