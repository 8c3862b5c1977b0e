import { describe, expect, it } from "vitest";
import {
  LANDSCAPE_NAMES,
  contourGrid,
  getLandscape,
  landscapes,
  multiMinima,
  nearestMinimum,
  noiseBallRadius,
  quadratic,
  rosenbrock,
  runDescent,
  type LandscapeFunction,
  type PathPoint,
} from "../../src/landscape/index.ts";
import { checkSpec } from "../../src/schedules/index.ts";

const constant = (lr: number) => checkSpec({ kind: "constant", lr });

function relClose(actual: number, expected: number, rel: number, abs = 1e-8): boolean {
  return Math.abs(actual - expected) <= rel * Math.max(Math.abs(actual), Math.abs(expected)) + abs;
}

function finiteDifference(fn: LandscapeFunction, x: number, y: number, h = 1e-5): [number, number] {
  return [(fn.f(x + h, y) - fn.f(x - h, y)) / (2 * h), (fn.f(x, y + h) - fn.f(x, y - h)) / (2 * h)];
}

/** Sign changes of y along the path from index `from` on (zeros skipped). */
function signChanges(path: readonly PathPoint[], from: number): number {
  let changes = 0;
  let prev = 0;
  for (let i = from; i < path.length; i += 1) {
    const s = Math.sign((path[i] as PathPoint).y);
    if (s !== 0 && prev !== 0 && s !== prev) changes += 1;
    if (s !== 0) prev = s;
  }
  return changes;
}

function hasNonFinite(path: readonly PathPoint[]): boolean {
  return path.some((p) => ![p.x, p.y, p.f, p.lr].every(Number.isFinite));
}

describe("landscape registry", () => {
  it("lists the three functions with consistent metadata", () => {
    expect(LANDSCAPE_NAMES).toEqual(["quadratic", "rosenbrock", "multi-minima"]);
    for (const name of LANDSCAPE_NAMES) {
      const fn = getLandscape(name);
      expect(fn.name).toBe(name);
      const { xMin, xMax, yMin, yMax } = fn.domain;
      expect(xMin).toBeLessThan(xMax);
      expect(yMin).toBeLessThan(yMax);
      for (const [x, y] of [fn.start, ...fn.minima]) {
        expect(x).toBeGreaterThanOrEqual(xMin);
        expect(x).toBeLessThanOrEqual(xMax);
        expect(y).toBeGreaterThanOrEqual(yMin);
        expect(y).toBeLessThanOrEqual(yMax);
      }
      expect(fn.minimaInfo.map((m) => m.at)).toEqual(fn.minima);
      expect(fn.minimaInfo[0]?.kind).toBe("global");
    }
    expect(() => getLandscape("nope")).toThrow(/unknown landscape/);
    expect(() => getLandscape("toString")).toThrow(/unknown landscape/);
  });

  it("evaluates the textbook formulas", () => {
    expect(quadratic.f(2, 1)).toBeCloseTo(0.5 * (4 + 25), 12);
    expect(rosenbrock.f(1, 1)).toBe(0);
    expect(rosenbrock.f(0, 0)).toBe(1);
    expect(rosenbrock.f(-1.5, 2)).toBeCloseTo(2.5 ** 2 + 100 * (2 - 2.25) ** 2, 12);
  });
});

describe("gradients", () => {
  const points: [number, number][] = [
    [0.3, -0.7],
    [-1.2, 1.1],
    [1.7, 0.4],
    [-0.4, -1.9],
    [2.5, 2.2],
  ];
  for (const name of LANDSCAPE_NAMES) {
    it(`${name}: grad matches central finite differences (rel 1e-4)`, () => {
      const fn = landscapes[name];
      for (const [x, y] of [...points, fn.start]) {
        const [gx, gy] = fn.grad(x, y);
        const [fx, fy] = finiteDifference(fn, x, y);
        expect(relClose(gx, fx, 1e-4, 1e-6), `${name} ∂x at (${x}, ${y}): ${gx} vs ${fx}`).toBe(true);
        expect(relClose(gy, fy, 1e-4, 1e-6), `${name} ∂y at (${x}, ${y}): ${gy} vs ${fy}`).toBe(true);
      }
    });
  }

  it("vanishes at every documented minimum, which is a strict local minimum", () => {
    for (const name of LANDSCAPE_NAMES) {
      const fn = landscapes[name];
      for (const [x, y] of fn.minima) {
        const [gx, gy] = fn.grad(x, y);
        expect(Math.hypot(gx, gy), `${name} at (${x}, ${y})`).toBeLessThan(1e-9);
        const f0 = fn.f(x, y);
        for (let k = 0; k < 8; k += 1) {
          const a = (k * Math.PI) / 4;
          expect(fn.f(x + 1e-3 * Math.cos(a), y + 1e-3 * Math.sin(a))).toBeGreaterThan(f0);
        }
      }
    }
  });
});

describe("multi-minima function", () => {
  it("has the documented global and poor local minimum", () => {
    const [global, local] = multiMinima.minimaInfo;
    expect(global?.kind).toBe("global");
    expect(local?.kind).toBe("local");
    // Coordinates and values stated in functions.ts.
    expect(global?.at[0]).toBeCloseTo(1.41415, 5);
    expect(global?.at[1]).toBeCloseTo(-0.47138, 5);
    expect(local?.at[0]).toBeCloseTo(-1.4756, 4);
    expect(local?.at[1]).toBeCloseTo(0.98477, 5);
    expect(multiMinima.f(...(global?.at ?? [0, 0]))).toBeCloseTo(-1.88214, 5);
    expect(multiMinima.f(...(local?.at ?? [0, 0]))).toBeCloseTo(-0.85999, 5);
    expect(global?.value).toBeLessThan((local?.value ?? 0) - 1);
  });

  it("has no lower value than the global minimum on a fine grid of its domain", () => {
    const grid = contourGrid(multiMinima, 201, 201);
    expect(grid.min).toBeGreaterThanOrEqual(multiMinima.minimaInfo[0]?.value ?? -Infinity);
  });
});

describe("contourGrid", () => {
  it("samples f row-major over the domain with increasing log-spaced thresholds", () => {
    const grid = contourGrid(rosenbrock, 41, 31);
    expect(grid.width).toBe(41);
    expect(grid.height).toBe(31);
    expect(grid.values.length).toBe(41 * 31);
    const { xMin, xMax, yMin, yMax } = rosenbrock.domain;
    expect(grid.values[0]).toBe(rosenbrock.f(xMin, yMin));
    expect(grid.values[40]).toBe(rosenbrock.f(xMax, yMin));
    expect(grid.values[41 * 30]).toBe(rosenbrock.f(xMin, yMax));
    expect(grid.values[5 + 7 * 41]).toBeCloseTo(rosenbrock.f(xMin + (5 * (xMax - xMin)) / 40, yMin + (7 * (yMax - yMin)) / 30), 12);
    expect(grid.thresholds.length).toBe(20);
    for (let i = 1; i < grid.thresholds.length; i += 1) {
      expect(grid.thresholds[i] as number).toBeGreaterThan(grid.thresholds[i - 1] as number);
    }
    expect(grid.thresholds[0] as number).toBeGreaterThan(grid.min);
    expect(grid.thresholds.at(-1) as number).toBeLessThan(grid.max);
    // Log spacing: constant ratio of successive gaps above the minimum.
    const above = grid.thresholds.map((t) => t - grid.min);
    const r1 = (above[1] as number) / (above[0] as number);
    const r2 = (above[15] as number) / (above[14] as number);
    expect(r1).toBeCloseTo(r2, 8);
    expect(r1).toBeGreaterThan(1.2);
  });

  it("handles negative values and rejects bad sizes", () => {
    const grid = contourGrid(multiMinima, 50, 40, 12);
    expect(grid.min).toBeLessThan(0);
    expect(grid.thresholds.length).toBe(12);
    expect(grid.thresholds.every(Number.isFinite)).toBe(true);
    expect(() => contourGrid(quadratic, 1, 10)).toThrow(RangeError);
    expect(() => contourGrid(quadratic, 10, 2.5)).toThrow(RangeError);
  });
});

describe("runDescent on the ill-conditioned quadratic", () => {
  // GD on f = a·y²/2 maps y ↦ (1 − ηa)·y, so it converges iff |1 − ηa| < 1,
  // i.e. 0 < η < 2/a. With a = 25 along y: η < 2/25 = 0.08. For 1/a < η < 2/a
  // the factor is in (−1, 0): y flips sign every step but shrinks; for η < 1/a
  // = 0.04 the factor is in (0, 1): y decays without ever changing sign. The
  // x direction (a = 1) is stable for every rate used here.
  it("η = 0.085 > 2/25: y flips sign every step and grows until divergence", () => {
    const result = runDescent(quadratic, constant(0.085), { steps: 2000 });
    const { path } = result;
    // Factor 1 − 0.085·25 = −1.125: |y| grows 12.5 % per step.
    for (let t = 1; t < 40; t += 1) {
      const prev = path[t - 1] as PathPoint;
      const cur = path[t] as PathPoint;
      expect(Math.sign(cur.y)).toBe(-Math.sign(prev.y));
      expect(Math.abs(cur.y)).toBeGreaterThan(Math.abs(prev.y));
      expect(cur.y / prev.y).toBeCloseTo(1 - 0.085 * 25, 10);
    }
    expect(result.diverged).not.toBeNull();
    expect(hasNonFinite(path)).toBe(false);
  });

  it("η = 0.07 in (1/25, 2/25): y oscillates in sign but converges", () => {
    const { path, diverged, final } = runDescent(quadratic, constant(0.07), { steps: 400 });
    expect(diverged).toBeNull();
    expect(signChanges(path, 0)).toBeGreaterThan(100);
    expect(Math.abs((path[50] as PathPoint).y)).toBeLessThan(Math.abs((path[0] as PathPoint).y));
    expect(Math.abs(final.y)).toBeLessThan(1e-10);
    expect(Math.abs(final.x)).toBeLessThan(1e-10);
  });

  it("η = 0.03 < 1/25: converges smoothly, y never changes sign", () => {
    const { path, diverged, final } = runDescent(quadratic, constant(0.03), { steps: 1000 });
    expect(diverged).toBeNull();
    expect(signChanges(path, 0)).toBe(0);
    for (let t = 1; t < path.length; t += 1) {
      expect((path[t] as PathPoint).f).toBeLessThanOrEqual((path[t - 1] as PathPoint).f);
    }
    expect(Math.hypot(final.x, final.y)).toBeLessThan(1e-10);
  });
});

describe("runDescent bookkeeping", () => {
  it("records steps + 1 points starting at the start, with the scheduled rate", () => {
    const spec = checkSpec({ kind: "step", lr: 0.001, stepSize: 10, gamma: 0.5 });
    const { path, diverged, final } = runDescent(rosenbrock, spec, { steps: 25, start: [0.5, 0.5] });
    expect(diverged).toBeNull();
    expect(path.length).toBe(26);
    expect(path[0]).toMatchObject({ x: 0.5, y: 0.5, f: rosenbrock.f(0.5, 0.5), lr: 0.001 });
    expect(path[9]?.lr).toBeCloseTo(0.001, 15);
    expect(path[10]?.lr).toBeCloseTo(0.0005, 15);
    expect(path[20]?.lr).toBeCloseTo(0.00025, 15);
    const last = path.at(-1) as PathPoint;
    expect(final).toEqual({ x: last.x, y: last.y, f: last.f });
    // One explicit update.
    const [gx, gy] = rosenbrock.grad(0.5, 0.5);
    expect(path[1]?.x).toBeCloseTo(0.5 - 0.001 * gx, 14);
    expect(path[1]?.y).toBeCloseTo(0.5 - 0.001 * gy, 14);
  });

  it("uses a plateau spec's lr as a constant rate", () => {
    const spec = checkSpec({ kind: "plateau", lr: 0.02 });
    const { path } = runDescent(quadratic, spec, { steps: 50 });
    expect(path.every((p) => p.lr === 0.02)).toBe(true);
    const ref = runDescent(quadratic, constant(0.02), { steps: 50 });
    expect(path).toEqual(ref.path);
  });

  it("heavy-ball momentum follows v ← m·v + g, x ← x − η·v", () => {
    const m = 0.9;
    const lr = 0.01;
    const { path } = runDescent(quadratic, constant(lr), { steps: 3, momentum: m });
    let [x, y] = quadratic.start;
    let vx = 0;
    let vy = 0;
    for (let t = 1; t <= 3; t += 1) {
      const [gx, gy] = quadratic.grad(x, y);
      vx = m * vx + gx;
      vy = m * vy + gy;
      x -= lr * vx;
      y -= lr * vy;
      expect(path[t]?.x).toBeCloseTo(x, 14);
      expect(path[t]?.y).toBeCloseTo(y, 14);
    }
    // Momentum speeds up the slow x direction on the ill-conditioned valley.
    const plain = runDescent(quadratic, constant(lr), { steps: 300 });
    const heavy = runDescent(quadratic, constant(lr), { steps: 300, momentum: m });
    expect(heavy.final.f).toBeLessThan(plain.final.f * 1e-3);
  });

  it("rejects invalid options", () => {
    expect(() => runDescent(quadratic, constant(0.01), { steps: -1 })).toThrow(RangeError);
    expect(() => runDescent(quadratic, constant(0.01), { steps: 1.5 })).toThrow(RangeError);
    expect(() => runDescent(quadratic, constant(0.01), { steps: 10, noise: -1 })).toThrow(RangeError);
    expect(() => runDescent(quadratic, constant(0.01), { steps: 10, momentum: 1 })).toThrow(RangeError);
    expect(() => runDescent(quadratic, constant(0.01), { steps: 10, seed: 0.5 })).toThrow(RangeError);
  });
});

describe("divergence", () => {
  it("reports the step and never puts a non-finite point in the path", () => {
    // Rosenbrock with η = 0.01 from (-1.5, 2): the x³ term overshoots and blows up.
    const result = runDescent(rosenbrock, constant(0.01), { steps: 500 });
    expect(result.diverged).not.toBeNull();
    const step = result.diverged?.step as number;
    expect(step).toBeGreaterThan(0);
    expect(result.diverged?.message).toBe(`diverged at step ${step}`);
    // path holds the start plus the `step − 1` good updates before the bad one.
    expect(result.path.length).toBe(step);
    expect(hasNonFinite(result.path)).toBe(false);
    for (const p of result.path) {
      expect(Math.abs(p.x)).toBeLessThanOrEqual(1e6);
      expect(Math.abs(p.y)).toBeLessThanOrEqual(1e6);
    }
    const last = result.path.at(-1) as PathPoint;
    expect(result.final).toEqual({ x: last.x, y: last.y, f: last.f });
  });

  it("on the quadratic with η = 0.085 stops once |y| passes 1e6, at the predicted step", () => {
    // |y_t| = 1.5·1.125^t first exceeds 1e6 at t = ceil(ln(1e6/1.5)/ln 1.125).
    const expected = Math.ceil(Math.log(1e6 / 1.5) / Math.log(1.125));
    const result = runDescent(quadratic, constant(0.085), { steps: 10_000 });
    expect(result.diverged?.step).toBe(expected);
    expect(result.path.length).toBe(expected);
    expect(hasNonFinite(result.path)).toBe(false);
  });
});

describe("noise", () => {
  it("same seed gives the same path; a different seed a different one", () => {
    const spec = constant(0.05);
    const a = runDescent(quadratic, spec, { steps: 300, noise: 0.5, seed: 7 });
    const b = runDescent(quadratic, spec, { steps: 300, noise: 0.5, seed: 7 });
    const c = runDescent(quadratic, spec, { steps: 300, noise: 0.5, seed: 8 });
    expect(a.path).toEqual(b.path);
    expect(c.path).not.toEqual(a.path);
    expect(c.final.x).not.toBe(a.final.x);
    // Noise 0 ignores the seed.
    const d = runDescent(quadratic, spec, { steps: 50, seed: 1 });
    const e = runDescent(quadratic, spec, { steps: 50, seed: 2 });
    expect(d.path).toEqual(e.path);
  });

  it("a constant rate rattles in a noise ball that a decaying rate shrinks", () => {
    // Noise std 0.5 on each gradient component, 2000 steps from (-4, 1.5).
    // With a constant η the iterate settles into a stationary spread whose
    // variance along a direction of curvature a is η σ² / (a (2 − η a)), so it
    // never closes in; with η_t → 0 the spread shrinks with the rate.
    const steps = 2000;
    const noise = 0.5;
    const constantSpec = constant(0.05);
    const inverseTime = checkSpec({ kind: "inverse-time", lr: 0.05, k: 0.01, staircase: false, decaySteps: 1 });
    const cosine = checkSpec({ kind: "cosine", lr: 0.05, minLr: 0, decaySteps: steps });
    for (const seed of [1, 2, 3]) {
      const flat = runDescent(quadratic, constantSpec, { steps, noise, seed });
      const inv = runDescent(quadratic, inverseTime, { steps, noise, seed });
      const cos = runDescent(quadratic, cosine, { steps, noise, seed });
      const rFlat = noiseBallRadius(flat.path, 0.25, [0, 0]);
      const rInv = noiseBallRadius(inv.path, 0.25, [0, 0]);
      const rCos = noiseBallRadius(cos.path, 0.25, [0, 0]);
      expect(flat.diverged).toBeNull();
      expect(rFlat).toBeGreaterThan(0.03);
      expect(rInv).toBeLessThan(0.5 * rFlat);
      expect(rCos).toBeLessThan(0.5 * rFlat);
    }
  });

  it("noiseBallRadius is the mean distance over the last fraction of the path", () => {
    const path = [
      { x: 100, y: 100 },
      { x: 3, y: 4 },
      { x: 0, y: 1 },
      { x: 1, y: 1 },
    ];
    expect(noiseBallRadius(path, 0.5, [1, 1])).toBeCloseTo(0.5, 12);
    expect(noiseBallRadius(path, 0.25, [0, 0])).toBeCloseTo(Math.SQRT2, 12);
    expect(noiseBallRadius(path, 1, [1, 1])).toBeCloseTo((Math.hypot(99, 99) + Math.hypot(2, 3) + 1 + 0) / 4, 12);
    expect(() => noiseBallRadius([], 0.25, [0, 0])).toThrow(RangeError);
    expect(() => noiseBallRadius(path, 0, [0, 0])).toThrow(RangeError);
  });
});

describe("multi-minima: restarts escape the poor well", () => {
  const [global, local] = multiMinima.minima as [[number, number], [number, number]];
  const steps = 1000;

  it("a small constant rate settles in the poor local minimum", () => {
    for (const lr of [0.01, 0.05, 0.1]) {
      const { final, diverged } = runDescent(multiMinima, constant(lr), { steps });
      expect(diverged).toBeNull();
      expect(nearestMinimum(final, multiMinima.minima)).toBe(1);
      expect(Math.hypot(final.x - local[0], final.y - local[1])).toBeLessThan(1e-3);
    }
  });

  // 0.9 is above what the narrow well tolerates (its curvature ≈ 8.25 makes
  // its floor unstable past 2/8.25 ≈ 0.24, and the iterate bounces out once
  // the rate passes ≈ 0.7) but below the wide well's limit 2/1.75 ≈ 1.14, so
  // the peaks kick descent out of the poor well, later peaks cannot kick it
  // out of the good one, and each cycle's cosine tail settles it at the bottom.
  const restarts = { kind: "cosine-restarts", lr: 0.9, minLr: 0.01, period: 100, tMult: 1, mMul: 1 } as const;

  it("cosine restarts peaking at 0.9 end in the better, global minimum", () => {
    const spec = checkSpec(restarts);
    const { final, diverged, path } = runDescent(multiMinima, spec, { steps });
    expect(diverged).toBeNull();
    expect(nearestMinimum(final, multiMinima.minima)).toBe(0);
    expect(Math.hypot(final.x - global[0], final.y - global[1])).toBeLessThan(1e-3);
    expect(final.f).toBeLessThan(multiMinima.minimaInfo[1]?.value ?? 0);
    // Deterministic: no noise, so a rerun is identical.
    expect(runDescent(multiMinima, spec, { steps }).path).toEqual(path);
  });

  it("restarts escape the poor minimum after descent has settled in it", () => {
    // 300 steps at a constant 0.05 (settles in the poor well), then the restarts.
    const spec = checkSpec({ kind: "join", boundaries: [300], schedules: [{ kind: "constant", lr: 0.05 }, restarts] });
    const { path, final, diverged } = runDescent(multiMinima, spec, { steps: 300 + steps });
    expect(diverged).toBeNull();
    const settled = path[300] as PathPoint;
    expect(Math.hypot(settled.x - local[0], settled.y - local[1])).toBeLessThan(1e-3);
    expect(Math.hypot(final.x - global[0], final.y - global[1])).toBeLessThan(1e-3);
    // Also from a point right next to the poor minimum.
    const near = runDescent(multiMinima, checkSpec(restarts), { steps, start: [local[0] + 0.01, local[1]] });
    expect(nearestMinimum(near.final, multiMinima.minima)).toBe(0);
  });

  it("the same restarts with a low peak (0.3) stay in the poor well", () => {
    const spec = checkSpec({ kind: "cosine-restarts", lr: 0.3, minLr: 0.01, period: 100, tMult: 1, mMul: 1 });
    const { final } = runDescent(multiMinima, spec, { steps });
    expect(nearestMinimum(final, multiMinima.minima)).toBe(1);
  });
});
