/**
 * Whether a slider can change the curve right now. Some parameters only act
 * under other settings (a cyclic schedule's γ only in exp_range mode, a floor
 * the decay never reaches in the steps shown): moving them leaves the curve
 * exactly as it is, which reads as a broken control. The explorer says so
 * beside such a slider instead. Found by trying, not by a list: the curve is
 * sampled one slider step up and one down, and compared.
 */
import { parseSpec, sampleSchedule, type ScheduleSpec } from "../../src/schedules/core.ts";
import { sliderAttributes, valueFromSlider, type SliderParam } from "../../src/browser/slider.ts";

export function sliderMoves(spec: ScheduleSpec, param: SliderParam, rates: readonly number[]): boolean {
  const values = spec as unknown as Record<string, unknown>;
  const value = values[param.name];
  if (typeof value !== "number") return false;
  const { value: position, step } = sliderAttributes(param, value);
  for (const direction of [1, -1]) {
    const next = valueFromSlider(param, position + direction * step);
    if (next === value) continue;
    const parsed = parseSpec({ ...values, [param.name]: next });
    if (!parsed.ok) continue;
    let moved: number[];
    try {
      moved = sampleSchedule(parsed.spec, rates.length);
    } catch {
      continue; // a neighbouring value that fails to sample says nothing about this one
    }
    if (moved.some((lr, i) => !Object.is(lr, rates[i]))) return true;
  }
  return false;
}
