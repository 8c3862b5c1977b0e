/**
 * The live half of ScheduleExplorer: reads the controls, validates the spec,
 * and redraws everything with the same model and Plot builder the build used.
 * Invalid settings show a notice and keep the last good drawing; nothing is
 * ever drawn from NaN. With data-url-state="on" the settings live in the URL.
 *
 * What the first touch downloads is kept small: a move that only changes the
 * curve moves it in the build-time figure (schedule-explorer-fast.ts); Plot
 * (schedule-explorer-draw.ts) loads when a redraw needs it (a new y top, a
 * comparison, a narrower box, the library panels), and from then on draws
 * every redraw, with its pointer tip; the Python grammar loads when a spec first parses an
 * expression other than the page's own, which the build parsed (data-expressions, see
 * schedule-explorer-expressions.ts; GrammarPending, src/schedules/expression/grammar.ts), KaTeX
 * when a written expression's formula changes.
 */
import { ExpressionError, formulaOf, GrammarPending, isKind, loadPythonGrammar, parseSpec, registry, type ScheduleKind, type ScheduleSpec } from "../../src/schedules/core.ts";
import { parserFor, refusedTreesNotice } from "./schedule-explorer-expressions.ts";
import { builtFigure, planInPlace } from "./schedule-explorer-fast.ts";
import { sliderAttributes, valueFromSlider } from "../../src/browser/slider.ts";
import { readQuery, writeQuery } from "../../src/browser/url-adapter.ts";
import { explorerModel, formatRate, type ExplorerModel, type LibraryPanels } from "./schedule-explorer-model.ts";
import { libraryPanelLoader } from "./explorer-library-loader.ts";
import { explorerFromQuery, explorerToQuery, type CompareChoice } from "./explorer-url.ts";
import { NO_LESSON } from "./lesson.ts";
import { applyLesson, copy, fillLibraries, fillTable, showFormula } from "./schedule-explorer-view.ts";
import { noticeBox, urlNoticeText } from "./notice-view.ts";

type PlotDraw = typeof import("./schedule-explorer-draw.ts");

const LIBRARY_FIGURE = "The same settings as computed by each library.";

/** The explorer's figures as Plot draws them: the curve, and the four libraries' (once their panel is live). */
function drawWithPlot(plot: PlotDraw, element: HTMLElement, model: ExplorerModel, which: { curve: boolean; libraries: boolean }): void {
  if (which.curve) plot.drawFigure(element.querySelector<HTMLElement>("[data-role=plot]"), model.points, { description: model.description, yMax: model.yMax });
  if (which.libraries) plot.drawFigure(element.querySelector<HTMLElement>("[data-role=library-plot]"), model.libraryPoints, { description: LIBRARY_FIGURE, height: 240, yMax: model.yMax });
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
  // The page's parsed expressions, if one was refused: said until the reader writes an expression of their own.
  let ownExpression = false;
  const standingNotice = (): string | null => (ownExpression ? null : refusedTreesNotice(element));

  if (urlState) {
    let query: ReturnType<typeof explorerFromQuery>;
    try {
      query = explorerFromQuery(readQuery(), kind, { spec: base, compare: (element.dataset.compare ?? "") as CompareChoice });
    } catch (error) {
      if (!(error instanceof GrammarPending)) throw error;
      // The URL holds an expression: nothing is wired up yet, so load the page's trees or the parser and start again.
      void parserFor(element).then(
        () => mountScheduleExplorer(element),
        (failure: unknown) => say(`The expression parser could not load (${String(failure)}); the figure shows the page's settings.`),
      );
      return;
    }
    const { state: fromUrl, notices } = query;
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
    say(urlNoticeText(notices) ?? standingNotice());
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

  // Plot, once a redraw has needed it; from then on it draws every redraw (its pointer tip follows the data).
  let plot: PlotDraw | null = null;
  let plotLoading = false;
  let plotFromUser = false;
  /** Load Plot (once), then redraw the settings as they are by then. */
  const loadPlot = (fromUser: boolean): void => {
    plotFromUser ||= fromUser;
    if (plotLoading) return;
    plotLoading = true;
    void import("./schedule-explorer-draw.ts").then(
      ({ drawFigure, resized }) => {
        plot = { drawFigure, resized };
        redraw(plotFromUser);
      },
      (error: unknown) => {
        plotLoading = false;
        plotFromUser = false;
        say(`The figure could not redraw (${String(error)}); it shows the last settings drawn.`);
        element.dataset.state = "live";
      },
    );
  };
  // The formula on screen, typeset at build time from the page's settings until a written expression changes it.
  let shownLatex: string | null = null;

  const redraw = (fromUser: boolean): void => {
    try {
      update(fromUser);
    } catch (error) {
      if (!(error instanceof GrammarPending)) throw error;
      // A written expression (this kind's, or a comparison's) needs parsing: the page's own text waits for the tree
      // the build parsed (schedule-explorer-expressions.ts), any other for the parser, loaded once; then redraw.
      void parserFor(element).then(
        () => {
          const refused = standingNotice();
          if (refused) say(refused);
          redraw(fromUser);
        },
        (failure: unknown) => say(`The expression parser could not load (${String(failure)}); the figure keeps the last settings.`),
      );
    }
  };

  const update = (fromUser: boolean): void => {
    const candidate: Record<string, unknown> = { ...state };
    const parsed = parseSpec(candidate);
    if (!parsed.ok) {
      say(`These settings are not valid: ${parsed.errors.map((e) => `${e.path}: ${e.message}`).join("; ")}. The figure keeps the last valid settings.`);
      return;
    }
    if (fromUser) say(standingNotice());
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
    // The build-time curve moves in place while it can (schedule-explorer-fast.ts), even once Plot is here: a
    // figure changes its layout only when it must. Otherwise Plot draws it, and the library figure, once loaded;
    // meanwhile nothing changes, so the figure, the values and the table change together.
    const curve = element.querySelector<HTMLElement>("[data-role=plot]");
    const inPlace = curve && planInPlace(curve, model.points, model);
    const libraries = panels !== null && model.libraries.length > 0;
    if (!plot && (!inPlace || libraries)) {
      loadPlot(fromUser);
      return;
    }
    inPlace?.();
    if (plot) drawWithPlot(plot, element, model, { curve: !inPlace, libraries });
    drawn = model;
    if (family.latexOf) {
      shownLatex ??= formulaOf(JSON.parse(builtSpec) as ScheduleSpec);
      if (model.latex !== shownLatex) {
        shownLatex = model.latex;
        void showFormula(element, model.latex);
      }
    }
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
  // A reader who reaches for the expression is about to write one of their own: its parser starts loading now.
  // (A failure to load is said by the redraw that needs it.)
  for (const field of element.querySelectorAll<HTMLTextAreaElement>("textarea[data-choice]")) field.addEventListener("focus", () => void loadPythonGrammar().catch(() => undefined), { once: true });
  const onChange = (event: Event): void => {
    if (event.target instanceof HTMLTextAreaElement) ownExpression = true;
    take(event.target);
    redraw(true);
  };
  element.addEventListener("input", onChange);
  element.addEventListener("change", onChange);
  redraw(false);
  // A box that changes width (a phone turned, a window resized) gets its figures drawn again at the new width;
  // the build-time figure scales with its box, and is drawn again only once the box is narrower than it.
  const boxes = [...element.querySelectorAll<HTMLElement>("[data-role=plot], [data-role=library-plot]")];
  const curveBox = boxes.find((b) => b.dataset.role === "plot");
  const resized = new ResizeObserver(() => {
    if (!drawn) return;
    const builtOutgrown = curveBox !== undefined && curveBox.dataset.drawnWidth === undefined && !builtFigure(curveBox);
    if (builtOutgrown || boxes.some((box) => plot?.resized(box))) redraw(false);
  });
  for (const box of boxes) resized.observe(box);
}
