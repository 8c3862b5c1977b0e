/**
 * The live half of Converter: reconverts the pasted call as the reader types
 * and redraws the curve, the formula, the library table and the links with
 * the same model the build used. A call that cannot be read shows a notice
 * naming the characters, and the last good drawing stays.
 */
import { renderScheduleFigure } from "../../src/plots/schedule-figure.ts";
import { convertCall, converterFromQuery, raceLinkQuery, type Converted } from "./converter-model.ts";
import { noticeBox, urlNoticeText } from "./notice-view.ts";
import { pythonEditorOnInteraction } from "./python-editor-loader.ts";

function cell(text: string, code = false): HTMLTableCellElement {
  const td = document.createElement("td");
  if (code) td.append(Object.assign(document.createElement("code"), { textContent: text }));
  else td.textContent = text;
  return td;
}

function setLink(element: HTMLElement, role: string, href: string | null): void {
  const link = element.querySelector<HTMLAnchorElement>(`a[data-role=${role}]`);
  if (!link) return;
  link.hidden = href === null;
  if (href === null) link.removeAttribute("href");
  else link.href = href;
}

async function show(element: HTMLElement, result: Converted, steps: number): Promise<void> {
  const base = element.dataset.base ?? "/";
  const entries = JSON.parse(element.dataset.entries ?? "{}") as Record<string, string>;
  const raceable = (element.dataset.raceable ?? "").split(",");
  element.querySelector("[data-role=plot]")?.replaceChildren(renderScheduleFigure(result.points, { description: `The learning rate of ${result.name} over ${steps} steps, and the site's equivalent.` }));
  const caption = element.querySelector<HTMLElement>("[data-role=caption]");
  if (caption) caption.textContent = `${result.name} (${result.library})${result.title ? `, and the site's ${result.title.toLowerCase()}` : ""}.`;
  const note = element.querySelector<HTMLElement>("[data-role=note]");
  if (note) note.textContent = result.note ?? "";
  const body = element.querySelector<HTMLTableElement>("[data-role=libraries]")?.tBodies[0];
  body?.replaceChildren(
    ...result.libraries.map((run) => {
      const tr = document.createElement("tr");
      const verdict = run.reason !== null ? `no equivalent: ${run.reason}` : run.firstDifference === null ? "yes, at every step shown" : `differs from step ${run.firstDifference.step}: ours ${run.firstDifference.ours}, ${run.label} ${run.firstDifference.theirs}`;
      tr.append(cell(run.label), cell(run.call ?? "—", true), cell(verdict));
      return tr;
    }),
  );
  const kind = result.spec?.kind ?? "";
  setLink(element, "explorer", result.explorer ? `${base}${result.explorer}` : null);
  setLink(element, "entry", entries[kind] ? `${base}${entries[kind]}` : null);
  setLink(element, "race", result.spec && raceable.includes(kind) ? `${base}playground/?${raceLinkQuery(result.spec)}` : null);
  const formula = element.querySelector<HTMLElement>("[data-role=formula]");
  if (formula) {
    if (result.latex === null) formula.replaceChildren();
    else {
      const { default: katex } = await import("katex");
      formula.innerHTML = katex.renderToString(result.latex, { displayMode: true, throwOnError: true });
    }
  }
}

export function mountConverter(element: HTMLElement): void {
  const steps = Number(element.dataset.steps);
  const call = element.querySelector<HTMLTextAreaElement>("textarea[data-role=call]");
  const baseInput = element.querySelector<HTMLInputElement>("input[data-role=base]");
  const say = noticeBox(element.querySelector<HTMLElement>("[data-role=notice]"));
  // What the address asked for and was refused stays in view until the reader changes something.
  let fromAddress: string | null = null;
  if (element.dataset.urlState === "on" && location.search !== "" && call && baseInput) {
    const { state, notices } = converterFromQuery(new URLSearchParams(location.search), { call: call.value, baseLr: Number(baseInput.value) }, steps);
    call.value = state.call;
    baseInput.value = String(state.baseLr);
    fromAddress = urlNoticeText(notices);
  }
  const redraw = (): void => {
    const text = call?.value ?? "";
    const baseLr = Number(baseInput?.value);
    if (!(Number.isFinite(baseLr) && baseLr > 0)) {
      say("The optimizer's lr must be a number above 0.");
      return;
    }
    const result = convertCall(text, baseLr, steps);
    if (!result.ok) {
      const part = text.slice(result.from, result.to);
      say(`${result.message}${part !== "" && part !== text ? ` (at characters ${result.from + 1}–${result.to})` : ""}. The figure keeps the last call that worked.`);
      call?.setAttribute("aria-invalid", "true");
      return;
    }
    call?.removeAttribute("aria-invalid");
    say(fromAddress);
    void show(element, result, steps).then(() => {
      element.dataset.state = "live";
    });
  };
  const edited = (): void => {
    fromAddress = null;
    redraw();
  };
  element.addEventListener("input", edited);
  element.addEventListener("change", edited);
  redraw();
  if (call) pythonEditorOnInteraction(call);
}
