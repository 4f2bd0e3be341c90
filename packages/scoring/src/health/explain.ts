import type { HealthChange } from '../types.js';
import type { HealthFrame } from './frame.js';
import type { HealthComponent } from './plan.js';
import type { HealthTexts } from './texts.js';

/**
 * Inserts `index` into list[0..found), kept in descending order of sign x value (ties: the
 * earlier index first) and at most `limit` long; returns the new length.
 */
function insertRanked(value: Float64Array, list: Int32Array, found: number, limit: number, index: number, sign: number): number {
  const candidate = sign * value[index]!;
  let at = found;
  while (at > 0 && sign * value[list[at - 1]!]! < candidate) at--;
  if (at >= limit) return found;
  const length = found < limit ? found + 1 : found;
  for (let move = length - 1; move > at; move--) list[move] = list[move - 1]!;
  list[at] = index;
  return length;
}

/** Scratch for ranking the components of one row: a value per component and the indices picked. */
export class Ranking {
  readonly value: Float64Array;
  /** The largest values picked, largest first. */
  readonly top: Int32Array;
  /** The smallest values picked by pickBothEnds, smallest first. */
  readonly bottom: Int32Array;
  topFound = 0;
  bottomFound = 0;

  constructor(count: number) {
    this.value = new Float64Array(count);
    this.top = new Int32Array(count);
    this.bottom = new Int32Array(count);
  }

  /**
   * Indices of the `limit` largest values of value[0..length) that are at least `minimum`
   * (NaN never is; ties: lower index), largest first, into `top`; returns how many there are.
   */
  pick(length: number, limit: number, minimum: number): number {
    let found = 0;
    for (let index = 0; index < length; index++) if (this.value[index]! >= minimum) found = insertRanked(this.value, this.top, found, limit, index, 1);
    return (this.topFound = found);
  }

  /**
   * In one pass: the `limit` largest values that are at least `minimum` into `top` (as pick),
   * and the `limit` smallest that are at most -minimum into `bottom`, smallest first;
   * `minimum` > 0, so no index is in both.
   */
  pickBothEnds(length: number, limit: number, minimum: number): void {
    const { value, top, bottom } = this;
    let up = 0;
    let down = 0;
    for (let index = 0; index < length; index++) {
      const candidate = value[index]!;
      if (candidate >= minimum) up = insertRanked(value, top, up, limit, index, 1);
      else if (candidate <= -minimum) down = insertRanked(value, bottom, down, limit, index, -1);
    }
    this.topFound = up;
    this.bottomFound = down;
  }
}

/** Components moving the score by less than this many points are not drivers. */
const minimumLift = 0.5;

/** No drivers: shared by every row without any (frozen, so no row can change the others'). */
const noDrivers: readonly string[] = Object.freeze([]);

/**
 * Ranks the components of a row by how far each lifts the score above neutral, in points
 * (weight x (normalized - 0.5) x 100; dropped components are NaN and never picked): the
 * drivers up into ranking.top, the drivers down into ranking.bottom.
 */
export function rankLifts(frame: HealthFrame, row: number, weights: Float64Array, limit: number, ranking: Ranking): void {
  const length = frame.componentCount;
  const offset = row * length;
  for (let index = 0; index < length; index++) ranking.value[index] = weights[index]! * (frame.normalized[offset + index]! - 0.5) * 100;
  ranking.pickBothEnds(length, limit, minimumLift);
}

/** The drivers of row `row` of `frame` picked by rankLifts (`picked`: ranking.top or ranking.bottom), in words. */
export function driverSentences(texts: HealthTexts, picked: Int32Array, found: number, frame: HealthFrame, row: number): readonly string[] {
  if (found === 0) return noDrivers;
  const offset = row * frame.componentCount;
  const sentences = new Array<string>(found);
  for (let rank = 0; rank < found; rank++) {
    const index = picked[rank]!;
    const value = frame.missing[offset + index] === 1 ? null : frame.values[index * frame.size + row]!;
    sentences[rank] = texts.driver(index, value, frame.normalized[offset + index]!);
  }
  return sentences;
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
