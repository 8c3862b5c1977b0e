/**
 * The PyTorch code the site shows, run in real PyTorch by
 * test/fixtures/pytorch-snippets.ts, gives the curve the site draws.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { pytorchAdapter } from "../../../src/schedules/frameworks/pytorch.ts";
import { sampleSchedule, type ScheduleSpec } from "../../../src/schedules/index.ts";
import { mismatches } from "../../support/close.ts";

interface SnippetCase { spec: ScheduleSpec; steps: number; code: string; torchValues: number[] }
const fixture = JSON.parse(readFileSync(new URL("../../fixtures/pytorch-snippets.json", import.meta.url), "utf8")) as { torch: string; cases: SnippetCase[] };

describe(`PyTorch snippets run in torch ${fixture.torch}`, () => {
  for (const c of fixture.cases) {
    it(`${JSON.stringify(c.spec)}`, () => {
      const now = pytorchAdapter.snippet(c.spec, c.steps);
      expect(now.ok && now.code, "the snippet changed: rerun node test/fixtures/pytorch-snippets.ts").toBe(c.code);
      expect(mismatches(c.torchValues, sampleSchedule(c.spec, c.steps), 1e-9)).toEqual([]);
    });
  }
});
