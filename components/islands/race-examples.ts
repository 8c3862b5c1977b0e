/**
 * The race's result panel for image tasks (digits, glyphs): per run, how many
 * validation images it got wrong, a few of its most confident mistakes drawn
 * as 8×8 pictures, and its most frequent confusions. Built against any
 * Document, so the build (jsdom) and the live island draw the same panel.
 */
import type { ValidationPredictions } from "../../src/training/predictions.ts";
import { topConfusions } from "../../src/training/predictions.ts";
import { greyPngDataUrl } from "../../src/plots/pixel-image.ts";

export interface ExamplesPanelOptions {
  runs: readonly string[];
  colors: readonly string[];
  /** Pixels per image pixel on screen. */
  scale?: number;
}

const percent = (v: number): string => `${(v * 100).toFixed(0)}%`;

/** One sentence of confusions, e.g. "8 read as 1 (3 times), 9 read as 3 (2 times)". */
export function confusionSentence(confusion: readonly (readonly number[])[], limit = 4): string {
  const top = topConfusions(confusion, limit);
  if (top.length === 0) return "no confusions: every validation image right";
  return top.map((c) => `${c.label} read as ${c.predicted} (${c.count} ${c.count === 1 ? "time" : "times"})`).join(", ");
}

/** The panel's content: one section per run. */
export function examplesPanel(doc: Document, predictions: ValidationPredictions, options: ExamplesPanelOptions): HTMLElement[] {
  const [height, width] = predictions.imageShape;
  const scale = options.scale ?? 5;
  return predictions.runs.map((run, k) => {
    const name = options.runs[k] ?? `run ${k + 1}`;
    const section = doc.createElement("section");
    section.className = "examples-run";
    const head = doc.createElement("h4");
    const swatch = doc.createElement("span");
    swatch.className = "swatch";
    swatch.setAttribute("aria-hidden", "true");
    swatch.setAttribute("style", `background:${options.colors[k % options.colors.length] ?? "currentColor"}`);
    head.append(swatch, ` ${name}: `);
    section.append(head);
    if (run === null) {
      head.append("diverged, no predictions");
      return section;
    }
    const total = run.predicted.length;
    head.append(`${run.wrong} of ${total} wrong (${((1 - run.wrong / total) * 100).toFixed(1)}% right) at step ${predictions.step}`);
    if (run.mistakes.length > 0) {
      const list = doc.createElement("ul");
      list.className = "examples-images";
      for (const m of run.mistakes) {
        const item = doc.createElement("li");
        const img = doc.createElement("img");
        img.setAttribute("src", greyPngDataUrl(m.pixels, width, height));
        img.setAttribute("width", String(width * scale));
        img.setAttribute("height", String(height * scale));
        img.setAttribute("alt", `a ${m.label} that ${name} read as ${m.predicted}, ${percent(m.confidence)} sure`);
        const caption = doc.createElement("span");
        caption.textContent = `${m.label}→${m.predicted} · ${percent(m.confidence)}`;
        item.append(img, caption);
        list.append(item);
      }
      section.append(list);
    }
    const sentence = doc.createElement("p");
    sentence.className = "meta";
    sentence.textContent = `Most frequent: ${confusionSentence(run.confusion)}.`;
    section.append(sentence);
    return section;
  });
}
