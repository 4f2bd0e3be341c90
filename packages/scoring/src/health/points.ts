import { categoryCount } from './combine.js';
import type { HealthFrame } from './frame.js';
import type { HealthPlan } from './plan.js';
import { addLargestRemainders } from './rounding.js';

/** Scratch space for rowPoints, reused across rows (explaining a period allocates no typed arrays per row). */
export class PointsScratch {
  /** Whole points per component, summing exactly to the score. */
  readonly points: Uint8Array;
  /** Each component's share of the score after re-weighting (sums to 1). */
  readonly weights: Float64Array;
  readonly raw: Float64Array;
  readonly remainder: Float64Array;
  /** Per category, the weight of the components with data. */
  readonly present = new Float64Array(categoryCount);

  constructor(count: number) {
    this.points = new Uint8Array(count);
    this.weights = new Float64Array(count);
    this.raw = new Float64Array(count);
    this.remainder = new Float64Array(count);
  }
}

/**
 * Points per component of one row into scratch.points: each component's exact share of
 * the unrounded score (its re-weighted weight times its normalized value), then
 * largest-remainder rounding so the whole points sum to the reported score.
 */
export function rowPoints(plan: HealthPlan, frame: HealthFrame, row: number, scratch: PointsScratch): PointsScratch {
  const count = plan.components.length;
  const { present, weights, raw } = scratch;
  const { normalized } = frame;
  const { componentCategory, componentWeight, categoryWeights } = plan;
  const base = row * count;
  for (let category = 0; category < categoryCount; category++) present[category] = 0;
  // The same sums, in the same order, as the weights with data in scoreRow (combine.ts).
  for (let index = 0; index < count; index++) if (!Number.isNaN(normalized[base + index]!)) present[componentCategory[index]!]! += componentWeight[index]!;
  let total = 0;
  for (let category = 0; category < categoryCount; category++) if (present[category]! > 0) total += categoryWeights[category]!;
  for (let index = 0; index < count; index++) {
    const value = normalized[base + index]!;
    const category = componentCategory[index]!;
    const nominal = categoryWeights[category]! * componentWeight[index]!;
    // With no weighted data at all every component counts as neutral at its nominal weight.
    const weight = total === 0 ? nominal : Number.isNaN(value) ? 0 : nominal / (total * present[category]!);
    weights[index] = weight;
    raw[index] = weight === 0 ? 0 : 100 * weight * (total === 0 ? 0.5 : value);
  }
  if (frame.pointsReady[row] === 1) scratch.points.set(frame.points.subarray(base, base + count));
  else {
    addLargestRemainders(raw, count, scratch.points, 0, scratch.remainder, frame.score[row]);
    frame.points.set(scratch.points, base);
    frame.pointsReady[row] = 1;
  }
  return scratch;
}
