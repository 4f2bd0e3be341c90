/**
 * Normalizers: one metric column of one period to 0..1 (1 = best), left NaN where the value
 * is missing. Peer-relative methods lay the values out by peer group once per column (the
 * program as group 0 plus every peer group a row is compared with), then each row is a few
 * array reads. Indices are in bounds by construction, hence the `!`.
 */
import type { HealthMemory } from './memory.js';
import type { HealthComponent } from './plan.js';
import { programGroup, type PeerGroups } from './peer-groups.js';
import { sortPairs } from './sort.js';

/** Group g holds values[offsets[g]..offsets[g+1]) and the rows they came from. */
interface GroupedValues {
  readonly offsets: Int32Array;
  readonly values: Float64Array;
  readonly rows: Int32Array;
  /** Smallest and largest value, and whether every value is a whole number. */
  readonly low: number;
  readonly high: number;
  readonly whole: boolean;
}

function groupValues(column: Float64Array, groups: PeerGroups, memory: HealthMemory): GroupedValues {
  const { member, used, count } = groups;
  const offsets = new Int32Array(count + 1);
  const program = used[programGroup] === 1;
  for (let row = 0; row < column.length; row++) {
    if (Number.isNaN(column[row]!)) continue;
    const group = member[row]!;
    if (group !== programGroup && used[group] === 1) offsets[group + 1]! += 1;
    if (program) offsets[programGroup + 1]! += 1;
  }
  for (let group = 1; group <= count; group++) offsets[group]! += offsets[group - 1]!;
  const cursor = offsets.slice(0, count);
  const values = memory.groupedValues;
  const rows = memory.groupedRows;
  let low = Infinity;
  let high = -Infinity;
  let whole = true;
  for (let row = 0; row < column.length; row++) {
    const value = column[row]!;
    if (Number.isNaN(value)) continue;
    if (value < low) low = value;
    if (value > high) high = value;
    if (whole && value !== Math.floor(value)) whole = false;
    const group = member[row]!;
    if (group !== programGroup && used[group] === 1) {
      values[cursor[group]!] = value;
      rows[cursor[group]!++] = row;
    }
    if (program) {
      values[cursor[programGroup]!] = value;
      rows[cursor[programGroup]!++] = row;
    }
  }
  return { offsets, values, rows, low, high, whole };
}

function midRank(below: number, ties: number, size: number): number {
  return size > 1 ? (below + (ties - 1) / 2) / (size - 1) : 0.5;
}

/**
 * Ranks by counting, for whole numbers in a small range (counts, days): O(rows + groups x
 * range) instead of a sort per group.
 */
function countingPercentile(grouped: GroupedValues, groups: PeerGroups, memory: HealthMemory, out: Float64Array): void {
  const { offsets, values, rows, low } = grouped;
  const range = grouped.high - low + 1;
  const counts = memory.histogram(range);
  for (let group = 0; group < groups.count; group++) {
    const from = offsets[group]!;
    const to = offsets[group + 1]!;
    if (to === from) continue;
    counts.fill(0, 0, range);
    for (let index = from; index < to; index++) counts[values[index]! - low]! += 1;
    let below = 0;
    for (let value = 0; value < range; value++) {
      const ties = counts[value]!;
      counts[value] = midRank(below, ties, to - from);
      below += ties;
    }
    for (let index = from; index < to; index++)
      if (groups.effective[rows[index]!] === group) out[rows[index]!] = counts[values[index]! - low]!;
  }
}

/** Mid-rank percentile within the peer group: lowest 0, highest 1, ties share their average rank. */
function percentile(column: Float64Array, groups: PeerGroups, memory: HealthMemory, out: Float64Array): void {
  const grouped = groupValues(column, groups, memory);
  const { offsets, values, rows } = grouped;
  if (grouped.whole && (grouped.high - grouped.low + 1) * groups.count <= 2 * column.length) {
    countingPercentile(grouped, groups, memory, out);
    return;
  }
  for (let group = 0; group < groups.count; group++) {
    const from = offsets[group]!;
    const to = offsets[group + 1]!;
    sortPairs(values, rows, from, to);
    for (let start = from; start < to; ) {
      let end = start + 1;
      while (end < to && values[end] === values[start]) end++;
      const rank = midRank(start - from, end - start, to - from);
      for (let index = start; index < end; index++) if (groups.effective[rows[index]!] === group) out[rows[index]!] = rank;
      start = end;
    }
  }
}

function minmax(column: Float64Array, groups: PeerGroups, memory: HealthMemory, out: Float64Array): void {
  const { offsets, values } = groupValues(column, groups, memory);
  const low = new Float64Array(groups.count).fill(Infinity);
  const high = new Float64Array(groups.count).fill(-Infinity);
  for (let group = 0; group < groups.count; group++)
    for (let index = offsets[group]!; index < offsets[group + 1]!; index++) {
      low[group] = Math.min(low[group]!, values[index]!);
      high[group] = Math.max(high[group]!, values[index]!);
    }
  for (let row = 0; row < column.length; row++) {
    const value = column[row]!;
    if (Number.isNaN(value)) continue;
    const group = groups.effective[row]!;
    const range = high[group]! - low[group]!;
    out[row] = range > 0 ? (value - low[group]!) / range : 0.5;
  }
}

function zscore(column: Float64Array, groups: PeerGroups, clip: number, memory: HealthMemory, out: Float64Array): void {
  const { offsets, values } = groupValues(column, groups, memory);
  const mean = new Float64Array(groups.count);
  const deviation = new Float64Array(groups.count);
  for (let group = 0; group < groups.count; group++) {
    const from = offsets[group]!;
    const to = offsets[group + 1]!;
    let sum = 0;
    for (let index = from; index < to; index++) sum += values[index]!;
    const average = to > from ? sum / (to - from) : 0;
    let squares = 0;
    for (let index = from; index < to; index++) squares += (values[index]! - average) ** 2;
    mean[group] = average;
    deviation[group] = to > from ? Math.sqrt(squares / (to - from)) : 0;
  }
  for (let row = 0; row < column.length; row++) {
    const value = column[row]!;
    if (Number.isNaN(value)) continue;
    const group = groups.effective[row]!;
    const sd = deviation[group]!;
    const z = sd > 0 ? Math.max(-clip, Math.min(clip, (value - mean[group]!) / sd)) : 0;
    out[row] = (z + clip) / (2 * clip);
  }
}

function target(column: Float64Array, cap: number, out: Float64Array): void {
  for (let row = 0; row < column.length; row++) {
    const value = column[row]!;
    if (!Number.isNaN(value)) out[row] = Math.min(Math.max(value, 0) / cap, 1);
  }
}

/**
 * Normalizes `column` (NaN = missing) into `out` (NaN where missing), 1 = best:
 * lower-is-better metrics are flipped after scaling.
 */
export function normalizeColumn(
  component: HealthComponent,
  column: Float64Array,
  groups: PeerGroups,
  memory: HealthMemory,
  out: Float64Array,
): void {
  out.fill(NaN);
  if (component.method === 'target') target(column, component.cap, out);
  else if (component.method === 'percentile') percentile(column, groups, memory, out);
  else if (component.method === 'minmax') minmax(column, groups, memory, out);
  else zscore(column, groups, component.clip, memory, out);
  if (!component.higherIsBetter) for (let row = 0; row < out.length; row++) out[row] = 1 - out[row]!;
}
