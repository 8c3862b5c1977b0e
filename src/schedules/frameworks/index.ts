/** Every framework adapter, by library. */
import type { Adapter, Library } from "./types.ts";
import { pytorchAdapter } from "./pytorch.ts";

export const adapters: Partial<Record<Library, Adapter>> = {
  pytorch: pytorchAdapter,
};

export type { Adapter, Library, FrameworkCase, ValuesResult, SpecResult, SnippetResult } from "./types.ts";
export { LIBRARIES } from "./types.ts";
