/**
 * Redraw scheduling for a live figure set: a redraw is split into pieces, one
 * per animation frame, and a full round starts at most every 200 ms (1 s under
 * prefers-reduced-motion), so none of the page's own frames comes near 50 ms
 * while a worker trains. Asking again during a round queues one more round.
 */
interface RedrawOptions {
  /** Milliseconds between the starts of two rounds. */
  interval: number;
}

export function redrawScheduler(pieces: readonly (() => void)[], { interval }: RedrawOptions): () => void {
  let queued = false;
  let again = false;
  let lastRound = 0;
  let next = 0;
  const pump = (): void => {
    (pieces[next] as () => void)();
    next += 1;
    if (next < pieces.length) {
      requestAnimationFrame(pump);
      return;
    }
    next = 0;
    queued = false;
    if (again) {
      again = false;
      request();
    }
  };
  const request = (): void => {
    if (queued) {
      again = true;
      return;
    }
    queued = true;
    const wait = Math.max(0, interval - (performance.now() - lastRound));
    window.setTimeout(() => {
      lastRound = performance.now();
      requestAnimationFrame(pump);
    }, wait);
  };
  return request;
}

/** The interval a page should use: slower when the reader asked for less motion. */
export function redrawInterval(): number {
  const reduced = window.matchMedia?.("(prefers-reduced-motion: reduce)").matches ?? false;
  return reduced ? 1000 : 200;
}
