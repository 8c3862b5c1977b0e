/**
 * The live race: sends the setup to the training worker, collects records in
 * a RaceLog (the same model the build used) and redraws through the redraw
 * scheduler. This file holds the run's state machine and wiring; the pieces
 * live beside it: race-url.ts (settings in the URL), race-controls.ts,
 * race-view.ts (figures, table, legend), race-boundaries.ts (canvas painter),
 * race-redraw.ts, race-export.ts, race-extras.ts (per-task panels) and the
 * shared lesson.ts and notice-view.ts.
 */
import { TrainingClient } from "../../src/browser/training-client.ts";
import type { RaceConfig } from "../../src/browser/training-protocol.ts";
import type { BackendChoiceName } from "../../src/browser/backends.ts";
import { readQuery, writeQuery } from "../../src/browser/url-adapter.ts";
import { taskInfo } from "../../src/data/datasets.ts";
import type { RaceRecord } from "../../src/training/race.ts";
import { BOUNDARY_CELLS, drawsBoundary } from "../../src/training/boundary-grid.ts";
import { expressionOf, raceSetup, RaceLog, RaceSetupError, fmt, type RaceSetup, type RaceSetupInput } from "./training-race-model.ts";
import { raceFromQuery, raceToQuery } from "./race-url.ts";
import { syncControls, wireControls } from "./race-controls.ts";
import { pythonEditorOnInteraction } from "./python-editor-loader.ts";
import { drawAccuracy, drawLoss, drawRates, fillTable, logLine, showProgress, updateLegend, warmUpFigures } from "./race-view.ts";
import { paintBoundaries, planePointsCache, type BoundaryGrid } from "./race-boundaries.ts";
import { redrawInterval, redrawScheduler } from "./race-redraw.ts";
import { redrawOnResize } from "./figure-resize.ts";
import { wireExport } from "./race-export.ts";
import { taskExtras } from "./race-extras.ts";
import { hideNamed, NO_LESSON, questionNodes, type Lesson } from "./lesson.ts";
import { noticeBox, urlNoticeText } from "./notice-view.ts";

type RunState = "fresh" | "running" | "paused" | "done";

/** Lesson mode: hide the named controls; ask the question (as text) before the run. */
function applyLesson(element: HTMLElement, lesson: Lesson): void {
  hideNamed(lesson, (name) => [...element.querySelectorAll(`[data-setting="${CSS.escape(name)}"]`)].flatMap((c) => c.closest("label") ?? []));
  if (lesson.question === "") return;
  let box = element.querySelector<HTMLElement>("[data-role=lesson]");
  if (!box) {
    box = document.createElement("div");
    box.className = "lesson";
    box.dataset.role = "lesson";
    element.querySelector(".race-controls")?.before(box);
  }
  const p = document.createElement("p");
  p.className = "lesson-question";
  p.append(...questionNodes(lesson.question));
  box.replaceChildren(p);
}

/** The current setup as the input `raceSetup` takes, so a change can be applied on top. */
function inputOf(setup: RaceSetup): RaceSetupInput {
  const { task, optimizer, seed, steps, batchSize, lr, cycleMomentum } = setup;
  return { task, optimizer, seed, steps, batchSize, lr, cycleMomentum, schedules: setup.schedules.map((s) => s.kind).join(","), expression: expressionOf(setup) };
}

export function mountTrainingRace(element: HTMLElement): void {
  const $ = <T extends Element>(selector: string) => element.querySelector<T>(selector);
  const urlState = element.dataset.urlState === "on";
  let setup = JSON.parse(element.dataset.setup ?? "{}") as RaceSetup;
  let backend: BackendChoiceName = "auto";
  let lesson = NO_LESSON;
  const status = $<HTMLElement>("[data-role=status]");
  const speed = $<HTMLOutputElement>("[data-role=speed]");
  const runButton = $<HTMLButtonElement>("[data-action=run]");
  const say = noticeBox($<HTMLElement>("[data-role=notice]"));
  const backendDetails = $<HTMLElement>("[data-role=backend-details]");
  const tell = (text: string) => {
    if (status) status.textContent = text;
  };
  // What the status line reports: the backend running, and the training time without pauses.
  let backendName = "";
  let trainedMs = 0;
  let runningSince: number | null = null;
  const clock = (running: boolean): void => {
    if (runningSince !== null) trainedMs += performance.now() - runningSince;
    runningSince = running ? performance.now() : null;
  };

  if (urlState) {
    const fromUrl = raceFromQuery(readQuery(), setup);
    const notices = [...fromUrl.notices];
    try {
      setup = raceSetup({ ...fromUrl.input, cycleMomentum: setup.cycleMomentum });
    } catch (error) {
      notices.push({ param: "settings", message: (error as Error).message });
    }
    backend = fromUrl.backend;
    lesson = fromUrl.lesson;
    applyLesson(element, lesson);
    say(urlNoticeText(notices));
  }

  let log = new RaceLog(setup);
  let records: RaceRecord[] = [];
  let boundary: BoundaryGrid | null = null;
  let state: RunState = "fresh";
  let client: TrainingClient | null = null;
  const points = planePointsCache();
  const extras = taskExtras(element, () => log.setup);

  const draw = redrawScheduler(
    [
      () => drawLoss(element, log),
      () => drawAccuracy(element, log),
      () => drawRates(element, log),
      () => {
        const grid = $<HTMLElement>("[data-role=boundaries]");
        if (grid && boundary) paintBoundaries(grid, boundary, log.setup.labels, points(log.setup.task, log.setup.seed));
        fillTable(element, log);
        showProgress(element, log);
      },
    ],
    { interval: redrawInterval() },
  );
  // A live figure follows its box's width; the built ones (both layouts) do so by themselves.
  redrawOnResize([...element.querySelectorAll<HTMLElement>(".race-figures .plot")], draw);

  const setRunLabel = (): void => {
    if (runButton) runButton.textContent = state === "running" ? "Pause" : state === "paused" ? "Resume" : state === "done" ? "Run again" : "Run";
    element.dataset.run = state;
  };

  const config = (): RaceConfig => ({
    ...setup,
    backend,
    wasmPath: element.dataset.wasmPath ?? "tfjs/",
    boundaryGrid: drawsBoundary(taskInfo(setup.task)) ? BOUNDARY_CELLS : 0,
  });

  const ensureClient = (): TrainingClient => {
    client ??= new TrainingClient({
      records: (batch, stepsPerSecond) => {
        records.push(...batch);
        log.add(batch);
        if (speed) speed.value = `${Math.round(stepsPerSecond)} steps/s`;
        draw();
      },
      backend: (name, description) => {
        backendName = name;
        tell(`Running on ${name}…`);
        if (backendDetails) {
          backendDetails.hidden = false;
          const text = backendDetails.querySelector("[data-role=backend]");
          if (text) text.textContent = description;
        }
      },
      diverged: (run, step, message) => {
        log.markDiverged(run, step, message);
        logLine(element, `Step ${step}: ${setup.labels[run]} ${message}.`);
        draw();
      },
      plateau: (cut) => {
        log.markCut(cut);
        logLine(element, `Step ${cut.step}: ${setup.labels[cut.run]} cut its rate from ${fmt(cut.from)} to ${fmt(cut.to)} (${cut.reason}).`);
      },
      state: (s) => {
        const reporting = state !== "fresh";
        clock(s === "running");
        if (reporting && s === "done") tell(`Finished ${log.steps} steps in ${(trainedMs / 1000).toFixed(1)} s on ${backendName}.`);
        else if (reporting && s === "paused") tell(`Paused at step ${log.steps} on ${backendName}.`);
        else if (reporting && s === "running" && backendName !== "") tell(`Running on ${backendName}…`);
        if (s === "running") state = "running";
        else if (s === "paused" || s === "idle") state = "paused";
        else if (s === "done" || s === "stopped") state = "done";
        setRunLabel();
        if (s === "done") draw();
      },
      boundary: (_step, grid, runs) => {
        boundary = { grid, runs };
        draw();
      },
      predictions: (predictions) => extras.predictions(predictions),
      error: (message) => say(`Training stopped: ${message}`),
    });
    return client;
  };

  /** Empty figures, table, log, panels and legend for the current settings. */
  const clearRun = (): void => {
    log = new RaceLog(setup);
    records = [];
    boundary = null;
    trainedMs = 0;
    runningSince = null;
    if (speed) speed.value = "";
    $("[data-role=log]")?.replaceChildren();
    extras.clear();
    updateLegend(element, setup);
  };

  /** A fresh race (new weights) with the current settings. */
  const fresh = (run: boolean): void => {
    clearRun();
    state = run ? "running" : "paused";
    setRunLabel();
    tell("Starting the training worker…");
    ensureClient().start(config(), run);
    draw();
  };

  const pause = (): void => {
    client?.pause();
    state = "paused";
  };

  const act = (action: string | undefined): void => {
    if (action === "run") {
      if (state === "fresh" || state === "done") fresh(true);
      else if (state === "running") pause();
      else {
        client?.resume();
        state = "running";
      }
      setRunLabel();
    } else if (action === "step") {
      if (state === "fresh" || state === "done") fresh(false);
      else if (state === "running") {
        pause();
        setRunLabel();
      }
      client?.step(setup.evalEvery);
    } else if (action === "reset") {
      client?.stop();
      state = "fresh";
      clearRun();
      setRunLabel();
      draw();
      tell("Reset: press Run to train from the same starting weights.");
    }
  };

  const permalink = (): void => {
    const link = $<HTMLAnchorElement>("[data-role=permalink]");
    if (!link) return;
    const url = new URL(window.location.href);
    url.search = raceToQuery(setup, backend, lesson).toString();
    link.href = url.toString();
  };

  const rebuild = (change: RaceSetupInput): void => {
    try {
      const next = raceSetup({ ...inputOf(setup), ...change });
      say(null);
      setup = next;
      client?.stop();
      state = "fresh";
      setRunLabel();
      if (urlState) {
        writeQuery(raceToQuery(setup, backend, lesson));
        permalink();
      }
      // The figures keep showing the last run (it can still be exported) until Run starts the new one.
      tell(log.steps > 0 ? "Settings changed. The figures still show the last run (export it to keep it); press Run to train with the new settings." : "Settings changed: press Run to train.");
    } catch (error) {
      say(error instanceof RaceSetupError ? `These settings are not valid: ${error.message}. The race keeps the last valid settings.` : String(error));
    }
  };

  for (const button of element.querySelectorAll<HTMLButtonElement>("[data-action]")) button.addEventListener("click", () => act(button.dataset.action));
  wireControls(element, () => setup, {
    rebuild,
    backend: (name) => {
      backend = name;
      client?.dispose();
      client = null;
      rebuild({});
    },
    delay: (ms) => ensureClient().delay(ms),
    say,
  });
  wireExport(element, () => ({ log, records, backend }));
  element.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && state === "running") act("run");
  });

  warmUpFigures(setup);
  syncControls(element, setup, backend);
  // The written expression gets the converter's Python editor when the reader reaches for it (one line: Enter commits).
  const expressionField = element.querySelector<HTMLTextAreaElement>("textarea[data-setting=expression]");
  if (expressionField) pythonEditorOnInteraction(expressionField, { singleLine: true });
  updateLegend(element, setup);
  permalink();
  setRunLabel();
  element.dataset.state = "live";
  if (urlState && window.location.search !== "") draw();
}
