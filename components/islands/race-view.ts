/**
 * What the live race draws from its RaceLog: the three figures (with the same
 * Plot builder the build used), the summary table, the legend with each
 * schedule's formula, and the event log. Each function redraws one thing.
 */
import { colorsFor, renderRaceFigure } from "../../src/plots/race.ts";
import { figureWidth } from "./figure-width.ts";
import { noteDrawnWidth } from "./figure-resize.ts";
import { formulaOf, registry } from "../../src/schedules/index.ts";
import { taskInfo } from "../../src/data/datasets.ts";
import { fmt, pct, plannedRates, type RaceLog, type RaceSetup } from "./training-race-model.ts";

/** Live figures keep at most this many points per run, so a redraw stays cheap. */
const LIVE_POINTS = 250;

/** Put a live figure in its box and note the width it was drawn at (figure-resize.ts redraws when that changes). */
function show(box: HTMLElement | null, figure: Element, width: number | undefined): void {
  if (!box) return;
  box.replaceChildren(figure);
  noteDrawnWidth(box, width);
}

export function drawLoss(element: HTMLElement, log: RaceLog): void {
  const description = log.description();
  const box = element.querySelector<HTMLElement>("[data-role=loss]");
  const width = figureWidth(box);
  const figure = renderRaceFigure(log.train, { runs: log.setup.labels, steps: log.setup.steps, y: { label: "training loss (smoothed)", log: true }, secondary: log.val, markers: log.markers, description, maxPoints: LIVE_POINTS, width });
  show(box, figure, width);
  const described = element.querySelector<HTMLElement>("[data-role=description]");
  if (described) described.textContent = description;
}

export function drawAccuracy(element: HTMLElement, log: RaceLog): void {
  const box = element.querySelector<HTMLElement>("[data-role=accuracy]");
  const width = figureWidth(box);
  const figure = renderRaceFigure(log.accuracy, { runs: log.setup.labels, steps: log.setup.steps, y: { label: "validation accuracy", domain: [0, 1] }, description: "Validation accuracy of each run at each evaluation.", maxPoints: LIVE_POINTS, width });
  show(box, figure, width);
}

export function drawRates(element: HTMLElement, log: RaceLog): void {
  const points = log.lr.length ? log.lr : plannedRates(log.setup);
  const box = element.querySelector<HTMLElement>("[data-role=lr]");
  const width = figureWidth(box);
  const figure = renderRaceFigure(points, { runs: log.setup.labels, steps: log.setup.steps, y: { label: "learning rate" }, height: 160, description: "The learning rate each run's optimizer used at each step.", maxPoints: LIVE_POINTS, width });
  show(box, figure, width);
}

export function fillTable(element: HTMLElement, log: RaceLog): void {
  const body = element.querySelector<HTMLTableSectionElement>("[data-role=table] tbody");
  if (!body) return;
  const classification = taskInfo(log.setup.task).kind === "classification";
  body.replaceChildren(
    ...log.rows().map((r) => {
      const tr = document.createElement("tr");
      const th = document.createElement("th");
      th.scope = "row";
      th.textContent = r.run;
      const note = r.diverged !== null ? `diverged at step ${r.diverged}` : r.cuts > 0 ? `${r.cuts} plateau cut${r.cuts > 1 ? "s" : ""}` : "";
      const cells = [fmt(r.finalTrainLoss), fmt(r.finalValLoss), ...(classification ? [pct(r.bestValAccuracy)] : []), fmt(r.finalLr), note];
      tr.append(th, ...cells.map((c) => Object.assign(document.createElement("td"), { textContent: c })));
      return tr;
    }),
  );
}

export function showProgress(element: HTMLElement, log: RaceLog): void {
  const progress = element.querySelector<HTMLProgressElement>("[data-role=progress]");
  if (!progress) return;
  progress.max = log.setup.steps;
  progress.value = log.steps;
  progress.textContent = `${log.steps} of ${log.setup.steps} steps`;
}

/** One line per schedule: its colour, its name and (from the page's templates) its formula. */
export function updateLegend(element: HTMLElement, setup: RaceSetup): void {
  const legend = element.querySelector<HTMLElement>("[data-role=legend]");
  if (!legend) return;
  const colors = colorsFor(setup.labels).range;
  legend.replaceChildren(
    ...setup.schedules.map((s, k) => {
      const li = document.createElement("li");
      const swatch = document.createElement("span");
      swatch.className = "swatch";
      swatch.style.background = colors[k] as string;
      swatch.setAttribute("aria-hidden", "true");
      const name = document.createElement("strong");
      name.textContent = setup.labels[k] ?? registry[s.kind].title;
      li.append(swatch, " ", name, " ");
      const formula = element.querySelector<HTMLTemplateElement>(`template[data-formula="${CSS.escape(s.kind)}"]`);
      if (s.kind === "lambda") li.append(expressionFormula(s));
      else if (formula) {
        const span = document.createElement("span");
        span.className = "legend-formula";
        span.append(formula.content.cloneNode(true));
        li.append(span);
      }
      return li;
    }),
  );
}

/** A written schedule's formula: its expression as code at once, typeset from the same tree once KaTeX has loaded. */
function expressionFormula(spec: Extract<RaceSetup["schedules"][number], { kind: "lambda" }>): HTMLElement {
  const span = document.createElement("span");
  span.className = "legend-formula";
  span.append(Object.assign(document.createElement("code"), { textContent: spec.expression }));
  const latex = formulaOf(spec);
  void import("katex").then(({ default: katex }) => {
    // KaTeX escapes every character it prints; the LaTeX comes from the parsed tree, never from the text.
    span.innerHTML = katex.renderToString(latex, { throwOnError: true });
  }, () => undefined);
  return span;
}

/** A line in the race's event log (divergence, plateau cuts). */
export function logLine(element: HTMLElement, text: string): void {
  const li = document.createElement("li");
  li.textContent = text;
  element.querySelector("[data-role=log]")?.append(li);
}

/** Warm Plot up while the reader is still reading: its first figure is the slowest, and that cost must not land during training. */
export function warmUpFigures(setup: RaceSetup): void {
  const idle = (fn: () => void) => (typeof window.requestIdleCallback === "function" ? window.requestIdleCallback(fn, { timeout: 2000 }) : window.setTimeout(fn, 50));
  const planned = plannedRates(setup);
  idle(() => void renderRaceFigure(planned, { runs: setup.labels, steps: setup.steps, y: { label: "learning rate" }, description: "warm-up", maxPoints: LIVE_POINTS }));
  idle(() => void renderRaceFigure(planned, { runs: setup.labels, steps: setup.steps, y: { label: "loss", log: true }, secondary: planned, description: "warm-up", maxPoints: LIVE_POINTS }));
}
