/**
 * A finite Markov decision process given by its transition table, and the two
 * exact computations on it that the Q-learning race measures against: value
 * iteration for Q* and policy evaluation for a fixed deterministic policy.
 * Pure numerics: no randomness, no DOM, no tfjs.
 */

/** One possible result of taking an action: with probability `p`, reward `reward` and next state `next`. */
export interface Outcome {
  p: number;
  next: number;
  reward: number;
}

export interface Mdp {
  readonly states: number;
  readonly actions: number;
  /** A terminal state has value 0 and is never acted in. */
  terminal(state: number): boolean;
  /** The distribution of (next state, reward) after `action` in the non-terminal `state`; probabilities sum to 1. */
  outcomes(state: number, action: number): readonly Outcome[];
}

/** A Q table, row-major: Q[state * actions + action]. */
export type QTable = Float64Array;

function checkGamma(gamma: number): void {
  if (!(Number.isFinite(gamma) && gamma >= 0 && gamma < 1)) throw new RangeError(`gamma must be a number in [0, 1), got ${gamma}`);
}

/** The one-step look-ahead Σ p (r + γ V(s')) of (s, a) under the state values `v`. */
function backup(mdp: Mdp, v: Float64Array, s: number, a: number, gamma: number): number {
  let q = 0;
  for (const o of mdp.outcomes(s, a)) q += o.p * (o.reward + gamma * (mdp.terminal(o.next) ? 0 : (v[o.next] as number)));
  return q;
}

/**
 * Q* by value iteration: V ← max_a Σ p (r + γ V(s')) until the largest change is
 * below `tolerance`; the contraction by γ bounds ‖Q − Q*‖∞ by tolerance·γ/(1−γ).
 */
export function valueIteration(mdp: Mdp, gamma: number, tolerance = 1e-12, maxSweeps = 100_000): { q: QTable; sweeps: number } {
  checkGamma(gamma);
  const v = new Float64Array(mdp.states);
  const q = new Float64Array(mdp.states * mdp.actions);
  for (let sweep = 1; sweep <= maxSweeps; sweep += 1) {
    let change = 0;
    for (let s = 0; s < mdp.states; s += 1) {
      if (mdp.terminal(s)) continue;
      let best = -Infinity;
      for (let a = 0; a < mdp.actions; a += 1) {
        const value = backup(mdp, v, s, a, gamma);
        q[s * mdp.actions + a] = value;
        if (value > best) best = value;
      }
      change = Math.max(change, Math.abs(best - (v[s] as number)));
      v[s] = best;
    }
    if (change < tolerance) return { q, sweeps: sweep };
  }
  throw new Error(`value iteration did not converge in ${maxSweeps} sweeps`);
}

/** The greedy action of each state (ties go to the lowest action index; terminal states get 0). */
export function greedyPolicy(q: QTable, states: number, actions: number): Int32Array {
  const policy = new Int32Array(states);
  for (let s = 0; s < states; s += 1) {
    let best = 0;
    for (let a = 1; a < actions; a += 1) if ((q[s * actions + a] as number) > (q[s * actions + best] as number)) best = a;
    policy[s] = best;
  }
  return policy;
}

/** V^π of a deterministic policy, exactly up to `tolerance` (iterative policy evaluation, a γ-contraction). */
export function evaluatePolicy(mdp: Mdp, policy: Int32Array, gamma: number, tolerance = 1e-13): Float64Array {
  checkGamma(gamma);
  const v = new Float64Array(mdp.states);
  for (let sweep = 0; sweep < 100_000; sweep += 1) {
    let change = 0;
    for (let s = 0; s < mdp.states; s += 1) {
      if (mdp.terminal(s)) continue;
      const value = backup(mdp, v, s, policy[s] as number, gamma);
      change = Math.max(change, Math.abs(value - (v[s] as number)));
      v[s] = value;
    }
    if (change < tolerance) return v;
  }
  throw new Error("policy evaluation did not converge");
}

/** max over non-terminal states and all actions of |Q(s,a) − Q*(s,a)|. */
export function maxNormDistance(mdp: Mdp, q: QTable, qStar: QTable): number {
  let worst = 0;
  for (let s = 0; s < mdp.states; s += 1) {
    if (mdp.terminal(s)) continue;
    for (let a = 0; a < mdp.actions; a += 1) {
      const i = s * mdp.actions + a;
      worst = Math.max(worst, Math.abs((q[i] as number) - (qStar[i] as number)));
    }
  }
  return worst;
}
