import { describe, expect, it } from "vitest";
import { scheduleShapes } from "../../src/site/schedule-shapes.ts";

const box = { width: 120, height: 48, pad: 3 };

describe("schedule shapes", () => {
  it("draws each kind that has an entry once, linked to its first entry A–Z", () => {
    const shapes = scheduleShapes(
      [
        { slug: "search-then-converge", schedule: "inverse-time" },
        { slug: "inverse-time-decay", schedule: "inverse-time" },
        { slug: "step-decay", schedule: "step" },
        { slug: "learning-rate" },
      ],
      box,
    );
    expect(shapes.map((s) => [s.kind, s.entry])).toEqual([["step", "step-decay"], ["inverse-time", "inverse-time-decay"]]);
    // A step decay starts at the top and holds levels: horizontal and vertical moves only.
    expect(shapes[0]?.path).toMatch(/^M3,3(H[\d.]+V[\d.]+)+H117$/);
  });
});
