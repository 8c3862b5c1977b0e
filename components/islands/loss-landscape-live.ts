/**
 * The live half of LossLandscape: reads the controls, checks them with the
 * same model the build used, recomputes the descent runs (pure TypeScript,
 * milliseconds) and redraws with the same Plot builder. An invalid value shows
 * a notice naming the field and the figure keeps that field's last valid
 * setting; nothing is ever drawn from NaN. With data-url-state="on" the
 * settings come from, and go back to, the page URL. Everything that came
 * from the URL or a control reaches the page as text, never as HTML.
 */
import { sliderAttributes, valueFromSlider } from "../../src/browser/slider.ts";
import { readQuery, writeQuery } from "../../src/browser/url-adapter.ts";
import { renderLandscapeFigure } from "../../src/plots/landscape.ts";
import { figureWidth } from "./figure-width.ts";
import { colorOf, figureInput, fmt, landscapeModel, type LandscapeModel } from "./loss-landscape-model.ts";
import {
  setupFromQuery,
  setupToQuery,
  validateLandscape,
  LandscapeSetupError,
  LR_SLIDER,
  LANDSCAPE_KINDS,
  DEFAULT_SETUP,
  type FieldError,
  type LandscapeField,
  type LandscapeInput,
  type LandscapeSetup,
} from "./loss-landscape-setup.ts";
import { noticeBox, urlNoticeText } from "./notice-view.ts";

function cell(text: string, header = false): HTMLTableCellElement {
  const td = document.createElement(header ? "th" : "td");
  td.textContent = text;
  if (header) td.setAttribute("scope", "row");
  return td;
}

function fillTables(element: HTMLElement, model: LandscapeModel): void {
  const summary = element.querySelector<HTMLTableElement>("[data-role=summary]");
  if (summary) {
    const body = summary.tBodies[0] ?? summary.createTBody();
    body.replaceChildren(
      ...model.summary.map((row) => {
        const tr = document.createElement("tr");
        tr.append(cell(row.schedule, true), cell(row.outcome), cell(row.x), cell(row.y), cell(row.f), cell(row.nearest), cell(row.noiseBall));
        return tr;
      }),
    );
  }
  const table = element.querySelector<HTMLTableElement>("[data-role=table]");
  if (table) {
    const body = table.tBodies[0] ?? table.createTBody();
    body.replaceChildren(
      ...model.samples.map((row) => {
        const tr = document.createElement("tr");
        tr.append(cell(row.schedule), cell(row.step), cell(row.lr), cell(row.x), cell(row.y), cell(row.f));
        return tr;
      }),
    );
  }
}

function fillLegend(element: HTMLElement, model: LandscapeModel): void {
  const legend = element.querySelector<HTMLElement>("[data-role=legend]");
  if (!legend) return;
  for (const item of legend.querySelectorAll("li[data-kind]")) item.remove();
  const first = legend.firstElementChild;
  for (const run of model.runs) {
    const li = document.createElement("li");
    li.dataset.kind = run.kind;
    const swatch = document.createElement("span");
    swatch.className = "swatch";
    swatch.style.background = colorOf(run.kind);
    swatch.setAttribute("aria-hidden", "true");
    li.append(swatch, document.createTextNode(run.label));
    legend.insertBefore(li, first);
  }
}

const describeErrors = (errors: readonly FieldError[]): string => errors.map((e) => `${e.field}: ${e.message}`).join("; ");

export function mountLossLandscape(element: HTMLElement): void {
  const parsedSetup = validateLandscape(JSON.parse(element.dataset.setup ?? "{}") as LandscapeInput);
  let valid: LandscapeSetup = parsedSetup.setup;
  const urlState = element.dataset.urlState === "on";
  const notice = element.querySelector<HTMLElement>("[data-role=notice]");
  const plot = element.querySelector<HTMLElement>("[data-role=plot]");
  const fnSelect = element.querySelector<HTMLSelectElement>("select[data-field=fn]");
  const inputs = (field: LandscapeField) => element.querySelector<HTMLInputElement>(`input[data-field=${field}]`);
  const kindBoxes = [...element.querySelectorAll<HTMLInputElement>("input[type=checkbox][data-kind]")];
  const animateButton = element.querySelector<HTMLButtonElement>("button[data-action=animate]");
  const reducedMotion = window.matchMedia?.("(prefers-reduced-motion: reduce)").matches ?? false;
  let model: LandscapeModel | null = null;
  let frame = 0;
  let redraws = 0;

  const say = noticeBox(notice);

  /** Put a setup's values into the controls (after reading the URL). */
  const showInControls = (setup: LandscapeSetup): void => {
    if (fnSelect) fnSelect.value = setup.fn;
    const lr = inputs("lr");
    if (lr) lr.value = String(sliderAttributes(LR_SLIDER, setup.lr).value);
    for (const field of ["noise", "momentum", "steps", "seed"] as const) {
      const input = inputs(field);
      if (input) input.value = String(setup[field]);
    }
    for (const box of kindBoxes) box.checked = setup.schedules.includes(box.dataset.kind as (typeof LANDSCAPE_KINDS)[number]);
  };

  // The settings as entered: a control changes only its own field, when the
  // reader moves it (the log slider's positions are rounded).
  const raw: Record<LandscapeField, unknown> = { ...valid, schedules: [...valid.schedules] };
  const take = (target: EventTarget | null): boolean => {
    if (target instanceof HTMLSelectElement && target.dataset.field === "fn") {
      raw.fn = target.value;
      return true;
    }
    if (!(target instanceof HTMLInputElement)) return false;
    if (target.type === "checkbox" && target.dataset.kind) {
      raw.schedules = kindBoxes.filter((b) => b.checked).map((b) => b.dataset.kind as string);
      return true;
    }
    const field = target.dataset.field as LandscapeField | undefined;
    if (!field) return false;
    if (field === "lr") {
      try {
        raw.lr = valueFromSlider(LR_SLIDER, target.value);
      } catch {
        raw.lr = Number.NaN;
      }
    } else {
      raw[field] = target.value;
    }
    return true;
  };

  const draw = (upTo?: number): void => {
    if (!model || !plot) return;
    const options = { description: model.description, ariaLabel: model.title, width: figureWidth(plot), ...(upTo === undefined ? {} : { upTo }) };
    plot.replaceChildren(renderLandscapeFigure(figureInput(model), options));
  };

  const stopAnimation = (): void => {
    if (frame !== 0) cancelAnimationFrame(frame);
    frame = 0;
    if (animateButton) {
      animateButton.textContent = "Animate";
      animateButton.setAttribute("aria-pressed", "false");
    }
    delete element.dataset.animating;
  };

  const animate = (): void => {
    if (!model) return;
    if (frame !== 0) {
      stopAnimation();
      draw();
      return;
    }
    if (reducedMotion) {
      // No motion: the whole paths at once.
      draw();
      return;
    }
    const total = Math.max(...model.runs.map((r) => r.result.path.length - 1), 1);
    const duration = Math.min(4000, 1000 + total * 10);
    const started = performance.now();
    element.dataset.animating = "on";
    if (animateButton) {
      animateButton.textContent = "Stop";
      animateButton.setAttribute("aria-pressed", "true");
    }
    const tick = (now: number): void => {
      const upTo = Math.min(total, Math.floor(((now - started) / duration) * total));
      draw(upTo);
      if (upTo >= total) {
        frame = 0;
        stopAnimation();
        return;
      }
      frame = requestAnimationFrame(tick);
    };
    draw(0);
    frame = requestAnimationFrame(tick);
  };

  const redraw = (fromUser: boolean, extra: string | null = null): void => {
    stopAnimation();
    const checked = validateLandscape(raw as LandscapeInput, valid);
    const problems: string[] = [];
    if (!checked.ok) problems.push(`These settings are not valid: ${describeErrors(checked.errors)}. The figure keeps the last valid value of each.`);
    let next: LandscapeModel;
    try {
      next = landscapeModel(checked.setup);
    } catch (error) {
      const message = error instanceof LandscapeSetupError ? error.message : String(error);
      say(`${extra ? extra + " " : ""}These settings cannot be run: ${message}. The figure keeps the last valid settings.`);
      return;
    }
    valid = checked.setup;
    model = next;
    draw();
    fillLegend(element, model);
    fillTables(element, model);
    const description = element.querySelector<HTMLElement>("[data-role=description]");
    if (description) description.textContent = model.description;
    const fnText = element.querySelector<HTMLElement>("[data-role=function]");
    if (fnText) fnText.textContent = model.fn.description;
    const title = element.querySelector<HTMLElement>("[data-role=title]");
    if (title) title.textContent = `${model.title}.`;
    const heading = element.querySelector<HTMLElement>("[data-role=heading]");
    if (heading) heading.textContent = model.fn.title;
    for (const output of element.querySelectorAll<HTMLOutputElement>("output[data-field]")) {
      const value = valid[output.dataset.field as "lr" | "noise" | "momentum"];
      if (typeof value !== "number") continue;
      output.value = fmt(value);
      // The lr slider's position is log10 of the rate: screen readers hear the rate itself.
      inputs(output.dataset.field as LandscapeField)?.setAttribute("aria-valuetext", output.value);
    }
    if (extra !== null) problems.unshift(extra);
    if (problems.length > 0) say(problems.join(" "));
    else if (fromUser) say(null);
    if (urlState && fromUser) writeQuery(setupToQuery(valid));
    redraws += 1;
    element.dataset.redraws = String(redraws);
    element.dataset.state = "live";
    element.dispatchEvent(new CustomEvent("lr-redraw", { bubbles: true, detail: { setup: valid } }));
  };

  let urlNotice: string | null = null;
  if (urlState) {
    const { setup, notices } = setupFromQuery(readQuery(), valid);
    valid = setup;
    Object.assign(raw, { ...setup, schedules: [...setup.schedules] });
    showInControls(setup);
    urlNotice = urlNoticeText(notices, "Some settings in the address were not valid and were replaced by defaults");
  } else if (!parsedSetup.ok) {
    valid = DEFAULT_SETUP;
  }

  const onChange = (event: Event): void => {
    const target = event.target;
    // Number fields redraw when the reader commits a value, not at every keystroke.
    if (event.type === "input" && target instanceof HTMLInputElement && target.type === "number") return;
    if (take(target)) redraw(true);
  };
  element.addEventListener("input", onChange);
  element.addEventListener("change", onChange);
  if (animateButton) {
    animateButton.hidden = false;
    animateButton.setAttribute("aria-pressed", "false");
    animateButton.addEventListener("click", animate);
  }

  // Controls moved while this module loaded are announced again by the loader (lazy-island.ts).
  redraw(false, urlNotice);
}
