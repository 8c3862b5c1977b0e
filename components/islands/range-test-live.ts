/**
 * The range test, live: reads the controls (and, on a page in URL-state mode,
 * the permalink, whose bad values are refused with a notice), runs the test
 * in a Web Worker (range-test-worker.ts), redraws loss against rate as the
 * curves stream in, and puts the reading, the suggested peak and the race
 * link under the figure.
 */
import { rangeLegend, renderRangeFigure } from "../../src/plots/range-test.ts";
import type { RangeCurve, RangeMode } from "../../src/training/range-test.ts";
import type { TaskName } from "../../src/data/datasets.ts";
import type { OptimizerName } from "../../src/training/optimizers.ts";
import { noticeBox, urlNoticeText } from "./notice-view.ts";
import { chosenSuggestion, raceQuery, rangeConfig, rangeSettingsFromQuery, rangeSettingsToQuery, readingLines, subjectOf, suggestionText, RANGE_ISLAND_DEFAULTS, type RangeIslandSettings } from "./range-test-model.ts";
import type { RangeWorkerIn, RangeWorkerOut } from "./range-test-worker.ts";
import { requiredIn } from "./required.ts";

const NUMBERS = ["low", "high", "steps", "batchSize", "seed"] as const;

export function mountRangeTest(element: HTMLElement): void {
  const $ = requiredIn(element, "range test");
  const status = $<HTMLElement>("[data-role=status]");
  const backend = $<HTMLElement>("[data-role=backend]");
  const say = noticeBox($<HTMLElement>("[data-role=notice]"));
  const figure = $<HTMLElement>("[data-role=figure]");
  const legend = $<HTMLUListElement>("[data-role=legend]");
  const readings = $<HTMLUListElement>("[data-role=readings]");
  const suggestionLine = $<HTMLElement>("[data-role=suggestion]");
  const race = $<HTMLAnchorElement>("[data-role=race]");
  const run = $<HTMLButtonElement>("[data-action=run]");
  const stop = $<HTMLButtonElement>("[data-action=stop]");
  const permalink = $<HTMLAnchorElement>("[data-role=permalink]");
  const setting = <T extends HTMLInputElement | HTMLSelectElement>(name: string) => $<T>(`[data-setting=${name}]`);
  const modeBoxes = [...element.querySelectorAll<HTMLInputElement>("[data-setting=modes]")];
  const base = element.dataset.base ?? "/";

  let worker: Worker | null = null;
  let settings: RangeIslandSettings = read();
  let curves: RangeCurve[] = [];
  let frame = 0;

  function read(): RangeIslandSettings {
    const s: RangeIslandSettings = {
      ...RANGE_ISLAND_DEFAULTS,
      task: setting<HTMLSelectElement>("task").value as TaskName,
      optimizer: setting<HTMLSelectElement>("optimizer").value as OptimizerName,
      modes: modeBoxes.filter((b) => b.checked).map((b) => b.value as RangeMode),
    };
    for (const name of NUMBERS) s[name] = Number(setting<HTMLInputElement>(name).value);
    return s;
  }
  const write = (s: RangeIslandSettings): void => {
    setting<HTMLSelectElement>("task").value = s.task;
    setting<HTMLSelectElement>("optimizer").value = s.optimizer;
    for (const name of NUMBERS) setting<HTMLInputElement>(name).value = String(s[name]);
    for (const box of modeBoxes) box.checked = s.modes.includes(box.value as RangeMode);
  };
  const updatePermalink = (s: RangeIslandSettings): void => {
    permalink.href = `${location.pathname}?${rangeSettingsToQuery(s).toString()}`;
  };

  const redraw = (): void => {
    frame = 0;
    if (curves.every((c) => c.rates.length < 2)) return;
    figure.replaceChildren(renderRangeFigure(curves, { document, subject: subjectOf(settings), width: Math.max(320, Math.min(720, figure.clientWidth || 640)) }));
    legend.replaceChildren(...rangeLegend(curves).map(({ label, color }) => {
      const li = document.createElement("li");
      const swatch = Object.assign(document.createElement("span"), { className: "swatch" });
      swatch.style.background = color;
      swatch.setAttribute("aria-hidden", "true");
      li.append(swatch, " ", Object.assign(document.createElement("strong"), { textContent: label }));
      return li;
    }));
  };
  const showReading = (): void => {
    readings.replaceChildren(...readingLines(curves).map((line) => Object.assign(document.createElement("li"), { textContent: line })));
    const suggestion = chosenSuggestion(curves);
    suggestionLine.textContent = suggestionText(suggestion);
    race.hidden = suggestion === null;
    if (suggestion) race.href = `${base}playground/?${raceQuery(settings, suggestion.high).toString()}`;
    else race.removeAttribute("href");
  };
  const finish = (state: string): void => {
    worker?.terminate();
    worker = null;
    element.dataset.state = state;
    run.disabled = false;
    stop.disabled = true;
  };

  run.addEventListener("click", () => {
    const next = read();
    let config;
    try {
      config = rangeConfig(next);
    } catch (error) {
      say((error as Error).message);
      return;
    }
    say(null);
    settings = next;
    updatePermalink(settings);
    worker?.terminate();
    curves = [];
    element.dataset.state = "running";
    run.disabled = true;
    stop.disabled = false;
    status.textContent = `Starting: ${config.steps} steps on ${subjectOf(settings)}, rates ${settings.low} to ${settings.high}…`;
    worker = new Worker(new URL("./range-test-worker.ts", import.meta.url), { type: "module", name: "lr-atlas-range-test" });
    worker.addEventListener("message", (event: MessageEvent<RangeWorkerOut>) => {
      const message = event.data;
      switch (message.type) {
        case "backend":
          backend.textContent = message.description;
          return;
        case "progress":
          curves = message.curves;
          status.textContent = `Step ${message.step} of ${config.steps}, rate ${(curves[0]?.rates.at(-1) ?? 0).toPrecision(3)}…`;
          if (frame === 0) frame = requestAnimationFrame(redraw);
          return;
        case "done":
          curves = message.curves;
          redraw();
          showReading();
          status.textContent = `Done: ${message.step} of ${config.steps} steps${message.step < config.steps ? " (stopped: every sweep diverged)" : ""}.`;
          finish("done");
          return;
        case "error":
          say(message.message);
          finish("error");
          return;
      }
    });
    worker.postMessage({ type: "start", config, wasmPath: element.dataset.wasmPath ?? "tfjs/" } satisfies RangeWorkerIn);
  });

  stop.addEventListener("click", () => {
    if (!worker) return;
    redraw();
    if (curves.length > 0) showReading();
    status.textContent = `Stopped at step ${curves[0]?.rates.length ?? 0}.`;
    finish("stopped");
  });

  if (element.dataset.urlState === "on" && location.search !== "") {
    const fromUrl = rangeSettingsFromQuery(new URLSearchParams(location.search), settings);
    settings = fromUrl.settings;
    write(settings);
    say(urlNoticeText(fromUrl.notices));
  }
  updatePermalink(settings);
  element.dataset.state = "ready";
}
