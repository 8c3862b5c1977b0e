/**
 * Windy Gridworld with stochastic wind: Sutton & Barto, Reinforcement Learning:
 * An Introduction (2nd ed., 2018), Example 6.5 with Exercise 6.10. A 7 × 10 grid,
 * start (row 3, column 0), goal (row 3, column 7), four moves (up, right, down,
 * left), reward −1 per step until the goal. In each column a wind pushes the
 * agent up by [0,0,0,1,1,1,2,2,1,0] cells; in a windy column the push is the
 * column's mean a third of the time, one more a third, one less a third
 * (Exercise 6.10). The wind of the column the agent leaves applies; moves off
 * the grid stop at the edge. 70 states (the goal is terminal), 4 actions, so
 * Q* is exact by value iteration (mdp.ts).
 *
 * One departure from the book: a discount γ (0.9 by default; the book's
 * episodic task is undiscounted), so that Q* and the max-norm contraction that
 * Q-learning's convergence theory uses are both defined for every policy.
 */
import type { Mdp, Outcome } from "./mdp.ts";

export const ROWS = 7;
export const COLUMNS = 10;
export const WIND: readonly number[] = [0, 0, 0, 1, 1, 1, 2, 2, 1, 0];
export const START = { row: 3, column: 0 };
export const GOAL = { row: 3, column: 7 };
/** Row and column change of each action, in action order. */
export const MOVES = [
  { name: "up", dr: -1, dc: 0 },
  { name: "right", dr: 0, dc: 1 },
  { name: "down", dr: 1, dc: 0 },
  { name: "left", dr: 0, dc: -1 },
] as const;

export const stateOf = (row: number, column: number): number => row * COLUMNS + column;
const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

/** The MDP of Example 6.5 + Exercise 6.10 (stochastic wind). */
export function windyGridworld(): Mdp {
  const goal = stateOf(GOAL.row, GOAL.column);
  const table: Outcome[][] = [];
  for (let s = 0; s < ROWS * COLUMNS; s += 1) {
    const row = Math.floor(s / COLUMNS);
    const column = s % COLUMNS;
    const wind = WIND[column] as number;
    for (const move of MOVES) {
      const pushes = wind === 0 ? [0] : [wind - 1, wind, wind + 1];
      const byNext = new Map<number, number>();
      for (const push of pushes) {
        const next = stateOf(clamp(row + move.dr - push, 0, ROWS - 1), clamp(column + move.dc, 0, COLUMNS - 1));
        byNext.set(next, (byNext.get(next) ?? 0) + 1 / pushes.length);
      }
      table.push([...byNext].map(([next, p]) => ({ p, next, reward: -1 })));
    }
  }
  return {
    states: ROWS * COLUMNS,
    actions: MOVES.length,
    terminal: (s) => s === goal,
    outcomes: (s, a) => table[s * MOVES.length + a] as Outcome[],
  };
}

/** The outcome that a uniform number u ∈ [0, 1) picks from the distribution (inverse CDF, in table order). */
export function sampleOutcome(outcomes: readonly Outcome[], u: number): Outcome {
  let acc = 0;
  for (const o of outcomes) {
    acc += o.p;
    if (u < acc) return o;
  }
  return outcomes[outcomes.length - 1] as Outcome;
}
