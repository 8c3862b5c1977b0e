/**
 * What the live explorer writes into its page besides the figure: the data
 * table, the library panels' text, lesson mode, the copy buttons' clipboard
 * and a written expression's typeset formula (schedule-explorer-live.ts).
 */
import type { ExplorerModel } from "./schedule-explorer-model.ts";
import { hideNamed, type Lesson } from "./lesson.ts";

function cell(text: string): HTMLTableCellElement {
  const td = document.createElement("td");
  td.textContent = text;
  return td;
}

export function fillTable(table: HTMLTableElement, model: ExplorerModel): void {
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

export function fillLibraries(element: HTMLElement, model: ExplorerModel): void {
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
  for (const c of model.code) {
    const block = element.querySelector<HTMLElement>(`details[data-library="${c.library}"]`);
    const code = block?.querySelector<HTMLElement>("[data-role=code]");
    if (code && c.code !== null) code.textContent = c.code;
  }
}

export async function copy(text: string): Promise<boolean> {
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
export function applyLesson(element: HTMLElement, lesson: Lesson): void {
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
export async function showFormula(element: HTMLElement, latex: string): Promise<void> {
  const target = element.querySelector<HTMLElement>("[data-role=formula]");
  if (!target) return;
  const { default: katex } = await import("katex");
  target.innerHTML = katex.renderToString(latex, { displayMode: true, throwOnError: true });
}
