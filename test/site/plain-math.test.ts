import { describe, expect, it } from "vitest";
import { mathRuns } from "../../src/site/plain-math.ts";

const html = (text: string) => mathRuns(text).map((r) => (r.kind === "text" ? r.text : `<${r.kind}>${r.text}</${r.kind}>`)).join("");

describe("plain-text formulas", () => {
  it("sets subscripts on a one-letter base and superscripts on a group or a word", () => {
    expect(html("η_t = η_0·e^(−kt), so")).toBe("η<sub>t</sub> = η<sub>0</sub>·e<sup>−kt</sup>, so");
    expect(html("from η_0 to η_end along (1 − t/T)^p, then")).toBe("from η<sub>0</sub> to η<sub>end</sub> along (1 − t/T)<sup>p</sup>, then");
    expect(html("Σ η_t = ∞ and Σ η_t² < ∞")).toBe("Σ η<sub>t</sub> = ∞ and Σ η<sub>t</sub>² < ∞");
    expect(html("x_{n+1} = x_n + a_n(α − y_n)")).toBe("x<sub>n+1</sub> = x<sub>n</sub> + a<sub>n</sub>(α − y<sub>n</sub>)");
  });

  it("leaves code names and prose alone", () => {
    expect(html("decays as step^−0.5; CosineAnnealingLR(optimizer, T_max, eta_min=0.0), T_0")).toBe("decays as step<sup>−0.5</sup>; CosineAnnealingLR(optimizer, T_max, eta_min=0.0), T<sub>0</sub>");
    for (const text of ["as in SequentialLR and optax.join_schedules", "T_max", "beta_1=0.9", "the nesterov=True flag of SGD", "step_size=30", "no formula here"]) {
      expect(html(text)).toBe(text);
    }
  });

  it("rejects what is not a string", () => {
    expect(() => mathRuns(undefined as unknown as string)).toThrow(/expected a string, got undefined/);
  });
});
