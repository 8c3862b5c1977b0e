/**
 * The race's settings controls: showing a setup in them, and turning the
 * reader's changes into calls back to the island. A control's value is never
 * trusted: numbers are checked before they reach `rebuild`, and `raceSetup`
 * checks the whole setup again.
 */
import { BACKEND_CHOICES, type BackendChoiceName } from "../../src/browser/backends.ts";
import { expressionOf, RACE_LIMITS, type RaceSetup, type RaceSetupInput } from "./training-race-model.ts";

interface ControlHandlers {
  /** A setting changed: build a new setup from the current one and this change. */
  rebuild: (change: RaceSetupInput) => void;
  /** The reader picked another backend. */
  backend: (name: BackendChoiceName) => void;
  /** Milliseconds between steps (the speed control). */
  delay: (ms: number) => void;
  say: (text: string) => void;
}

const control = <T extends HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(element: HTMLElement, name: string) => element.querySelector<T>(`[data-setting=${name}]`);
const kindBoxes = (element: HTMLElement) => [...element.querySelectorAll<HTMLInputElement>("input[data-kind]")];

/** Put a setup's values into the controls. */
export function syncControls(element: HTMLElement, setup: RaceSetup, backend: BackendChoiceName): void {
  const values: [string, string][] = [
    ["optimizer", setup.optimizer],
    ["task", setup.task],
    ["seed", String(setup.seed)],
    ["steps", String(setup.steps)],
    ["batch", String(setup.batchSize)],
    ["lr", setup.lr === null ? "" : String(setup.lr)],
    ["backend", backend],
  ];
  for (const [name, value] of values) {
    const el = control(element, name);
    if (el) el.value = value;
  }
  for (const box of kindBoxes(element)) box.checked = setup.schedules.some((s) => s.kind === box.dataset.kind);
  // The expression field keeps the reader's text while the race has no written schedule.
  const expression = expressionOf(setup);
  const field = control<HTMLTextAreaElement>(element, "expression");
  if (field && expression !== undefined) field.value = expression;
}

const isBackendChoice = (value: string): value is BackendChoiceName => (BACKEND_CHOICES as readonly string[]).includes(value);

/** Listen to every settings control; `current()` gives the setup the controls show now. */
export function wireControls(element: HTMLElement, current: () => RaceSetup, on: ControlHandlers): void {
  const listen = (name: string, handle: (value: string, target: HTMLInputElement | HTMLSelectElement) => void) =>
    control(element, name)?.addEventListener("change", (e) => handle((e.target as HTMLInputElement | HTMLSelectElement).value, e.target as HTMLInputElement | HTMLSelectElement));
  listen("speed", (value) => on.delay(Number(value)));
  listen("optimizer", (optimizer) => on.rebuild({ optimizer }));
  listen("task", (task) => on.rebuild({ task }));
  const whole = (name: string, key: "seed" | "steps" | "batchSize") =>
    listen(name, (raw, target) => {
      const v = Number(raw);
      if (raw.trim() === "" || !Number.isInteger(v)) {
        on.say(`${name} must be a whole number, got "${raw}". The race keeps ${current()[key]}.`);
        target.value = String(current()[key]);
        return;
      }
      on.rebuild({ [key]: v });
    });
  whole("seed", "seed");
  whole("steps", "steps");
  whole("batch", "batchSize");
  listen("lr", (raw) => on.rebuild({ lr: raw.trim() === "" ? null : Number(raw) }));
  listen("expression", (expression) => on.rebuild({ expression }));
  listen("backend", (value) => {
    if (isBackendChoice(value)) on.backend(value);
  });
  for (const box of kindBoxes(element)) {
    box.addEventListener("change", () => {
      const kinds = kindBoxes(element).filter((b) => b.checked).map((b) => b.dataset.kind as string);
      if (kinds.length === 0 || kinds.length > RACE_LIMITS.schedules) {
        on.say(`Pick 1 to ${RACE_LIMITS.schedules} schedules (${kinds.length} picked).`);
        box.checked = !box.checked;
        return;
      }
      const expression = control<HTMLTextAreaElement>(element, "expression")?.value;
      on.rebuild({ schedules: kinds.join(","), ...(kinds.includes("lambda") && expression !== undefined ? { expression } : {}) });
    });
  }
}
