/** Tags across glossary entries and notebooks, for the tag pages. */

export interface Tagged {
  slug: string;
  title: string;
  summary: string;
  tags: readonly string[];
}

export interface TagGroup {
  tag: string;
  glossary: Tagged[];
  notebooks: Tagged[];
}

/** Every tag with what carries it, tags A–Z, items by title. */
export function tagIndex(glossary: readonly Tagged[], notebooks: readonly Tagged[]): TagGroup[] {
  const tags = new Set([...glossary, ...notebooks].flatMap((t) => t.tags));
  const byTitle = (a: Tagged, b: Tagged) => a.title.localeCompare(b.title, "en", { sensitivity: "base" });
  return [...tags].sort().map((tag) => ({
    tag,
    glossary: glossary.filter((t) => t.tags.includes(tag)).sort(byTitle),
    notebooks: notebooks.filter((t) => t.tags.includes(tag)).sort(byTitle),
  }));
}
