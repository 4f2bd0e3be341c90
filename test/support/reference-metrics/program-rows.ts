import type { MetricName } from '@ppm/core';
import type { PartnerRowInCents } from './partner-rows.js';
import { growth, median, programGroups, ratio, type MetricValues, type ProgramGroup, type ReferencePartnerRow, type ReferenceProgramRow } from './types.js';

/** Flows and stocks: a group holds the sum over its partners. */
const summed = [
  'revenue',
  'target',
  'revenue_prior_period',
  'revenue_same_period_last_year',
  'trailing_12m_revenue',
  'registrations_submitted',
  'registrations_approved',
  'registrations_rejected',
  'registrations_won',
  'registrations_lost',
  'won_amount',
  'open_pipeline',
  'forward_target',
  'cohort_registrations_won',
  'cohort_registrations_closed',
  'required_trainings_assigned',
  'required_trainings_completed',
  'certified_people',
  'advanced_certified_people',
  'learning_path_courses_assigned',
  'learning_path_courses_completed',
  'active_portal_days',
  'engagement_events',
  'communications_sent',
  'communications_responded',
  'mdf_allocated_t12m',
  'mdf_claimed_t12m',
  'has_active_business_plan',
  'onboarding_milestones_completed',
  'onboarding_milestones_required',
] as const satisfies readonly MetricName[];

type Sums = Record<(typeof summed)[number], number>;

function groupValue(row: ReferencePartnerRow, group: ProgramGroup): string {
  return group === 'program' ? 'all' : row[group];
}

/** Ratios of the sums (never averages of the partners' ratios), medians over the group's deals and partners. */
function aggregate(members: readonly PartnerRowInCents[], programRevenue: number | null, dormantDays: number): Omit<ReferenceProgramRow, 'period_grain' | 'period_start' | 'period_end' | 'group_by' | 'group_value'> {
  const totals = Object.fromEntries(summed.map((name) => [name, members.reduce((total, { row }) => total + (row[name] ?? 0), 0)])) as Sums;
  const metrics: MetricValues = {
    ...totals,
    attainment: ratio(totals.revenue, totals.target),
    revenue_growth: growth(totals.revenue, totals.revenue_prior_period),
    revenue_growth_yoy: growth(totals.revenue, totals.revenue_same_period_last_year),
    program_revenue: programRevenue,
    revenue_share: ratio(totals.revenue, programRevenue),
    registration_approval_rate: ratio(totals.registrations_approved, totals.registrations_submitted),
    average_deal_value: ratio(totals.won_amount, totals.registrations_won),
    pipeline_coverage: ratio(totals.open_pipeline, totals.forward_target),
    registration_conversion_rate: ratio(totals.cohort_registrations_won, totals.cohort_registrations_closed),
    registration_velocity_days: median(members.flatMap((member) => member.wonDealDays)),
    required_training_completion_rate: ratio(totals.required_trainings_completed, totals.required_trainings_assigned),
    certification_depth: ratio(totals.advanced_certified_people, totals.certified_people),
    learning_path_progress: ratio(totals.learning_path_courses_completed, totals.learning_path_courses_assigned),
    communication_response_rate: ratio(totals.communications_responded, totals.communications_sent),
    mdf_utilization: ratio(totals.mdf_claimed_t12m, totals.mdf_allocated_t12m),
    onboarding_completion_rate: ratio(totals.onboarding_milestones_completed, totals.onboarding_milestones_required),
    days_since_last_commercial_activity: median(members.map(({ row }) => row.days_since_last_commercial_activity ?? 0)),
  };
  return {
    partner_count: members.length,
    active_partner_count: members.filter(({ row }) => (row.revenue ?? 0) > 0).length,
    dormant_partner_count: members.filter(({ row }) => (row.days_since_last_commercial_activity ?? 0) >= dormantDays).length,
    partners_with_business_plan: totals.has_active_business_plan,
    business_plan_participation: ratio(totals.has_active_business_plan, members.length),
    ...metrics,
  };
}

/** marts.program_period_metrics: per period, the whole program and each partner type, tier and region (attributes at the period's end). */
export function programRowsInCents(partnerRows: readonly PartnerRowInCents[], dormantDays: number): ReferenceProgramRow[] {
  const groups = new Map<string, { key: Pick<ReferenceProgramRow, 'period_grain' | 'period_start' | 'period_end' | 'group_by' | 'group_value'>; members: PartnerRowInCents[] }>();
  for (const member of partnerRows) {
    const { row } = member;
    for (const group of programGroups) {
      const key = { period_grain: row.period_grain, period_start: row.period_start, period_end: row.period_end, group_by: group, group_value: groupValue(row, group) };
      const id = JSON.stringify(key);
      const entry = groups.get(id) ?? { key, members: [] };
      entry.members.push(member);
      groups.set(id, entry);
    }
  }
  return [...groups.values()].map(({ key, members }) => ({ ...key, ...aggregate(members, members[0]?.row.program_revenue ?? null, dormantDays) }));
}
