import { metricNames, type MetricName } from '@ppm/core';
import type { ColumnKind } from './compare.js';

/** Metrics that are whole numbers on a partner row: compared exactly. */
const countMetrics = new Set<MetricName>([
  'registrations_submitted',
  'registrations_approved',
  'registrations_rejected',
  'registrations_won',
  'registrations_lost',
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
  'has_active_business_plan',
  'onboarding_milestones_completed',
  'onboarding_milestones_required',
  'days_since_last_commercial_activity',
]);

const kinds = (kind: ColumnKind, ...names: string[]): Record<string, ColumnKind> => Object.fromEntries(names.map((name) => [name, kind]));

/** Every column of marts.partner_period_metrics the reference computes, with how to compare it. */
export const partnerColumns: Readonly<Record<string, ColumnKind>> = {
  ...kinds('text', 'partner_id', 'period_grain', 'period_start', 'period_end'),
  ...kinds('text', 'partner_name', 'partner_type', 'tier', 'region', 'country', 'status', 'channel_account_manager', 'onboarded_at'),
  ...kinds('count', 'months_since_onboarding'),
  ...Object.fromEntries(metricNames.map((name) => [name, countMetrics.has(name) ? 'count' : 'number'])),
};

/** Every column of marts.program_period_metrics the reference computes; a group's median of days may fall on a half day. */
export const programColumns: Readonly<Record<string, ColumnKind>> = {
  ...kinds('text', 'period_grain', 'period_start', 'period_end', 'group_by', 'group_value'),
  ...kinds('count', 'partner_count', 'active_partner_count', 'dormant_partner_count', 'partners_with_business_plan'),
  ...kinds('number', 'business_plan_participation'),
  ...Object.fromEntries(metricNames.map((name) => [name, countMetrics.has(name) && name !== 'days_since_last_commercial_activity' ? 'count' : 'number'])),
};
