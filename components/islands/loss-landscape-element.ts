/** The LossLandscape's loader (see lazy-island.ts). */
import { defineLazyIsland } from "./lazy-island.ts";

export function defineLossLandscape(): void {
  defineLazyIsland({
    tag: "lr-loss-landscape",
    load: () => import("./loss-landscape-live.ts").then((m) => m.mountLossLandscape),
    failure: (error) => `The interactive figure could not load (${String(error)}). The static figure above is still correct.`,
  });
}
