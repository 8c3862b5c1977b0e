/**
 * The live race: sends the setup to the training worker, collects records in
 * a RaceLog (the same model the build used) and redraws the figures at most
 * once per animation frame (four times a second under prefers-reduced-motion).
 * In the playground the settings live in the URL and the run can be exported.
 */
import { renderRaceFigure } from "../../src/plots/race.ts";
import { TrainingClient } from "../../src/browser/training-client.ts";
import type { RaceConfig } from "../../src/browser/training-protocol.ts";
import { readQuery, writeQuery } from "../../src/browser/url-adapter.ts";
import { download, fileStem, standaloneSvg, svgToPng, toCsv, toJson } from "../../src/browser/export.ts";
import { makeDataset, TASKS, taskInfo } from "../../src/data/datasets.ts";
import { OPTIMIZERS } from "../../src/training/optimizers.ts";
import { KINDS, registry } from "../../src/schedules/index.ts";
import type { RaceRecord } from "../../src/training/race.ts";
import { raceSetup, RaceLog, RaceSetupError, plannedRates, fmt, pct, RACE_LIMITS, type RaceSetup, type RaceSetupInput } from "./training-race-model.ts";
import { colorsFor } from "../../src/plots/race.ts";
import { CLASS_COLORS } from "../../src/plots/boundary.ts";
import { BOUNDARY_CELLS, BOUNDARY_EXTENT, drawsBoundary, planePoints, type PlanePoint } from "../../src/training/boundary-grid.ts";

const BACKENDS = ["auto", "webgpu", "webgl", "wasm", "cpu"] as const;
type Backend = (typeof BACKENDS)[number];

interface UrlSettings { input: RaceSetupInput; backend: Backend; notices: string[] }

/** Settings from the URL; every bad value is replaced by the current one and named in a notice. */
export function settingsFromQuery(query: URLSearchParams, current: RaceSetup): UrlSettings {
  const notices: string[] = [];
  const input: RaceSetupInput = {
    task: current.task, optimizer: current.optimizer, seed: current.seed, steps: current.steps, batchSize: current.batchSize, lr: current.lr,
    schedules: current.schedules.map((s) => s.kind).join(","),
  };
  const text = (name: string) => query.get(name);
  const task = text("task");
  if (task !== null) (TASKS as readonly string[]).includes(task) ? (input.task = task) : notices.push(`task: "${task}" is not a task; using ${current.task}`);
  const optimizer = text("optimizer");
  if (optimizer !== null) (OPTIMIZERS as readonly string[]).includes(optimizer) ? (input.optimizer = optimizer) : notices.push(`optimizer: "${optimizer}" is not an optimizer; using ${current.optimizer}`);
  const integer = (name: string, key: "seed" | "steps" | "batchSize", [min, max]: readonly [number, number]) => {
    const raw = text(name);
    if (raw === null) return;
    const v = Number(raw);
    if (Number.isInteger(v) && v >= min && v <= max) input[key] = v;
    else notices.push(`${name}: "${raw}" must be a whole number in [${min}, ${max}]; using ${current[key]}`);
  };
  integer("seed", "seed", RACE_LIMITS.seed);
  integer("steps", "steps", RACE_LIMITS.steps);
  integer("batch", "batchSize", RACE_LIMITS.batchSize);
  const lr = text("lr");
  if (lr !== null) {
    const v = Number(lr);
    if (lr !== "" && Number.isFinite(v) && v > 0 && v <= 10) input.lr = v;
    else notices.push(`lr: "${lr}" must be a number in (0, 10]; using ${current.lr ?? "each kind's default"}`);
  }
  const kinds = text("schedules");
  if (kinds !== null) {
    const list = kinds.split(",").filter(Boolean);
    const bad = list.filter((k) => !(KINDS as readonly string[]).includes(k));
    if (bad.length === 0 && list.length >= 1 && list.length <= RACE_LIMITS.schedules) input.schedules = list.join(",");
    else notices.push(`schedules: "${kinds}" must be 1 to ${RACE_LIMITS.schedules} of ${KINDS.join(", ")}; using ${input.schedules}`);
  }
  const backendText = text("backend");
  let backend: Backend = "auto";
  if (backendText !== null) (BACKENDS as readonly string[]).includes(backendText) ? (backend = backendText as Backend) : notices.push(`backend: "${backendText}" is not a backend; using auto`);
  return { input, backend, notices };
}

export function settingsToQuery(setup: RaceSetup, backend: Backend): URLSearchParams {
  const q = new URLSearchParams({ task: setup.task, optimizer: setup.optimizer, schedules: setup.schedules.map((s) => s.kind).join(","), steps: String(setup.steps), seed: String(setup.seed), batch: String(setup.batchSize) });
  if (setup.lr !== null) q.set("lr", String(setup.lr));
  if (backend !== "auto") q.set("backend", backend);
  return q;
}

/** Lesson mode from the URL: ?hide=optimizer,task hides those controls; ?question=… asks before the run (as text, never HTML). */
function applyLesson(element: HTMLElement, query: URLSearchParams): void {
  const hide = new Set((query.get("hide") ?? "").split(",").map((s) => s.trim()).filter(Boolean));
  for (const name of hide) {
    const control = element.querySelector<HTMLElement>(`[data-setting="${CSS.escape(name)}"]`)?.closest("label");
    if (control) control.hidden = true;
  }
  const question = query.get("question");
  if (question) {
    let box = element.querySelector<HTMLElement>("[data-role=lesson]");
    if (!box) {
      box = document.createElement("div");
      box.className = "lesson";
      box.dataset.role = "lesson";
      element.querySelector(".race-controls")?.before(box);
    }
    const p = document.createElement("p");
    p.className = "lesson-question";
    const strong = document.createElement("strong");
    strong.textContent = "Predict first. ";
    p.append(strong, question.slice(0, 500));
    box.replaceChildren(p);
  }
}

/** Live decision boundaries on canvases (cheap to repaint); the build draws the same picture as SVG. */
function paintBoundaries(container: HTMLElement, b: { grid: number; runs: number[][] }, runs: readonly string[], points: readonly PlanePoint[]): void {
  const size = 170;
  const cells = [...container.querySelectorAll<HTMLElement>(".boundary")];
  if (cells.length !== runs.length || !cells.every((c) => c.querySelector("canvas"))) {
    container.replaceChildren(...runs.map((run) => {
      const cell = document.createElement("div");
      cell.className = "boundary";
      const canvas = document.createElement("canvas");
      canvas.width = size;
      canvas.height = size;
      canvas.setAttribute("role", "img");
      canvas.setAttribute("aria-label", `decision boundary of ${run}: cells coloured by the predicted class, dots are validation points`);
      const name = document.createElement("span");
      name.textContent = run;
      cell.append(canvas, name);
      return cell;
    }));
  }
  const n = b.grid;
  [...container.querySelectorAll("canvas")].forEach((canvas, k) => {
    const ctx = canvas.getContext("2d");
    const values = b.runs[k];
    if (!ctx || !values) return;
    ctx.clearRect(0, 0, size, size);
    const cell = size / n;
    // The same colours and opacity rule as the build-time SVG (src/plots/boundary.ts).
    values.forEach((v, i) => {
      const cls = Math.floor(v);
      ctx.globalAlpha = 0.15 + 0.45 * Math.max(0, (v - cls - 0.5) * 2);
      ctx.fillStyle = CLASS_COLORS[cls % CLASS_COLORS.length] as string;
      ctx.fillRect((i % n) * cell, Math.floor(i / n) * cell, cell + 0.5, cell + 0.5);
    });
    ctx.globalAlpha = 1;
    const E = BOUNDARY_EXTENT;
    for (const p of points) {
      ctx.fillStyle = CLASS_COLORS[p.label % CLASS_COLORS.length] as string;
      ctx.beginPath();
      ctx.arc(((p.x + E) / (2 * E)) * size, ((E - p.y) / (2 * E)) * size, 1.8, 0, 2 * Math.PI);
      ctx.fill();
    }
  });
}

export function mountTrainingRace(element: HTMLElement): void {
  const $ = <T extends Element>(selector: string) => element.querySelector<T>(selector);
  const playground = element.dataset.playground === "on";
  let setup = JSON.parse(element.dataset.setup ?? "{}") as RaceSetup;
  let backend: Backend = "auto";
  const status = $<HTMLElement>("[data-role=status]");
  const notice = $<HTMLElement>("[data-role=notice]");
  const progress = $<HTMLProgressElement>("[data-role=progress]");
  const speed = $<HTMLOutputElement>("[data-role=speed]");
  const runButton = $<HTMLButtonElement>("[data-action=run]");
  const say = (text: string | null) => {
    if (!notice) return;
    notice.hidden = text === null;
    notice.textContent = text ?? "";
  };
  const reducedMotion = window.matchMedia?.("(prefers-reduced-motion: reduce)").matches ?? false;

  if (element.dataset.urlState === "on") {
    const parsed = settingsFromQuery(readQuery(), setup);
    try {
      setup = raceSetup({ ...parsed.input, cycleMomentum: setup.cycleMomentum });
    } catch (error) {
      parsed.notices.push((error as Error).message);
    }
    backend = parsed.backend;
    applyLesson(element, readQuery());
    if (parsed.notices.length > 0) say(`Some settings in the address were not valid and were replaced: ${parsed.notices.join("; ")}.`);
  }

  let log = new RaceLog(setup);
  let records: RaceRecord[] = [];
  let boundary: { grid: number; runs: number[][] } | null = null;
  let state: "fresh" | "running" | "paused" | "done" = "fresh";
  let client: TrainingClient | null = null;
  let lastDraw = 0;
  let drawQueued = false;
  const points = (() => {
    let cache: { task: string; seed: number; pts: PlanePoint[] } | null = null;
    return () => {
      const { task, seed } = log.setup;
      if (cache && cache.task === task && cache.seed === seed) return cache.pts;
      cache = { task, seed, pts: drawsBoundary(taskInfo(task)) ? planePoints(makeDataset(task, { seed }).val) : [] };
      return cache.pts;
    };
  })();

  // Redraws are split into one figure per animation frame, and a full round
  // starts at most every 200 ms (1 s with reduced motion), so no frame of the
  // page's own work comes near 50 ms while the worker trains.
  const LIVE_POINTS = 250;
  const tasks: (() => void)[] = [
    () => {
      const description = log.description();
      $("[data-role=loss]")?.replaceChildren(renderRaceFigure(log.train, { runs: log.setup.labels, steps: log.setup.steps, y: { label: "training loss (smoothed)", log: true }, secondary: log.val, markers: log.markers, description, maxPoints: LIVE_POINTS }));
      const described = $<HTMLElement>("[data-role=description]");
      if (described) described.textContent = description;
    },
    () => $("[data-role=accuracy]")?.replaceChildren(renderRaceFigure(log.accuracy, { runs: log.setup.labels, steps: log.setup.steps, y: { label: "validation accuracy", domain: [0, 1] }, description: "Validation accuracy of each run at each evaluation.", maxPoints: LIVE_POINTS })),
    () => $("[data-role=lr]")?.replaceChildren(renderRaceFigure(log.lr.length ? log.lr : plannedRates(log.setup), { runs: log.setup.labels, steps: log.setup.steps, y: { label: "learning rate" }, height: 160, description: "The learning rate each run's optimizer used at each step.", maxPoints: LIVE_POINTS })),
    () => {
      const grid = $<HTMLElement>("[data-role=boundaries]");
      if (grid && boundary) paintBoundaries(grid, boundary, log.setup.labels, points());
      fillTable();
      if (progress) {
        progress.max = log.setup.steps;
        progress.value = log.steps;
        progress.textContent = `${log.steps} of ${log.setup.steps} steps`;
      }
    },
  ];
  let next = 0;
  const pump = (): void => {
    (tasks[next] as () => void)();
    next += 1;
    if (next < tasks.length) {
      requestAnimationFrame(pump);
      return;
    }
    next = 0;
    drawQueued = false;
    if (dirtyAgain) {
      dirtyAgain = false;
      draw();
    }
  };
  let dirtyAgain = false;
  const draw = (): void => {
    if (drawQueued) {
      dirtyAgain = true;
      return;
    }
    drawQueued = true;
    const interval = reducedMotion ? 1000 : 200;
    const wait = Math.max(0, interval - (performance.now() - lastDraw));
    window.setTimeout(() => {
      lastDraw = performance.now();
      requestAnimationFrame(pump);
    }, wait);
  };

  const fillTable = (): void => {
    const body = $<HTMLTableSectionElement>("[data-role=table] tbody");
    if (!body) return;
    const classification = taskInfo(log.setup.task).kind === "classification";
    body.replaceChildren(...log.rows().map((r) => {
      const tr = document.createElement("tr");
      const th = document.createElement("th");
      th.scope = "row";
      th.textContent = r.run;
      const cells = [fmt(r.finalTrainLoss), fmt(r.finalValLoss), ...(classification ? [pct(r.bestValAccuracy)] : []), fmt(r.finalLr), r.diverged !== null ? `diverged at step ${r.diverged}` : r.cuts > 0 ? `${r.cuts} plateau cut${r.cuts > 1 ? "s" : ""}` : ""];
      tr.append(th, ...cells.map((c) => Object.assign(document.createElement("td"), { textContent: c })));
      return tr;
    }));
  };

  const logLine = (text: string): void => {
    const li = document.createElement("li");
    li.textContent = text;
    $("[data-role=log]")?.append(li);
  };

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
      backend: (_name, description) => {
        if (status) status.textContent = description;
      },
      diverged: (run, step, message) => {
        log.markDiverged(run, step, message);
        logLine(`Step ${step}: ${setup.labels[run]} ${message}.`);
        draw();
      },
      plateau: (cut) => {
        log.markCut(cut);
        logLine(`Step ${cut.step}: ${setup.labels[cut.run]} cut its rate from ${fmt(cut.from)} to ${fmt(cut.to)} (${cut.reason}).`);
      },
      state: (s) => {
        if (s === "running") state = "running";
        else if (s === "paused" || s === "idle") state = state === "fresh" && s === "idle" ? "paused" : "paused";
        else if (s === "done" || s === "stopped") state = "done";
        setRunLabel();
        if (s === "done") draw();
      },
      boundary: (_step, grid, runs) => {
        boundary = { grid, runs };
        draw();
      },
      error: (message) => say(`Training stopped: ${message}`),
    });
    return client;
  };

  /** A fresh race (new weights) with the current settings. */
  /** Empty figures, table, log and legend for the current settings. */
  const clearRun = (): void => {
    log = new RaceLog(setup);
    records = [];
    boundary = null;
    $("[data-role=log]")?.replaceChildren();
    updateLegend();
  };

  const fresh = (run: boolean): void => {
    clearRun();
    state = run ? "running" : "paused";
    setRunLabel();
    if (status) status.textContent = "Starting the training worker…";
    ensureClient().start(config(), run);
    draw();
  };

  const act = (action: string | null | undefined): void => {
    if (action === "run") {
      if (state === "fresh" || state === "done") fresh(true);
      else if (state === "running") {
        client?.pause();
        state = "paused";
      } else {
        client?.resume();
        state = "running";
      }
      setRunLabel();
    } else if (action === "step") {
      if (state === "fresh" || state === "done") fresh(false);
      else if (state === "running") {
        client?.pause();
        state = "paused";
        setRunLabel();
      }
      client?.step(setup.evalEvery);
    } else if (action === "reset") {
      client?.stop();
      state = "fresh";
      clearRun();
      setRunLabel();
      draw();
      if (status) status.textContent = "Reset: press Run to train from the same starting weights.";
    }
  };

  const rebuild = (change: RaceSetupInput): void => {
    try {
      const next = raceSetup({
        task: setup.task, optimizer: setup.optimizer, seed: setup.seed, steps: setup.steps, batchSize: setup.batchSize, lr: setup.lr,
        schedules: setup.schedules.map((s) => s.kind).join(","), cycleMomentum: setup.cycleMomentum, ...change,
      });
      say(null);
      setup = next;
      client?.stop();
      state = "fresh";
      setRunLabel();
      if (element.dataset.urlState === "on") {
        writeQuery(settingsToQuery(setup, backend));
        updatePermalink();
      }
      // The figures keep showing the last run (it can still be exported) until Run starts the new one.
      if (status) status.textContent = log.steps > 0 ? "Settings changed. The figures still show the last run (export it to keep it); press Run to train with the new settings." : "Settings changed: press Run to train.";
    } catch (error) {
      say(error instanceof RaceSetupError ? `These settings are not valid: ${error.message}. The race keeps the last valid settings.` : String(error));
    }
  };

  const updateLegend = (): void => {
    const legend = $<HTMLElement>("[data-role=legend]");
    if (!legend) return;
    const colors = colorsFor(setup.labels).range;
    const items = setup.schedules.map((s, k) => {
      const li = document.createElement("li");
      const swatch = document.createElement("span");
      swatch.className = "swatch";
      swatch.style.background = colors[k] as string;
      swatch.setAttribute("aria-hidden", "true");
      const name = document.createElement("strong");
      name.textContent = setup.labels[k] ?? registry[s.kind].title;
      li.append(swatch, " ", name, " ");
      const formula = element.querySelector<HTMLTemplateElement>(`template[data-formula="${s.kind}"]`);
      if (formula) {
        const span = document.createElement("span");
        span.className = "legend-formula";
        span.append(formula.content.cloneNode(true));
        li.append(span);
      }
      return li;
    });
    legend.replaceChildren(...items);
  };

  const updatePermalink = (): void => {
    const link = $<HTMLAnchorElement>("[data-role=permalink]");
    if (!link) return;
    const url = new URL(window.location.href);
    url.search = settingsToQuery(setup, backend).toString();
    link.href = url.toString();
  };

  // Wire the controls.
  for (const button of element.querySelectorAll<HTMLButtonElement>("[data-action]")) button.addEventListener("click", () => act(button.dataset.action));
  const control = <T extends HTMLInputElement | HTMLSelectElement>(name: string) => $<T>(`[data-setting=${name}]`);
  const syncControls = (): void => {
    const set = (name: string, value: string) => {
      const el = control(name);
      if (el) el.value = value;
    };
    set("optimizer", setup.optimizer);
    set("task", setup.task);
    set("seed", String(setup.seed));
    set("steps", String(setup.steps));
    set("batch", String(setup.batchSize));
    set("lr", setup.lr === null ? "" : String(setup.lr));
    set("backend", backend);
    for (const box of element.querySelectorAll<HTMLInputElement>("input[data-kind]")) box.checked = setup.schedules.some((s) => s.kind === box.dataset.kind);
  };
  control<HTMLSelectElement>("speed")?.addEventListener("change", (e) => ensureClient().delay(Number((e.target as HTMLSelectElement).value)));
  control<HTMLSelectElement>("optimizer")?.addEventListener("change", (e) => rebuild({ optimizer: (e.target as HTMLSelectElement).value }));
  control<HTMLSelectElement>("task")?.addEventListener("change", (e) => rebuild({ task: (e.target as HTMLSelectElement).value }));
  const numeric = (name: string, key: "seed" | "steps" | "batchSize") =>
    control<HTMLInputElement>(name)?.addEventListener("change", (e) => {
      const raw = (e.target as HTMLInputElement).value;
      const v = Number(raw);
      if (raw.trim() === "" || !Number.isInteger(v)) {
        say(`${name} must be a whole number, got "${raw}". The race keeps ${setup[key]}.`);
        (e.target as HTMLInputElement).value = String(setup[key]);
        return;
      }
      rebuild({ [key]: v });
    });
  numeric("seed", "seed");
  numeric("steps", "steps");
  numeric("batch", "batchSize");
  control<HTMLInputElement>("lr")?.addEventListener("change", (e) => {
    const raw = (e.target as HTMLInputElement).value.trim();
    rebuild({ lr: raw === "" ? null : Number(raw) });
  });
  control<HTMLSelectElement>("backend")?.addEventListener("change", (e) => {
    backend = (e.target as HTMLSelectElement).value as Backend;
    client?.dispose();
    client = null;
    rebuild({});
  });
  for (const box of element.querySelectorAll<HTMLInputElement>("input[data-kind]")) {
    box.addEventListener("change", () => {
      const kinds = [...element.querySelectorAll<HTMLInputElement>("input[data-kind]")].filter((b) => b.checked).map((b) => b.dataset.kind as string);
      if (kinds.length === 0 || kinds.length > RACE_LIMITS.schedules) {
        say(`Pick 1 to ${RACE_LIMITS.schedules} schedules (${kinds.length} picked).`);
        box.checked = !box.checked;
        return;
      }
      rebuild({ schedules: kinds.join(",") });
    });
  }

  // Export (playground).
  const stem = () => fileStem(`${log.setup.task} ${log.setup.optimizer} ${log.setup.schedules.map((s) => s.kind).join(" ")} seed ${log.setup.seed}`);
  const figures = () => [...element.querySelectorAll<SVGSVGElement>(".race-figures svg, [data-role=boundaries] svg")].filter((s) => s.closest("svg") === s);
  for (const button of element.querySelectorAll<HTMLButtonElement>("[data-export]")) {
    button.addEventListener("click", () => {
      const kind = button.dataset.export;
      if (kind === "csv") {
        const rows = records.flatMap((r) => r.lr.map((lr, k) => [r.step, log.setup.labels[k], lr, r.momentum[k], r.trainLoss[k], r.valLoss?.[k], r.valAccuracy?.[k]]));
        download(`${stem()}.csv`, "text/csv", toCsv(["step", "schedule", "lr", "momentum", "train_loss", "val_loss", "val_accuracy"], rows));
      } else if (kind === "json") {
        download(`${stem()}.json`, "application/json", toJson({ setup: log.setup, backend, records, divergences: log.diverged, plateauCuts: log.cuts }));
      } else if (kind === "svg") {
        figures().forEach((svg, i) => download(`${stem()}-figure-${i + 1}.svg`, "image/svg+xml", standaloneSvg(svg)));
      } else if (kind === "png") {
        figures().forEach((svg, i) => void svgToPng(svg).then((png) => download(`${stem()}-figure-${i + 1}.png`, "image/png", png)));
      }
    });
  }

  element.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && state === "running") act("run");
  });
  // Warm Plot up while the reader is still reading: its first figure is the slowest
  // (code paths compile on first use), and that cost must not land during training.
  const idle = (fn: () => void) => (typeof window.requestIdleCallback === "function" ? window.requestIdleCallback(fn, { timeout: 2000 }) : window.setTimeout(fn, 50));
  idle(() => void renderRaceFigure(plannedRates(setup), { runs: setup.labels, steps: setup.steps, y: { label: "learning rate" }, description: "warm-up", maxPoints: LIVE_POINTS }));
  idle(() => void renderRaceFigure(plannedRates(setup), { runs: setup.labels, steps: setup.steps, y: { label: "loss", log: true }, secondary: plannedRates(setup), description: "warm-up", maxPoints: LIVE_POINTS }));
  syncControls();
  updateLegend();
  updatePermalink();
  setRunLabel();
  element.dataset.state = "live";
  if (element.dataset.urlState === "on" && window.location.search !== "") draw();
}
