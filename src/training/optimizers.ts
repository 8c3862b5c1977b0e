/**
 * Optimizers whose learning rate (and momentum) is a per-copy vector that
 * changes every step. The stock tfjs optimizers take one scalar rate fixed at
 * construction (and `setMomentum` does not take effect), so changing the rate
 * would mean recreating them, which silently resets Adam's moments. These
 * apply the same update rules with tf ops; test/training/optimizers.test.ts
 * proves each equals the stock tfjs optimizer at a constant rate.
 *
 * Every weight has a leading axis of K copies; rate and momentum are tensors
 * of shape [K] broadcast as [K, 1, 1].
 *
 * Each optimizer is one record in OPTIMIZER_TABLE: label, update rule (as
 * LaTeX and as code), hyper-parameters with defaults. The list of names is
 * derived from the table, so a name without an update rule cannot exist, and a
 * record without `update` is a type error.
 */
import type * as tfNamespace from "@tensorflow/tfjs";
import type { Tf } from "./model.ts";

/** Every hyper-parameter an optimizer may read (its record lists the ones it reads, with defaults). */
export interface HyperParams {
  /** Momentum for momentum/nesterov; β₁ for adam/adamw. Cycled per step when a schedule asks. */
  momentum: number;
  /** Adam's β₂. */
  beta2: number;
  /** RMSprop's decay ρ. */
  rho: number;
  /** AdaGrad's starting accumulator. */
  initialAccumulator: number;
  /** AdamW's decoupled weight decay (multiplied by the rate, as PyTorch does). */
  weightDecay: number;
  /** Schedule-free's β: gradients are taken at y = (1 − β) z + β x (not a momentum a schedule cycles). */
  interpolation: number;
}
type HyperKey = keyof HyperParams;

/** What an update rule sees for one variable at one step (inside tf.tidy). */
export interface UpdateArgs<H extends HyperKey = HyperKey> {
  tf: Tf;
  value: tfNamespace.Variable;
  g: tfNamespace.Tensor;
  /** Rate and momentum per copy, [K, 1, 1]. */
  lr: tfNamespace.Tensor;
  mu: tfNamespace.Tensor;
  hyper: Pick<HyperParams, H>;
  epsilon: number;
  /** The optimizer's j-th state tensor for this variable, created filled with `fill` ("weights": a copy of the variable's value). */
  slot: (j: number, fill: number | "weights") => tfNamespace.Variable;
  /** Adam's bias corrections 1 − Πβ₁ (per copy, [K, 1, 1]) and 1 − β₂ᵗ; null unless the record asks for them. */
  bias: { first: tfNamespace.Tensor; second: number } | null;
  /** Schedule-free's averaging weight c_{t+1} = η_max,t² / Σ_{i≤t} η_max,i² per copy ([K, 1, 1]); null unless the record averages. */
  average: tfNamespace.Tensor | null;
}

interface OptimizerDef {
  label: string;
  /** The update rule in LaTeX, in the symbols of the hyper-parameters (η is the step's rate). */
  rule: string;
  /** The hyper-parameters it reads, with their defaults (tfjs's, so the equivalence tests hold). */
  hyper: Partial<HyperParams>;
  /** Keeps running products of β₁ and β₂ for bias correction (Adam). */
  biasCorrected: boolean;
  /** Schedule-free: the record keeps the averaged point x in slot 1 and the model is evaluated there. */
  averaged?: boolean;
  update: (args: UpdateArgs) => void;
}

/** Types `update` against the hyper-parameters the record declares (reading an undeclared one is a type error). */
function define<const H extends HyperKey = never>(def: Omit<OptimizerDef, "hyper" | "update"> & { hyper: Pick<HyperParams, H>; update: (args: UpdateArgs<NoInfer<H>>) => void }): OptimizerDef {
  return def;
}

const heavyBall = (nesterov: boolean) => ({ tf, value, g, lr, mu, slot }: UpdateArgs<"momentum">): void => {
  const v = slot(0, 0);
  const next = tf.add(tf.mul(mu, v), g);
  v.assign(next);
  value.assign(tf.sub(value, tf.mul(lr, nesterov ? tf.add(g, tf.mul(next, mu)) : next)));
};

const adam = ({ tf, value, g, lr, mu, hyper, epsilon, slot, bias }: UpdateArgs<"momentum" | "beta2">): void => {
  if (!bias) throw new Error("adam needs its bias corrections");
  const m = slot(0, 0);
  const v = slot(1, 0);
  const m1 = tf.add(tf.mul(mu, m), tf.mul(tf.sub(1, mu), g));
  const v1 = tf.add(tf.mul(v, hyper.beta2), tf.mul(tf.square(g), 1 - hyper.beta2));
  m.assign(m1);
  v.assign(v1);
  const mHat = tf.div(m1, bias.first);
  const vHat = tf.div(v1, bias.second);
  value.assign(tf.sub(value, tf.mul(lr, tf.div(mHat, tf.add(tf.sqrt(vHat), epsilon)))));
};

/**
 * Schedule-free SGD / AdamW (Defazio et al. 2024, "The Road Less Scheduled",
 * Algorithm 1), as facebookresearch/schedule_free's reference implementations
 * (sgd_schedulefree_reference.py, adamw_schedulefree_reference.py) compute it.
 * The model's weights are y, where gradients are taken; z takes plain steps;
 * x, the point to evaluate, is a running weighted average of the z's:
 *
 *   z ← z − η (d + λ y),  d = g (SGD) or g / (√(v / (1 − β₂ᵗ)) + ε) (AdamW)
 *   x ← (1 − c) x + c z,  c = η_max² / Σ η_max²  (η_max: the largest rate so far)
 *   y ← β x + (1 − β) z
 *
 * Weight decay is taken at y, as both reference files do by default. Warmup
 * is the rate's schedule (the reference files' warmup_steps is a linear ramp
 * of the same rate). Slots: 0 = z, 1 = x, 2 = v.
 */
function scheduleFreeStep({ tf, value, lr, hyper, slot, average }: UpdateArgs<"interpolation" | "weightDecay">, direction: tfNamespace.Tensor): void {
  if (!average) throw new Error("schedule-free needs its averaging weights");
  const z = slot(0, "weights");
  const x = slot(1, "weights");
  const z1 = tf.sub(z, tf.mul(lr, tf.add(direction, tf.mul(value, hyper.weightDecay))));
  const x1 = tf.add(tf.mul(tf.sub(1, average), x), tf.mul(average, z1));
  z.assign(z1);
  x.assign(x1);
  value.assign(tf.add(tf.mul(x1, hyper.interpolation), tf.mul(z1, 1 - hyper.interpolation)));
}

/** AdamW's normalized gradient without momentum: g / (√(v / (1 − β₂ᵗ)) + ε), v in slot 2. */
function adaptiveDirection({ tf, g, hyper, epsilon, slot, bias }: UpdateArgs<"beta2">): tfNamespace.Tensor {
  if (!bias) throw new Error("schedule-free AdamW needs its bias corrections");
  const v = slot(2, 0);
  const v1 = tf.add(tf.mul(v, hyper.beta2), tf.mul(tf.square(g), 1 - hyper.beta2));
  v.assign(v1);
  return tf.div(g, tf.add(tf.sqrt(tf.div(v1, bias.second)), epsilon));
}

export const OPTIMIZER_TABLE = {
  sgd: define({
    label: "SGD", rule: String.raw`\theta \leftarrow \theta - \eta g`, hyper: {}, biasCorrected: false,
    update: ({ tf, value, g, lr }) => value.assign(tf.sub(value, tf.mul(lr, g))),
  }),
  momentum: define({
    label: "SGD with momentum", rule: String.raw`v \leftarrow \mu v + g,\; \theta \leftarrow \theta - \eta v`, hyper: { momentum: 0.9 }, biasCorrected: false,
    update: heavyBall(false),
  }),
  nesterov: define({
    label: "Nesterov momentum", rule: String.raw`v \leftarrow \mu v + g,\; \theta \leftarrow \theta - \eta (g + \mu v)`, hyper: { momentum: 0.9 }, biasCorrected: false,
    update: heavyBall(true),
  }),
  adagrad: define({
    label: "AdaGrad", rule: String.raw`s \leftarrow s + g^2,\; \theta \leftarrow \theta - \eta\, g / \sqrt{s + \epsilon}`, hyper: { initialAccumulator: 0.1 }, biasCorrected: false,
    update: ({ tf, value, g, lr, hyper, epsilon, slot }) => {
      const acc = slot(0, hyper.initialAccumulator);
      const next = tf.add(acc, tf.square(g));
      acc.assign(next);
      value.assign(tf.sub(value, tf.mul(lr, tf.div(g, tf.sqrt(tf.add(next, epsilon))))));
    },
  }),
  rmsprop: define({
    label: "RMSprop", rule: String.raw`s \leftarrow \rho s + (1-\rho) g^2,\; \theta \leftarrow \theta - \eta\, g / \sqrt{s + \epsilon}`, hyper: { rho: 0.9 }, biasCorrected: false,
    update: ({ tf, value, g, lr, hyper, epsilon, slot }) => {
      const ms = slot(0, 0);
      const next = tf.add(tf.mul(ms, hyper.rho), tf.mul(tf.square(g), 1 - hyper.rho));
      ms.assign(next);
      value.assign(tf.sub(value, tf.div(tf.mul(lr, g), tf.sqrt(tf.add(next, epsilon)))));
    },
  }),
  adam: define({
    label: "Adam", rule: String.raw`m \leftarrow \beta_1 m + (1-\beta_1) g,\; v \leftarrow \beta_2 v + (1-\beta_2) g^2,\; \theta \leftarrow \theta - \eta\, \hat m / (\sqrt{\hat v} + \epsilon)`,
    hyper: { momentum: 0.9, beta2: 0.999 }, biasCorrected: true,
    update: adam,
  }),
  adamw: define({
    label: "AdamW", rule: String.raw`\theta \leftarrow \theta (1 - \eta \lambda),\; \text{then Adam}`,
    hyper: { momentum: 0.9, beta2: 0.999, weightDecay: 0.01 }, biasCorrected: true,
    update: (args) => {
      // Decoupled decay first (PyTorch's order), then the Adam step.
      args.value.assign(args.tf.mul(args.value, args.tf.sub(1, args.tf.mul(args.lr, args.hyper.weightDecay))));
      adam(args);
    },
  }),
  "schedule-free-sgd": define({
    label: "Schedule-free SGD", rule: String.raw`z \leftarrow z - \eta (g + \lambda y),\; x \leftarrow (1-c) x + c z,\; y \leftarrow \beta x + (1-\beta) z`,
    // The reference implementation's defaults (momentum 0.9, weight decay 0); the model is evaluated at x.
    hyper: { interpolation: 0.9, weightDecay: 0 }, biasCorrected: false, averaged: true,
    update: (args) => scheduleFreeStep(args, args.g),
  }),
  "schedule-free-adamw": define({
    label: "Schedule-free AdamW", rule: String.raw`v \leftarrow \beta_2 v + (1-\beta_2) g^2,\; z \leftarrow z - \eta (g / (\sqrt{\hat v} + \epsilon) + \lambda y),\; x \leftarrow (1-c) x + c z,\; y \leftarrow \beta_1 x + (1-\beta_1) z`,
    // β₁ 0.9 and β₂ 0.999 as the reference; weight decay 0.01 as this table's AdamW (the reference defaults to 0), so the two compare at one λ.
    hyper: { interpolation: 0.9, beta2: 0.999, weightDecay: 0.01 }, biasCorrected: true, averaged: true,
    update: (args) => scheduleFreeStep(args, adaptiveDirection(args)),
  }),
} satisfies Record<string, OptimizerDef>;

export type OptimizerName = keyof typeof OPTIMIZER_TABLE;
export const OPTIMIZERS = Object.keys(OPTIMIZER_TABLE) as [OptimizerName, ...OptimizerName[]];

/** Overrides of the record's defaults; a hyper-parameter the optimizer does not have (weightDecay for adam) is ignored. */
export interface OptimizerOptions extends Partial<HyperParams> {
  name: OptimizerName;
  /** ε; defaults to the backend's (1e-7 in float32), as tfjs does. */
  epsilon?: number;
}

export interface StepRates {
  /** Learning rate per copy. */
  lr: Float32Array;
  /** Momentum (or β₁) per copy. */
  momentum: Float32Array;
  /** A factor per copy [K] that stays on the backend and multiplies lr (0 stops a copy without reading the device). */
  scale?: tfNamespace.Tensor;
}

export interface BatchedOptimizer {
  readonly name: OptimizerName;
  /** The default momentum / β₁ for copies whose schedule does not cycle it. */
  readonly baseMomentum: number;
  /** Apply one update to every variable; grads in the same order as the variables. */
  apply(variables: tfNamespace.Variable[], grads: tfNamespace.Tensor[], rates: StepRates): void;
  /** Where to evaluate the model, per variable, when it is not at the trained weights (schedule-free's x); null: at the weights. */
  evalPoint(): tfNamespace.Tensor[] | null;
  dispose(): void;
}

export function isOptimizer(name: unknown): name is OptimizerName {
  return typeof name === "string" && Object.hasOwn(OPTIMIZER_TABLE, name);
}

/** Whether the optimizer has a momentum (or β₁) that a schedule may cycle. */
export function usesMomentum(name: OptimizerName): boolean {
  return "momentum" in OPTIMIZER_TABLE[name].hyper;
}

export function createOptimizer(tf: Tf, options: OptimizerOptions): BatchedOptimizer {
  const name = options.name;
  if (!isOptimizer(name)) throw new RangeError(`unknown optimizer "${String(name)}"; expected one of ${OPTIMIZERS.join(", ")}`);
  const def: OptimizerDef = OPTIMIZER_TABLE[name];
  // The record's own hyper-parameters, each overridden by an option of the same name (others are not its own: ignored).
  const own: Partial<HyperParams> = { ...def.hyper };
  for (const key of Object.keys(own) as HyperKey[]) {
    const given = options[key];
    if (given !== undefined) {
      if (!Number.isFinite(given)) throw new RangeError(`${name}: ${key} must be a finite number, got ${given}`);
      own[key] = given;
    }
  }
  // define() lets each update read only the keys its record declares, and every one of those is set here.
  const hyper = own as HyperParams;
  const epsilon = options.epsilon ?? tf.backend().epsilon();
  const slots: tfNamespace.Variable[][] = [];
  // Adam's bias corrections: products of the β₁ actually used at each step, per copy (β₁ may cycle).
  let beta1Product: Float64Array | null = null;
  let beta2Product = 1;
  // Schedule-free's running largest rate and sum of its squares, per copy.
  let rateMax: Float64Array | null = null;
  let weightSum: Float64Array | null = null;

  const slotOf = (i: number, like: tfNamespace.Variable) => (j: number, fill: number | "weights"): tfNamespace.Variable => {
    slots[i] ??= [];
    const row = slots[i] as tfNamespace.Variable[];
    if (!row[j]) row[j] = tf.tidy(() => tf.variable(fill === "weights" ? tf.clone(like) : tf.fill(like.shape, fill), false));
    return row[j] as tfNamespace.Variable;
  };

  return {
    name,
    // Without a momentum of its own the value is unused (records show null); 0 says so.
    baseMomentum: own.momentum ?? 0,
    apply(variables, grads, rates) {
      const copies = rates.lr.length;
      if (def.biasCorrected) {
        beta1Product ??= new Float64Array(copies).fill(1);
        for (let k = 0; k < copies; k += 1) beta1Product[k] = (beta1Product[k] as number) * (rates.momentum[k] as number);
        beta2Product *= hyper.beta2;
      }
      let weights: Float32Array | null = null;
      if (def.averaged) {
        rateMax ??= new Float64Array(copies);
        weightSum ??= new Float64Array(copies);
        weights = new Float32Array(copies);
        for (let k = 0; k < copies; k += 1) {
          const top = Math.max(rateMax[k] as number, rates.lr[k] as number);
          rateMax[k] = top;
          weightSum[k] = (weightSum[k] as number) + top * top;
          // Before any positive rate the sum is 0 and so is the weight (the reference's ZeroDivisionError case).
          weights[k] = (weightSum[k] as number) > 0 ? (top * top) / (weightSum[k] as number) : 0;
        }
      }
      tf.tidy(() => {
        const scheduled = tf.tensor3d(rates.lr, [copies, 1, 1]);
        const lr = rates.scale ? tf.mul(scheduled, tf.reshape(rates.scale, [copies, 1, 1])) : scheduled;
        const mu = tf.tensor3d(rates.momentum, [copies, 1, 1]);
        const bias = beta1Product ? { first: tf.tensor3d(Float32Array.from(beta1Product, (p) => 1 - p), [copies, 1, 1]), second: 1 - beta2Product } : null;
        const average = weights ? tf.tensor3d(weights, [copies, 1, 1]) : null;
        variables.forEach((value, i) => {
          def.update({ tf, value, g: grads[i] as tfNamespace.Tensor, lr, mu, hyper, epsilon, slot: slotOf(i, value), bias, average });
        });
      });
    },
    evalPoint() {
      // x is slot 1 of every variable once a step has been taken; before that x = y, the weights themselves.
      if (!def.averaged || slots.length === 0) return null;
      return slots.map((row) => row?.[1] as tfNamespace.Tensor);
    },
    dispose() {
      for (const row of slots) for (const v of row ?? []) v?.dispose();
      slots.length = 0;
    },
  };
}
