/**
 * The figure of a learning-rate range test: loss against rate on a log axis,
 * one colour per sweep (exponential, linear), the raw loss faint and the
 * centered (zero-lag) smoothed loss bold, the steepest descent (●) and the
 * minimum (×) marked, and the suggested bounds of the first sweep that has
 * them shaded. The y axis spans the smoothed curves, so a diverging tail
 * runs off the top instead of flattening the rest.
 */
import * as Plot from "@observablehq/plot";
import { asAccessibleImage } from "./accessible.ts";
import { seriesColors } from "./schedule-colors.ts";
import type { RangeCurve, RangeMode } from "../training/range-test.ts";

export const SWEEP_LABEL: Record<RangeMode, string> = { exponential: "exponential sweep", linear: "linear sweep" };

export interface RangeFigureOptions {
  document?: Document;
  width?: number;
  height?: number;
  /** What was trained, for the description ("digits, SGD, batch 32, seed 1"). */
  subject: string;
}

interface Point {
  rate: number;
  loss: number;
  sweep: string;
}

/** Each sweep's label and colour, in order (the figure's and the HTML legend's). */
export function rangeLegend(curves: readonly Pick<RangeCurve, "mode">[]): { label: string; color: string }[] {
  const labels = curves.map((c) => SWEEP_LABEL[c.mode]);
  const colors = seriesColors(labels);
  return labels.map((label, k) => ({ label, color: colors[k] as string }));
}

export function rangeFigureOptions(curves: readonly RangeCurve[], options: RangeFigureOptions): Plot.PlotOptions {
  const legend = rangeLegend(curves);
  const raw: Point[] = [];
  const smooth: Point[] = [];
  const marks: (Point & { label: string; what: "steepest" | "minimum" })[] = [];
  curves.forEach((curve, k) => {
    const sweep = legend[k]!.label;
    curve.rates.forEach((rate, i) => {
      const loss = curve.losses[i];
      if (loss !== null && loss !== undefined && Number.isFinite(loss)) raw.push({ rate, loss, sweep });
      const c = curve.reading.centered[i];
      if (c !== undefined) smooth.push({ rate, loss: c, sweep });
    });
    const { steepest, minimum } = curve.reading;
    const at = (step: number) => curve.reading.centered[step] ?? Number.NaN;
    marks.push({ rate: steepest.rate, loss: at(steepest.step), sweep, what: "steepest", label: `${sweep}: steepest descent at rate ${steepest.rate.toPrecision(3)}` });
    marks.push({ rate: minimum.rate, loss: at(minimum.step), sweep, what: "minimum", label: `${sweep}: minimum at rate ${minimum.rate.toPrecision(3)}` });
  });
  const values = smooth.map((p) => p.loss).filter(Number.isFinite);
  const low = values.length > 0 ? Math.min(...values) : 0;
  const high = values.length > 0 ? Math.max(...values) : 1;
  const pad = (high - low) * 0.08 || 0.1;
  const rates = curves.flatMap((c) => c.rates).filter((r) => r > 0);
  const band = curves.find((c) => c.reading.suggestion !== null)?.reading.suggestion;
  return {
    width: options.width ?? 640,
    height: options.height ?? 280,
    marginLeft: 56,
    marginRight: 16,
    style: { background: "transparent", color: "currentColor", fontSize: "12px" },
    ariaLabel: "Training loss against learning rate",
    ariaDescription: `Range test on ${options.subject}: ${marks.map((m) => m.label).join("; ")}${band ? `; suggested bounds ${band.low.toPrecision(2)} to ${band.high.toPrecision(2)}` : "; no bounds suggested"}.`,
    x: { label: "learning rate (log scale)", type: "log", domain: rates.length > 0 ? [Math.min(...rates), Math.max(...rates)] : [1e-4, 1], grid: true, tickFormat: "~g" },
    y: { label: "training loss", domain: [low - pad, high + pad], grid: true },
    color: { domain: legend.map((l) => l.label), range: legend.map((l) => l.color) },
    marks: [
      ...(band ? [Plot.rectX([band], { x1: "low", x2: "high", fill: "currentColor", fillOpacity: 0.08 })] : []),
      Plot.line(raw, { x: "rate", y: "loss", stroke: "sweep", strokeOpacity: 0.3, clip: true }),
      Plot.line(smooth, { x: "rate", y: "loss", stroke: "sweep", strokeWidth: 2, clip: true }),
      Plot.dot(marks.filter((m) => m.what === "steepest"), { x: "rate", y: "loss", fill: "sweep", r: 4.5, title: "label" }),
      Plot.dot(marks.filter((m) => m.what === "minimum"), { x: "rate", y: "loss", stroke: "sweep", symbol: "times", r: 6, strokeWidth: 2.5, title: "label" }),
    ],
    ...(options.document ? { document: options.document } : {}),
  };
}

export function renderRangeFigure(curves: readonly RangeCurve[], options: RangeFigureOptions): SVGSVGElement | HTMLElement {
  return asAccessibleImage(Plot.plot(rangeFigureOptions(curves, options)));
}
