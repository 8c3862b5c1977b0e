/**
 * The explorer's code and four-library panels need every framework adapter
 * (schedule-explorer-libraries.ts). The page is built with them filled in for
 * its own settings, so the live island loads that module only once the
 * reader's settings differ from the page's AND one of those panels is on
 * screen or a code block is opened: moving a slider at the top of an entry
 * costs no adapter code until the reader scrolls to the panels. Meanwhile the
 * panels are marked aria-busy (their text is the page's first settings).
 */
import type { LibraryPanels } from "./schedule-explorer-model.ts";

export interface LibraryPanelLoader {
  /** The settings now differ from the page's: refresh the panels once the reader can see them. */
  stale(): void;
}

const PANELS = ".explorer-code, .explorer-libraries";

export function libraryPanelLoader(
  element: HTMLElement,
  ready: (panels: LibraryPanels) => void,
  failed: (error: unknown) => void,
  load: () => Promise<LibraryPanels> = () => import("./schedule-explorer-libraries.ts").then((m) => m.libraryPanels),
): LibraryPanelLoader {
  const sections = [...element.querySelectorAll<HTMLElement>(PANELS)];
  let phase: "fresh" | "waiting" | "loading" | "loaded" = "fresh";
  let observer: IntersectionObserver | null = null;

  const start = (): void => {
    if (phase !== "waiting") return;
    phase = "loading";
    observer?.disconnect();
    element.removeEventListener("toggle", start, true);
    load().then(
      (panels) => {
        phase = "loaded";
        for (const section of sections) section.removeAttribute("aria-busy");
        ready(panels);
      },
      (error: unknown) => {
        for (const section of sections) section.removeAttribute("aria-busy");
        failed(error);
      },
    );
  };

  return {
    stale() {
      if (phase !== "fresh" || sections.length === 0) return;
      phase = "waiting";
      for (const section of sections) section.setAttribute("aria-busy", "true");
      observer = new IntersectionObserver((entries) => {
        if (entries.some((entry) => entry.isIntersecting)) start();
      });
      for (const section of sections) observer.observe(section);
      // <details> toggle events do not bubble: listen in the capture phase.
      element.addEventListener("toggle", start, true);
    },
  };
}
