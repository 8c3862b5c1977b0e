/**
 * A CodeMirror editor with Python highlighting in place of a <textarea>
 * (loaded by python-editor-loader.ts only when the reader reaches for the
 * field). The textarea stays in the page, hidden, as the form's value and the
 * fallback: every edit is copied into it and announced with an `input` event,
 * so the island's own listeners work unchanged. The text is highlighted by
 * @lezer/python, the parser the expression language itself uses.
 *
 * A one-line field (a lambda of the step) stays one line: Enter commits
 * instead of breaking the line, a pasted line break becomes a space, and the
 * textarea gets a `change` event on Enter and when the editor loses focus
 * after an edit, as a text input would.
 */
import { EditorState, Prec, type Extension } from "@codemirror/state";
import { EditorView, drawSelection, keymap } from "@codemirror/view";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { bracketMatching, defaultHighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { python } from "@codemirror/lang-python";

/** The look of a code field wherever the editor replaces one: the site's mono face, a field's border, a visible focus ring. */
const FIELD_LOOK = EditorView.theme({
  "&": { border: "1px solid var(--border, currentColor)", borderRadius: "4px", fontSize: "0.95em" },
  ".cm-content": { fontFamily: "var(--font-mono, ui-monospace, monospace)" },
  "&.cm-focused": { outline: "2px solid var(--accent, Highlight)", outlineOffset: "1px" },
});

export interface PythonEditorOptions {
  /** One line only, committed with Enter or on leaving the field (a `change` event), as a text input. */
  singleLine?: boolean;
}

/** The extensions of a one-line field: Enter and blur commit (a `change` on the textarea), line breaks become spaces. */
function singleLine(textarea: HTMLTextAreaElement): Extension[] {
  let committed = textarea.value;
  const commit = (): boolean => {
    if (textarea.value !== committed) {
      committed = textarea.value;
      textarea.dispatchEvent(new Event("change", { bubbles: true }));
    }
    return true;
  };
  return [
    Prec.highest(keymap.of([{ key: "Enter", run: commit }])),
    EditorState.transactionFilter.of((tr) => {
      if (!tr.docChanged || tr.newDoc.lines === 1) return tr;
      const text = tr.newDoc.toString();
      return [tr, { changes: { from: 0, to: text.length, insert: text.replace(/\r?\n/g, " ") }, sequential: true }];
    }),
    EditorView.domEventHandlers({ blur: () => void commit() }),
  ];
}

export function attachPythonEditor(textarea: HTMLTextAreaElement, options: PythonEditorOptions = {}): EditorView {
  const label = labelText(textarea) ?? textarea.getAttribute("aria-label") ?? "Python";
  const describedBy = textarea.getAttribute("aria-describedby");
  const view = new EditorView({
    state: EditorState.create({
      doc: textarea.value,
      extensions: [
        ...(options.singleLine ? singleLine(textarea) : []),
        history(),
        drawSelection(),
        bracketMatching(),
        syntaxHighlighting(defaultHighlightStyle),
        python(),
        keymap.of([...defaultKeymap, ...historyKeymap]),
        EditorView.lineWrapping,
        FIELD_LOOK,
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
