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

/**
 * The race as a stepper, for a caller that runs it in slices (the browser
 * worker, between which it can pause): `advance(n)` takes up to n more steps
 * and returns the evaluations not yet returned (the first call includes step 0).
 * Same numbers as one long run, however it is sliced.
 */
export class QRace {
  readonly config: QRaceConfig;
  readonly optimalReturn: number;
  readonly randomReturn: number;
  readonly records: QRecord[] = [];
  #t = 0;
  /** Records already handed out by advance() (the first call also returns the start, step 0). */
  #delivered = 0;
  readonly #mdp: Mdp;
  readonly #qStar: QTable;
  readonly #start: number;
  readonly #starts: number[];
  readonly #rng: ReturnType<typeof mulberry32>;
  readonly #agents: Agent[];

  constructor(config: QRaceConfig) {
    checkQRaceConfig(config);
    this.config = config;
    const { mdp, qStar, optimalReturn, randomReturn, start } = gridworldReference(config.gamma);
    [this.#mdp, this.#qStar, this.#start, this.optimalReturn, this.randomReturn] = [mdp, qStar, start, optimalReturn, randomReturn];
    const goal = stateOf(GOAL.row, GOAL.column);
    this.#starts = Array.from({ length: mdp.states }, (_, s) => s).filter((s) => s !== goal);
    this.#rng = mulberry32(config.seed);
    this.#agents = config.rules.map((rule) => ({ q: new Float64Array(mdp.states * mdp.actions), counts: new Uint32Array(mdp.states * mdp.actions), stepSize: makeStepSize(rule), state: -1, alpha: null, episodes: 0 }));
    this.#record(0);
  }

  /** The MDP's sizes. */
  get states(): number {
    return this.#mdp.states;
  }

  get actions(): number {
    return this.#mdp.actions;
  }

  /** Steps taken so far. */
  get step(): number {
    return this.#t;
  }

  get done(): boolean {
    return this.#t >= this.config.steps;
  }

  /** Each agent's Q table (row-major, state × action), live. */
  get tables(): QTable[] {
    return this.#agents.map((g) => g.q);
  }

  #record(step: number): QRecord {
    const mdp = this.#mdp;
    const r: QRecord = {
      step,
      distance: this.#agents.map((g) => maxNormDistance(mdp, g.q, this.#qStar)),
      greedyReturn: this.#agents.map((g) => evaluatePolicy(mdp, greedyPolicy(g.q, mdp.states, mdp.actions), this.config.gamma)[this.#start] as number),
      alpha: this.#agents.map((g) => g.alpha),
      episodes: this.#agents.map((g) => g.episodes),
    };
    this.records.push(r);
    return r;
  }

  advance(maxSteps: number): QRecord[] {
    const mdp = this.#mdp;
    const A = mdp.actions;
    const { epsilon, gamma, evalEvery, steps } = this.config;
    const end = Math.min(steps, this.#t + Math.max(0, Math.floor(maxSteps)));
    for (; this.#t < end; ) {
      const t = this.#t;
      // The four shared uniforms of step t, drawn once, in this order, whatever the agents do.
      const uExplore = this.#rng.next();
      const uAction = this.#rng.next();
      const uWind = this.#rng.next();
      const uStart = this.#rng.next();
      for (const g of this.#agents) {
        if (g.state < 0) g.state = this.#starts[Math.min(this.#starts.length - 1, Math.floor(uStart * this.#starts.length))] as number;
        const s = g.state;
        const a = epsilonGreedy(g.q, A, s, epsilon, uExplore, uAction);
        const o = sampleOutcome(mdp.outcomes(s, a), uWind);
        const i = s * A + a;
        g.counts[i] = (g.counts[i] as number) + 1;
        const alpha = g.stepSize(t, g.counts[i] as number);
        if (!(alpha >= 0 && Number.isFinite(alpha))) throw new RangeError(`step size at step ${t} is ${alpha}; a step size must be a finite number ≥ 0`);
        g.alpha = alpha;
        const terminal = mdp.terminal(o.next);
        qUpdate(g.q, A, s, a, o.reward, o.next, terminal, alpha, gamma);
        if (terminal) {
          g.state = -1;
          g.episodes += 1;
        } else g.state = o.next;
      }
      this.#t = t + 1;
      if (this.#t % evalEvery === 0 || this.#t === steps) this.#record(this.#t);
    }
    const made = this.records.slice(this.#delivered);
    this.#delivered = this.records.length;
    return made;
  }
}

/** Runs the race; `onRecord` sees each evaluation as it is made. */
export function runQRace(config: QRaceConfig, onRecord?: (r: QRecord) => void): QRaceResult {
  const race = new QRace(config);
  for (const r of race.advance(0)) onRecord?.(r);
  while (!race.done) for (const r of race.advance(10_000)) onRecord?.(r);
  return { records: race.records, optimalReturn: race.optimalReturn, randomReturn: race.randomReturn, states: race.states, actions: race.actions, tables: race.tables };
}
