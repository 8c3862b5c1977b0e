/**
 * The Q-learning race's export buttons, as the training race's
 * (race-export.ts) with the same file helpers (src/browser/export.ts): the
 * evaluations as CSV (the CLI's --csv columns), the whole run as JSON (the
 * CLI's JSON shape, plus the island's settings and the command that reruns
 * it), and the figure as SVG or PNG.
 */
import { download, fileStem, standaloneSvg, svgToPng, toJson } from "../../src/browser/export.ts";
import type { QRecord } from "../../src/rl/race.ts";
import { qRaceCsv } from "../../src/rl/summary.ts";
import type { QRaceSettings } from "../../src/training/settings-q.ts";
import { qRaceCommand, type QIslandSettings } from "./q-learning-race-model.ts";
import type { QEnvironment } from "./q-learning-worker.ts";

export interface QExportSource {
  settings: QIslandSettings;
  config: QRaceSettings;
  environment: QEnvironment | null;
  records: readonly QRecord[];
  /** Whether the run reached its last step (an export while paused holds the evaluations so far). */
  finished: boolean;
}

/** The JSON file: what `npm run experiment -- --task gridworld` prints (task, config, environment, records), and how to rerun it. */
export function qExportJson(source: QExportSource): string {
  const { settings, config, environment, records, finished } = source;
  return toJson({ task: "gridworld", command: qRaceCommand(settings), settings, config, environment, finished, records });
}

function exportRun(element: HTMLElement, kind: string | undefined, source: QExportSource): void {
  const { config, records } = source;
  const stem = fileStem(`q-learning ${config.labels.join(" ")} seed ${config.seed}`);
  const figure = element.querySelector<SVGSVGElement>("[data-role=figure] svg");
  if (kind === "csv") download(`${stem}.csv`, "text/csv", qRaceCsv(config.labels, records));
  else if (kind === "json") download(`${stem}.json`, "application/json", qExportJson(source));
  else if (kind === "svg" && figure) download(`${stem}.svg`, "image/svg+xml", standaloneSvg(figure));
  else if (kind === "png" && figure) void svgToPng(figure).then((png) => download(`${stem}.png`, "image/png", png));
}

/** Wire every `[data-export]` button; `source()` gives the run shown now, or null before the first. */
export function wireQExport(element: HTMLElement, source: () => QExportSource | null): void {
  for (const button of element.querySelectorAll<HTMLButtonElement>("[data-export]")) {
    button.addEventListener("click", () => {
      const run = source();
      if (run && run.records.length > 0) exportRun(element, button.dataset.export, run);
    });
  }
}
