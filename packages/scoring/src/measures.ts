import type { ScoringHistory } from './history.js';

/** Revenue and target summed over a trailing window of one partner. */
export interface TrailingSums {
  readonly revenue: number;
  readonly target: number;
  /** Periods of the window that had a target. */
  readonly periods: number;
}

/**
 * Sums revenue and target over the `window` periods ending at `period` (periods with a
 * target only; missing revenue counts as 0), so attainment is a ratio of sums, never an
 * average of monthly ratios.
 */
export function trailingSums(history: ScoringHistory, partner: number, period: number, window: number): TrailingSums {
  let revenue = 0;
  let target = 0;
  let periods = 0;
  for (let at = Math.max(0, period - window + 1); at <= period; at++) {
    const row = history.rowIndex[at]![partner]!;
    if (row < 0) continue;
    const source = history.rowsByPeriod[at]![row]!;
    if (source.target === null) continue;
    revenue += source.revenue ?? 0;
    target += source.target;
    periods++;
  }
  return { revenue, target, periods };
}

/** Trailing attainment of every row of a period (NaN when the window has no positive target). */
export function trailingAttainment(history: ScoringHistory, period: number, window: number): Float64Array {
  const partners = history.partnerOf[period]!;
  const out = new Float64Array(partners.length);
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
    out[row] = target > 0 ? revenue / target : NaN;
  }
  return out;
}

/** The row of `partner` `back` periods before `period`, or -1. */
export function rowBack(history: ScoringHistory, partner: number, period: number, back: number): number {
  const at = period - back;
  return at < 0 ? -1 : history.rowIndex[at]![partner]!;
}
