/** The training race's loader (see lazy-island.ts); a Run pressed before the live code arrives is pressed again. */
import { defineLazyIsland } from "./lazy-island.ts";

export function defineTrainingRace(): void {
  defineLazyIsland({
    tag: "lr-training-race",
    load: () => import("./training-race-live.ts").then((m) => m.mountTrainingRace),
    failure: (error) => `The live race could not load (${String(error)}). The results above, computed when the page was built, are still correct.`,
  });
}
