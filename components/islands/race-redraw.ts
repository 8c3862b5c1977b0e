/**
 * Redraw scheduling for a live figure set: a redraw is split into pieces, one
 * per animation frame, and a full round starts at most every 200 ms (1 s under
 * prefers-reduced-motion), so none of the page's own frames comes near 50 ms
 * while a worker trains. Asking again during a round queues one more round.
 *
 * A piece runs in a task of its own (a timer), never inside the frame: a piece
 * run from requestAnimationFrame adds its script time (a Plot figure: 10-25 ms)
 * to the same frame's style, layout and paint, and the two together made the
 * race's intermittent 51-63 ms frames. After each piece the scheduler waits for
 * the frame that shows it, then runs the next piece in a new task.
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
  const afterNextFrame = (then: () => void): void => {
    requestAnimationFrame(() => window.setTimeout(then, 0));
  };
  const pump = (): void => {
    (pieces[next] as () => void)();
    next += 1;
    if (next < pieces.length) {
      afterNextFrame(pump);
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
      pump();
    }, wait);
  };
  return request;
}

/** The interval a page should use: slower when the reader asked for less motion. */
export function redrawInterval(): number {
  const reduced = window.matchMedia?.("(prefers-reduced-motion: reduce)").matches ?? false;
  return reduced ? 1000 : 200;
}
