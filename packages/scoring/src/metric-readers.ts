import type { MetricName, PartnerPeriodMetrics } from '@ppm/core';
import type { PeerAttribute } from './config/schema-health.js';

export type MetricReader = (row: PartnerPeriodMetrics) => number | null;

/**
 * One accessor per metric. Reading `row[name]` with a changing name is a megamorphic keyed
 * load (about 3x slower per read than these monomorphic property loads), and the health
 * score reads every scored metric of every row, so the hot loop calls these instead.
 */
export const metricReaders: { readonly [name in MetricName]: MetricReader } = {
  revenue: (row) => row.revenue,
  target: (row) => row.target,
  attainment: (row) => row.attainment,
  revenue_prior_period: (row) => row.revenue_prior_period,
  revenue_growth: (row) => row.revenue_growth,
  revenue_same_period_last_year: (row) => row.revenue_same_period_last_year,
  revenue_growth_yoy: (row) => row.revenue_growth_yoy,
  trailing_12m_revenue: (row) => row.trailing_12m_revenue,
  program_revenue: (row) => row.program_revenue,
  revenue_share: (row) => row.revenue_share,
  registrations_submitted: (row) => row.registrations_submitted,
  registrations_approved: (row) => row.registrations_approved,
  registrations_rejected: (row) => row.registrations_rejected,
  registrations_won: (row) => row.registrations_won,
  registrations_lost: (row) => row.registrations_lost,
  registration_approval_rate: (row) => row.registration_approval_rate,
  won_amount: (row) => row.won_amount,
  average_deal_value: (row) => row.average_deal_value,
  open_pipeline: (row) => row.open_pipeline,
  forward_target: (row) => row.forward_target,
  pipeline_coverage: (row) => row.pipeline_coverage,
  cohort_registrations_won: (row) => row.cohort_registrations_won,
  cohort_registrations_closed: (row) => row.cohort_registrations_closed,
  registration_conversion_rate: (row) => row.registration_conversion_rate,
  registration_velocity_days: (row) => row.registration_velocity_days,
  required_trainings_assigned: (row) => row.required_trainings_assigned,
  required_trainings_completed: (row) => row.required_trainings_completed,
  required_training_completion_rate: (row) => row.required_training_completion_rate,
  certified_people: (row) => row.certified_people,
  advanced_certified_people: (row) => row.advanced_certified_people,
  certification_depth: (row) => row.certification_depth,
  learning_path_courses_assigned: (row) => row.learning_path_courses_assigned,
  learning_path_courses_completed: (row) => row.learning_path_courses_completed,
  learning_path_progress: (row) => row.learning_path_progress,
  active_portal_days: (row) => row.active_portal_days,
  engagement_events: (row) => row.engagement_events,
  communications_sent: (row) => row.communications_sent,
  communications_responded: (row) => row.communications_responded,
  communication_response_rate: (row) => row.communication_response_rate,
  mdf_allocated_t12m: (row) => row.mdf_allocated_t12m,
  mdf_claimed_t12m: (row) => row.mdf_claimed_t12m,
  mdf_utilization: (row) => row.mdf_utilization,
  has_active_business_plan: (row) => row.has_active_business_plan,
  onboarding_milestones_completed: (row) => row.onboarding_milestones_completed,
  onboarding_milestones_required: (row) => row.onboarding_milestones_required,
  onboarding_completion_rate: (row) => row.onboarding_completion_rate,
  days_since_last_commercial_activity: (row) => row.days_since_last_commercial_activity,
};

/** Writes a metric of `row` into `into[at]`, NaN when it is null. */
export type MetricCopier = (row: PartnerPeriodMetrics, into: Float64Array, at: number) => void;

/**
 * One column writer per metric, for the health score's pass over every row. A reader returns
 * a metric stored as a double in a fresh heap number (the row keeps it in a mutable box), so
 * reading a million rows through readers made as much garbage as scoring them; a copier
 * stores the double straight into the column.
 */
export const metricCopiers: { readonly [name in MetricName]: MetricCopier } = {
  revenue: (row, into, at) => { into[at] = row.revenue ?? NaN; },
  target: (row, into, at) => { into[at] = row.target ?? NaN; },
  attainment: (row, into, at) => { into[at] = row.attainment ?? NaN; },
  revenue_prior_period: (row, into, at) => { into[at] = row.revenue_prior_period ?? NaN; },
  revenue_growth: (row, into, at) => { into[at] = row.revenue_growth ?? NaN; },
  revenue_same_period_last_year: (row, into, at) => { into[at] = row.revenue_same_period_last_year ?? NaN; },
  revenue_growth_yoy: (row, into, at) => { into[at] = row.revenue_growth_yoy ?? NaN; },
  trailing_12m_revenue: (row, into, at) => { into[at] = row.trailing_12m_revenue ?? NaN; },
  program_revenue: (row, into, at) => { into[at] = row.program_revenue ?? NaN; },
  revenue_share: (row, into, at) => { into[at] = row.revenue_share ?? NaN; },
  registrations_submitted: (row, into, at) => { into[at] = row.registrations_submitted ?? NaN; },
  registrations_approved: (row, into, at) => { into[at] = row.registrations_approved ?? NaN; },
  registrations_rejected: (row, into, at) => { into[at] = row.registrations_rejected ?? NaN; },
  registrations_won: (row, into, at) => { into[at] = row.registrations_won ?? NaN; },
  registrations_lost: (row, into, at) => { into[at] = row.registrations_lost ?? NaN; },
  registration_approval_rate: (row, into, at) => { into[at] = row.registration_approval_rate ?? NaN; },
  won_amount: (row, into, at) => { into[at] = row.won_amount ?? NaN; },
  average_deal_value: (row, into, at) => { into[at] = row.average_deal_value ?? NaN; },
  open_pipeline: (row, into, at) => { into[at] = row.open_pipeline ?? NaN; },
  forward_target: (row, into, at) => { into[at] = row.forward_target ?? NaN; },
  pipeline_coverage: (row, into, at) => { into[at] = row.pipeline_coverage ?? NaN; },
  cohort_registrations_won: (row, into, at) => { into[at] = row.cohort_registrations_won ?? NaN; },
  cohort_registrations_closed: (row, into, at) => { into[at] = row.cohort_registrations_closed ?? NaN; },
  registration_conversion_rate: (row, into, at) => { into[at] = row.registration_conversion_rate ?? NaN; },
  registration_velocity_days: (row, into, at) => { into[at] = row.registration_velocity_days ?? NaN; },
  required_trainings_assigned: (row, into, at) => { into[at] = row.required_trainings_assigned ?? NaN; },
  required_trainings_completed: (row, into, at) => { into[at] = row.required_trainings_completed ?? NaN; },
  required_training_completion_rate: (row, into, at) => { into[at] = row.required_training_completion_rate ?? NaN; },
  certified_people: (row, into, at) => { into[at] = row.certified_people ?? NaN; },
  advanced_certified_people: (row, into, at) => { into[at] = row.advanced_certified_people ?? NaN; },
  certification_depth: (row, into, at) => { into[at] = row.certification_depth ?? NaN; },
  learning_path_courses_assigned: (row, into, at) => { into[at] = row.learning_path_courses_assigned ?? NaN; },
  learning_path_courses_completed: (row, into, at) => { into[at] = row.learning_path_courses_completed ?? NaN; },
  learning_path_progress: (row, into, at) => { into[at] = row.learning_path_progress ?? NaN; },
  active_portal_days: (row, into, at) => { into[at] = row.active_portal_days ?? NaN; },
  engagement_events: (row, into, at) => { into[at] = row.engagement_events ?? NaN; },
  communications_sent: (row, into, at) => { into[at] = row.communications_sent ?? NaN; },
  communications_responded: (row, into, at) => { into[at] = row.communications_responded ?? NaN; },
  communication_response_rate: (row, into, at) => { into[at] = row.communication_response_rate ?? NaN; },
  mdf_allocated_t12m: (row, into, at) => { into[at] = row.mdf_allocated_t12m ?? NaN; },
  mdf_claimed_t12m: (row, into, at) => { into[at] = row.mdf_claimed_t12m ?? NaN; },
  mdf_utilization: (row, into, at) => { into[at] = row.mdf_utilization ?? NaN; },
  has_active_business_plan: (row, into, at) => { into[at] = row.has_active_business_plan ?? NaN; },
  onboarding_milestones_completed: (row, into, at) => { into[at] = row.onboarding_milestones_completed ?? NaN; },
  onboarding_milestones_required: (row, into, at) => { into[at] = row.onboarding_milestones_required ?? NaN; },
  onboarding_completion_rate: (row, into, at) => { into[at] = row.onboarding_completion_rate ?? NaN; },
  days_since_last_commercial_activity: (row, into, at) => { into[at] = row.days_since_last_commercial_activity ?? NaN; },
};

/** One accessor per partner attribute that rows are grouped by (peer groups, program findings), for the same reason. */
export const attributeReaders: { readonly [attribute in PeerAttribute]: (row: PartnerPeriodMetrics) => string } = {
  partner_type: (row) => row.partner_type,
  tier: (row) => row.tier,
  region: (row) => row.region,
  country: (row) => row.country,
  status: (row) => row.status,
};
