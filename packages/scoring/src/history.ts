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

/** Rows of one period when it is split into several runs of the input: [start, end) pairs, in input order. */
type Runs = number[];

function rowsOfRuns(rows: readonly PartnerPeriodMetrics[], runs: Runs): PartnerPeriodMetrics[] {
  if (runs.length === 2) return rows.slice(runs[0], runs[1]);
  const list: PartnerPeriodMetrics[] = [];
  for (let run = 0; run < runs.length; run += 2) for (let index = runs[run]!; index < runs[run + 1]!; index++) list.push(rows[index]!);
  return list;
}

/**
 * Rows by period, in input order. Rows usually arrive ordered by period, so each period is
 * one run of the input, copied in one slice (growing a list row by row leaves three times
 * its size in garbage, in the old generation for lists this long).
 */
function groupByPeriod(rows: readonly PartnerPeriodMetrics[]): { grain: PeriodGrain; byPeriod: Map<string, PartnerPeriodMetrics[]> } {
  const grain = rows[0]?.period_grain ?? 'month';
  const runs = new Map<string, Runs>();
  const closeRun = (period: string, start: number, end: number): void => {
    const list = runs.get(period);
    if (list) list.push(start, end);
    else runs.set(period, [start, end]);
  };
  let start = 0;
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index]!;
    if (row.period_grain !== grain)
      throw new ScoringInputError(`rows mix ${grain} and ${row.period_grain} periods (partner ${row.partner_id}); score one grain at a time`);
    if (index > 0 && row.period_start !== rows[start]!.period_start) {
      closeRun(rows[start]!.period_start, start, index);
      start = index;
    }
  }
  if (rows.length > 0) closeRun(rows[start]!.period_start, start, rows.length);
  const byPeriod = new Map<string, PartnerPeriodMetrics[]>();
  for (const [period, bounds] of runs) byPeriod.set(period, rowsOfRuns(rows, bounds));
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

/** A dense index per partner (in order of first appearance) and the partner of every row. */
function indexPartners(rowsByPeriod: readonly (readonly PartnerPeriodMetrics[])[]): { partnerIds: string[]; partnerOf: Int32Array[] } {
  const partners = new Map<string, number>();
  const partnerIds: string[] = [];
  let previous = new Int32Array(0);
  const partnerOf = rowsByPeriod.map((list) => {
    const ids = new Int32Array(list.length);
    for (let index = 0; index < list.length; index++) {
      const partnerId = list[index]!.partner_id;
      // Periods usually list partners in the same order: the previous period's partner at this position saves a lookup.
      const guess = index < previous.length ? previous[index]! : -1;
      if (guess >= 0 && partnerIds[guess] === partnerId) {
        ids[index] = guess;
        continue;
      }
      let id = partners.get(partnerId);
      if (id === undefined) {
        id = partnerIds.push(partnerId) - 1;
        partners.set(partnerId, id);
      }
      ids[index] = id;
    }
    if (list.length > 0) previous = ids;
    return ids;
  });
  return { partnerIds, partnerOf };
}

export function prepareHistory(rows: readonly PartnerPeriodMetrics[]): ScoringHistory {
  const { grain, byPeriod } = groupByPeriod(rows);
  const periods = periodAxis(byPeriod.keys(), grain === 'quarter' ? 3 : 1);
  const rowsByPeriod = periods.map((period) => byPeriod.get(period) ?? []);
  const { partnerIds, partnerOf } = indexPartners(rowsByPeriod);
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
