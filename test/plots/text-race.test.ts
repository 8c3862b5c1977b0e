/** Text-race summaries (the numbers pages quote) and the figure's unigram line, on a small hand-made run. */
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { bits, summarizeTextRun, validationCurve, type TextRunData } from "../../src/data/shakespeare/summary.ts";
import { renderTextRaceFigure } from "../../src/plots/text-race.ts";

const steps = 60;
const run: TextRunData = {
  config: { labels: ["flat", "falls"], steps, norm: "post", schedules: [{ kind: "constant", lr: 0.03 }, { kind: "constant", lr: 0.01 }] },
  unigramBits: 4.76,
  records: Array.from({ length: steps }, (_, step) => ({
    step,
    lr: [0.03, 0.01],
    trainLoss: [5, 6 - step / 20],
    ...((step + 1) % 20 === 0 ? { valLoss: [step === 39 ? 4.9 : 5, 6 - (step + 1) / 20] } : {}),
  })),
  divergences: [],
  samples: [],
};

describe("text race summary and figure", () => {
  it("final, best (with its step) and end-of-training means per schedule", () => {
    expect(validationCurve(run, 1)).toEqual([{ after: 20, bits: 5 }, { after: 40, bits: 4 }, { after: 60, bits: 3 }]);
    const [flat, falls] = summarizeTextRun(run);
    expect(flat).toEqual({ label: "flat", finalVal: 5, bestVal: 4.9, bestAfter: 40, trainEnd: 5, divergedAt: null });
    expect(falls?.finalVal).toBe(3);
    expect(falls?.bestAfter).toBe(60);
    // Mean of 6 − step/20 over steps 10…59.
    expect(falls?.trainEnd).toBeCloseTo(6 - 34.5 / 20, 10);
    expect(bits(4.7638)).toBe("4.76");
    expect(bits(null)).toBe("—");
  });

  it("a diverged copy reports its step and no numbers after it", () => {
    const broken: TextRunData = { ...run, divergences: [{ run: 0, step: 30, message: "diverged at step 30" }], records: run.records.map((r) => ({ ...r, trainLoss: [r.step >= 30 ? null : 5, r.trainLoss[1] ?? null], ...(r.valLoss ? { valLoss: [r.step >= 30 ? null : 5, r.valLoss[1] ?? null] } : {}) })) };
    const [flat] = summarizeTextRun(broken);
    expect(flat).toMatchObject({ finalVal: null, bestVal: 5, bestAfter: 20, trainEnd: null, divergedAt: 30 });
  });

  it("draws the unigram entropy as a reference line, and describes itself", () => {
    const { window } = new JSDOM("<!doctype html><html><body></body></html>");
    const figure = renderTextRaceFigure(run, { document: window.document });
    const html = figure.outerHTML;
    expect(html).toContain("unigram");
    expect(html).toMatch(/unigram entropy 4\.76 bits\/char/);
    expect(figure.querySelectorAll("path").length).toBeGreaterThanOrEqual(4);
  });
});
