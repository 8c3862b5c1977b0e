/**
 * A schedule's shape as a tiny SVG path: no axes, no labels, the rate scaled
 * to the box's height (zero at the bottom). Pure string work, so the home page
 * and the glossary gallery draw every schedule at build time with no Plot and
 * no script; the page names the curve in text next to it.
 */
export interface SparklineBox {
  width: number;
  height: number;
  /** Room kept free on every side for the stroke, in the same units. */
  pad: number;
}

/** The path's d attribute for rates at steps 0…n−1, drawn as steps (the rate holds until the next update). */
export function sparklinePath(rates: readonly number[], box: SparklineBox): string {
  if (rates.length < 2) throw new Error(`sparklinePath: needs at least 2 rates, got ${rates.length}`);
  const bad = rates.findIndex((r) => !Number.isFinite(r) || r < 0);
  if (bad >= 0) throw new Error(`sparklinePath: rate ${bad} must be a finite number ≥ 0, got ${rates[bad]}`);
  const top = Math.max(...rates);
  const scaleY = top === 0 ? 0 : (box.height - 2 * box.pad) / top;
  const dx = (box.width - 2 * box.pad) / (rates.length - 1);
  const x = (i: number) => round(box.pad + i * dx);
  const y = (r: number) => round(box.height - box.pad - r * scaleY);
  let d = `M${x(0)},${y(rates[0] as number)}`;
  for (let i = 1; i < rates.length; i += 1) {
    const rate = rates[i] as number;
    if (rate !== rates[i - 1]) d += `H${x(i)}V${y(rate)}`;
  }
  return `${d}H${x(rates.length - 1)}`;
}

const round = (v: number) => Math.round(v * 10) / 10;
