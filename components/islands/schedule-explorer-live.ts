/**
 * The live half of ScheduleExplorer: reads the controls, validates the spec,
 * and redraws everything with the same model and Plot builder the build used.
 * Invalid settings show a notice and keep the last good drawing; nothing is
 * ever drawn from NaN. With data-url-state="on" the settings live in the URL.
 */
import { ExpressionError, isKind, parseSpec, registry, type ScheduleKind, type ScheduleSpec } from "../../src/schedules/index.ts";
import { renderScheduleFigure, type ScheduleFigureOptions } from "../../src/plots/schedule-figure.ts";
import { figureWidth } from "./figure-width.ts";
import { sliderAttributes, valueFromSlider } from "../../src/browser/slider.ts";
import { readQuery, writeQuery } from "../../src/browser/url-adapter.ts";
import { explorerModel, formatRate, type ExplorerModel, type LibraryPanels } from "./schedule-explorer-model.ts";
import { libraryPanelLoader } from "./explorer-library-loader.ts";
import { explorerFromQuery, explorerToQuery, type CompareChoice } from "./explorer-url.ts";
import { hideNamed, NO_LESSON, type Lesson } from "./lesson.ts";
import { noticeBox, urlNoticeText } from "./notice-view.ts";

function cell(text: string): HTMLTableCellElement {
  const td = document.createElement("td");
  td.textContent = text;
  return td;
}

function fillTable(table: HTMLTableElement, model: ExplorerModel): void {
  const body = table.tBodies[0] ?? table.createTBody();
  body.replaceChildren(
    ...model.table.map((row) => {
      const tr = document.createElement("tr");
      tr.append(cell(String(row.step)), cell(row.lr));
      if (row.compare !== null) tr.append(cell(row.compare));
      return tr;
    }),
  );
  const head = table.querySelector<HTMLElement>("[data-role=compare-head]");
  if (head) head.hidden = model.compare === null;
}

const widthOf = figureWidth;

/** Draw a figure at its box's width, and note that width (a resize draws it again only when it changed). */
function drawFigure(box: HTMLElement | null, points: ExplorerModel["points"], options: Omit<ScheduleFigureOptions, "width">): void {
  if (!box) return;
  const width = widthOf(box);
  box.replaceChildren(renderScheduleFigure(points, { ...options, width }));
  box.dataset.drawnWidth = String(width ?? "");
}

function fillLibraries(element: HTMLElement, model: ExplorerModel): void {
  const table = element.querySelector<HTMLTableElement>("[data-role=libraries]");
  if (table) {
    for (const run of model.libraries) {
      const row = table.querySelector<HTMLTableRowElement>(`tr[data-library="${run.library}"]`);
      if (!row) continue;
      const [, call, verdict] = [...row.cells];
      if (call) call.replaceChildren(Object.assign(document.createElement("code"), { textContent: run.call ?? "—" }));
      if (verdict) {
        verdict.textContent =
          run.reason !== null
            ? `no equivalent: ${run.reason}`
            : run.firstDifference === null
              ? "yes, at every step shown"
              : `differs from step ${run.firstDifference.step}: ours ${run.firstDifference.ours}, ${run.label} ${run.firstDifference.theirs}`;
      }
    }
  }
  drawFigure(element.querySelector<HTMLElement>("[data-role=library-plot]"), model.libraryPoints, { description: "The same settings as computed by each library.", height: 240, yMax: model.yMax });
  for (const c of model.code) {
    const block = element.querySelector<HTMLElement>(`details[data-library="${c.library}"]`);
    const code = block?.querySelector<HTMLElement>("[data-role=code]");
    if (code && c.code !== null) code.textContent = c.code;
  }
}

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

const PANELS = new Map([["code", ".explorer-code"], ["libraries", ".explorer-libraries"], ["table", "details.data-table"]]);

/** Where each name a lesson can hide lives: a control's label, or a panel. */
function hideTargets(element: HTMLElement, name: string): Element[] {
  const panel = PANELS.get(name);
  if (panel) return [...element.querySelectorAll(panel)];
  const controls = name === "compare" ? "select[data-role=compare]" : `[data-param="${CSS.escape(name)}"], [data-choice="${CSS.escape(name)}"]`;
  return [...element.querySelectorAll(controls)].flatMap((control) => control.closest("label") ?? []);
}

/** Lesson mode: hide what the lesson names; with a question, show it and keep the curve back until the reader asks. */
function applyLesson(element: HTMLElement, lesson: Lesson): void {
  hideNamed(lesson, (name) => hideTargets(element, name));
  const lessonBox = element.querySelector<HTMLElement>("[data-role=lesson]");
  const figure = element.querySelector<HTMLElement>("figure");
  if (lesson.question === "" || !lessonBox || !figure) return;
  const text = lessonBox.querySelector<HTMLElement>("[data-role=question]");
  if (text) text.replaceChildren(Object.assign(document.createElement("bdi"), { textContent: lesson.question }));
  lessonBox.hidden = false;
  figure.hidden = true;
  element.querySelector("details.data-table")?.toggleAttribute("hidden", true);
  lessonBox.querySelector("button[data-role=reveal]")?.addEventListener("click", () => {
    figure.hidden = false;
    if (!lesson.hide.includes("table")) element.querySelector("details.data-table")?.toggleAttribute("hidden", false);
    lessonBox.querySelector("button")?.remove();
  });
}

/** A formula that depends on more than the sliders (a written expression), typeset again; KaTeX loads only for such kinds. */
async function showFormula(element: HTMLElement, latex: string): Promise<void> {
  const target = element.querySelector<HTMLElement>("[data-role=formula]");
  if (!target) return;
  const { default: katex } = await import("katex");
  target.innerHTML = katex.renderToString(latex, { displayMode: true, throwOnError: true });
}

export function mountScheduleExplorer(element: HTMLElement): void {
  const kind = element.dataset.kind;
  if (!isKind(kind)) throw new Error(`unknown schedule kind "${element.dataset.kind ?? ""}"`);
  const family = registry[kind];
  const steps = Number(element.dataset.steps);
  const full = element.dataset.panels === "all";
  let base = JSON.parse(element.dataset.spec ?? "{}") as ScheduleSpec;
  let drawn: ExplorerModel | null = null;
  const notice = element.querySelector<HTMLElement>("[data-role=notice]");
  const sliders = [...element.querySelectorAll<HTMLInputElement>("input[type=range][data-param]")];
  const choices = [...element.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>("[data-choice]")];
  const compareSelect = element.querySelector<HTMLSelectElement>("select[data-role=compare]");
  const urlState = element.dataset.urlState === "on";
  const say = noticeBox(notice);
  let lesson = NO_LESSON;

  if (urlState) {
    const { state: fromUrl, notices } = explorerFromQuery(readQuery(), kind, { spec: base, compare: (element.dataset.compare ?? "") as CompareChoice });
    base = fromUrl.spec;
    lesson = fromUrl.lesson;
    if (compareSelect) compareSelect.value = fromUrl.compare;
    const values = new Map<string, unknown>(Object.entries(base));
    for (const input of sliders) {
      const p = family.params.find((q) => q.name === input.dataset.param);
      const v = values.get(input.dataset.param ?? "");
      if (p && typeof v === "number") input.value = String(sliderAttributes(p, v).value);
    }
    for (const input of choices) {
      const v = values.get(input.dataset.choice ?? "");
      if (input instanceof HTMLInputElement) input.checked = v === true;
      else input.value = String(v);
    }
    applyLesson(element, lesson);
    say(urlNoticeText(notices));
  }

  // The settings as numbers, exactly: a slider only changes the field it
  // controls, when the reader moves it (slider positions are rounded).
  const state: Record<string, unknown> = { ...base };
  const take = (target: EventTarget | null): void => {
    if (target instanceof HTMLInputElement && target.type === "range" && target.dataset.param) {
      const p = family.params.find((q) => q.name === target.dataset.param);
      if (p) state[p.name] = valueFromSlider(p, target.value);
    } else if ((target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement) && target.dataset.choice) {
      state[target.dataset.choice] = target instanceof HTMLInputElement && target.type === "checkbox" ? target.checked : target.value;
    }
  };

  // The code and library panels are the page's own until the settings change; their adapters load when they show.
  const builtSpec = element.dataset.spec ?? "";
  let panels: LibraryPanels | null = null;
  const panelLoader = libraryPanelLoader(
    element,
    (loaded) => {
      panels = loaded;
      redraw(false);
    },
    (error) => say(`The code and library panels could not update (${String(error)}); they show the page's first settings.`),
  );

  const redraw = (fromUser: boolean): void => {
    const candidate: Record<string, unknown> = { ...state };
    const parsed = parseSpec(candidate);
    if (!parsed.ok) {
      say(`These settings are not valid: ${parsed.errors.map((e) => `${e.path}: ${e.message}`).join("; ")}. The figure keeps the last valid settings.`);
      return;
    }
    if (fromUser) say(null);
    const picked = compareSelect?.value;
    const compareKind: ScheduleKind | "" = isKind(picked) ? picked : "";
    const compare = compareKind ? (registry[compareKind].defaults as ScheduleSpec) : null;
    let model: ExplorerModel;
    try {
      model = explorerModel({ spec: parsed.spec, compare, steps, libraries: panels });
    } catch (error) {
      // A written expression that parses can still fail at some step (1 / t at t = 0): say where, keep the last drawing.
      if (!(error instanceof ExpressionError)) throw error;
      say(`The expression fails: ${error.message}. The figure keeps the last valid settings.`);
      return;
    }
    if (family.latexOf) void showFormula(element, model.latex);
    drawn = model;
    drawFigure(element.querySelector<HTMLElement>("[data-role=plot]"), model.points, { description: model.description, yMax: model.yMax });
    const described = element.querySelector<HTMLElement>("[data-role=description]");
    if (described) described.textContent = model.description;
    const table = element.querySelector<HTMLTableElement>("[data-role=table]");
    if (table) fillTable(table, model);
    for (const slider of model.sliders) {
      const note = element.querySelector<HTMLElement>(`[data-role=inert][data-param="${CSS.escape(slider.name)}"]`);
      if (note) note.hidden = slider.moves;
    }
    if (panels) fillLibraries(element, model);
    else if (full && JSON.stringify(parsed.spec) !== builtSpec) panelLoader.stale();
    const values = new Map<string, unknown>(Object.entries(parsed.spec));
    for (const output of element.querySelectorAll<HTMLOutputElement>("output[data-param]")) {
      const value = values.get(output.dataset.param ?? "");
      const p = family.params.find((q) => q.name === output.dataset.param);
      if (typeof value !== "number") continue;
      output.value = p?.integer ? String(value) : formatRate(value);
      // A log slider's position is log10 of the value: screen readers hear the value itself.
      element.querySelector(`input[type=range][data-param="${CSS.escape(output.dataset.param ?? "")}"]`)?.setAttribute("aria-valuetext", output.value);
    }
    if (urlState && fromUser) {
      writeQuery(explorerToQuery({ spec: parsed.spec, compare: compareKind, lesson }));
    }
    element.dataset.state = "live";
    element.dispatchEvent(new CustomEvent("lr-redraw", { bubbles: true, detail: { spec: parsed.spec } }));
  };

  for (const button of element.querySelectorAll<HTMLButtonElement>("button[data-copy]")) {
    button.hidden = false;
    button.addEventListener("click", () => {
      const text = button.parentElement?.querySelector("code")?.textContent ?? "";
      void copy(text).then((ok) => {
        button.textContent = ok ? "Copied" : "Select and copy";
        window.setTimeout(() => (button.textContent = "Copy"), 1500);
      });
    });
  }
  const onChange = (event: Event): void => {
    take(event.target);
    redraw(true);
  };
  element.addEventListener("input", onChange);
  element.addEventListener("change", onChange);
  redraw(false);
  // A box that changes width (a phone turned, a window resized) gets its figures drawn again at the new width.
  const boxes = [...element.querySelectorAll<HTMLElement>("[data-role=plot], [data-role=library-plot]")];
  const resized = new ResizeObserver(() => {
    const model = drawn;
    if (!model) return;
    const [curve, libraries] = [boxes.find((b) => b.dataset.role === "plot"), boxes.find((b) => b.dataset.role === "library-plot")];
    if (curve && curve.dataset.drawnWidth !== String(widthOf(curve) ?? "")) drawFigure(curve, model.points, { description: model.description, yMax: model.yMax });
    if (model.libraries.length > 0 && libraries && libraries.dataset.drawnWidth !== String(widthOf(libraries) ?? "")) drawFigure(libraries, model.libraryPoints, { description: "The same settings as computed by each library.", height: 240, yMax: model.yMax });
  });
  for (const box of boxes) resized.observe(box);
}
