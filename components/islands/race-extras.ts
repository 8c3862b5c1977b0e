/**
 * Per-task result panels: what a task shows of a result beyond the common
 * figures and table (image tasks: misclassified validation images and the
 * confusions, race-examples.ts). The live island makes one `TaskExtras` and
 * passes it the worker's task-specific messages; `clear()` runs when a new
 * race starts. To add a panel: its container in TrainingRace.astro (drawn at
 * build time too), its renderer in its own file, a handler here, and the
 * worker message's handler in training-race-live.ts calling it.
 */
import { colorsFor } from "../../src/plots/race.ts";
import type { ValidationPredictions } from "../../src/training/predictions.ts";
import { examplesPanel } from "./race-examples.ts";
import type { RaceSetup } from "./training-race-model.ts";

interface TaskExtras {
  /** Empty every panel (a new race, or a reset). */
  clear(): void;
  /** Image tasks: every run's validation predictions, when a run pauses or ends. */
  predictions(predictions: ValidationPredictions): void;
}

export function taskExtras(element: HTMLElement, setup: () => RaceSetup): TaskExtras {
  const examples = () => element.querySelector<HTMLElement>("[data-role=examples]");
  const examplesFigure = () => element.querySelector<HTMLElement>("[data-role=examples-figure]");
  return {
    clear: () => {
      examples()?.replaceChildren();
      examplesFigure()?.toggleAttribute("hidden", true);
    },
    predictions: (predictions) => {
      const { labels } = setup();
      examples()?.replaceChildren(...examplesPanel(document, predictions, { runs: labels, colors: colorsFor(labels).range }));
      examplesFigure()?.toggleAttribute("hidden", false);
    },
  };
}
