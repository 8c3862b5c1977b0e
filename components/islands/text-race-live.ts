/**
 * The text race, live: reads the controls (and, on a page in URL-state mode,
 * the permalink), trains in a Web Worker (text-race-worker.ts), redraws the
 * bits-per-character figure and the table through the redraw scheduler as
 * slices stream in, pauses and resumes, shows each schedule's sample at the
 * end, resets to the committed race, and exports CSV (the CLI's columns) and
 * JSON. One worker per race: Run and Reset terminate the old one.
 */
import { download, fileStem, toCsv, toJson } from "../../src/browser/export.ts";
import { readQuery, writeQuery } from "../../src/browser/url-adapter.ts";
import { bits, summarizeTextRun, type TextRunData } from "../../src/data/shakespeare/summary.ts";
import { colorsFor } from "../../src/plots/race.ts";
import { renderTextRaceFigure } from "../../src/plots/text-race.ts";
import type { Divergence, RaceRecord } from "../../src/training/race.ts";
import type { TextRunConfig, TextSample } from "../../src/training/text-session.ts";
import { noticeBox, urlNoticeText } from "./notice-view.ts";
import { redrawInterval, redrawScheduler } from "./race-redraw.ts";
import { RECIPE_NAMES, textRaceCommand, textRaceConfig, textSettingsFromQuery, textSettingsToQuery, type RecipeName, type TextIslandSettings } from "./text-race-model.ts";
import type { TextWorkerIn, TextWorkerOut } from "./text-race-worker.ts";
import { requiredIn } from "./required.ts";
import { figureWidth } from "./figure-width.ts";
import { noteDrawnWidth, redrawOnResize } from "./figure-resize.ts";

const NUMBERS = ["lr", "steps", "seed", "warmup", "layers", "width"] as const;

interface Run {
  settings: TextIslandSettings;
  config: TextRunConfig;
  records: RaceRecord[];
  divergences: Divergence[];
  samples: TextSample[];
  unigramBits: number;
  unigramValBits: number;
  backend: string;
  stepsPerSecond: number;
}

const element = <K extends keyof HTMLElementTagNameMap>(tag: K, text = ""): HTMLElementTagNameMap[K] => Object.assign(document.createElement(tag), { textContent: text });

/** The run as the figure, the table and the exports read it (the CLI's JSON shape). */
function runData(run: Run): TextRunData {
  return { config: { labels: run.config.labels, steps: run.config.steps, norm: run.config.norm, schedules: run.config.schedules as TextRunData["config"]["schedules"] }, unigramBits: run.unigramBits, records: run.records, divergences: run.divergences, samples: run.samples };
}

export function mountTextRace(root: HTMLElement): void {
  const $ = requiredIn(root, "text race");
  const status = $<HTMLElement>("[data-role=status]");
  const say = noticeBox($<HTMLElement>("[data-role=notice]"));
  const progress = $<HTMLProgressElement>("[data-role=progress]");
  const speed = $<HTMLOutputElement>("[data-role=speed]");
  const staticView = $<HTMLElement>("[data-role=static]");
  const liveView = $<HTMLElement>("[data-role=live]");
  const figure = $<HTMLElement>("[data-role=figure]");
  const legend = $<HTMLUListElement>("[data-role=legend]");
  const tbody = $<HTMLTableSectionElement>("[data-role=table] tbody");
  const samplesBox = $<HTMLElement>("[data-role=samples]");
  const command = $<HTMLElement>("[data-role=command]");
  const backendDetails = $<HTMLElement>("[data-role=backend-details]");
  const runButton = $<HTMLButtonElement>("[data-action=run]");
  const pauseButton = $<HTMLButtonElement>("[data-action=pause]");
  const resetButton = $<HTMLButtonElement>("[data-action=reset]");
  const exportButtons = [$<HTMLButtonElement>("[data-action=export-csv]"), $<HTMLButtonElement>("[data-action=export-json]")];
  const permalink = $<HTMLAnchorElement>("[data-role=permalink]");
  const input = (name: string) => $<HTMLInputElement | HTMLSelectElement>(`[data-setting=${name}]`);
  const defaults = JSON.parse(root.dataset.defaults ?? "{}") as TextIslandSettings;

  let worker: Worker | null = null;
  let run: Run | null = null;
  let trainedMs = 0;
  let since: number | null = null;
  const clock = (running: boolean): void => {
    if (since !== null) trainedMs += performance.now() - since;
    since = running ? performance.now() : null;
  };
  const setState = (state: string): void => {
    root.dataset.state = state;
    const live = state === "running" || state === "paused" || state === "sampling" || state === "starting";
    pauseButton.disabled = !(state === "running" || state === "paused");
    pauseButton.textContent = state === "paused" ? "Resume" : "Pause";
    resetButton.disabled = !(live || state === "done" || state === "error");
    exportable();
  };
  // Export is offered once the run stands still (paused or done) with something to export; a slice may land after the pause.
  const exportable = (): void => {
    const state = root.dataset.state;
    for (const b of exportButtons) b.disabled = !(run && run.records.length > 0 && (state === "paused" || state === "done"));
  };

  const read = (): TextIslandSettings => {
    const number = (name: string) => (input(name).value.trim() === "" ? Number.NaN : Number(input(name).value));
    const s: TextIslandSettings = { ...defaults, norm: input("norm").value as TextIslandSettings["norm"], backend: input("backend").value as TextIslandSettings["backend"], schedules: [] };
    for (const name of NUMBERS) s[name] = number(name);
    s.schedules = RECIPE_NAMES.filter((name) => root.querySelector<HTMLInputElement>(`[data-recipe="${name}"]`)?.checked);
    return s;
  };
  const write = (s: TextIslandSettings): void => {
    input("norm").value = s.norm;
    input("backend").value = s.backend;
    for (const name of NUMBERS) input(name).value = String(s[name]);
    for (const box of root.querySelectorAll<HTMLInputElement>("[data-recipe]")) box.checked = s.schedules.includes(box.dataset.recipe as RecipeName);
  };
  const link = (s: TextIslandSettings): void => {
    permalink.href = `${location.pathname}?${textSettingsToQuery(s).toString()}`;
  };

  // The figure is built in one frame and put in the page in the next, so neither frame holds both costs.
  let built: { figure: Element; width: number | undefined } | null = null;
  const buildFigure = (): void => {
    const width = figureWidth(figure);
    built = run && run.records.length > 0 ? { figure: renderTextRaceFigure(runData(run), { document, width }), width } : null;
  };
  const showFigure = (): void => {
    if (built) {
      figure.replaceChildren(built.figure);
      noteDrawnWidth(figure, built.width);
    }
    built = null;
  };
  const drawTable = (): void => {
    if (!run) return;
    tbody.replaceChildren(...summarizeTextRun(runData(run)).map((s) => {
      const tr = element("tr");
      const best = s.bestVal === null ? "—" : `${bits(s.bestVal)} (${s.bestAfter})`;
      tr.append(element("th", s.label), element("td", s.divergedAt !== null ? `diverged at step ${s.divergedAt}` : bits(s.finalVal)), element("td", best), element("td", bits(s.trainEnd)));
      (tr.firstChild as HTMLElement).setAttribute("scope", "row");
      return tr;
    }));
    const done = run.records.length;
    progress.value = done;
    if (run.stepsPerSecond > 0) speed.value = `${run.stepsPerSecond.toFixed(1)} steps/s`;
    const left = (run.config.steps - done) / Math.max(run.stepsPerSecond, 1e-9);
    if (root.dataset.state === "running" && done > 0) status.textContent = `Step ${done} of ${run.config.steps} on ${run.backend}, about ${left < 90 ? `${Math.ceil(left)} s` : `${Math.ceil(left / 60)} min`} left.`;
  };
  const redraw = redrawScheduler([buildFigure, showFigure, drawTable], { interval: redrawInterval() });
  redrawOnResize([figure], redraw);
  // Plot's first figure costs its code's first run: spend it while the page is idle, not during the first frames of a race.
  const idle = (fn: () => void) => (typeof window.requestIdleCallback === "function" ? window.requestIdleCallback(fn, { timeout: 2000 }) : window.setTimeout(fn, 50));
  idle(() => {
    const records = Array.from({ length: 30 }, (_, step) => ({ step, lr: [0.01], momentum: [0.9], trainLoss: [5 - step / 30], valLoss: [5 - step / 30] }));
    void renderTextRaceFigure({ config: { labels: ["warm-up"], steps: 30, norm: defaults.norm, schedules: [] }, unigramBits: 4.76, records, divergences: [], samples: [] }, { document, width: 320 });
    // Said on the element, so that a page (or a test counting long tasks) can tell the warm-up has been spent.
    root.dataset.figureCode = "warm";
  });

  const drawLegend = (labels: readonly string[]): void => {
    const colors = colorsFor(labels).range;
    legend.replaceChildren(...labels.map((label, k) => {
      const li = element("li");
      const swatch = element("span");
      swatch.className = "swatch";
      swatch.style.background = colors[k] as string;
      swatch.setAttribute("aria-hidden", "true");
      li.append(swatch, " ", element("strong", label));
      return li;
    }));
  };
  const drawSamples = (samples: readonly TextSample[]): void => {
    const first = samples[0];
    if (!first) return samplesBox.replaceChildren();
    const details = element("details");
    details.open = true;
    details.append(element("summary", `Samples after training (seed ${first.seed}, temperature ${first.temperature})`));
    for (const s of samples) {
      const p = element("p");
      p.append(element("strong", s.label));
      const pre = element("pre", s.text ?? "(diverged: no sample)");
      pre.className = "sample";
      details.append(p, pre);
    }
    samplesBox.replaceChildren(details);
  };

  const stopWorker = (): void => {
    worker?.terminate();
    worker = null;
    clock(false);
  };

  const receive = (message: TextWorkerOut): void => {
    if (!run) return;
    switch (message.type) {
      case "backend":
        run.backend = message.name;
        backendDetails.hidden = false;
        $<HTMLElement>("[data-role=backend]").textContent = message.description;
        return;
      case "ready":
        run.unigramBits = message.unigramBits;
        run.unigramValBits = message.unigramValBits;
        clock(root.dataset.state !== "paused");
        if (root.dataset.state === "starting") setState("running");
        status.textContent = `Training on ${run.backend}…`;
        return;
      case "records":
        run.records.push(...message.records);
        run.divergences.push(...message.divergences);
        run.stepsPerSecond = message.stepsPerSecond;
        exportable();
        // The status, progress, figure and table follow in the next redraw round (at most 5 a second).
        redraw();
        return;
      case "sampling":
        clock(false);
        setState("sampling");
        status.textContent = `Trained ${run.records.length} steps; drawing a ${run.config.sampleLength}-character sample per schedule…`;
        return;
      case "samples":
        run.samples = message.samples;
        drawSamples(message.samples);
        return;
      case "done":
        stopWorker();
        setState("done");
        redraw();
        status.textContent = `Finished ${run.records.length} steps in ${(trainedMs / 1000).toFixed(1)} s on ${run.backend}.`;
        return;
      case "error":
        stopWorker();
        setState("error");
        say(`The race stopped: ${message.message}`);
        return;
    }
  };

  runButton.addEventListener("click", () => {
    const settings = read();
    let config: TextRunConfig;
    try {
      config = textRaceConfig(settings);
    } catch (error) {
      say((error as Error).message);
      return;
    }
    say(null);
    stopWorker();
    trainedMs = 0;
    run = { settings, config, records: [], divergences: [], samples: [], unigramBits: 0, unigramValBits: 0, backend: "", stepsPerSecond: 0 };
    link(settings);
    if (root.dataset.urlState === "on") writeQuery(textSettingsToQuery(settings));
    command.textContent = textRaceCommand(settings);
    staticView.hidden = true;
    liveView.hidden = false;
    figure.replaceChildren();
    tbody.replaceChildren();
    samplesBox.replaceChildren();
    drawLegend(config.labels);
    progress.max = config.steps;
    progress.value = 0;
    speed.value = "";
    setState("starting");
    status.textContent = "Loading TensorFlow.js and the text…";
    worker = new Worker(new URL("./text-race-worker.ts", import.meta.url), { type: "module", name: "lr-atlas-text-race" });
    worker.addEventListener("message", (event: MessageEvent<TextWorkerOut>) => receive(event.data));
    worker.addEventListener("error", (event) => {
      event.preventDefault();
      receive({ type: "error", message: event.message || "the worker failed to start" });
    });
    worker.postMessage({ type: "start", settings, wasmPath: root.dataset.wasmPath ?? "/tfjs/" } satisfies TextWorkerIn);
  });

  pauseButton.addEventListener("click", () => {
    if (!worker || !run) return;
    const pausing = root.dataset.state === "running";
    worker.postMessage({ type: pausing ? "pause" : "resume" } satisfies TextWorkerIn);
    clock(!pausing);
    setState(pausing ? "paused" : "running");
    if (pausing) status.textContent = `Paused after ${run.records.length} steps.`;
  });

  resetButton.addEventListener("click", () => {
    stopWorker();
    run = null;
    liveView.hidden = true;
    staticView.hidden = false;
    progress.max = defaults.steps;
    progress.value = defaults.steps;
    speed.value = "";
    say(null);
    status.textContent = "Reset: the committed race is shown again. Press Run to train.";
    setState("ready");
  });

  const exportRun = (kind: "csv" | "json"): void => {
    if (!run) return;
    const { settings, config } = run;
    const stem = fileStem(`shakespeare ${settings.norm}-ln lr ${settings.lr} ${settings.schedules.join(" ")} seed ${settings.seed}`);
    if (kind === "csv") {
      const rows = run.records.flatMap((r) => r.lr.map((lr, k) => [r.step, k, config.labels[k], lr, r.trainLoss[k], r.valLoss?.[k]]));
      download(`${stem}.csv`, "text/csv", toCsv(["step", "run", "schedule", "lr", "train_bits", "val_bits"], rows));
    } else {
      const { records, divergences, samples, unigramBits, unigramValBits, backend } = run;
      download(`${stem}.json`, "application/json", toJson({ settings, command: textRaceCommand(settings), config, backend, unit: "bits/char", unigramBits, unigramValBits, records, divergences, samples }));
    }
  };
  exportButtons[0]?.addEventListener("click", () => exportRun("csv"));
  exportButtons[1]?.addEventListener("click", () => exportRun("json"));

  let settings = read();
  if (root.dataset.urlState === "on" && location.search !== "") {
    const fromUrl = textSettingsFromQuery(readQuery(), settings);
    settings = fromUrl.settings;
    write(settings);
    say(urlNoticeText(fromUrl.notices));
  }
  link(settings);
  setState("ready");
}
