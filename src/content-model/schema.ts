/**
 * The content model: what a glossary entry and a notebook must carry.
 *
 * The zod schemas validate frontmatter at build time (Astro reports the file
 * and the field); the body rules (required sections, parseable formulas) are
 * checked by `remark-checks.ts` while the MDX compiles. Both are plain
 * functions so the content tests run them without Astro.
 */
import { z } from "astro/zod";
import { KINDS, isKind } from "../schedules/registry.ts";

/** The body sections every glossary entry has, as `## ` headings, in this order. */
export const REQUIRED_SECTIONS = [
  "Explained easy",
  "Origin",
  "Etymology",
  "Usage",
  "Examples in context",
] as const;

export const MIN_FAQ = 3;
export const MAX_FAQ = 6;

const nonEmpty = z.string().trim().min(1, "must not be empty");

export const sourceSchema = z.object({
  author: nonEmpty.describe("Authors as printed, e.g. 'Loshchilov, I. and Hutter, F.'"),
  title: nonEmpty,
  venue: nonEmpty.describe("Journal, conference, book or documentation site"),
  year: z
    .number()
    .int("year must be a whole number")
    .min(1800, "year must be 1800 or later")
    .max(2100, "year must be 2100 or earlier"),
  url: z.url({ message: "url must be an absolute http(s) URL" }).refine((u) => /^https?:\/\//.test(u), {
    message: "url must start with http:// or https://",
  }),
  note: z.string().optional().describe("What the source supports, e.g. 'eq. 5, the staircase form'"),
});

export type Source = z.infer<typeof sourceSchema>;

export const faqSchema = z.object({ q: nonEmpty, a: nonEmpty });

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be a lowercase slug like 'learning-rate-decay'");

/**
 * Glossary frontmatter. `knownTerms` are the slugs of all entries: a related
 * term that names no entry is an error that says which one.
 */
export function glossarySchema(knownTerms: ReadonlySet<string>) {
  return z.object({
    title: nonEmpty,
    aliases: z.array(nonEmpty).default([]),
    definition: nonEmpty
      .max(320, "definition is one sentence: at most 320 characters")
      .refine((d) => !d.includes("\n"), { message: "definition must be a single line" }),
    tags: z.array(slug).min(1, "give at least one tag"),
    related: z
      .array(slug)
      .default([])
      .superRefine((terms, ctx) => {
        for (const term of terms) {
          if (!knownTerms.has(term)) {
            ctx.addIssue({
              code: "custom",
              message: `related term '${term}' does not exist: there is no content/glossary/${term}.mdx`,
            });
          }
        }
      }),
    collocations: z.array(nonEmpty).min(1, "give at least one collocation"),
    sources: z.array(sourceSchema).min(1, "cite at least one source"),
    faq: z
      .array(faqSchema)
      .min(MIN_FAQ, `FAQ needs at least ${MIN_FAQ} questions`)
      .max(MAX_FAQ, `FAQ takes at most ${MAX_FAQ} questions`),
    schedule: z
      .string()
      .refine((kind) => isKind(kind), {
        message: `schedule must be a registry kind: one of ${KINDS.join(", ")}`,
      })
      .optional()
      .describe("Registry kind of the schedule this entry defines"),
    updated: z.coerce.date().optional(),
  });
}

export const notebookSchema = z.object({
  title: nonEmpty,
  description: nonEmpty.max(320),
  question: nonEmpty.describe("The question the notebook sets out to answer"),
  order: z.number().int().min(0).default(100),
  tags: z.array(slug).default([]),
  sources: z.array(sourceSchema).min(1, "cite at least one source"),
  updated: z.coerce.date().optional(),
});

/** Section headings missing from a glossary body, given its `## ` headings. */
export function missingSections(headings: readonly string[]): string[] {
  const have = new Set(headings.map((h) => h.trim().toLowerCase()));
  return REQUIRED_SECTIONS.filter((s) => !have.has(s.toLowerCase()));
}
