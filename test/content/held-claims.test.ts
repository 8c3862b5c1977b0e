// Every number the content quotes about schedule values, recomputed from the
// site's own schedule library (src/schedules) and its library adapters.
import { describe, expect, it } from "vitest";
import { loadContentDir } from "../../src/content-model/load.ts";
import { checkClaim, findNumber, parseQuote, type Claim } from "./held-claims.ts";
import { entryClaims, rowsWithoutRates } from "./held-claims.entries.ts";
import { fineTuningClaims, hypergradientClaims, noiseBallClaims, polyakClaims, radamClaims } from "./held-claims.concepts.ts";
import { notebookClaims } from "./held-claims.notebooks.ts";
import { optimizerClaims } from "./held-claims.optimizers.ts";
import { dynamicsClaims } from "./held-claims.dynamics.ts";

const claims: readonly Claim[] = [...entryClaims, ...noiseBallClaims, ...radamClaims, ...fineTuningClaims, ...hypergradientClaims, ...polyakClaims, ...notebookClaims, ...optimizerClaims, ...dynamicsClaims];

/** Table rows (not header, not separator) inside "Worked example" passages of a body. */
function workedExampleRows(body: string): string[] {
  const rows: string[] = [];
  let inside = false;
  let header = false;
  for (const line of body.split("\n")) {
    if (line.includes("Worked example")) inside = true;
    else if (line.startsWith("## ") || line.startsWith("**")) inside = false;
    if (!inside) continue;
    if (!line.startsWith("|")) {
      header = true;
      continue;
    }
    if (header) header = false;
    else if (!/^\|\s*:?-/.test(line)) rows.push(line);
  }
  return rows;
}

describe("held claims: the machinery", () => {
  it("reads quoted numbers with their precision", () => {
    expect(parseQuote("0.0497")).toEqual({ value: 0.0497, halfUnit: expect.closeTo(0.00005, 12) });
    expect(parseQuote("2.5\\times10^{-5}").value).toBeCloseTo(2.5e-5, 15);
    expect(parseQuote("7.9 \\cdot 10^{-5}").halfUnit).toBeCloseTo(0.05e-5, 15);
    expect(parseQuote("1.7e-7").value).toBeCloseTo(1.7e-7, 15);
    expect(parseQuote("22,000", 2).halfUnit).toBe(500);
    expect(() => parseQuote("about half")).toThrow(/cannot read/);
  });

  it("finds a number only where it is not part of a longer one", () => {
    expect(findNumber("| 0.15 | 0.1 |", "0.1", 0)).toBe(9);
    expect(findNumber("0.1 and 10", "1", 0)).toBe(-1);
  });

  it("fails loudly when a quoted number is wrong or its text has changed", () => {
    const wrong: Claim = { file: "content/notebooks/exponential-decay-in-depth.mdx", text: "from 0.0273 to 0.0135", source: { spec: { kind: "exponential", lr: 0.1, k: 0.02 } },
      values: [{ quote: "0.0273", at: 64 }] };
    expect(checkClaim(wrong).join()).toMatch(/quotes 0\.0273 \(=\), the library computes 0\.0278/);
    const gone: Claim = { ...wrong, text: "only a further 0.005 in the last 35" };
    expect(checkClaim(gone).join()).toMatch(/no longer in the file/);
  });
});

describe("held claims: every quoted number holds", () => {
  for (const claim of claims) {
    it(`${claim.file.replace("content/", "")}: ${claim.text.slice(0, 60)}`, () => {
      expect(checkClaim(claim)).toEqual([]);
    });
  }
});

describe("held claims: coverage", () => {
  const scheduleEntries = loadContentDir("content/glossary").filter((e) => typeof (e.data as { schedule?: unknown }).schedule === "string");

  it("finds worked-example tables to check", () => {
    expect(scheduleEntries.flatMap((e) => workedExampleRows(e.body)).length).toBeGreaterThan(40);
  });

  for (const entry of scheduleEntries) {
    it(`${entry.slug}: every row of its worked-example tables is held or listed as rate-free`, () => {
      const mine = claims.filter((c) => c.file === entry.path);
      const free = rowsWithoutRates.filter((r) => r.file === entry.path);
      const unheld = workedExampleRows(entry.body).filter(
        (row) => !mine.some((c) => c.text.includes(row) || row.startsWith(c.text)) && !free.some((r) => row.startsWith(r.row)),
      );
      expect(unheld, `${entry.path}: add a claim to test/content/held-claims.entries.ts for each row`).toEqual([]);
    });
  }
});
