/**
 * The live half of ScheduleFigure: reads the sliders, validates the spec,
 * redraws the curve with the same builder the build used, and updates the
 * values, description and data table. Invalid settings show a notice and
 * keep the last good curve; nothing is ever drawn from NaN.
 */
import { parseSpec, registry } from "../../src/schedules/index.ts";
import { renderScheduleFigure } from "../../src/plots/schedule-figure.ts";
import { valueFromSlider } from "../../src/browser/slider.ts";
import { figureModel, formatRate } from "./schedule-figure-model.ts";

type Kind = keyof typeof registry;

function replaceRows(table: HTMLTableElement, rows: { step: number; lr: string }[]): void {
  const body = table.tBodies[0] ?? table.createTBody();
  body.replaceChildren(
    ...rows.map((row) => {
      const tr = document.createElement("tr");
      for (const text of [String(row.step), row.lr]) {
        const td = document.createElement("td");
        td.textContent = text;
        tr.append(td);
      }
      return tr;
    }),
  );
}

export function mountScheduleFigure(element: HTMLElement): void {
  const kind = element.dataset.kind as Kind;
  const definition = registry[kind];
  if (!definition) throw new Error(`unknown schedule kind "${element.dataset.kind}"`);
  const steps = Number(element.dataset.steps);
  const base = JSON.parse(element.dataset.spec ?? "{}") as Record<string, unknown>;
  const plot = element.querySelector<HTMLElement>("[data-role=plot]");
  const notice = element.querySelector<HTMLElement>("[data-role=notice]");
  const described = element.querySelector<HTMLElement>("[data-role=description]");
  const table = element.querySelector<HTMLTableElement>("[data-role=table]");
  const sliders = [...element.querySelectorAll<HTMLInputElement>("input[type=range][data-param]")];

  const redraw = (): void => {
    const candidate: Record<string, unknown> = { ...base };
    for (const input of sliders) {
      const param = definition.params.find((p) => p.name === input.dataset.param);
      if (param) candidate[param.name] = valueFromSlider(param, input.value);
    }
    const parsed = parseSpec(candidate);
    if (!parsed.ok) {
      if (notice) {
        notice.hidden = false;
        notice.textContent = `These settings are not valid: ${parsed.errors.map((e) => `${e.path}: ${e.message}`).join("; ")}`;
      }
      return;
    }
    if (notice) notice.hidden = true;
    const model = figureModel(kind, steps, parsed.spec);
    plot?.replaceChildren(renderScheduleFigure(model.points, { description: model.description }));
    if (described) described.textContent = model.description;
    if (table) replaceRows(table, model.table);
    for (const output of element.querySelectorAll<HTMLOutputElement>("output[data-param]")) {
      const value = candidate[output.dataset.param ?? ""];
      if (typeof value === "number") {
        const param = definition.params.find((p) => p.name === output.dataset.param);
        output.value = param?.integer ? String(value) : formatRate(value);
      }
    }
    element.dataset.state = "live";
    element.dispatchEvent(new CustomEvent("lr-redraw", { bubbles: true, detail: { spec: parsed.spec } }));
  };

  element.addEventListener("input", redraw);
  redraw();
}
