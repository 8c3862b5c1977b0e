/**
 * The figure of a Q-learning race: ‖Q_t − Q*‖∞ against steps for every
 * step-size rule, on the race figure's axes and colours (plots/race.ts), with a
 * legend because the runs are named by rule, not by schedule kind.
 */
import * as Plot from "@observablehq/plot";
import { asAccessibleImage } from "./accessible.ts";
import { raceFigureOptions, type RacePoint } from "./race.ts";

/** What the figure reads of a Q-learning race (src/rl's QRunData has it; plots do not import src/rl). */
export interface QRaceCurves {
  config: { labels: readonly string[]; steps: number; seed: number };
  records: readonly { step: number; distance: readonly number[] }[];
}

export function qRaceFigureOptions(run: QRaceCurves, options: { document?: Document; width?: number; height?: number } = {}): Plot.PlotOptions {
  const labels = run.config.labels;
  const points: RacePoint[] = labels.flatMap((label, k) => run.records.map((r) => ({ step: r.step, run: label, value: r.distance[k] as number })));
  const base = raceFigureOptions(points, {
    runs: labels, steps: run.config.steps, width: options.width, height: options.height ?? 280,
    y: { label: "‖Q − Q*‖∞", log: true },
    description: `Max-norm distance from Q* of ${labels.join(", ")} over ${run.config.steps} Q-learning steps on the windy gridworld with stochastic wind, seed ${run.config.seed}.`,
    ...(options.document ? { document: options.document } : {}),
  });
  return { ...base, color: { ...(base.color as object), legend: true } };
}

export function renderQRaceFigure(run: QRaceCurves, options: { document?: Document; width?: number; height?: number } = {}): SVGSVGElement | HTMLElement {
  return asAccessibleImage(Plot.plot(qRaceFigureOptions(run, options)));
}
