import { describe, expect, it } from "vitest";
import { fileStem, toCsv, toJson } from "../../src/browser/export.ts";

describe("export formatting", () => {
  it("writes RFC 4180 CSV: quotes, escaped quotes, empty cells for missing or non-finite numbers", () => {
    const csv = toCsv(["step", "schedule", "loss"], [[0, 'cosine, "fast"', 0.5], [1, "step", Number.NaN], [2, "x"]]);
    expect(csv).toBe('step,schedule,loss\r\n0,"cosine, ""fast""",0.5\r\n1,step,\r\n2,x,\r\n');
  });

  it("writes JSON with null where a number is not finite", () => {
    expect(JSON.parse(toJson({ loss: [1, Number.NaN, Number.POSITIVE_INFINITY] }))).toEqual({ loss: [1, null, null] });
  });

  it("makes safe file names", () => {
    expect(fileStem("Cosine vs Step, seed 1")).toBe("cosine-vs-step-seed-1");
    expect(fileStem("../../etc/passwd")).toBe("etc-passwd");
    expect(fileStem("***")).toBe("lr-atlas");
  });
});
