import { readdirSync } from "node:fs";
import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { glossarySchema, notebookSchema } from "./content-model/schema.ts";

const glossaryDir = new URL("../content/glossary/", import.meta.url);
const knownTerms = new Set(
  readdirSync(glossaryDir)
    .filter((f) => f.endsWith(".mdx"))
    .map((f) => f.replace(/\.mdx$/, "")),
);

const glossary = defineCollection({
  loader: glob({ pattern: "*.mdx", base: "./content/glossary" }),
  schema: glossarySchema(knownTerms),
});

const notebooks = defineCollection({
  loader: glob({ pattern: "*.mdx", base: "./content/notebooks" }),
  schema: notebookSchema,
});

export const collections = { glossary, notebooks };
