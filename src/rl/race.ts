/**
 * A race of K Q-learning agents on the stochastic windy gridworld that differ
 * only in their step-size rule. Common random numbers: one seeded stream
 * (mulberry32) draws four uniforms per step — explore?, which action, which
 * wind, which start state — and every agent consumes the same four at that
 * step. Two agents with the same rule therefore follow the same trajectory and
 * hold the same Q table bit for bit; agents with different rules see the same
 * numbers, used in whatever state each has reached.
 *
 * Episodes start in a uniformly drawn non-goal state (exploring starts), so
 * that every state-action pair keeps being updated and ‖Q_t − Q*‖∞ over all
 * pairs can go to 0. Every `evalEvery` steps each agent reports that distance
 * and the exact expected discounted return of its greedy policy from the
 * book's start state, by policy evaluation on the known MDP (no rollouts).
 */
import { mulberry32 } from "../data/prng.ts";
import { GOAL, START, sampleOutcome, stateOf, windyGridworld } from "./gridworld.ts";
import { evaluatePolicy, greedyPolicy, maxNormDistance, valueIteration, type Mdp, type QTable } from "./mdp.ts";
import { epsilonGreedy, qUpdate } from "./q-learning.ts";
import { makeStepSize, type StepSize, type StepSizeRule } from "./step-sizes.ts";

export interface QRaceConfig {
  rules: StepSizeRule[];
  labels: string[];
  steps: number;
  seed: number;
  evalEvery: number;
  epsilon: number;
  gamma: number;
}

/** One evaluation point: after `step` updates, one entry per agent. */
export interface QRecord {
  step: number;
  /** ‖Q_t − Q*‖∞ over every non-terminal state and action. */
  distance: number[];
  /** Expected discounted return of the greedy policy of Q_t from the start state (exact). */
  greedyReturn: number[];
  /** The step size of the agent's latest update (null before the first). */
  alpha: (number | null)[];
  /** Episodes finished so far. */
  episodes: number[];
}

export interface QRaceResult {
  records: QRecord[];
  /** V*(start) = max_a Q*(start, a): the best greedy return. */
  optimalReturn: number;
  /** V^π(start) of the uniformly random policy, for scale. */
  randomReturn: number;
  states: number;
  actions: number;
  /** Each agent's final Q table (row-major, state × action). */
  tables: QTable[];
}

interface Agent {
  q: QTable;
  counts: Uint32Array;
  stepSize: StepSize;
  state: number;
  alpha: number | null;
  episodes: number;
}

export function checkQRaceConfig(c: QRaceConfig): void {
  if (c.rules.length < 1) throw new RangeError("a race needs at least one step-size rule");
  if (c.labels.length !== c.rules.length) throw new RangeError(`${c.rules.length} rules but ${c.labels.length} labels`);
  if (!(Number.isInteger(c.steps) && c.steps >= 1)) throw new RangeError(`steps must be a positive integer, got ${c.steps}`);
  if (!(Number.isInteger(c.evalEvery) && c.evalEvery >= 1)) throw new RangeError(`evalEvery must be a positive integer, got ${c.evalEvery}`);
  if (!(c.epsilon >= 0 && c.epsilon <= 1)) throw new RangeError(`epsilon must be in [0, 1], got ${c.epsilon}`);
  if (!(c.gamma >= 0 && c.gamma < 1)) throw new RangeError(`gamma must be in [0, 1), got ${c.gamma}`);
}

/** Q* and the fixed quantities of the gridworld under γ. */
export function gridworldReference(gamma: number): { mdp: Mdp; qStar: QTable; optimalReturn: number; randomReturn: number; start: number } {
  const mdp = windyGridworld();
  const qStar = valueIteration(mdp, gamma).q;
  const start = stateOf(START.row, START.column);
  const optimalReturn = Math.max(...qStar.subarray(start * mdp.actions, (start + 1) * mdp.actions));
  // The uniform random policy's value, by evaluating the average of the four deterministic backups.
  const uniform: Mdp = { ...mdp, actions: 1, outcomes: (s) => Array.from({ length: mdp.actions }, (_, a) => mdp.outcomes(s, a).map((o) => ({ ...o, p: o.p / mdp.actions }))).flat() };
  const randomReturn = evaluatePolicy(uniform, new Int32Array(mdp.states), gamma)[start] as number;
  return { mdp, qStar, optimalReturn, randomReturn, start };
}

/** Runs the race; `onRecord` sees each evaluation as it is made. */
export function runQRace(config: QRaceConfig, onRecord?: (r: QRecord) => void): QRaceResult {
  checkQRaceConfig(config);
  const { mdp, qStar, optimalReturn, randomReturn, start } = gridworldReference(config.gamma);
  const A = mdp.actions;
  const goal = stateOf(GOAL.row, GOAL.column);
  const starts = Array.from({ length: mdp.states }, (_, s) => s).filter((s) => s !== goal);
  const rng = mulberry32(config.seed);
  const agents: Agent[] = config.rules.map((rule) => ({ q: new Float64Array(mdp.states * A), counts: new Uint32Array(mdp.states * A), stepSize: makeStepSize(rule), state: -1, alpha: null, episodes: 0 }));
  const records: QRecord[] = [];
  const record = (step: number): void => {
    const r: QRecord = {
      step,
      distance: agents.map((g) => maxNormDistance(mdp, g.q, qStar)),
      greedyReturn: agents.map((g) => evaluatePolicy(mdp, greedyPolicy(g.q, mdp.states, A), config.gamma)[start] as number),
      alpha: agents.map((g) => g.alpha),
      episodes: agents.map((g) => g.episodes),
    };
    records.push(r);
    onRecord?.(r);
  };
  record(0);
  for (let t = 0; t < config.steps; t += 1) {
    // The four shared uniforms of step t, drawn once, in this order, whatever the agents do.
    const uExplore = rng.next();
    const uAction = rng.next();
    const uWind = rng.next();
    const uStart = rng.next();
    for (const g of agents) {
      if (g.state < 0) g.state = starts[Math.min(starts.length - 1, Math.floor(uStart * starts.length))] as number;
      const s = g.state;
      const a = epsilonGreedy(g.q, A, s, config.epsilon, uExplore, uAction);
      const o = sampleOutcome(mdp.outcomes(s, a), uWind);
      const i = s * A + a;
      g.counts[i] = (g.counts[i] as number) + 1;
      const alpha = g.stepSize(t, g.counts[i] as number);
      if (!(alpha >= 0 && Number.isFinite(alpha))) throw new RangeError(`step size at step ${t} is ${alpha}; a step size must be a finite number ≥ 0`);
      g.alpha = alpha;
      const terminal = mdp.terminal(o.next);
      qUpdate(g.q, A, s, a, o.reward, o.next, terminal, alpha, config.gamma);
      if (terminal) {
        g.state = -1;
        g.episodes += 1;
      } else g.state = o.next;
    }
    if ((t + 1) % config.evalEvery === 0 || t + 1 === config.steps) record(t + 1);
  }
  return { records, optimalReturn, randomReturn, states: mdp.states, actions: A, tables: agents.map((g) => g.q) };
}
