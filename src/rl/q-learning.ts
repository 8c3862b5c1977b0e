/**
 * Tabular Q-learning (Watkins 1989; Sutton & Barto 2018, §6.5): after taking
 * action a in state s and seeing reward r and next state s′,
 *   Q(s,a) ← Q(s,a) + α (r + γ max_a′ Q(s′,a′) − Q(s,a)),
 * with max_a′ Q(s′,·) = 0 when s′ is terminal.
 */
import type { QTable } from "./mdp.ts";

/** Applies one update in place and returns the temporal-difference error it used. */
export function qUpdate(q: QTable, actions: number, s: number, a: number, reward: number, next: number, nextTerminal: boolean, alpha: number, gamma: number): number {
  let best = 0;
  if (!nextTerminal) {
    best = -Infinity;
    for (let b = 0; b < actions; b += 1) best = Math.max(best, q[next * actions + b] as number);
  }
  const i = s * actions + a;
  const delta = reward + gamma * best - (q[i] as number);
  q[i] = (q[i] as number) + alpha * delta;
  return delta;
}

/**
 * ε-greedy from two uniforms: explore when uExplore < ε (action ⌊uAction·A⌋),
 * otherwise the greedy action, ties broken by uAction among the tied actions.
 * Agents that are handed the same uniforms in the same state with the same Q
 * row choose the same action.
 */
export function epsilonGreedy(q: QTable, actions: number, s: number, epsilon: number, uExplore: number, uAction: number): number {
  if (uExplore < epsilon) return Math.min(actions - 1, Math.floor(uAction * actions));
  let best = -Infinity;
  let ties = 0;
  for (let a = 0; a < actions; a += 1) {
    const v = q[s * actions + a] as number;
    if (v > best) {
      best = v;
      ties = 1;
    } else if (v === best) ties += 1;
  }
  let pick = Math.min(ties - 1, Math.floor(uAction * ties));
  for (let a = 0; a < actions; a += 1) {
    if (q[s * actions + a] === best) {
      if (pick === 0) return a;
      pick -= 1;
    }
  }
  return 0;
}
