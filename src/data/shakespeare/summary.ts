/**
 * What a page says about a text race, computed from its saved CLI output in
 * one place: the figure, the table and the content test that holds the
 * notebook's sentences to the data all read these numbers. Pure.
 */

/** The parts of `experiment --task shakespeare --json` output a summary reads. */
export interface TextRunData {
  config: { labels: string[]; steps: number; norm: string; schedules: { kind: string; lr?: number }[] };
  unigramBits: number;
  records: { step: number; lr: number[]; trainLoss: (number | null)[]; valLoss?: (number | null)[] }[];
  divergences: { run: number; step: number; message: string }[];
  samples: { label: string; temperature: number; seed: number; prompt: string; text: string | null }[];
}

export interface RunSummary {
  label: string;
  /** Validation bits/char at the last evaluation (null if diverged). */
  finalVal: number | null;
  /** Lowest validation bits/char over the run, and after how many updates. */
  bestVal: number | null;
  bestAfter: number | null;
  /** Mean training bits/char over the last 50 steps. */
  trainEnd: number | null;
  /** Step at which the run diverged, if it did. */
  divergedAt: number | null;
}

/** Validation points of copy k: (updates done, bits/char). */
export function validationCurve(run: TextRunData, k: number): { after: number; bits: number }[] {
  return run.records.flatMap((r) => {
    const v = r.valLoss?.[k];
    return v === undefined || v === null ? [] : [{ after: r.step + 1, bits: v }];
  });
}

export function summarizeTextRun(run: TextRunData): RunSummary[] {
  return run.config.labels.map((label, k) => {
    const val = validationCurve(run, k);
    const last = run.records.at(-1);
    const finalVal = last?.valLoss?.[k] ?? null;
    const best = val.reduce<{ after: number; bits: number } | null>((b, p) => (b === null || p.bits < b.bits ? p : b), null);
    const tail = run.records.slice(-50).map((r) => r.trainLoss[k]).filter((v): v is number => v !== null && v !== undefined);
    return {
      label,
      finalVal,
      bestVal: best?.bits ?? null,
      bestAfter: best?.after ?? null,
      trainEnd: tail.length === 50 ? tail.reduce((a, b) => a + b, 0) / 50 : null,
      divergedAt: run.divergences.find((d) => d.run === k)?.step ?? null,
    };
  });
}

/** Two decimals, as the pages quote bits per character; "—" for none. */
export function bits(value: number | null): string {
  return value === null ? "—" : value.toFixed(2);
}
