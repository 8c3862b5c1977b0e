import { describe, expect, it } from "vitest";
import { formulaSymbols, unexplainedSymbols } from "../../src/schedules/symbols.ts";

describe("formulaSymbols", () => {
  it("reads Greek and Latin symbols with their subscripts, braces or not", () => {
    expect(formulaSymbols("\\eta_t = \\eta_{\\min} + (\\eta_0 - \\eta_\\min) \\cos(\\pi t / T)")).toEqual(["\\eta_t", "\\eta_\\min", "\\eta_0", "\\pi", "t", "T"]);
    expect(formulaSymbols("\\eta_{\\text{end}} + T_{\\text{cur}} / T_{\\max}")).toEqual(["\\eta_end", "T_cur", "T_\\max"]);
  });

  it("reads index subscripts as _i, and skips words, function names and operator bounds", () => {
    expect(formulaSymbols("v_i + (v_{i+1} - v_i) \\quad \\text{for } b_{i} \\le t")).toEqual(["v_i", "b_i", "t"]);
    expect(formulaSymbols("\\eta_0 \\prod_i g_i(t) \\operatorname{anneal}(x) \\max(a, b)")).toEqual(["\\eta_0", "g_i", "t", "x", "a", "b"]);
    expect(formulaSymbols("\\begin{cases} t & \\text{staircase} \\end{cases}")).toEqual(["t"]);
  });

  it("names what a formula uses but nobody defined", () => {
    expect(unexplainedSymbols("\\eta_t = \\eta_{\\max} \\cos(\\pi t / T_{\\max})", ["\\eta_0", "T"])).toEqual(["\\eta_\\max", "T_\\max"]);
    expect(unexplainedSymbols("b_0 = 0,\\ b_{i+1}", ["b_i"])).toEqual([]);
  });
});
