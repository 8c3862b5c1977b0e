/**
 * Base-path handling. The site may be served at the origin root or under any
 * sub-path; every internal link goes through `withBase`.
 */

/** Normalise a BASE_PATH value to "/" or "/a/b/" (leading and trailing slash). */
export function normalizeBase(raw: string | undefined): string {
  const trimmed = (raw ?? "").trim();
  if (trimmed === "" || trimmed === "/") return "/";
  if (/^[a-z]+:/i.test(trimmed) || trimmed.includes("..")) {
    throw new Error(`BASE_PATH must be a path such as /lr-atlas/, got "${trimmed}"`);
  }
  const parts = trimmed.split("/").filter(Boolean);
  return `/${parts.join("/")}/`;
}

/** Join the site's base with a site-relative path ("glossary/" -> "/base/glossary/"). */
export function withBase(base: string, path: string): string {
  const cleanBase = base.endsWith("/") ? base : `${base}/`;
  return cleanBase + path.replace(/^\/+/, "");
}
