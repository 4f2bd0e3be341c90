import type { PeriodGrain } from '@ppm/core';
import { isoDay, monthOfDay, parseIsoMonth, quarterOfMonth, type CalendarPeriod, type Month } from './calendar.js';
import type { Dataset } from './dataset.js';
import { onboardedAt, partnerFacts, versionOn, type PartnerFacts } from './partner-facts.js';
import { monthPeriod, partnerPeriodValues, quarterPeriod, wonDealDays, type PeriodSettings } from './partner-period.js';
import { ratio, type ReferencePartnerRow } from './types.js';

/** A partner row with money still in cents, and the won deals its group medians are recomputed from. */
export interface PartnerRowInCents {
  readonly row: ReferencePartnerRow;
  readonly wonDealDays: readonly number[];
}

/**
 * The first month metrics are computed for: the first month with revenue, a registration
 * or a target (the start of "the history" in docs/metrics.md).
 */
export function historyStart(dataset: Dataset): Month {
  const months = [
    ...dataset.revenue.map((line) => monthOfDay(line.bookedAt)),
    ...dataset.registrations.map((deal) => monthOfDay(deal.registeredAt)),
    ...dataset.targets.map((target) => target.period.firstMonth),
  ];
  if (months.length === 0) throw new Error('reference: no revenue, registration or target, so there is no period to compute');
  return Math.min(...months);
}

function partnerRow(facts: PartnerFacts, grain: PeriodGrain, period: CalendarPeriod, settings: PeriodSettings): PartnerRowInCents {
  const onboarded = onboardedAt(facts);
  const version = versionOn(facts, period.end);
  const values = partnerPeriodValues(facts, period, onboarded, settings);
  return {
    row: {
      partner_id: facts.partnerId,
      period_grain: grain,
      period_start: isoDay(period.start),
      period_end: isoDay(period.end),
      partner_name: version.name,
      partner_type: version.partnerType,
      tier: version.tier,
      region: version.region,
      country: version.country,
      status: version.status,
      channel_account_manager: version.channelAccountManager,
      onboarded_at: isoDay(onboarded),
      // Whole months from the onboarding month to the period's (last) month.
      months_since_onboarding: monthOfDay(period.end) - monthOfDay(onboarded),
      ...values,
      program_revenue: null,
      revenue_share: null,
    },
    wonDealDays: wonDealDays(facts, period),
  };
}

/** Every partner from its onboarding month (or the history start, if later) to period_end, by month and by quarter. */
export function partnerRowsInCents(dataset: Dataset, periodEnd: string, settings: PeriodSettings): PartnerRowInCents[] {
  const lastMonth = parseIsoMonth(periodEnd);
  if (lastMonth % 3 !== 2) throw new Error(`reference: period_end ${periodEnd} does not end a quarter; docs/metrics.md does not define a partial quarter row`);
  const firstMonth = historyStart(dataset);
  const rows = partnerFacts(dataset).flatMap((facts) => {
    const months: Month[] = [];
    for (let month = Math.max(monthOfDay(onboardedAt(facts)), firstMonth); month <= lastMonth; month += 1) months.push(month);
    const quarters = [...new Set(months.map(quarterOfMonth))];
    return [
      ...months.map((month) => partnerRow(facts, 'month', monthPeriod(month), settings)),
      ...quarters.map((quarter) => partnerRow(facts, 'quarter', quarterPeriod(quarter), settings)),
    ];
  });
  return withProgramRevenue(rows);
}

/** program_revenue: the revenue of all partners in the period, on every row of that period. */
function withProgramRevenue(rows: PartnerRowInCents[]): PartnerRowInCents[] {
  const totals = new Map<string, number>();
  const key = (row: ReferencePartnerRow) => `${row.period_grain} ${row.period_start}`;
  for (const { row } of rows) totals.set(key(row), (totals.get(key(row)) ?? 0) + (row.revenue ?? 0));
  return rows.map(({ row, wonDealDays: days }) => {
    const programRevenue = totals.get(key(row)) ?? 0;
    return { row: { ...row, program_revenue: programRevenue, revenue_share: ratio(row.revenue, programRevenue) }, wonDealDays: days };
  });
}
