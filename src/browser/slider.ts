/**
 * Maps a schedule parameter to an <input type="range"> and back. Log-scaled
 * parameters slide over log10 of the value, so 1e-4 … 1 gets even travel.
 * Pure: no DOM, so the mapping is unit-tested in Node.
 */

export interface SliderParam {
  name: string;
  min: number;
  max: number;
  scale: "linear" | "log";
  integer: boolean;
}

export interface SliderAttributes {
  min: number;
  max: number;
  step: number;
  value: number;
}

const LINEAR_POSITIONS = 1000;
const LOG_STEP = 0.01;

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Round to 4 significant digits so displayed values stay readable. */
export function tidy(value: number): number {
  return Number.parseFloat(value.toPrecision(4));
}

export function sliderAttributes(param: SliderParam, value: number): SliderAttributes {
  const v = clamp(value, param.min, param.max);
  if (param.scale === "log") {
    if (!(param.min > 0)) throw new Error(`parameter "${param.name}": a log slider needs min > 0, got ${param.min}`);
    return { min: Math.log10(param.min), max: Math.log10(param.max), step: LOG_STEP, value: Math.log10(v) };
  }
  const step = param.integer ? 1 : (param.max - param.min) / LINEAR_POSITIONS;
  return { min: param.min, max: param.max, step, value: v };
}

/** The parameter value for a slider position (a string, as the DOM gives it). */
export function valueFromSlider(param: SliderParam, position: string | number): number {
  const p = typeof position === "number" ? position : Number.parseFloat(position);
  if (!Number.isFinite(p)) {
    throw new Error(`parameter "${param.name}": slider position "${position}" is not a number`);
  }
  const raw = param.scale === "log" ? 10 ** p : p;
  const bounded = clamp(raw, param.min, param.max);
  return param.integer ? Math.round(bounded) : tidy(bounded);
}
