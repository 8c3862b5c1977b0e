/**
 * A line-by-line port of torch.optim.lr_scheduler (PyTorch 1.13, single
 * parameter group): the same state, the same recursive `get_lr`, the same
 * closed forms, so SequentialLR and ChainedScheduler compound and reset
 * exactly as PyTorch does, quirks included. Python semantics that differ
 * from JavaScript are spelled out: `%` is floored modulo, `//` is floor
 * division, and a float division by zero raises.
 *
 * Source: torch/optim/lr_scheduler.py of PyTorch 1.13.1 (Debian
 * python3-torch 1.13.1+dfsg-4), checked against it by
 * test/fixtures/pytorch-golden.py.
 */

export class PyTorchError extends Error {
  constructor(message: string) {
    super(message);

    this.name = "PyTorchError";
  }
}

/** The one parameter group the schedulers share, as in `optimizer.param_groups[0]`. */
export interface ParamGroup {
  lr: number;
  initial_lr?: number;
  max_lr?: number;
  min_lr?: number;
  momentum?: number;
  max_momentum?: number;
  base_momentum?: number;
}

export interface Optimizer {
  group: ParamGroup;
}

export function pyMod(a: number, b: number): number {
  if (b === 0) throw new PyTorchError("ZeroDivisionError: integer division or modulo by zero");
  const r = a % b;
  return r !== 0 && (r < 0) !== (b < 0) ? r + b : r;
}

export function pyDiv(a: number, b: number): number {
  if (b === 0) throw new PyTorchError("ZeroDivisionError: float division by zero");
  return a / b;
}

function pyFloorDiv(a: number, b: number): number {
  if (b === 0) throw new PyTorchError("ZeroDivisionError: integer division or modulo by zero");
  return Math.floor(a / b);
}

export interface Stepper {
  /** `scheduler.step()`; plateau schedulers take the metric. */
  step(metric?: number): void;
}

/** torch.optim.lr_scheduler._LRScheduler */
export abstract class LRScheduler implements Stepper {
  optimizer: Optimizer;
  baseLr = 0;
  lastEpoch = -1;
  stepCount = 0;

  constructor(optimizer: Optimizer) {
    this.optimizer = optimizer;
  }

  /** The body of `_LRScheduler.__init__`, run by subclasses after their own fields are set. */
  protected attach(lastEpoch = -1): void {
    const group = this.optimizer.group;
    if (lastEpoch === -1) group.initial_lr ??= group.lr;
    this.baseLr = group.initial_lr as number;
    this.lastEpoch = lastEpoch;
    this.initialStep();
  }

  initialStep(): void {
    this.stepCount = 0;
    this.step();
  }

  abstract getLr(): number;
  closedForm?(): number;

  step(_metric?: number, epoch?: number): void {
    this.stepCount += 1;
    let value: number;
    if (epoch === undefined) {
      this.lastEpoch += 1;
      value = this.getLr();
    } else {
      this.lastEpoch = epoch;
      value = this.closedForm ? this.closedForm() : this.getLr();
    }
    this.optimizer.group.lr = value;
  }
}

export class StepLR extends LRScheduler {
  readonly stepSize: number;
  readonly gamma: number;
  constructor(optimizer: Optimizer, stepSize: number, gamma = 0.1) {
    super(optimizer);
    this.stepSize = stepSize;
    this.gamma = gamma;
    this.attach();
  }
  getLr(): number {
    const lr = this.optimizer.group.lr;
    if (this.lastEpoch === 0 || pyMod(this.lastEpoch, this.stepSize) !== 0) return lr;
    return lr * this.gamma;
  }
  override closedForm(): number {
    return this.baseLr * this.gamma ** pyFloorDiv(this.lastEpoch, this.stepSize);
  }
}

export class MultiStepLR extends LRScheduler {
  readonly counts = new Map<number, number>();
  readonly milestones: number[];
  readonly gamma: number;
  constructor(optimizer: Optimizer, milestones: number[], gamma = 0.1) {
    super(optimizer);
    this.milestones = milestones;
    this.gamma = gamma;
    for (const m of milestones) this.counts.set(m, (this.counts.get(m) ?? 0) + 1);
    this.attach();
  }
  getLr(): number {
    const lr = this.optimizer.group.lr;
    const count = this.counts.get(this.lastEpoch);
    if (count === undefined) return lr;
    return lr * this.gamma ** count;
  }
  override closedForm(): number {
    const passed = [...this.milestones].sort((a, b) => a - b).filter((m) => m <= this.lastEpoch).length;
    return this.baseLr * this.gamma ** passed;
  }
}

export class ConstantLR extends LRScheduler {
  readonly factor: number;
  readonly totalIters: number;
  constructor(optimizer: Optimizer, factor = 1 / 3, totalIters = 5) {
    super(optimizer);
    this.factor = factor;
    this.totalIters = totalIters;
    if (factor > 1 || factor < 0) throw new PyTorchError("ValueError: Constant multiplicative factor expected to be between 0 and 1.");
    this.attach();
  }
  getLr(): number {
    const lr = this.optimizer.group.lr;
    if (this.lastEpoch === 0) return lr * this.factor;
    if (this.lastEpoch > this.totalIters || this.lastEpoch !== this.totalIters) return lr;
    return lr * pyDiv(1, this.factor);
  }
  override closedForm(): number {
    return this.baseLr * (this.factor + (this.lastEpoch >= this.totalIters ? 1 : 0) * (1 - this.factor));
  }
}

export class LinearLR extends LRScheduler {
  readonly startFactor: number;
  readonly endFactor: number;
  readonly totalIters: number;
  constructor(optimizer: Optimizer, startFactor = 1 / 3, endFactor = 1, totalIters = 5) {
    super(optimizer);
    this.startFactor = startFactor;
    this.endFactor = endFactor;
    this.totalIters = totalIters;
    if (startFactor > 1 || startFactor < 0) throw new PyTorchError("ValueError: Starting multiplicative factor expected to be between 0 and 1.");
    if (endFactor > 1 || endFactor < 0) throw new PyTorchError("ValueError: Ending multiplicative factor expected to be between 0 and 1.");
    this.attach();
  }
  getLr(): number {
    const lr = this.optimizer.group.lr;
    if (this.lastEpoch === 0) return lr * this.startFactor;
    if (this.lastEpoch > this.totalIters) return lr;
    const d = this.endFactor - this.startFactor;
    return lr * (1 + pyDiv(d, this.totalIters * this.startFactor + (this.lastEpoch - 1) * d));
  }
  override closedForm(): number {
    return this.baseLr * (this.startFactor + pyDiv((this.endFactor - this.startFactor) * Math.min(this.totalIters, this.lastEpoch), this.totalIters));
  }
}

export class ExponentialLR extends LRScheduler {
  readonly gamma: number;
  constructor(optimizer: Optimizer, gamma: number) {
    super(optimizer);
    this.gamma = gamma;
    this.attach();
  }
  getLr(): number {
    const lr = this.optimizer.group.lr;
    return this.lastEpoch === 0 ? lr : lr * this.gamma;
  }
  override closedForm(): number {
    return this.baseLr * this.gamma ** this.lastEpoch;
  }
}

export class PolynomialLR extends LRScheduler {
  readonly totalIters: number;
  readonly power: number;
  constructor(optimizer: Optimizer, totalIters = 5, power = 1) {
    super(optimizer);
    this.totalIters = totalIters;
    this.power = power;
    this.attach();
  }
  getLr(): number {
    const lr = this.optimizer.group.lr;
    if (this.lastEpoch === 0 || this.lastEpoch > this.totalIters) return lr;
    const factor = pyDiv(1 - pyDiv(this.lastEpoch, this.totalIters), 1 - pyDiv(this.lastEpoch - 1, this.totalIters)) ** this.power;
    return lr * factor;
  }
  override closedForm(): number {
    return this.baseLr * (1 - pyDiv(Math.min(this.totalIters, this.lastEpoch), this.totalIters)) ** this.power;
  }
}

export class CosineAnnealingLR extends LRScheduler {
  readonly tMax: number;
  readonly etaMin: number;
  constructor(optimizer: Optimizer, tMax: number, etaMin = 0) {
    super(optimizer);
    this.tMax = tMax;
    this.etaMin = etaMin;
    this.attach();
  }
  getLr(): number {
    const lr = this.optimizer.group.lr;
    const { tMax, etaMin, baseLr, lastEpoch } = this;
    if (lastEpoch === 0) return lr;
    if (this.stepCount === 1 && lastEpoch > 0) return etaMin + ((baseLr - etaMin) * (1 + Math.cos(pyDiv(lastEpoch * Math.PI, tMax)))) / 2;
    if (pyMod(lastEpoch - 1 - tMax, 2 * tMax) === 0) return lr + ((baseLr - etaMin) * (1 - Math.cos(pyDiv(Math.PI, tMax)))) / 2;
    return pyDiv(1 + Math.cos(pyDiv(Math.PI * lastEpoch, tMax)), 1 + Math.cos(pyDiv(Math.PI * (lastEpoch - 1), tMax))) * (lr - etaMin) + etaMin;
  }
  override closedForm(): number {
    return this.etaMin + ((this.baseLr - this.etaMin) * (1 + Math.cos(pyDiv(Math.PI * this.lastEpoch, this.tMax)))) / 2;
  }
}

export class CosineAnnealingWarmRestarts extends LRScheduler {
  tI: number;
  tCur: number;
  readonly t0: number;
  readonly tMult: number;
  readonly etaMin: number;
  constructor(optimizer: Optimizer, t0: number, tMult = 1, etaMin = 0) {
    super(optimizer);
    this.t0 = t0;
    this.tMult = tMult;
    this.etaMin = etaMin;
    if (t0 <= 0 || !Number.isInteger(t0)) throw new PyTorchError(`ValueError: Expected positive integer T_0, but got ${t0}`);
    if (tMult < 1 || !Number.isInteger(tMult)) throw new PyTorchError(`ValueError: Expected integer T_mult >= 1, but got ${tMult}`);
    this.tI = t0;
    this.tCur = -1;
    this.attach();
  }
  getLr(): number {
    return this.etaMin + ((this.baseLr - this.etaMin) * (1 + Math.cos(pyDiv(Math.PI * this.tCur, this.tI)))) / 2;
  }
  override step(_metric?: number, epochArg?: number): void {
    let epoch = epochArg;
    if (epoch === undefined && this.lastEpoch < 0) epoch = 0;
    if (epoch === undefined) {
      epoch = this.lastEpoch + 1;
      this.tCur += 1;
      if (this.tCur >= this.tI) {
        this.tCur -= this.tI;
        this.tI *= this.tMult;
      }
    } else {
      if (epoch < 0) throw new PyTorchError(`ValueError: Expected non-negative epoch, but got ${epoch}`);
      if (epoch >= this.t0) {
        if (this.tMult === 1) {
          this.tCur = pyMod(epoch, this.t0);
        } else {
          const n = Math.trunc(Math.log((epoch / this.t0) * (this.tMult - 1) + 1) / Math.log(this.tMult));
          this.tCur = epoch - (this.t0 * (this.tMult ** n - 1)) / (this.tMult - 1);
          this.tI = this.t0 * this.tMult ** n;
        }
      } else {
        this.tI = this.t0;
        this.tCur = epoch;
      }
    }
    this.lastEpoch = Math.floor(epoch);
    this.optimizer.group.lr = this.getLr();
  }
}

export type CyclicMode = "triangular" | "triangular2" | "exp_range";

export class CyclicLR extends LRScheduler {
  readonly totalSize: number;
  readonly stepRatio: number;
  readonly cyclicBaseLr: number;
  readonly maxLr: number;
  readonly mode: CyclicMode;
  readonly gamma: number;
  /** A scale_fn given by the user (it then replaces mode), with its scale_mode. */
  readonly custom: CyclicScale | undefined;
  constructor(optimizer: Optimizer, cyclicBaseLr: number, maxLr: number, stepSizeUp = 2000, stepSizeDown?: number, mode: CyclicMode = "triangular", gamma = 1, custom?: CyclicScale) {
    super(optimizer);
    this.cyclicBaseLr = cyclicBaseLr;
    this.maxLr = maxLr;
    this.mode = mode;
    this.gamma = gamma;
    this.custom = custom;
    optimizer.group.lr = cyclicBaseLr;
    const down = stepSizeDown ?? stepSizeUp;
    this.totalSize = stepSizeUp + down;
    this.stepRatio = pyDiv(stepSizeUp, this.totalSize);
    this.attach();
    this.baseLr = cyclicBaseLr;
  }
  scaleFn(x: number): number {
    if (this.custom) return this.custom.scaleFn(x);
    if (this.mode === "triangular") return 1;
    if (this.mode === "triangular2") return 1 / 2 ** (x - 1);
    return this.gamma ** x;
  }
  getLr(): number {
    const cycle = Math.floor(1 + pyDiv(this.lastEpoch, this.totalSize));
    const x = 1 + this.lastEpoch / this.totalSize - cycle;
    const scaleFactor = x <= this.stepRatio ? pyDiv(x, this.stepRatio) : pyDiv(x - 1, this.stepRatio - 1);
    const baseHeight = (this.maxLr - this.baseLr) * scaleFactor;
    const scaleMode = this.custom ? this.custom.scaleMode : this.mode === "exp_range" ? "iterations" : "cycle";
    return scaleMode === "iterations" ? this.baseLr + baseHeight * this.scaleFn(this.lastEpoch) : this.baseLr + baseHeight * this.scaleFn(cycle);
  }
}

export interface CyclicScale {
  scaleFn: (x: number) => number;
  scaleMode: "cycle" | "iterations";
}

/** torch.optim.lr_scheduler.LambdaLR: base_lr × lr_lambda(last_epoch), no closed form. */
export class LambdaLR extends LRScheduler {
  readonly lrLambda: (epoch: number) => number;
  constructor(optimizer: Optimizer, lrLambda: (epoch: number) => number) {
    super(optimizer);
    this.lrLambda = lrLambda;
    this.attach();
  }
  getLr(): number {
    return this.baseLr * this.lrLambda(this.lastEpoch);
  }
}

/** torch.optim.lr_scheduler.MultiplicativeLR: the current lr × lr_lambda(last_epoch), from the first step() on (last_epoch > 0). */
export class MultiplicativeLR extends LRScheduler {
  readonly lrLambda: (epoch: number) => number;
  constructor(optimizer: Optimizer, lrLambda: (epoch: number) => number) {
    super(optimizer);
    this.lrLambda = lrLambda;
    this.attach();
  }
  getLr(): number {
    const lr = this.optimizer.group.lr;
    return this.lastEpoch > 0 ? lr * this.lrLambda(this.lastEpoch) : lr;
  }
}

interface OneCyclePhase { endStep: number; start: "initial_lr" | "max_lr" | "min_lr"; end: "initial_lr" | "max_lr" | "min_lr" }

export class OneCycleLR extends LRScheduler {
  readonly phases: OneCyclePhase[];
  readonly totalSteps: number;
  readonly annealStrategy: "cos" | "linear";
  constructor(optimizer: Optimizer, maxLr: number, totalSteps: number, pctStart = 0.3, annealStrategy: "cos" | "linear" = "cos", divFactor = 25, finalDivFactor = 1e4, threePhase = false) {
    super(optimizer);
    this.totalSteps = totalSteps;
    this.annealStrategy = annealStrategy;
    if (totalSteps <= 0 || !Number.isInteger(totalSteps)) throw new PyTorchError(`ValueError: Expected positive integer total_steps, but got ${totalSteps}`);
    this.phases = threePhase
      ? [
          { endStep: pctStart * totalSteps - 1, start: "initial_lr", end: "max_lr" },
          { endStep: 2 * pctStart * totalSteps - 2, start: "max_lr", end: "initial_lr" },
          { endStep: totalSteps - 1, start: "initial_lr", end: "min_lr" },
        ]
      : [
          { endStep: pctStart * totalSteps - 1, start: "initial_lr", end: "max_lr" },
          { endStep: totalSteps - 1, start: "max_lr", end: "min_lr" },
        ];
    if (pctStart < 0 || pctStart > 1) throw new PyTorchError(`ValueError: Expected float between 0 and 1 pct_start, but got ${pctStart}`);
    const group = optimizer.group;
    group.initial_lr = maxLr / divFactor;
    group.max_lr = maxLr;
    group.min_lr = group.initial_lr / finalDivFactor;
    this.attach();
  }
  anneal(start: number, end: number, pct: number): number {
    if (this.annealStrategy === "cos") {
      const cosOut = Math.cos(Math.PI * pct) + 1;
      return end + ((start - end) / 2) * cosOut;
    }
    return (end - start) * pct + start;
  }
  getLr(): number {
    const stepNum = this.lastEpoch;
    if (stepNum > this.totalSteps) {
      throw new PyTorchError(`ValueError: Tried to step ${stepNum + 1} times. The specified number of total steps is ${this.totalSteps}`);
    }
    const group = this.optimizer.group;
    let startStep = 0;
    for (const [i, phase] of this.phases.entries()) {
      const endStep = phase.endStep;
      if (stepNum <= endStep || i === this.phases.length - 1) {
        const pct = pyDiv(stepNum - startStep, endStep - startStep);
        return this.anneal(group[phase.start] as number, group[phase.end] as number, pct);
      }
      startStep = phase.endStep;
    }
    throw new PyTorchError("OneCycleLR: no phase matched");
  }
}

export interface PlateauOptions {
  mode: "min" | "max";
  factor: number;
  patience: number;
  threshold: number;
  thresholdMode: "rel" | "abs";
  cooldown: number;
  minLr: number;
  eps: number;
}

/** ReduceLROnPlateau is not an _LRScheduler in 1.13: no initial step, value 0 is the optimizer's lr. */
export class ReduceLROnPlateau implements Stepper {
  best: number;
  numBadEpochs = 0;
  cooldownCounter = 0;
  lastEpoch = 0;
  readonly optimizer: Optimizer;
  readonly o: PlateauOptions;
  constructor(optimizer: Optimizer, o: PlateauOptions) {
    this.optimizer = optimizer;
    this.o = o;
    if (o.factor >= 1) throw new PyTorchError("ValueError: Factor should be < 1.0.");
    this.best = o.mode === "min" ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  }
  isBetter(a: number, best: number): boolean {
    const { mode, thresholdMode, threshold } = this.o;
    if (mode === "min" && thresholdMode === "rel") return a < best * (1 - threshold);
    if (mode === "min") return a < best - threshold;
    if (thresholdMode === "rel") return a > best * (threshold + 1);
    return a > best + threshold;
  }
  step(metric?: number): void {
    if (metric === undefined) throw new PyTorchError("TypeError: step() missing 1 required positional argument: 'metrics'");
    this.lastEpoch += 1;
    if (this.isBetter(metric, this.best)) {
      this.best = metric;
      this.numBadEpochs = 0;
    } else {
      this.numBadEpochs += 1;
    }
    if (this.cooldownCounter > 0) {
      this.cooldownCounter -= 1;
      this.numBadEpochs = 0;
    }
    if (this.numBadEpochs > this.o.patience) {
      const old = this.optimizer.group.lr;
      const next = Math.max(old * this.o.factor, this.o.minLr);
      if (old - next > this.o.eps) this.optimizer.group.lr = next;
      this.cooldownCounter = this.o.cooldown;
      this.numBadEpochs = 0;
    }
  }
}

export class SequentialLR implements Stepper {
  lastEpoch: number;
  readonly optimizer: Optimizer;
  readonly schedulers: LRScheduler[];
  readonly milestones: number[];
  constructor(optimizer: Optimizer, schedulers: LRScheduler[], milestones: number[]) {
    this.optimizer = optimizer;
    this.schedulers = schedulers;
    this.milestones = milestones;
    if (milestones.length !== schedulers.length - 1) {
      throw new PyTorchError(
        `ValueError: Sequential Schedulers expects number of schedulers provided to be one more than the number of milestone points, but got number of schedulers ${schedulers.length} and the number of milestones to be equal to ${milestones.length}`,
      );
    }
    this.lastEpoch = 0;
    optimizer.group.lr = optimizer.group.initial_lr as number;
    for (const s of schedulers) s.lastEpoch -= 1;
    (schedulers[0] as LRScheduler).initialStep();
  }
  step(): void {
    this.lastEpoch += 1;
    const idx = this.milestones.filter((m) => m <= this.lastEpoch).length;
    const scheduler = this.schedulers[idx] as LRScheduler;
    if (idx > 0 && this.milestones[idx - 1] === this.lastEpoch) scheduler.step(undefined, 0);
    else scheduler.step();
  }
}

export class ChainedScheduler implements Stepper {
  readonly schedulers: LRScheduler[];
  constructor(schedulers: LRScheduler[]) {
    this.schedulers = schedulers;
  }
  step(): void {
    for (const s of this.schedulers) s.step();
  }
}
