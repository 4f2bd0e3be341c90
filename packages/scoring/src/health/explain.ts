import type { PartnerPeriodMetrics } from '@ppm/core';
import { formatPercent, formatValue, signed } from '../format.js';
import { metricReaders } from '../metric-readers.js';
import type { HealthChange } from '../types.js';
import type { HealthComponent } from './plan.js';

/** The components of one row: component c's normalized value is normalized[offset + c] (NaN = dropped). */
export interface RowState {
  /** Metric values when some are missing; null means read them from the row. */
  readonly values: readonly (number | null)[] | null;
  readonly normalized: Float32Array;
  readonly offset: number;
  readonly weights: ArrayLike<number>;
}

function peerLevel(normalized: number): string {
  if (normalized >= 0.8) return 'well above';
  if (normalized >= 0.55) return 'above';
  if (normalized > 0.45) return 'in line with';
  return normalized > 0.2 ? 'below' : 'well below';
}

/** One plain sentence on why a component scored as it did. */
export function driverText(component: HealthComponent, value: number | null, normalized: number): string {
  const { label, unit, cap, category } = component;
  if (value === null) return `${label} missing (${component.missing === 'zero' ? 'counted as zero' : 'counted as neutral'})`;
  if (unit === 'flag') return `${label}: ${formatValue(value, unit)}`;
  const shown = `${label} ${formatValue(value, unit)}`;
  if (component.method !== 'target') return `${shown} puts ${category} ${peerLevel(normalized)} peers`;
  const level = formatValue(cap, unit);
  if (!component.higherIsBetter)
    return normalized <= 0 ? `${shown} is past the zero-credit level of ${level}` : `${shown} earns ${formatPercent(normalized)} of full credit (none at ${level})`;
  return normalized >= 1 ? `${shown} reaches the full-credit level of ${level}` : `${shown} earns ${formatPercent(normalized)} of full credit (full at ${level})`;
}

/** Indices of the `count` largest positive values (ties: lower index), largest first. */
function topIndices(values: ArrayLike<number>, length: number, count: number): number[] {
  const top: number[] = [];
  for (let index = 0; index < length; index++) {
    const value = values[index]!;
    if (!(value > 0)) continue;
    let at = top.length;
    while (at > 0 && values[top[at - 1]!]! < value) at--;
    if (at >= count) continue;
    if (top.length < count) top.push(index);
    for (let move = top.length - 1; move > at; move--) top[move] = top[move - 1]!;
    top[at] = index;
  }
  return top;
}

/** Scratch for the lift of each component; explaining is synchronous, so one array serves every call. */
let lift = new Float64Array(32);

/**
 * The components that lift the score most above (or pull it most below) neutral, in
 * points: weight x (normalized - 0.5) x 100. Components moving it by under half a point are left out.
 */
export function drivers(components: readonly HealthComponent[], state: RowState, row: PartnerPeriodMetrics, count: number, direction: 1 | -1): string[] {
  if (lift.length < components.length) lift = new Float64Array(components.length);
  for (let index = 0; index < components.length; index++) {
    const normalized = state.normalized[state.offset + index]!;
    const value = Number.isNaN(normalized) ? 0 : direction * state.weights[index]! * (normalized - 0.5) * 100;
    lift[index] = value >= 0.5 ? value : 0;
  }
  return topIndices(lift, components.length, count).map((index) => {
    const component = components[index]!;
    const value = state.values ? (state.values[index] ?? null) : metricReaders[component.metric](row);
    return driverText(component, value, state.normalized[state.offset + index]!);
  });
}

/** "score fell 12 points: pipeline coverage -8, active portal days -4" from per-component point changes. */
export function changeOf(
  components: readonly HealthComponent[],
  now: ArrayLike<number>,
  before: ArrayLike<number>,
  score: number,
  previous: number,
): HealthChange {
  const deltas = new Array<number>(components.length);
  for (let index = 0; index < components.length; index++) deltas[index] = now[index]! - before[index]!;
  if (lift.length < components.length) lift = new Float64Array(components.length);
  for (let index = 0; index < components.length; index++) lift[index] = Math.abs(deltas[index]!);
  const listed = topIndices(lift, components.length, 3)
    .map((index) => `${components[index]!.label} ${signed(deltas[index]!)}`)
    .join(', ');
  const delta = score - previous;
  const size = Math.abs(delta);
  const head = delta === 0 ? 'score unchanged' : `score ${delta > 0 ? 'rose' : 'fell'} ${size} point${size === 1 ? '' : 's'}`;
  return { previous_score: previous, delta, points: deltas, text: listed ? `${head}: ${listed}` : head };
}
