/**
 * A race: K copies of one network, each under its own schedule, trained in
 * one batched graph on the same batches from the same initial weights. One
 * call to `runSteps(n)` does n batched updates and returns their records,
 * reading the losses back once (a single GPU sync per chunk). A copy whose
 * loss turns NaN or infinite stops ("diverged at step N"): its rate becomes 0
 * and its loss is masked out of the objective, so the others go on untouched.
 */
import type * as tfNamespace from "@tensorflow/tfjs";
import { makeDataset, type Dataset, type TaskName } from "../data/datasets.ts";
import { BatchStream, raceStreams } from "./batches.ts";
import { makeScheduler, type Scheduler } from "../schedules/index.ts";
import { momentumSchedule } from "../schedules/momentum.ts";
import type { ScheduleSpec } from "../schedules/types.ts";
import { createModel, type Activation, type BatchedModel, type ModelName, type Tf } from "./model.ts";
import { PROFILES } from "./settings.ts";
import { createOptimizer, usesMomentum, type BatchedOptimizer, type OptimizerName, type OptimizerOptions } from "./optimizers.ts";
import { atWeights, WeightAverages, type AverageSpec } from "./averaging.ts";
import { SharpnessMeter } from "./sharpness.ts";

export interface RaceOptions {
  task: TaskName;
  model: ModelName;
  optimizer: OptimizerName;
  schedules: ScheduleSpec[];
  batchSize: number;
  seed: number;
  /** Steps between validation evaluations (and plateau reports); 0 for none. */
  evalEvery: number;
  /** Cycle momentum / β₁ for one-cycle and cyclic schedules, as PyTorch does. */
  cycleMomentum?: boolean;
  hidden?: number[];
  activation?: Activation;
  optimizerOptions?: Omit<OptimizerOptions, "name">;
  dataset?: { size?: number; noise?: number };
  /** Weight averages evaluated beside the weights at every evaluation (averaging.ts). */
  average?: AverageSpec[];
  /** Steps between sharpness measurements (top Hessian eigenvalue of the full training loss, sharpness.ts); 0 or absent for none. */
  sharpnessEvery?: number;
}

export interface RaceRecord {
  step: number;
  /** The rate each copy's optimizer actually used at this step. */
  lr: number[];
  /** The momentum / β₁ each copy used (null for optimizers without one). */
  momentum: (number | null)[];
  /** Training loss on this step's batch; null once a copy has diverged. */
  trainLoss: (number | null)[];
  valLoss?: (number | null)[];
  valAccuracy?: (number | null)[];
  /** Per average of RaceOptions.average, in order: its validation loss and accuracy per copy (null before its window begins). */
  averaged?: { valLoss: (number | null)[]; valAccuracy: (number | null)[] }[];
  /** Top Hessian eigenvalue of the full training loss per copy, after this step. */
  sharpness?: (number | null)[];
}

export interface Divergence {
  run: number;
  step: number;
  message: string;
}

export interface PlateauNotice {
  run: number;
  step: number;
  from: number;
  to: number;
  reason: string;
}

export class Race {
  readonly options: RaceOptions;
  readonly dataset: Dataset;
  readonly copies: number;
  readonly #tf: Tf;
  readonly #model: BatchedModel;
  readonly #optimizer: BatchedOptimizer;
  readonly #schedulers: Scheduler[];
  readonly #momenta: (((t: number) => number) | null)[];
  readonly #batches: BatchStream;
  #step = 0;
  readonly #diverged: (Divergence | null)[];
  readonly #valX: tfNamespace.Tensor;
  readonly #valY: tfNamespace.Tensor;
  #plateauSeen: number[];
  readonly #averages: WeightAverages | null;
  readonly #sharpness: { meter: SharpnessMeter; x: tfNamespace.Tensor; y: tfNamespace.Tensor } | null;

  constructor(tf: Tf, options: RaceOptions) {
    if (options.schedules.length === 0) throw new RangeError("a race needs at least one schedule");
    // The engine takes the widest profile's bounds (the CLI's); front ends check their own with the settings schema.
    const maxBatch = PROFILES.cli.maxBatchSize;
    if (!(Number.isInteger(options.batchSize) && options.batchSize >= 1 && options.batchSize <= maxBatch)) throw new RangeError(`batchSize must be an integer in [1, ${maxBatch}], got ${options.batchSize}`);
    if (!(Number.isInteger(options.evalEvery) && options.evalEvery >= 0)) throw new RangeError(`evalEvery must be a whole number, got ${options.evalEvery}`);
    this.#tf = tf;
    this.options = options;
    this.copies = options.schedules.length;
    const streams = raceStreams(options.seed);
    this.dataset = makeDataset(options.task, { seed: options.seed, ...options.dataset });
    const outputs = this.dataset.kind === "classification" ? this.dataset.classes : 1;
    this.#model = createModel(tf, { model: options.model, inputShape: this.dataset.inputShape, outputs, hidden: options.hidden, activation: options.activation }, this.copies, streams.weights);
    this.#optimizer = createOptimizer(tf, { name: options.optimizer, ...options.optimizerOptions });
    this.#schedulers = options.schedules.map((s) => makeScheduler(s));
    this.#momenta = options.schedules.map((s) => (options.cycleMomentum && usesMomentum(options.optimizer) ? momentumSchedule(s) : null));
    this.#batches = new BatchStream(this.dataset.train, this.dataset.inputSize, streams.batches);
    this.#diverged = options.schedules.map(() => null);
    this.#plateauSeen = options.schedules.map(() => 0);
    const { val, inputSize } = this.dataset;
    this.#valX = tf.tensor2d(val.x, [val.count, inputSize]);
    this.#valY = this.#targets(val.y, val.count);
    this.#averages = options.average && options.average.length > 0 ? new WeightAverages(tf, options.average) : null;
    const every = options.sharpnessEvery ?? 0;
    if (!(Number.isInteger(every) && every >= 0)) throw new RangeError(`sharpnessEvery must be a whole number, got ${every}`);
    const { train } = this.dataset;
    this.#sharpness = every > 0 ? { meter: new SharpnessMeter(tf, { seed: options.seed }), x: tf.tensor2d(train.x, [train.count, inputSize]), y: this.#targets(train.y, train.count) } : null;
  }

  get stepCount(): number {
    return this.#step;
  }

  get divergences(): readonly (Divergence | null)[] {
    return this.#diverged;
  }

  #targets(y: Float32Array, count: number): tfNamespace.Tensor {
    const tf = this.#tf;
    if (this.dataset.kind === "regression") return tf.tensor2d(y, [count, 1]);
    return tf.tidy(() => tf.oneHot(tf.tensor1d(Int32Array.from(y), "int32"), this.dataset.classes).toFloat());
  }

  #nextBatch(): { x: tfNamespace.Tensor; y: tfNamespace.Tensor } {
    const batch = this.#batches.next(this.options.batchSize);
    return { x: this.#tf.tensor2d(batch.x, [batch.count, this.dataset.inputSize]), y: this.#targets(batch.y, batch.count) };
  }

  /** Per-copy loss [K] of outputs [K, B, C] against targets [B, C]. */
  #loss(outputs: tfNamespace.Tensor3D, y: tfNamespace.Tensor): tfNamespace.Tensor1D {
    const tf = this.#tf;
    if (this.dataset.kind === "regression") return tf.mean(tf.square(tf.sub(outputs, y)), [1, 2]) as tfNamespace.Tensor1D;
    const logProbs = tf.logSoftmax(outputs);
    return tf.neg(tf.mean(tf.sum(tf.mul(logProbs, y), 2), 1)) as tfNamespace.Tensor1D;
  }

  #rates(step: number): { lr: Float32Array; lrShown: number[]; momentum: Float32Array; momentumShown: (number | null)[] } {
    const lr = new Float32Array(this.copies);
    const lrShown: number[] = [];
    const momentum = new Float32Array(this.copies);
    const momentumShown: (number | null)[] = [];
    for (let k = 0; k < this.copies; k += 1) {
      const rate = this.#diverged[k] ? 0 : (this.#schedulers[k] as Scheduler).rateAt(step);
      lr[k] = rate;
      lrShown.push(rate);
      const m = this.#momenta[k]?.(step) ?? this.#optimizer.baseMomentum;
      momentum[k] = m;
      momentumShown.push(usesMomentum(this.options.optimizer) ? m : null);
    }
    return { lr, lrShown, momentum, momentumShown };
  }

  /** n batched updates; evaluates (and feeds plateau schedules) every evalEvery steps. */
  async runSteps(n: number): Promise<{ records: RaceRecord[]; divergences: Divergence[]; plateau: PlateauNotice[] }> {
    const tf = this.#tf;
    const records: RaceRecord[] = [];
    const losses: tfNamespace.Tensor[] = [];
    const newDivergences: Divergence[] = [];
    const plateau: PlateauNotice[] = [];
    const flushLosses = async () => {
      if (losses.length === 0) return;
      const stackedLosses = tf.stack(losses);
      const data = (await stackedLosses.data()) as Float32Array;
      stackedLosses.dispose();
      const first = records.length - losses.length;
      losses.forEach((l, i) => {
        l.dispose();
        const record = records[first + i] as RaceRecord;
        for (let k = 0; k < this.copies; k += 1) {
          const value = data[i * this.copies + k] as number;
          const known = this.#diverged[k];
          if (known && known.step < record.step) {
            record.trainLoss[k] = null;
          } else if (!Number.isFinite(value)) {
            record.trainLoss[k] = null;
            if (!known) {
              const d = { run: k, step: record.step, message: `diverged at step ${record.step}` };
              this.#diverged[k] = d;
              newDivergences.push(d);
            }
          } else {
            record.trainLoss[k] = value;
          }
        }
      });
      losses.length = 0;
    };

    for (let i = 0; i < n; i += 1) {
      const step = this.#step;
      const rates = this.#rates(step);
      const { x, y } = this.#nextBatch();
      const active = tf.tensor1d(this.#diverged.map((d) => (d ? 0 : 1)));
      const perCopy = tf.tidy(() => {
        let kept: tfNamespace.Tensor1D | null = null;
        const { grads } = tf.variableGrads(() => {
          const loss = this.#loss(this.#model.forward(x), y);
          kept = tf.keep(loss);
          // The copies share no weights, so each copy's gradient comes from its own loss
          // alone: a NaN in one never reaches another. A diverged copy is masked out.
          return tf.sum(tf.mul(loss, active)) as tfNamespace.Scalar;
        }, this.#model.variables);
        this.#optimizer.apply(this.#model.variables, this.#model.variables.map((v) => grads[v.name] as tfNamespace.Tensor), rates);
        return kept as unknown as tfNamespace.Tensor1D;
      });
      x.dispose();
      y.dispose();
      active.dispose();
      this.#averages?.update(this.#model.variables, step);
      losses.push(perCopy);
      records.push({ step, lr: rates.lrShown, momentum: rates.momentumShown, trainLoss: new Array<number | null>(this.copies).fill(null) });
      this.#step += 1;
      const every = this.options.sharpnessEvery ?? 0;
      if (this.#sharpness && this.#step % every === 0) {
        const { meter, x: trainX, y: trainY } = this.#sharpness;
        const sharpness = await meter.measure(this.#model.variables, () => this.#loss(this.#model.forward(trainX), trainY));
        (records[records.length - 1] as RaceRecord).sharpness = sharpness.map((v, k) => (this.#diverged[k] ? null : v));
      }
      if (this.options.evalEvery > 0 && this.#step % this.options.evalEvery === 0) {
        await flushLosses();
        const evaluation = await this.evaluate();
        const record = records[records.length - 1] as RaceRecord;
        record.valLoss = evaluation.loss;
        record.valAccuracy = evaluation.accuracy;
        if (this.#averages) {
          const averaged: NonNullable<RaceRecord["averaged"]> = [];
          for (let i = 0; i < this.#averages.specs.length; i += 1) {
            const values = this.#averages.values(i);
            const e = values ? await this.evaluate(values) : null;
            const none = () => this.#diverged.map(() => null);
            averaged.push({ valLoss: e?.loss ?? none(), valAccuracy: e?.accuracy ?? none() });
          }
          record.averaged = averaged;
        }
        evaluation.loss.forEach((value, k) => {
          if (value === null || this.#diverged[k]) return;
          const scheduler = this.#schedulers[k] as Scheduler;
          scheduler.reportMetric(value);
          const events = scheduler.events();
          for (const e of events.slice(this.#plateauSeen[k])) plateau.push({ run: k, step: this.#step, from: e.from, to: e.to, reason: e.reason });
          this.#plateauSeen[k] = events.length;
        });
      }
    }
    await flushLosses();
    return { records, divergences: newDivergences, plateau };
  }

  /**
   * Validation loss and accuracy (null accuracy for regression) per copy: at
   * the given weights (one tensor per variable), else where the optimizer
   * says to evaluate (schedule-free's x), else at the trained weights.
   */
  async evaluate(at?: readonly tfNamespace.Tensor[]): Promise<{ loss: (number | null)[]; accuracy: (number | null)[] }> {
    const tf = this.#tf;
    const [lossT, accT] = atWeights(tf, this.#model.variables, at ?? this.#optimizer.evalPoint(), () => tf.tidy(() => {
      const outputs = this.#model.forward(this.#valX);
      const loss = this.#loss(outputs, this.#valY);
      const accuracy = this.dataset.kind === "classification"
        ? tf.mean(tf.cast(tf.equal(tf.argMax(outputs, 2), tf.argMax(this.#valY, 1)), "float32"), 1)
        : tf.zeros([this.copies]);
      return [loss, accuracy];
    }));
    const [loss, accuracy] = await Promise.all([lossT.data(), accT.data()]);
    lossT.dispose();
    accT.dispose();
    const clean = (v: number, k: number) => (this.#diverged[k] || !Number.isFinite(v) ? null : v);
    return {
      loss: Array.from(loss, clean),
      accuracy: this.dataset.kind === "classification" ? Array.from(accuracy, clean) : Array.from(accuracy, () => null),
    };
  }

  /**
   * Each copy's prediction at the given inputs (count × inputSize): for
   * classification the probability of the predicted class signed by class
   * (class index + probability, e.g. 1.83 = class 1 at 83%), for regression the value.
   */
  async predict(x: Float32Array, count: number): Promise<Float32Array[]> {
    const tf = this.#tf;
    const out = atWeights(tf, this.#model.variables, this.#optimizer.evalPoint(), () => tf.tidy(() => {
      const outputs = this.#model.forward(tf.tensor2d(x, [count, this.dataset.inputSize]));
      if (this.dataset.kind === "regression") return tf.reshape(outputs, [this.copies, count]);
      const probs = tf.softmax(outputs);
      return tf.add(tf.cast(tf.argMax(probs, 2), "float32"), tf.max(probs, 2));
    }));
    const data = (await out.data()) as Float32Array;
    out.dispose();
    return Array.from({ length: this.copies }, (_, k) => data.slice(k * count, (k + 1) * count));
  }

  dispose(): void {
    this.#model.dispose();
    this.#optimizer.dispose();
    this.#valX.dispose();
    this.#valY.dispose();
    this.#averages?.dispose();
    if (this.#sharpness) {
      this.#sharpness.meter.dispose();
      this.#sharpness.x.dispose();
      this.#sharpness.y.dispose();
    }
  }
}
