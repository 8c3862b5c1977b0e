/**
 * The race's loader: a few hundred bytes that wait for the reader to reach for
 * the controls (or for a playground permalink), then load the live module.
 * A click that arrives before the module is kept and replayed.
 */
const TRIGGERS = ["pointerenter", "pointerdown", "focusin", "touchstart"] as const;

class TrainingRaceElement extends HTMLElement {
  #started = false;
  #pending: string | null = null;

  connectedCallback(): void {
    if (this.dataset.urlState === "on" && window.location.search !== "") {
      this.#hydrate();
      return;
    }
    for (const type of TRIGGERS) this.addEventListener(type, this.#hydrate, { passive: true });
    this.addEventListener("click", this.#remember);
  }

  #remember = (event: Event): void => {
    const action = (event.target as HTMLElement | null)?.closest<HTMLElement>("[data-action]")?.dataset.action;
    if (action && this.dataset.state !== "live") this.#pending = action;
    this.#hydrate();
  };

  #hydrate = (): void => {
    if (this.#started) return;
    this.#started = true;
    for (const type of TRIGGERS) this.removeEventListener(type, this.#hydrate);
    this.dataset.state = "loading";
    import("./training-race-live.ts")
      .then(({ mountTrainingRace }) => {
        this.removeEventListener("click", this.#remember);
        mountTrainingRace(this, () => {
          const action = this.#pending;
          this.#pending = null;
          return action;
        });
      })
      .catch((error: unknown) => {
        this.dataset.state = "error";
        const notice = this.querySelector<HTMLElement>("[data-role=notice]");
        if (notice) {
          notice.hidden = false;
          notice.textContent = `The live race could not load (${String(error)}). The results above, computed when the page was built, are still correct.`;
        }
      });
  };
}

export function defineTrainingRace(): void {
  if (!customElements.get("lr-training-race")) customElements.define("lr-training-race", TrainingRaceElement);
}
