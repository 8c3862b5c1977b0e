/**
 * The loader every island shares: a few hundred bytes that wait for the
 * reader to reach for the island (or for a page in URL-state mode to show it),
 * then load the live module and hand it the element. Nothing heavy runs
 * before that. What the reader did while the module loaded is not lost: each
 * control moved keeps its value and is announced again (input and change
 * events) once the live code listens, and a button pressed is pressed again.
 */
const TRIGGERS = ["pointerenter", "pointerdown", "focusin", "input", "keydown", "touchstart"] as const;

export interface LazyIslandOptions {
  tag: string;
  /** Loads the live module and returns its mount function. */
  load: () => Promise<(element: HTMLElement) => void>;
  /** The notice shown when the live module cannot load. */
  failure: (error: unknown) => string;
}

/** A control's current value, and how to put it back. */
function snapshot(control: Element): { control: Element; restore: () => void } {
  if (control instanceof HTMLInputElement && (control.type === "checkbox" || control.type === "radio")) {
    const checked = control.checked;
    return { control, restore: () => (control.checked = checked) };
  }
  if (control instanceof HTMLInputElement || control instanceof HTMLSelectElement || control instanceof HTMLTextAreaElement) {
    const value = control.value;
    return { control, restore: () => (control.value = value) };
  }
  return { control, restore: () => undefined };
}

export function defineLazyIsland({ tag, load, failure }: LazyIslandOptions): void {
  if (customElements.get(tag)) return;
  customElements.define(
    tag,
    class extends HTMLElement {
      #started = false;
      readonly #moved = new Set<Element>();
      #pressed: HTMLElement | null = null;

      #track = (event: Event): void => {
        if (event.target instanceof Element) this.#moved.add(event.target);
      };

      #press = (event: Event): void => {
        const button = event.target instanceof Element ? event.target.closest<HTMLElement>("[data-action]") : null;
        if (button) this.#pressed = button;
        this.#hydrate();
      };

      connectedCallback(): void {
        this.addEventListener("input", this.#track);
        this.addEventListener("change", this.#track);
        this.addEventListener("click", this.#press);
        // A permalink must show its own settings at once, not on first touch.
        if (this.dataset.urlState === "on" && window.location.search !== "") {
          this.#hydrate();
          return;
        }
        for (const type of TRIGGERS) this.addEventListener(type, this.#hydrate, { passive: true });
      }

      disconnectedCallback(): void {
        for (const type of TRIGGERS) this.removeEventListener(type, this.#hydrate);
      }

      #stopListening(): void {
        this.removeEventListener("input", this.#track);
        this.removeEventListener("change", this.#track);
        this.removeEventListener("click", this.#press);
      }

      #hydrate = (): void => {
        if (this.#started) return;
        this.#started = true;
        for (const type of TRIGGERS) this.removeEventListener(type, this.#hydrate);
        this.dataset.state = "loading";
        load()
          .then((mount) => {
            this.#stopListening();
            // Mounting may set the controls (from the URL or the settings); the reader's moves win.
            const moves = [...this.#moved].map(snapshot);
            mount(this);
            for (const move of moves) {
              move.restore();
              move.control.dispatchEvent(new Event("input", { bubbles: true }));
              move.control.dispatchEvent(new Event("change", { bubbles: true }));
            }
            this.#pressed?.click();
          })
          .catch((error: unknown) => {
            this.#stopListening();
            this.dataset.state = "error";
            const notice = this.querySelector<HTMLElement>("[data-role=notice]");
            if (notice) {
              notice.hidden = false;
              notice.textContent = failure(error);
            }
          });
      };
    },
  );
}
