/**
 * The figure of a text race: validation bits per character of every schedule
 * (solid), training bits per character smoothed over 25 steps (dashed), and
 * the unigram entropy of the text as a grey reference line: a model below it
 * has learned something from context, a model above it has not even learned
 * the letter frequencies.
 */
import * as Plot from "@observablehq/plot";
import { validationCurve, type TextRunData } from "../data/shakespeare/summary.ts";
import { asAccessibleImage } from "./accessible.ts";
import { raceFigureOptions, type RacePoint } from "./race.ts";
import { dualPlot } from "./dual-figure.ts";

/** Where and how a text race's figure is drawn: live at `width`, or a build-time layout (figure-frame.ts). */
export interface TextRaceFigureOptions {
  document?: Document;
  width?: number;
  height?: number;
  narrow?: boolean;
  dual?: boolean;
}

export function textRaceFigureOptions(run: TextRunData, options: TextRaceFigureOptions = {}): Plot.PlotOptions {
  const labels = run.config.labels;
  const val: RacePoint[] = labels.flatMap((label, k) => validationCurve(run, k).map((p) => ({ step: p.after, run: label, value: p.bits })));
  const smoothed: RacePoint[] = labels.flatMap((label, k) => {
    const out: RacePoint[] = [];
    const window: number[] = [];
    for (const r of run.records) {
      const v = r.trainLoss[k];
      if (v === null || v === undefined) break;
      window.push(v);
      if (window.length > 25) window.shift();
      if (window.length === 25) out.push({ step: r.step + 1, run: label, value: window.reduce((a, b) => a + b, 0) / 25 });
    }
    return out;
  });
  const values = [...val, ...smoothed].map((p) => p.value);
  const top = Math.min(8, Math.max(run.unigramBits + 0.5, ...values));
  const base = raceFigureOptions(val, {
    runs: labels, steps: run.config.steps, width: options.width, height: options.height ?? 240, narrow: options.narrow, dual: options.dual,
    y: { label: "bits per character", domain: [Math.max(0, Math.min(...values, run.unigramBits) - 0.2), top] },
    secondary: smoothed,
    references: [{ value: run.unigramBits, label: "unigram" }],
    description: `Validation (solid) and smoothed training (dashed) bits per character of ${labels.join(", ")}, ${run.config.norm}-LN, with the unigram entropy ${run.unigramBits.toFixed(2)} bits/char as a grey line.`,
    ...(options.document ? { document: options.document } : {}),
  });
  return base;
}

/** The figure live at `options.width`, or at build time (no width) both layouts in one image (dual-figure.ts). */
export function renderTextRaceFigure(run: TextRunData, options: Omit<TextRaceFigureOptions, "narrow" | "dual"> = {}): SVGSVGElement | HTMLElement {
  if (options.width === undefined) return dualPlot(textRaceFigureOptions(run, { ...options, dual: true }), textRaceFigureOptions(run, { ...options, narrow: true }));
  return asAccessibleImage(Plot.plot(textRaceFigureOptions(run, options)));
}
