/** The Q-learning race's loader (see lazy-island.ts); a Run pressed before the live code arrives is pressed again. */
import { defineLazyIsland } from "./lazy-island.ts";

export function defineQLearningRace(): void {
  defineLazyIsland({
    tag: "lr-q-race",
    load: () => import("./q-learning-race-live.ts").then((m) => m.mountQLearningRace),
    failure: (error) => `The live race could not load (${String(error)}). The result above, computed when the page was built, is still correct.`,
  });
}
