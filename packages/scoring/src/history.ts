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

/** Whether ids[0..length) is 0, 1, 2, ...: the period lists its partners in order of first appearance. */
function inOrder(ids: Int32Array, length: number): boolean {
  for (let index = 0; index < length; index++) if (ids[index] !== index) return false;
  return true;
}

/** The partner index of each row of one period into `ids`, creating indices for partners met for the first time. */
function assignPartners(list: readonly PartnerPeriodMetrics[], partners: Map<string, number>, partnerIds: string[], previous: Int32Array, ids: Int32Array): void {
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
}

/**
 * A dense index per partner (in order of first appearance) and the partner of every row.
 * Periods that list their partners in that order (the usual case) share views of one
 * `identity` array instead of a copy each: a million rows otherwise allocate megabytes of
 * index per scorer, which V8 counts against the limit that triggers full collections.
 */
function indexPartners(rowsByPeriod: readonly (readonly PartnerPeriodMetrics[])[]): { partnerIds: string[]; partnerOf: Int32Array[]; identity: Int32Array } {
  const partners = new Map<string, number>();
  const partnerIds: string[] = [];
  const longest = rowsByPeriod.reduce((most, list) => Math.max(most, list.length), 0);
  let ids = new Int32Array(longest);
  let previous = new Int32Array(longest);
  let previousLength = 0;
  const copies = rowsByPeriod.map((list) => {
    assignPartners(list, partners, partnerIds, previous.subarray(0, previousLength), ids);
    const copy = inOrder(ids, list.length) ? null : ids.slice(0, list.length);
    if (list.length > 0) [ids, previous, previousLength] = [previous, ids, list.length];
    return copy;
  });
  const identity = Int32Array.from({ length: partnerIds.length }, (_, index) => index);
  const partnerOf = copies.map((copy, period) => copy ?? identity.subarray(0, rowsByPeriod[period]!.length));
  return { partnerIds, partnerOf, identity };
}

/** rowIndex of one period: the inverse of its partnerOf, -1 for partners without a row. */
function rowsOfPartners(ids: Int32Array, partnerIds: readonly string[], period: string): Int32Array {
  const index = new Int32Array(partnerIds.length).fill(-1);
  ids.forEach((id, row) => {
    if (index[id] !== -1) throw new ScoringInputError(`partner ${partnerIds[id]} has two rows for period ${period}; expected one row per partner per period`);
    index[id] = row;
  });
  return index;
}

export function prepareHistory(rows: readonly PartnerPeriodMetrics[]): ScoringHistory {
  const { grain, byPeriod } = groupByPeriod(rows);
  const periods = periodAxis(byPeriod.keys(), grain === 'quarter' ? 3 : 1);
  const rowsByPeriod = periods.map((period) => byPeriod.get(period) ?? []);
  const { partnerIds, partnerOf, identity } = indexPartners(rowsByPeriod);
  // A period listing every partner in order is its own inverse.
  const rowIndex = partnerOf.map((ids, period) =>
    ids.buffer === identity.buffer && ids.length === identity.length ? identity : rowsOfPartners(ids, partnerIds, periods[period]!),
  );
  return { grain, periods, partnerIds, rowsByPeriod, rowIndex, partnerOf };
}

/** Index of a period on the history's axis, or -1 when it is outside. */
export function periodIndex(history: ScoringHistory, period: string): number {
  return history.periods.indexOf(period);
}
