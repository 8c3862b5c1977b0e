/** The schedule explorer's loader (see lazy-island.ts). */
import { defineLazyIsland } from "./lazy-island.ts";

export function defineScheduleFigure(): void {
  defineLazyIsland({
    tag: "lr-schedule-figure",
    load: () => import("./schedule-explorer-live.ts").then((m) => m.mountScheduleExplorer),
    failure: (error) => `The interactive figure could not load (${String(error)}). The static figure above is still correct.`,
  });
}
