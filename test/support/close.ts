/** Relative closeness with an absolute floor for values at or near zero. */
export function closeTo(actual: number, expected: number, rel = 1e-9, abs = 1e-15): boolean {
  return Math.abs(actual - expected) <= Math.max(abs, rel * Math.abs(expected));
}

/** Indices where two series differ beyond tolerance (or lengths differ: index -1). */
export function mismatches(actual: readonly number[], expected: readonly number[], rel = 1e-9): number[] {
  if (actual.length !== expected.length) return [-1];
  return expected.flatMap((e, i) => (closeTo(actual[i] as number, e, rel) ? [] : [i]));
}
