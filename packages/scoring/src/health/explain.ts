import type { PartnerPeriodMetrics } from '@ppm/core';
import type { HealthChange } from '../types.js';
import type { HealthFrame } from './frame.js';
import type { HealthComponent, HealthPlan } from './plan.js';
import type { HealthTexts } from './texts.js';

/** Scratch for ranking the components of one row: a value per component and the indices picked. */
export class Ranking {
  readonly value: Float64Array;
  readonly top: Int32Array;

  constructor(count: number) {
    this.value = new Float64Array(count);
    this.top = new Int32Array(count);
  }

  /**
   * Indices of the `count` largest values of value[0..length) that are at least `minimum`
   * (NaN never is; ties: lower index), largest first, into `top`; returns how many there are.
   */
  pick(length: number, count: number, minimum: number): number {
    const { value, top } = this;
    let found = 0;
    for (let index = 0; index < length; index++) {
      const candidate = value[index]!;
      if (!(candidate >= minimum)) continue;
      let at = found;
      while (at > 0 && value[top[at - 1]!]! < candidate) at--;
      if (at >= count) continue;
      if (found < count) found++;
      for (let move = found - 1; move > at; move--) top[move] = top[move - 1]!;
      top[at] = index;
    }
    return found;
  }

  /** Negates value[0..length): the drivers down are the largest lifts of the negated lifts. */
  negate(length: number): this {
    for (let index = 0; index < length; index++) this.value[index] = -this.value[index]!;
    return this;
  }
}

/** One row of a frame being explained: its input row and where its components start. */
export interface ExplainedRow {
  readonly frame: HealthFrame;
  readonly offset: number;
  readonly row: PartnerPeriodMetrics;
}

/** Components moving the score by less than this many points are not drivers. */
const minimumLift = 0.5;

/** No drivers: shared by every row without any (frozen, so no row can change the others'). */
const noDrivers: readonly string[] = Object.freeze([]);

/**
 * How far each component lifts the score above neutral, in points, into ranking.value:
 * weight x (normalized - 0.5) x 100 (NaN for dropped components, never picked).
 */
export function liftOf({ frame, offset }: ExplainedRow, weights: Float64Array, length: number, ranking: Ranking): void {
  for (let index = 0; index < length; index++) ranking.value[index] = weights[index]! * (frame.normalized[offset + index]! - 0.5) * 100;
}

/**
 * The components with the largest values in ranking.value (the lifts, or for the drivers
 * down the negated lifts, see liftOf), in words. Metric values are read from the row only
 * for the few components named.
 */
export function drivers(plan: HealthPlan, texts: HealthTexts, ranking: Ranking, explained: ExplainedRow): readonly string[] {
  const { frame, offset, row } = explained;
  const length = plan.components.length;
  const found = ranking.pick(length, plan.drivers, minimumLift);
  if (found === 0) return noDrivers;
  const listed = new Array<string>(found);
  for (let rank = 0; rank < found; rank++) {
    const index = ranking.top[rank]!;
    const value = frame.missing[offset + index] === 1 ? null : plan.readers[index]!(row);
    listed[rank] = texts.driver(index, value, frame.normalized[offset + index]!);
  }
  return listed;
}

/**
 * "score fell 12 points: pipeline coverage -8, active portal days -4" from per-component
 * point changes: `now` against before[beforeOffset..beforeOffset + components).
 */
export function changeOf(
  components: readonly HealthComponent[],
  texts: HealthTexts,
  ranking: Ranking,
  now: ArrayLike<number>,
  before: ArrayLike<number>,
  beforeOffset: number,
  score: number,
  previous: number,
): HealthChange {
  const deltas = new Array<number>(components.length);
  for (let index = 0; index < components.length; index++) {
    deltas[index] = now[index]! - before[beforeOffset + index]!;
    ranking.value[index] = Math.abs(deltas[index]!);
  }
  const delta = score - previous;
  let text = texts.changeHead(delta);
  // Point changes are whole numbers: at least 1 means any change.
  const found = ranking.pick(components.length, 3, 1);
  for (let rank = 0; rank < found; rank++) {
    const index = ranking.top[rank]!;
    text += texts.change(index, deltas[index]!, rank === 0);
  }
  return { previous_score: previous, delta, points: deltas, text };
}
