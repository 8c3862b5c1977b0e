// Every internal reference on every built page resolves: <a href>, <link href>,
// <script src>, <img src>, <source src/srcset> and <use href>, resolved against
// the page's own URL as a browser would, must name a file in the build (and a
// fragment must name an id on the target page). Reads dist/ only; no browser.
import { describe, expect, it } from "vitest";
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { BASE, DIST, htmlFiles, read, routeOf } from "../support/dist.ts";

const ORIGIN = "http://site.invalid";
const pages = htmlFiles();

/** Every (tag, attribute, value) reference in a page; srcset lists give one per URL. */
function referencesOf(html: string): { tag: string; url: string }[] {
  const refs: { tag: string; url: string }[] = [];
  const withoutInlineCode = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, (m) => m.slice(0, m.indexOf(">") + 1));
  for (const [, tag, attrs] of withoutInlineCode.matchAll(/<(a|link|script|img|source|use|iframe|form)\b([^>]*)>/gi)) {
    for (const [, name, value] of (attrs ?? "").matchAll(/\s(href|src|srcset|action|xlink:href)\s*=\s*"([^"]*)"/gi)) {
      const t = (tag ?? "").toLowerCase();
      if (name?.toLowerCase() === "srcset") for (const part of (value ?? "").split(",")) refs.push({ tag: t, url: part.trim().split(/\s+/)[0] ?? "" });
      else if (!(t === "form" && value === "")) refs.push({ tag: t, url: (value ?? "").replaceAll("&amp;", "&") });
    }
  }
  return refs;
}

/** The built file a site path names, or undefined. */
function fileFor(path: string): string | undefined {
  const rel = decodeURIComponent(path.slice(BASE.length));
  const direct = join(DIST, rel);
  if (rel === "" || rel.endsWith("/")) return existsSync(join(direct, "index.html")) ? join(direct, "index.html") : undefined;
  if (existsSync(direct) && statSync(direct).isFile()) return direct;
  return existsSync(join(direct, "index.html")) ? join(direct, "index.html") : undefined;
}

const idsCache = new Map<string, Set<string>>();
function idsOf(file: string): Set<string> {
  let ids = idsCache.get(file);
  if (!ids) {
    ids = new Set([...read(file).matchAll(/\s(?:id|name)="([^"]+)"/g)].map((m) => m[1] ?? ""));
    idsCache.set(file, ids);
  }
  return ids;
}

/** What is wrong with one reference from the page at `route`, or undefined. */
function brokenReason(route: string, url: string): string | undefined {
  if (/^(mailto:|tel:|data:|javascript:)/i.test(url)) return url.toLowerCase().startsWith("javascript:") ? "javascript: URL" : undefined;
  const resolved = new URL(url, `${ORIGIN}${BASE}${route}`);
  if (resolved.origin !== ORIGIN) return undefined; // another site: the static-output test keeps assets off other origins
  if (!resolved.pathname.startsWith(BASE)) return `resolves to ${resolved.pathname}, outside the base path ${BASE}`;
  const file = fileFor(resolved.pathname);
  if (!file) return `resolves to ${resolved.pathname}, which the build does not contain`;
  const fragment = decodeURIComponent(resolved.hash.slice(1));
  if (fragment !== "" && file.endsWith(".html") && !idsOf(file).has(fragment)) return `${resolved.pathname} has no element with id "${fragment}"`;
  return undefined;
}

describe("links in the built site", () => {
  it("has pages and references to check", () => {
    expect(pages.length).toBeGreaterThan(50);
    expect(pages.flatMap((p) => referencesOf(read(p))).length).toBeGreaterThan(1000);
  });

  it("catches a relative link that escapes its section (the old search-page bug)", () => {
    expect(brokenReason("search/", "glossary/")).toMatch(/\/search\/glossary\/, which the build does not contain/);
    expect(brokenReason("search/", `${BASE}glossary/`)).toBeUndefined();
    expect(brokenReason("", "/glossary/")).toMatch(/outside the base path/);
    expect(brokenReason("glossary/", `${BASE}glossary/#no-such-id-anywhere`)).toMatch(/no element with id/);
  });

  it("resolves every internal href/src on every page", () => {
    const broken = pages.flatMap((page) => {
      const route = routeOf(page);
      return referencesOf(read(page)).flatMap(({ tag, url }) => {
        const reason = brokenReason(route, url);
        return reason ? [`${route || "/"} <${tag}> "${url}": ${reason}`] : [];
      });
    });
    expect([...new Set(broken)]).toEqual([]);
  });
});
