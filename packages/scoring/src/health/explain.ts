import type { PartnerPeriodMetrics } from '@ppm/core';
import type { HealthChange } from '../types.js';
import type { HealthComponent, HealthPlan } from './plan.js';
import type { HealthTexts } from './texts.js';

/** The components of one row: component c's normalized value is normalized[offset + c] (NaN = dropped). */
export interface RowState {
  /** Metric values when some are missing; null means read them from the row. */
  readonly values: readonly (number | null)[] | null;
  readonly normalized: Float32Array;
  readonly offset: number;
  readonly weights: ArrayLike<number>;
}

/** Scratch for the lift of each component and the indices picked; explaining is synchronous, so one of each serves every call. */
let lift = new Float64Array(32);
let top = new Int32Array(32);

/**
 * Indices of the `count` largest positive values of lift[0..length) (ties: lower index),
 * largest first, into `top`; returns how many there are.
 */
function topIndices(length: number, count: number): number {
  let found = 0;
  for (let index = 0; index < length; index++) {
    const value = lift[index]!;
    if (!(value > 0)) continue;
    let at = found;
    while (at > 0 && lift[top[at - 1]!]! < value) at--;
    if (at >= count) continue;
    if (found < count) found++;
    for (let move = found - 1; move > at; move--) top[move] = top[move - 1]!;
    top[at] = index;
  }
  return found;
}

function reserveScratch(length: number): void {
  if (lift.length >= length) return;
  lift = new Float64Array(length);
  top = new Int32Array(length);
}

/**
 * The components that lift the score most above (or pull it most below) neutral, in
 * points: weight x (normalized - 0.5) x 100. Components moving it by under half a point are left out.
 */
export function drivers(
  plan: HealthPlan,
  texts: HealthTexts,
  state: RowState,
  row: PartnerPeriodMetrics,
  direction: 1 | -1,
): string[] {
  const length = plan.components.length;
  reserveScratch(length);
  for (let index = 0; index < length; index++) {
    const normalized = state.normalized[state.offset + index]!;
    const value = Number.isNaN(normalized) ? 0 : direction * state.weights[index]! * (normalized - 0.5) * 100;
    lift[index] = value >= 0.5 ? value : 0;
  }
  const found = topIndices(length, plan.drivers);
  const listed = new Array<string>(found);
  for (let rank = 0; rank < found; rank++) {
    const index = top[rank]!;
    const value = state.values ? (state.values[index] ?? null) : plan.readers[index]!(row);
    listed[rank] = texts.driver(index, value, state.normalized[state.offset + index]!);
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
  now: ArrayLike<number>,
  before: ArrayLike<number>,
  beforeOffset: number,
  score: number,
  previous: number,
): HealthChange {
  const deltas = new Array<number>(components.length);
  reserveScratch(components.length);
  for (let index = 0; index < components.length; index++) {
    deltas[index] = now[index]! - before[beforeOffset + index]!;
    lift[index] = Math.abs(deltas[index]!);
  }
  const delta = score - previous;
  let text = texts.changeHead(delta);
  const found = topIndices(components.length, 3);
  for (let rank = 0; rank < found; rank++) text += (rank === 0 ? ': ' : ', ') + texts.change(top[rank]!, deltas[top[rank]!]!);
  return { previous_score: previous, delta, points: deltas, text };
}
