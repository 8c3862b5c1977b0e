/**
 * The Q-learning race, live: reads the controls (and, on a page in URL-state
 * mode, the permalink, with lesson mode), resolves them with the shared
 * settings schema (q-learning-race-model.ts), runs the race in a Web Worker
 * (q-learning-worker.ts), redraws the distance figure and the table as
 * evaluations stream in, pauses and resumes, and exports CSV, JSON, SVG and
 * PNG (q-learning-export.ts). The shared pieces: url-adapter.ts for the
 * address, notice-view.ts for notices, lesson.ts for `hide` and `question`.
 */
import { readQuery, writeQuery } from "../../src/browser/url-adapter.ts";
import { qLegend, renderQRaceFigure } from "../../src/plots/q-learning.ts";
import type { QRecord } from "../../src/rl/race.ts";
import type { QRaceSettings } from "../../src/training/settings-q.ts";
import { hideNamed, NO_LESSON, questionNodes, type Lesson } from "./lesson.ts";
import { noticeBox, urlNoticeText } from "./notice-view.ts";
import { wireQExport } from "./q-learning-export.ts";
import { redrawInterval, redrawScheduler } from "./race-redraw.ts";
import { qRaceSettings, qSettingsFromQuery, qSettingsToQuery, qTableRows, Q_CONTROLS, stepSizeTexts, type QIslandSettings } from "./q-learning-race-model.ts";
import type { QEnvironment, QWorkerIn, QWorkerOut } from "./q-learning-worker.ts";
import { requiredIn } from "./required.ts";
import { figureWidth } from "./figure-width.ts";
import { noteDrawnWidth, redrawOnResize } from "./figure-resize.ts";

const NUMBERS = ["steps", "seed", "epsilon", "gamma", "lr"] as const;

function applyLesson(element: HTMLElement, lesson: Lesson): void {
  hideNamed(lesson, (name) => (name === "export" ? [...element.querySelectorAll("[data-role=export]")] : [...element.querySelectorAll(`[data-setting="${CSS.escape(name)}"]`)].flatMap((c) => c.closest("label") ?? [])));
  const box = element.querySelector<HTMLElement>("[data-role=lesson]");
  if (lesson.question === "" || !box) return;
  const p = document.createElement("p");
  p.className = "lesson-question";
  p.append(...questionNodes(lesson.question));
  box.replaceChildren(p);
  box.hidden = false;
}

export function mountQLearningRace(element: HTMLElement): void {
  const $ = requiredIn(element, "q-learning race");
  const status = $<HTMLElement>("[data-role=status]");
  const say = noticeBox($<HTMLElement>("[data-role=notice]"));
  const progress = $<HTMLProgressElement>("[data-role=progress]");
  const figure = $<HTMLElement>("[data-role=figure]");
  const tbody = $<HTMLTableSectionElement>("[data-role=table] tbody");
  const legend = $<HTMLUListElement>("[data-role=legend]");
  const run = $<HTMLButtonElement>("[data-action=run]");
  const pause = $<HTMLButtonElement>("[data-action=pause]");
  const exports = [...element.querySelectorAll<HTMLButtonElement>("[data-export]")];
  const permalink = $<HTMLAnchorElement>("[data-role=permalink]");
  const input = (name: string) => $<HTMLInputElement>(`[data-setting="${name}"]`);
  const urlState = element.dataset.urlState === "on";
  const writesAddress = element.dataset.playground === "on";

  let worker: Worker | null = null;
  let settings: QIslandSettings;
  let config: QRaceSettings | null = null;
  let environment: QEnvironment | null = null;
  let records: QRecord[] = [];
  let lesson: Lesson = NO_LESSON;
  let paused = false;
  let finished = false;

  const read = (): QIslandSettings => {
    const s = { stepSizes: stepSizeTexts(input(Q_CONTROLS.stepSizes).value) } as QIslandSettings;
    // An empty or non-numeric box reads as NaN, which the schema names ("steps must be an integer …, got NaN").
    for (const name of NUMBERS) s[name] = input(Q_CONTROLS[name]).value.trim() === "" ? Number.NaN : Number(input(Q_CONTROLS[name]).value);
    return s;
  };
  const write = (s: QIslandSettings): void => {
    input(Q_CONTROLS.stepSizes).value = s.stepSizes.join(",");
    for (const name of NUMBERS) input(Q_CONTROLS[name]).value = String(s[name]);
  };
  const showAddress = (s: QIslandSettings): void => {
    const query = qSettingsToQuery(s, lesson);
    permalink.href = `?${query.toString()}`;
    if (writesAddress) writeQuery(query);
  };
  const setExport = (enabled: boolean): void => {
    for (const b of exports) b.disabled = !enabled;
  };

  const drawFigure = (): void => {
    if (!config || records.length === 0) return;
    const width = figureWidth(figure);
    figure.replaceChildren(renderQRaceFigure({ config, records }, { document, width }));
    noteDrawnWidth(figure, width);
  };
  const drawTable = (): void => {
    if (!config || records.length === 0) return;
    const last = records.at(-1) as QRecord;
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
  };
  // The shared pacing of live figures (race-redraw.ts): one piece per frame, a round at most every 200 ms.
  const schedule = redrawScheduler([drawFigure, drawTable], { interval: redrawInterval() });
  // Until the first live drawing the built figure (both layouts) follows the box by itself.
  redrawOnResize([figure], schedule);
  const stop = (): void => {
    worker?.terminate();
    worker = null;
  };
  const send = (message: QWorkerIn): void => worker?.postMessage(message);

  const onMessage = (message: QWorkerOut): void => {
    switch (message.type) {
      case "environment":
        environment = message.environment;
        return;
      case "records":
        records.push(...message.records);
        progress.max = config?.steps ?? progress.max;
        progress.value = message.step;
        if (!paused) status.textContent = `Step ${message.step.toLocaleString("en")} of ${config?.steps.toLocaleString("en") ?? "?"}`;
        schedule();
        return;
      case "done":
        finished = true;
        element.dataset.state = "done";
        status.textContent = `Done: ${config?.steps.toLocaleString("en") ?? ""} steps.`;
        pause.disabled = true;
        setExport(true);
        stop();
        return;
      case "error":
        element.dataset.state = "error";
        say(message.message);
        stop();
        return;
    }
  };

  run.addEventListener("click", () => {
    try {
      settings = read();
      config = qRaceSettings(settings);
    } catch (error) {
      say((error as Error).message);
      return;
    }
    say(null);
    stop();
    [records, environment, paused, finished] = [[], null, false, false];
    showAddress(settings);
    element.dataset.state = "running";
    status.textContent = `Running ${config.labels.join(", ")} for ${config.steps.toLocaleString("en")} steps…`;
    pause.disabled = false;
    pause.textContent = "Pause";
    setExport(false);
    worker = new Worker(new URL("./q-learning-worker.ts", import.meta.url), { type: "module", name: "lr-atlas-q-learning" });
    worker.addEventListener("message", (event: MessageEvent<QWorkerOut>) => onMessage(event.data));
    send({ type: "start", config });
  });

  pause.addEventListener("click", () => {
    if (!worker) return;
    paused = !paused;
    send({ type: paused ? "pause" : "resume" });
    pause.textContent = paused ? "Resume" : "Pause";
    element.dataset.state = paused ? "paused" : "running";
    setExport(paused);
    if (paused) status.textContent = `Paused at step ${(records.at(-1)?.step ?? 0).toLocaleString("en")}.`;
  });

  wireQExport(element, () => (config ? { settings, config, environment, records, finished } : null));

  settings = read();
  if (urlState) {
    const fromUrl = qSettingsFromQuery(readQuery(), settings);
    settings = fromUrl.settings;
    lesson = fromUrl.lesson;
    write(settings);
    applyLesson(element, lesson);
    say(urlNoticeText(fromUrl.notices));
  }
  permalink.href = `?${qSettingsToQuery(settings, lesson).toString()}`;
  element.dataset.state = "ready";
}
