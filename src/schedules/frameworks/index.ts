/** Every framework adapter, by library. */
import type { Adapter, Library } from "./types.ts";
import { pytorchAdapter } from "./pytorch.ts";
import { kerasAdapter } from "./keras.ts";
import { optaxAdapter } from "./optax.ts";
import { hfAdapter } from "./hf.ts";

export const adapters: Record<Library, Adapter> = {
  pytorch: pytorchAdapter,
  keras: kerasAdapter,
  optax: optaxAdapter,
  hf: hfAdapter,
};

export type { Adapter, Library, FrameworkCase } from "./types.ts";
export { LIBRARIES } from "./types.ts";
