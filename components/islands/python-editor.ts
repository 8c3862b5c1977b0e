/**
 * A CodeMirror editor with Python highlighting in place of a <textarea>
 * (loaded by python-editor-loader.ts only when the reader reaches for the
 * field). The textarea stays in the page, hidden, as the form's value and the
 * fallback: every edit is copied into it and announced with an `input` event,
 * so the island's own listeners work unchanged. The text is highlighted by
 * @lezer/python, the parser the expression language itself uses.
 */
import { EditorState } from "@codemirror/state";
import { EditorView, drawSelection, keymap } from "@codemirror/view";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { bracketMatching, defaultHighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { python } from "@codemirror/lang-python";

export function attachPythonEditor(textarea: HTMLTextAreaElement): EditorView {
  const label = labelText(textarea) ?? textarea.getAttribute("aria-label") ?? "Python";
  const describedBy = textarea.getAttribute("aria-describedby");
  const view = new EditorView({
    state: EditorState.create({
      doc: textarea.value,
      extensions: [
        history(),
        drawSelection(),
        bracketMatching(),
        syntaxHighlighting(defaultHighlightStyle),
        python(),
        keymap.of([...defaultKeymap, ...historyKeymap]),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ "aria-label": label, ...(describedBy ? { "aria-describedby": describedBy } : {}), spellcheck: "false", autocapitalize: "off", autocorrect: "off" }),
        EditorView.updateListener.of((update) => {
          if (!update.docChanged) return;
          textarea.value = update.state.doc.toString();
          textarea.dispatchEvent(new Event("input", { bubbles: true }));
        }),
      ],
    }),
  });
  view.dom.classList.add("python-editor");
  const invalid = new MutationObserver(() => view.contentDOM.setAttribute("aria-invalid", textarea.getAttribute("aria-invalid") ?? "false"));
  invalid.observe(textarea, { attributes: true, attributeFilter: ["aria-invalid"] });
  // The field's label now points at the editor.
  for (const label of textarea.labels ?? []) {
    label.addEventListener("click", (event) => {
      event.preventDefault();
      view.focus();
    });
  }
  textarea.after(view.dom);
  textarea.hidden = true;
  return view;
}

/** The words of the textarea's label, without the text of the controls inside it (a textarea's default value). */
function labelText(textarea: HTMLTextAreaElement): string | null {
  const label = textarea.labels?.[0];
  if (!label) return null;
  const copy = label.cloneNode(true) as HTMLElement;
  for (const control of copy.querySelectorAll("textarea, input, select")) control.remove();
  return copy.textContent?.replace(/\s+/g, " ").trim() || null;
}
