import { categoryCount } from './combine.js';
import type { HealthFrame } from './frame.js';
import type { HealthPlan } from './plan.js';
import { addLargestRemainders } from './rounding.js';

/** Scratch space for RowPoints, reused across rows (explaining a period allocates no typed arrays per row). */
export class PointsScratch {
  /** Whole points per component, summing exactly to the score. */
  readonly points: Uint8Array;
  /** Each component's share of the score after re-weighting (sums to 1); shared by the rows with the same dropped components, do not write. */
  weights: Float64Array;
  readonly raw: Float64Array;
  readonly remainder: Float64Array;

  constructor(count: number) {
    this.points = new Uint8Array(count);
    this.weights = new Float64Array(count);
    this.raw = new Float64Array(count);
    this.remainder = new Float64Array(count);
  }
}

/** The re-weighted shares of a row's components: they depend only on which components were dropped. */
interface Reweighting {
  readonly weights: Float64Array;
  /** No weighted data at all: every component counts as neutral at its nominal weight. */
  readonly neutral: boolean;
}

/** Which components of a row were dropped, one bit per component: exact in a double up to this many components. */
const maxPatternBits = 52;

/** The shares of the components of row `base / count` whose normalized value is not NaN. */
function reweigh(plan: HealthPlan, normalized: Float32Array, base: number): Reweighting {
  const count = plan.components.length;
  const { componentCategory, componentWeight, categoryWeights } = plan;
  const present = new Float64Array(categoryCount);
  // The same sums, in the same order, as the weights with data in scoreRow (combine.ts).
  for (let index = 0; index < count; index++) if (!Number.isNaN(normalized[base + index]!)) present[componentCategory[index]!]! += componentWeight[index]!;
  let total = 0;
  for (let category = 0; category < categoryCount; category++) if (present[category]! > 0) total += categoryWeights[category]!;
  const weights = new Float64Array(count);
  for (let index = 0; index < count; index++) {
    const category = componentCategory[index]!;
    const nominal = categoryWeights[category]! * componentWeight[index]!;
    weights[index] = total === 0 ? nominal : Number.isNaN(normalized[base + index]!) ? 0 : nominal / (total * present[category]!);
  }
  return { weights, neutral: total === 0 };
}

/**
 * Points per component of a row: each component's exact share of the unrounded score (its
 * re-weighted weight times its normalized value), then largest-remainder rounding so the
 * whole points sum to the reported score. The shares are computed once per pattern of
 * dropped components: a period has few patterns.
 */
export class RowPoints {
  private readonly byPattern = new Map<number, Reweighting>();

  constructor(private readonly plan: HealthPlan) {}

  /** Points of row `row` of `frame` into scratch.points, its shares into scratch.weights; kept in the frame for later calls. */
  compute(frame: HealthFrame, row: number, scratch: PointsScratch): PointsScratch {
    const count = this.plan.components.length;
    const { raw, points } = scratch;
    const { normalized } = frame;
    const base = row * count;
    const { weights, neutral } = this.reweighting(normalized, base);
    scratch.weights = weights;
    if (frame.pointsReady[row] === 1) for (let index = 0; index < count; index++) points[index] = frame.points[base + index]!;
    else {
      for (let index = 0; index < count; index++) {
        const weight = weights[index]!;
        raw[index] = weight === 0 ? 0 : 100 * weight * (neutral ? 0.5 : normalized[base + index]!);
      }
      addLargestRemainders(raw, count, points, 0, scratch.remainder, frame.score[row]);
      for (let index = 0; index < count; index++) frame.points[base + index] = points[index]!;
      frame.pointsReady[row] = 1;
    }
    return scratch;
  }

  private reweighting(normalized: Float32Array, base: number): Reweighting {
    const count = this.plan.components.length;
    if (count > maxPatternBits) return reweigh(this.plan, normalized, base);
    let pattern = 0;
    for (let index = 0; index < count; index++) pattern = pattern * 2 + (Number.isNaN(normalized[base + index]!) ? 1 : 0);
    let known = this.byPattern.get(pattern);
    if (!known) this.byPattern.set(pattern, (known = reweigh(this.plan, normalized, base)));
    return known;
  }
}
