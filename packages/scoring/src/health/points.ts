import { categoryCount, scoreRow } from './combine.js';
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
  readonly present = new Float64Array(categoryCount);
  readonly categories = new Float32Array(categoryCount);

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
  const ready = frame.pointsReady[row] === 1;
  scoreRow(plan, frame.normalized, row, scratch.categories, 0, present);
  let total = 0;
  for (let category = 0; category < categoryCount; category++) if (present[category]! > 0) total += plan.categoryWeights[category]!;
  for (let index = 0; index < count; index++) {
    const value = frame.normalized[row * count + index]!;
    const category = plan.componentCategory[index]!;
    const nominal = plan.categoryWeights[category]! * plan.componentWeight[index]!;
    // With no weighted data at all every component counts as neutral at its nominal weight.
    const weight = total === 0 ? nominal : Number.isNaN(value) ? 0 : nominal / (total * present[category]!);
    weights[index] = weight;
    raw[index] = weight === 0 ? 0 : 100 * weight * (total === 0 ? 0.5 : value);
  }
  if (ready) for (let index = 0; index < count; index++) scratch.points[index] = frame.points[row * count + index]!;
  else {
    addLargestRemainders(raw, count, scratch.points, 0, scratch.remainder, frame.score[row]);
    frame.points.set(scratch.points, row * count);
    frame.pointsReady[row] = 1;
  }
  return scratch;
}
