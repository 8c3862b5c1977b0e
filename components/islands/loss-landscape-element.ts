/**
 * The LossLandscape custom element's loader: a few hundred bytes that wait
 * for the reader to touch the figure (or for an embed with settings in its
 * URL to show it), then load the live module (Plot and the numerics) and hand
 * it the element. Nothing heavy runs before that.
 */
const TRIGGERS = ["pointerenter", "pointerdown", "focusin", "input", "keydown", "touchstart"] as const;

class LossLandscapeElement extends HTMLElement {
  #started = false;

  connectedCallback(): void {
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

  #hydrate = (): void => {
    if (this.#started) return;
    this.#started = true;
    for (const type of TRIGGERS) this.removeEventListener(type, this.#hydrate);
    this.dataset.state = "loading";
    import("./loss-landscape-live.ts")
      .then(({ mountLossLandscape }) => mountLossLandscape(this))
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

export function defineLossLandscape(): void {
  if (!customElements.get("lr-loss-landscape")) customElements.define("lr-loss-landscape", LossLandscapeElement);
}
