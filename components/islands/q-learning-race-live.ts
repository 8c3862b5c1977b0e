/**
 * The Q-learning race, live: reads the controls (and, on a page in URL-state
 * mode, the permalink), runs the race in a Web Worker (q-learning-worker.ts),
 * redraws the distance figure and the table as evaluations stream in, pauses
 * and resumes, and exports the per-evaluation CSV (the CLI's format).
 */
import { download } from "../../src/browser/export.ts";
import { qLegend, renderQRaceFigure } from "../../src/plots/q-learning.ts";
import type { QRaceConfig, QRecord } from "../../src/rl/race.ts";
import { qRaceCsv } from "../../src/rl/summary.ts";
import { qRaceConfig, qSettingsFromQuery, qSettingsToQuery, qTableRows, Q_ISLAND_DEFAULTS, type QIslandSettings } from "./q-learning-race-model.ts";
import type { QWorkerIn, QWorkerOut } from "./q-learning-worker.ts";

const NUMBER_SETTINGS = ["steps", "seed", "epsilon", "gamma", "lr"] as const;

export function mountQLearningRace(element: HTMLElement): void {
  const $ = <T extends Element>(selector: string): T => {
    const found = element.querySelector<T>(selector);
    if (!found) throw new Error(`q-learning race: missing ${selector}`);
    return found;
  };
  const status = $<HTMLElement>("[data-role=status]");
  const notice = $<HTMLElement>("[data-role=notice]");
  const progress = $<HTMLProgressElement>("[data-role=progress]");
  const figure = $<HTMLElement>("[data-role=figure]");
  const tbody = $<HTMLTableSectionElement>("[data-role=table] tbody");
  const legend = $<HTMLUListElement>("[data-role=legend]");
  const run = $<HTMLButtonElement>("[data-action=run]");
  const pause = $<HTMLButtonElement>("[data-action=pause]");
  const exportCsv = $<HTMLButtonElement>("[data-action=export-csv]");
  const permalink = $<HTMLAnchorElement>("[data-role=permalink]");
  const input = (name: string) => $<HTMLInputElement>(`[data-setting=${name}]`);

  let worker: Worker | null = null;
  let config: QRaceConfig | null = null;
  let records: QRecord[] = [];
  let paused = false;
  let frame = 0;

  const show = (messages: string[]): void => {
    notice.hidden = messages.length === 0;
    notice.textContent = messages.join(" ");
  };
  const read = (): QIslandSettings => {
    const s: QIslandSettings = { ...Q_ISLAND_DEFAULTS, rules: input("rules").value };
    for (const name of NUMBER_SETTINGS) s[name] = Number(input(name).value);
    return s;
  };
  const write = (s: QIslandSettings): void => {
    input("rules").value = s.rules;
    for (const name of NUMBER_SETTINGS) input(name).value = String(s[name]);
  };
  const updatePermalink = (s: QIslandSettings): void => {
    permalink.href = `${location.pathname}?${qSettingsToQuery(s).toString()}`;
  };

  const redraw = (): void => {
    frame = 0;
    if (!config || records.length === 0) return;
    const last = records.at(-1) as QRecord;
    figure.replaceChildren(renderQRaceFigure({ config, records }, { document }));
    if (legend.dataset.labels !== config.labels.join(",")) {
      legend.dataset.labels = config.labels.join(",");
      legend.replaceChildren(...qLegend(config.labels).map(({ label, color }) => {
        const li = document.createElement("li");
        const swatch = Object.assign(document.createElement("span"), { className: "swatch" });
        swatch.style.background = color;
        swatch.setAttribute("aria-hidden", "true");
        li.append(swatch, " ", Object.assign(document.createElement("strong"), { textContent: label }));
        return li;
      }));
    }
    tbody.replaceChildren(...qTableRows(config.labels, last).map((cells) => {
      const tr = document.createElement("tr");
      for (const cell of cells) tr.append(Object.assign(document.createElement("td"), { textContent: cell }));
      return tr;
    }));
    progress.max = config.steps;
    progress.value = last.step;
  };
  const schedule = (): void => {
    if (frame === 0) frame = requestAnimationFrame(redraw);
  };
  const stop = (): void => {
    worker?.terminate();
    worker = null;
  };
  const send = (message: QWorkerIn): void => worker?.postMessage(message);

  run.addEventListener("click", () => {
    let settings: QIslandSettings;
    try {
      settings = read();
      config = qRaceConfig(settings);
    } catch (error) {
      show([(error as Error).message]);
      return;
    }
    show([]);
    stop();
    records = [];
    paused = false;
    updatePermalink(settings);
    element.dataset.state = "running";
    status.textContent = `Running ${config.labels.join(", ")} for ${config.steps.toLocaleString("en")} steps…`;
    pause.disabled = false;
    pause.textContent = "Pause";
    exportCsv.disabled = true;
    worker = new Worker(new URL("./q-learning-worker.ts", import.meta.url), { type: "module", name: "lr-atlas-q-learning" });
    worker.addEventListener("message", (event: MessageEvent<QWorkerOut>) => {
      const message = event.data;
      switch (message.type) {
        case "records":
          records.push(...message.records);
          if (!paused) status.textContent = `Step ${message.step.toLocaleString("en")} of ${config?.steps.toLocaleString("en") ?? "?"}`;
          schedule();
          return;
        case "done":
          element.dataset.state = "done";
          status.textContent = `Done: ${config?.steps.toLocaleString("en") ?? ""} steps.`;
          pause.disabled = true;
          exportCsv.disabled = false;
          stop();
          return;
        case "error":
          element.dataset.state = "error";
          show([message.message]);
          stop();
          return;
      }
    });
    send({ type: "start", config });
  });

  pause.addEventListener("click", () => {
    if (!worker) return;
    paused = !paused;
    send({ type: paused ? "pause" : "resume" });
    pause.textContent = paused ? "Resume" : "Pause";
    element.dataset.state = paused ? "paused" : "running";
    exportCsv.disabled = !paused;
    if (paused) status.textContent = `Paused at step ${(records.at(-1)?.step ?? 0).toLocaleString("en")}.`;
  });

  exportCsv.addEventListener("click", () => {
    if (!config || records.length === 0) return;
    download(`q-learning-seed${config.seed}.csv`, "text/csv", qRaceCsv(config.labels, records));
  });

  let settings = read();
  if (element.dataset.urlState === "on" && location.search !== "") {
    const fromUrl = qSettingsFromQuery(new URLSearchParams(location.search), settings);
    settings = fromUrl.settings;
    write(settings);
    show(fromUrl.notices.map((n) => n.message));
  }
  updatePermalink(settings);
  element.dataset.state = "ready";
}
