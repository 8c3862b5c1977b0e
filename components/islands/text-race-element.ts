/** The text race's loader (see lazy-island.ts); a Run pressed before the live code arrives is pressed again. */
import { defineLazyIsland } from "./lazy-island.ts";

export function defineTextRace(): void {
  defineLazyIsland({
    tag: "lr-text-race",
    load: () => import("./text-race-live.ts").then((m) => m.mountTextRace),
    failure: (error) => `The live race could not load (${String(error)}). The committed race shown here is still correct.`,
  });
}
