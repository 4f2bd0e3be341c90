import type { Warehouse } from './mini-loader.js';
import { toReporting } from './totals.js';
import { parseScaled, type Values } from './validate.js';

/** Month text (YYYY-MM) -> value, per partner. */
export type MonthlySeries = Map<string, Map<string, number>>;

function add(series: MonthlySeries, partner: string, month: string, value: number): void {
  let months = series.get(partner);
  if (!months) series.set(partner, (months = new Map()));
  months.set(month, (months.get(month) ?? 0) + value);
}

function rows(warehouse: Warehouse, entity: 'revenue' | 'targets' | 'deal_registrations' | 'engagement_events'): Values[] {
  return [...(warehouse.tables.get(entity)?.values() ?? [])];
}

function usd(warehouse: Warehouse, row: Values, at: string): number {
  const day = warehouse.fx.dayOfPeriodOrDate(at) ?? 0;
  const rate = warehouse.fx.rate(String(row.currency), day) ?? 0n;
  return Number(toReporting(parseScaled(String(row.amount), 2) ?? 0n, rate));
}

export function monthsOfPeriod(period: string): string[] {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) return [0, 1, 2].map((k) => `${quarter[1]}-${String((Number(quarter[2]) - 1) * 3 + k + 1).padStart(2, '0')}`);
  if (/^\d{4}$/.test(period)) return Array.from({ length: 12 }, (_, k) => `${period}-${String(k + 1).padStart(2, '0')}`);
  return [period];
}

/** Revenue in USD cents per partner and month (each line at its booking date's rate). */
export function monthlyRevenue(warehouse: Warehouse): MonthlySeries {
  const series: MonthlySeries = new Map();
  for (const row of rows(warehouse, 'revenue')) add(series, String(row.partner_id), String(row.booked_at).slice(0, 7), usd(warehouse, row, String(row.booked_at)));
  return series;
}

/**
 * Targets in USD cents per partner and month; quarter and year targets spread evenly,
 * converted at the period's first day (or, with `rateEachMonth`, each month's share at
 * that month's first day, as a warehouse might).
 */
export function monthlyTargets(warehouse: Warehouse, rateEachMonth = false): MonthlySeries {
  const series: MonthlySeries = new Map();
  for (const row of rows(warehouse, 'targets')) {
    const months = monthsOfPeriod(String(row.period));
    const amount = usd(warehouse, row, String(row.period));
    for (const month of months) {
      const share = rateEachMonth ? usd(warehouse, row, month) : amount;
      add(series, String(row.partner_id), month, share / months.length);
    }
  }
  return series;
}

/** Count of rows per partner and month of a date field (e.g. registrations by registered_at). */
export function monthlyCount(warehouse: Warehouse, entity: 'deal_registrations' | 'engagement_events', field: string, filter: (row: Values) => boolean = () => true): MonthlySeries {
  const series: MonthlySeries = new Map();
  for (const row of rows(warehouse, entity)) if (filter(row)) add(series, String(row.partner_id), String(row[field]).slice(0, 7), 1);
  return series;
}

/** The last n months up to and including `end` (YYYY-MM), oldest first. */
export function lastMonths(end: string, n: number): string[] {
  const [year, month] = end.split('-').map(Number) as [number, number];
  return Array.from({ length: n }, (_, k) => {
    const date = new Date(Date.UTC(year, month - 1 - (n - 1 - k), 1));
    return date.toISOString().slice(0, 7);
  });
}
