import type { PartnerPeriodMetrics, PeriodGrain } from '@ppm/core';

/** Rows that cannot be scored as given (duplicates, mixed grains, malformed periods). */
export class ScoringInputError extends Error {
  override readonly name = 'ScoringInputError';
}

/**
 * Input rows indexed once: a gap-free period axis (periods without rows are empty) and a
 * dense partner index, so "the same partner N periods back" is two array reads.
 */
export interface ScoringHistory {
  readonly grain: PeriodGrain;
  /** Every period from the first to the last in the input, ascending. */
  readonly periods: readonly string[];
  readonly partnerIds: readonly string[];
  readonly rowsByPeriod: readonly (readonly PartnerPeriodMetrics[])[];
  /** rowIndex[period][partner]: the partner's row in that period, or -1. */
  readonly rowIndex: readonly Int32Array[];
  /** partnerOf[period][row]: the partner index of each row. */
  readonly partnerOf: readonly Int32Array[];
}

const periodPattern = /^(\d{4})-(\d{2})-01$/;

function ordinal(period: string): number {
  const match = periodPattern.exec(period);
  const month = Number(match?.[2]);
  if (!match || month < 1 || month > 12)
    throw new ScoringInputError(`period_start "${period}" is not the first day of a month (YYYY-MM-01)`);
  return Number(match[1]) * 12 + month - 1;
}

function periodOf(value: number): string {
  const month = (value % 12) + 1;
  return `${Math.floor(value / 12)}-${month < 10 ? '0' : ''}${month}-01`;
}

function groupByPeriod(rows: readonly PartnerPeriodMetrics[]): { grain: PeriodGrain; byPeriod: Map<string, PartnerPeriodMetrics[]> } {
  const byPeriod = new Map<string, PartnerPeriodMetrics[]>();
  const grain = rows[0]?.period_grain ?? 'month';
  // Rows usually arrive ordered by period: reuse the last list while the period repeats.
  let period = '';
  let list: PartnerPeriodMetrics[] = [];
  for (const row of rows) {
    if (row.period_grain !== grain)
      throw new ScoringInputError(`rows mix ${grain} and ${row.period_grain} periods (partner ${row.partner_id}); score one grain at a time`);
    if (row.period_start !== period) {
      period = row.period_start;
      list = byPeriod.get(period) ?? [];
      if (list.length === 0) byPeriod.set(period, list);
    }
    list.push(row);
  }
  return { grain, byPeriod };
}

function periodAxis(keys: Iterable<string>, step: number): string[] {
  const ordinals = [...keys].map(ordinal).sort((a, b) => a - b);
  const first = ordinals[0];
  const last = ordinals.at(-1);
  if (first === undefined || last === undefined) return [];
  const periods: string[] = [];
  for (const value of ordinals)
    if ((value - first) % step !== 0)
      throw new ScoringInputError(`period ${periodOf(value)} is not a whole number of ${step}-month steps after ${periodOf(first)}`);
  for (let value = first; value <= last; value += step) periods.push(periodOf(value));
  return periods;
}

export function prepareHistory(rows: readonly PartnerPeriodMetrics[]): ScoringHistory {
  const { grain, byPeriod } = groupByPeriod(rows);
  const periods = periodAxis(byPeriod.keys(), grain === 'quarter' ? 3 : 1);
  const rowsByPeriod = periods.map((period) => byPeriod.get(period) ?? []);
  const partners = new Map<string, number>();
  const partnerIds: string[] = [];
  const partnerOf = rowsByPeriod.map((list) => {
    const ids = new Int32Array(list.length);
    list.forEach((row, index) => {
      let id = partners.get(row.partner_id);
      if (id === undefined) {
        id = partnerIds.push(row.partner_id) - 1;
        partners.set(row.partner_id, id);
      }
      ids[index] = id;
    });
    return ids;
  });
  const rowIndex = partnerOf.map((ids, period) => {
    const index = new Int32Array(partnerIds.length).fill(-1);
    ids.forEach((id, row) => {
      if (index[id] !== -1)
        throw new ScoringInputError(`partner ${partnerIds[id]} has two rows for period ${periods[period]}; expected one row per partner per period`);
      index[id] = row;
    });
    return index;
  });
  return { grain, periods, partnerIds, rowsByPeriod, rowIndex, partnerOf };
}

/** Index of a period on the history's axis, or -1 when it is outside. */
export function periodIndex(history: ScoringHistory, period: string): number {
  return history.periods.indexOf(period);
}
