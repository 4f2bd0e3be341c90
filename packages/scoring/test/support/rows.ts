import { metricNames, type MetricName, type PartnerPeriodMetrics } from '@ppm/core';

/** First day of the month `offset` months after `start` (YYYY-MM-01). */
export function addMonths(start: string, offset: number): string {
  const [year, month] = start.split('-').map(Number) as [number, number];
  const value = year * 12 + month - 1 + offset;
  const m = (value % 12) + 1;
  return `${Math.floor(value / 12)}-${m < 10 ? '0' : ''}${m}-01`;
}

export type RowInput = Partial<Omit<PartnerPeriodMetrics, MetricName>> & Partial<Record<MetricName, number | null>>;

/** A partner-period row: every metric null unless given, attributes filled with plain defaults. */
export function metricRow(input: RowInput): PartnerPeriodMetrics {
  const metrics = Object.fromEntries(metricNames.map((name) => [name, input[name] ?? null])) as Record<MetricName, number | null>;
  return {
    partner_id: 'p1',
    partner_name: 'Partner 1',
    period_start: '2026-01-01',
    period_grain: 'month',
    partner_type: 'reseller',
    tier: 'silver',
    region: 'emea',
    country: 'DE',
    status: 'active',
    channel_account_manager: 'cam_1',
    onboarded_at: '2020-01-01',
    months_since_onboarding: 60,
    ...input,
    ...metrics,
  };
}

/** One partner over consecutive months from `start`, each month's fields from `month(index)`. */
export function partnerSeries(start: string, months: number, month: (index: number) => RowInput): PartnerPeriodMetrics[] {
  return Array.from({ length: months }, (_, index) => metricRow({ period_start: addMonths(start, index), ...month(index) }));
}
