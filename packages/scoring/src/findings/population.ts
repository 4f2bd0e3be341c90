import type { PartnerPeriodMetrics } from '@ppm/core';
import type { ScoringContext } from '../context.js';
import { trailingSums } from '../measures.js';
import { segmentRules } from '../segments/rules.js';

/** A partner counted in program findings: past onboarding, with a target in the window. */
export interface Member {
  readonly row: PartnerPeriodMetrics;
  readonly attainment: number;
  readonly revenue: number;
  readonly target: number;
}

const onboarding = segmentRules.indexOf('onboarding_grace');

/** Partners of a period that findings about attainment compare (onboarding partners are in their grace period). */
export function members(context: ScoringContext, period: number): Member[] {
  const { rules } = context.segments(period);
  const window = context.config.segments.attainment_window_periods;
  const partners = context.history.partnerOf[period]!;
  const list: Member[] = [];
  context.history.rowsByPeriod[period]!.forEach((row, index) => {
    if (rules[index] === onboarding) return;
    const sums = trailingSums(context.history, partners[index]!, period, window);
    if (sums.target > 0) list.push({ row, attainment: sums.revenue / sums.target, revenue: sums.revenue, target: sums.target });
  });
  return list;
}

/** Members grouped by the value of a dimension (partner_type, tier, region). */
export function groupBy(list: readonly Member[], dimension: 'partner_type' | 'tier' | 'region'): Map<string, Member[]> {
  const groups = new Map<string, Member[]>();
  for (const member of list) {
    const key = member.row[dimension];
    const group = groups.get(key);
    if (group) group.push(member);
    else groups.set(key, [member]);
  }
  return new Map([...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
