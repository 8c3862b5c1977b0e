/**
 * Loads the Python editor (python-editor.ts, CodeMirror) for a textarea the
 * first time the reader focuses or presses it, and puts the caret where it
 * was. Until then, and if the editor cannot load, the plain textarea works.
 */
import type { PythonEditorOptions } from "./python-editor.ts";

export function pythonEditorOnInteraction(textarea: HTMLTextAreaElement, options: PythonEditorOptions = {}): void {
  let started = false;
  const start = (): void => {
    if (started) return;
    started = true;
    const focused = document.activeElement === textarea;
    import("./python-editor.ts").then(
      ({ attachPythonEditor }) => {
        const { selectionStart, selectionEnd } = textarea;
        const view = attachPythonEditor(textarea, options);
        if (focused || document.activeElement === textarea) {
          view.focus();
          view.dispatch({ selection: { anchor: selectionStart, head: selectionEnd } });
        }
      },
      () => undefined,
    );
  };
  if (document.activeElement === textarea) start();
  else for (const type of ["focus", "pointerdown"] as const) textarea.addEventListener(type, start, { once: true });
}
