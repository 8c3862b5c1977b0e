/**
 * Pure helpers for the glossary pages: A–Z grouping and backlinks.
 */

export interface TermSummary {
  slug: string;
  title: string;
  definition: string;
  related: readonly string[];
}

/** The index letter of a title: A–Z, or "#" for anything else. */
export function indexLetter(title: string): string {
  const first = title.trim().charAt(0).toUpperCase();
  return /[A-Z]/.test(first) ? first : "#";
}

/** Terms grouped by letter, letters and terms sorted case-insensitively. */
export function groupByLetter<T extends { title: string }>(terms: readonly T[]): [string, T[]][] {
  const sorted = [...terms].sort((a, b) => a.title.localeCompare(b.title, "en", { sensitivity: "base" }));
  const groups = new Map<string, T[]>();
  for (const term of sorted) {
    const letter = indexLetter(term.title);
    groups.set(letter, [...(groups.get(letter) ?? []), term]);
  }
  return [...groups.entries()].sort(([a], [b]) => (a === "#" ? 1 : b === "#" ? -1 : a.localeCompare(b)));
}

/** Entries that list `slug` as related, but that `slug` does not list back. */
export function backlinks(slug: string, terms: readonly TermSummary[]): TermSummary[] {
  const self = terms.find((t) => t.slug === slug);
  const forward = new Set(self?.related ?? []);
  return terms.filter((t) => t.slug !== slug && t.related.includes(slug) && !forward.has(t.slug));
}

/**
 * A line a student can paste into a bibliography. The page cannot know when
 * it is read, so the reader adds the access date; `updated` is the entry's own.
 * Without a known address (`url` undefined: the build had no SITE) the line
 * names no URL rather than an invented one.
 */
export function citeThisPage(title: string, url: string | undefined, updated?: Date): string {
  const revised = updated ? ` Revised ${updated.toISOString().slice(0, 10)}.` : "";
  const address = url === undefined ? "" : ` ${url}`;
  return `LR Atlas contributors. "${title}". LR Atlas: learning-rate schedules, explained and runnable.${revised}${address}`;
}

/**
 * The absolute address of a site page, or undefined when the site's origin is
 * unknown (no SITE at build time): a citation must never carry a made-up host.
 */
export function canonicalUrl(site: URL | undefined, pathWithBase: string): string | undefined {
  return site === undefined ? undefined : new URL(pathWithBase, site).href;
}
