/**
 * The playground's export buttons: the run's metrics as CSV, the whole run as
 * JSON, and every figure as SVG or PNG, named after the race's settings.
 */
import { download, fileStem, standaloneSvg, svgToPng, toCsv, toJson } from "../../src/browser/export.ts";
import type { RaceRecord } from "../../src/training/race.ts";
import type { RaceLog } from "./training-race-model.ts";

interface ExportSource {
  log: RaceLog;
  records: readonly RaceRecord[];
  backend: string;
}

const CSV_HEAD = ["step", "schedule", "lr", "momentum", "train_loss", "val_loss", "val_accuracy"];

function exportRun(element: HTMLElement, kind: string | undefined, { log, records, backend }: ExportSource): void {
  const { setup } = log;
  const stem = fileStem(`${setup.task} ${setup.optimizer} ${setup.schedules.map((s) => s.kind).join(" ")} seed ${setup.seed}`);
  const figures = () => [...element.querySelectorAll<SVGSVGElement>(".race-figures svg, [data-role=boundaries] svg")].filter((s) => s.closest("svg") === s);
  if (kind === "csv") {
    const rows = records.flatMap((r) => r.lr.map((lr, k) => [r.step, setup.labels[k], lr, r.momentum[k], r.trainLoss[k], r.valLoss?.[k], r.valAccuracy?.[k]]));
    download(`${stem}.csv`, "text/csv", toCsv(CSV_HEAD, rows));
  } else if (kind === "json") {
    download(`${stem}.json`, "application/json", toJson({ setup, backend, records, divergences: log.diverged, plateauCuts: log.cuts }));
  } else if (kind === "svg") {
    figures().forEach((svg, i) => download(`${stem}-figure-${i + 1}.svg`, "image/svg+xml", standaloneSvg(svg)));
  } else if (kind === "png") {
    figures().forEach((svg, i) => void svgToPng(svg).then((png) => download(`${stem}-figure-${i + 1}.png`, "image/png", png)));
  }
}

/** Wire every `[data-export]` button; `source()` gives the run shown now (the last one, until Run starts another). */
export function wireExport(element: HTMLElement, source: () => ExportSource): void {
  for (const button of element.querySelectorAll<HTMLButtonElement>("[data-export]")) {
    button.addEventListener("click", () => exportRun(element, button.dataset.export, source()));
  }
}
