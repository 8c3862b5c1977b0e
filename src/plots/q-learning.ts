/**
 * The figure of a Q-learning race: ‖Q_t − Q*‖∞ against steps for every
 * step-size rule, on the race figure's axes and colours (plots/race.ts). The
 * legend is HTML beside the figure (qLegend), as the training race's is: the
 * runs are named by rule, not by kind, and Plot's own legend is a second image.
 */
import * as Plot from "@observablehq/plot";
import { asAccessibleImage } from "./accessible.ts";
import { colorsFor, raceFigureOptions, type RacePoint } from "./race.ts";
import { kindColor } from "./schedule-colors.ts";
import { dualPlot } from "./dual-figure.ts";

/** What the figure reads of a Q-learning race (src/rl's QRunData has it; plots do not import src/rl). */
export interface QRaceCurves {
  config: { labels: readonly string[]; steps: number; seed: number };
  records: readonly { step: number; distance: readonly number[] }[];
}

/** Where and how the figure is drawn: live at `width`, or a build-time layout (figure-frame.ts). */
export interface QRaceFigureOptions {
  document?: Document;
  width?: number;
  height?: number;
  narrow?: boolean;
  dual?: boolean;
}

export function qRaceFigureOptions(run: QRaceCurves, options: QRaceFigureOptions = {}): Plot.PlotOptions {
  const labels = run.config.labels;
  const points: RacePoint[] = labels.flatMap((label, k) => run.records.map((r) => ({ step: r.step, run: label, value: r.distance[k] as number })));
  const base = raceFigureOptions(points, {
    runs: labels, steps: run.config.steps, width: options.width, height: options.height ?? 280, narrow: options.narrow, dual: options.dual,
    y: { label: "‖Q − Q*‖∞", log: true },
    description: `Max-norm distance from Q* of ${labels.join(", ")} over ${run.config.steps} Q-learning steps on the windy gridworld with stochastic wind, seed ${run.config.seed}.`,
    ...(options.document ? { document: options.document } : {}),
  });
  return { ...base, color: { domain: [...labels], range: qLegend(labels).map((l) => l.color) } };
}

/** Colours for runs beyond the five series colours: schedule colours of kinds a Q-learning race rarely names. */
const SPARE = (["cyclic", "polynomial", "multi-step", "inverse-sqrt"] as const).map(kindColor);

/** Each run's label and colour, in order (the figure's and the HTML legend's): the race's colours, with no colour used twice up to nine runs. */
export function qLegend(labels: readonly string[]): { label: string; color: string }[] {
  const used = new Set<string>();
  const spare = SPARE.filter((c) => !colorsFor(labels).range.includes(c));
  return colorsFor(labels).range.map((color, k) => {
    const own = used.has(color) ? (spare.shift() ?? color) : color;
    used.add(own);
    return { label: labels[k] as string, color: own };
  });
}

/** The figure live at `options.width`, or at build time (no width) both layouts in one image (dual-figure.ts). */
export function renderQRaceFigure(run: QRaceCurves, options: Omit<QRaceFigureOptions, "narrow" | "dual"> = {}): SVGSVGElement | HTMLElement {
  if (options.width === undefined) return dualPlot(qRaceFigureOptions(run, { ...options, dual: true }), qRaceFigureOptions(run, { ...options, narrow: true }));
  return asAccessibleImage(Plot.plot(qRaceFigureOptions(run, options)));
}
