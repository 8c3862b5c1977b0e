/**
 * The custom element's loader: a few hundred bytes that wait for the reader
 * to touch the figure (or for a page in URL-state mode to show it), then load the live module (Plot and the schedule
 * library) and hand it the element. Nothing heavy runs before that.
 */
const TRIGGERS = ["pointerenter", "pointerdown", "focusin", "input", "keydown", "touchstart"] as const;

class ScheduleFigureElement extends HTMLElement {
  #started = false;
  /** Controls the reader moved before the live module arrived. */
  readonly #touched = new Set<Element>();
  #track = (event: Event): void => {
    if (this.dataset.state !== "live" && event.target instanceof Element) this.#touched.add(event.target);
  };

  connectedCallback(): void {
    // A permalink must show its own settings at once, not on first touch.
    if (this.dataset.urlState === "on" && window.location.search !== "") {
      this.#hydrate();
      return;
    }
    for (const type of TRIGGERS) this.addEventListener(type, this.#hydrate, { passive: true });
    this.addEventListener("input", this.#track);
    this.addEventListener("change", this.#track);
  }

  disconnectedCallback(): void {
    for (const type of TRIGGERS) this.removeEventListener(type, this.#hydrate);
  }

  #hydrate = (): void => {
    if (this.#started) return;
    this.#started = true;
    for (const type of TRIGGERS) this.removeEventListener(type, this.#hydrate);
    this.dataset.state = "loading";
    import("./schedule-explorer-live.ts")
      .then(({ mountScheduleExplorer }) => {
        this.removeEventListener("input", this.#track);
        this.removeEventListener("change", this.#track);
        mountScheduleExplorer(this, [...this.#touched]);
      })
      .catch((error: unknown) => {
        this.dataset.state = "error";
        const notice = this.querySelector<HTMLElement>("[data-role=notice]");
        if (notice) {
          notice.hidden = false;
          notice.textContent = `The interactive figure could not load (${String(error)}). The static figure above is still correct.`;
        }
      });
  };
}

export function defineScheduleFigure(): void {
  if (!customElements.get("lr-schedule-figure")) customElements.define("lr-schedule-figure", ScheduleFigureElement);
}
