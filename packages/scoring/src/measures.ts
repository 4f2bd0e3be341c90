import type { ColumnAllocator } from './health/memory.js';
import type { ScoringHistory } from './history.js';

/** Revenue and target summed over a trailing window, per row of a period. */
export interface TrailingColumns {
  readonly revenue: Float64Array;
  readonly target: Float64Array;
  /** revenue / target; NaN when the window has no positive target. */
  readonly attainment: Float64Array;
}

/**
 * Sums revenue and target of every row of a period over the `window` periods ending there
 * (periods with a target only; missing revenue counts as 0), so attainment is a ratio of
 * sums, never an average of monthly ratios.
 */
export function trailingWindow(history: ScoringHistory, period: number, window: number, allocate: ColumnAllocator): TrailingColumns {
  const partners = history.partnerOf[period]!;
  const columns = { revenue: allocate.float64(partners.length), target: allocate.float64(partners.length), attainment: allocate.float64(partners.length) };
  for (let row = 0; row < partners.length; row++) {
    let revenue = 0;
    let target = 0;
    for (let at = Math.max(0, period - window + 1); at <= period; at++) {
      const index = history.rowIndex[at]![partners[row]!]!;
      if (index < 0) continue;
      const source = history.rowsByPeriod[at]![index]!;
      if (source.target === null) continue;
      revenue += source.revenue ?? 0;
      target += source.target;
    }
    columns.revenue[row] = revenue;
    columns.target[row] = target;
    columns.attainment[row] = target > 0 ? revenue / target : NaN;
  }
  return columns;
}

/** The row of `partner` `back` periods before `period`, or -1. */
export function rowBack(history: ScoringHistory, partner: number, period: number, back: number): number {
  const at = period - back;
  return at < 0 ? -1 : history.rowIndex[at]![partner]!;
}
