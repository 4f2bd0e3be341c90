import { metricNames, type MetricName, type PartnerPeriodMetrics } from '@ppm/core';
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

/** Reads the metrics of every row into a column-major block: metric m of row r at m * rows.length + r, NaN for null. */
export type ColumnsReader = (rows: readonly PartnerPeriodMetrics[], into: Float64Array) => void;

/**
 * A reader of the given metrics over whole periods, compiled into one function: each metric a
 * plain property load, every metric of a row read while the row is in the cache. Calling one
 * accessor per metric (an indirect call each, 15 per row in the default plan) cost 8% of
 * scoring the health of a million rows. The names are checked against the metric list before
 * they become code.
 */
export function compileColumnsReader(metrics: readonly MetricName[]): ColumnsReader {
  const known = new Set<string>(metricNames);
  for (const metric of metrics) if (!known.has(metric)) throw new Error(`not a metric: ${JSON.stringify(metric)}`);
  const copies = metrics.map((metric, index) => `into[${index} * size + row] = source.${metric} ?? NaN;`).join('\n');
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- code made from checked metric names only (see above)
  return new Function('rows', 'into', `const size = rows.length;\nfor (let row = 0; row < size; row++) {\nconst source = rows[row];\n${copies}\n}`) as ColumnsReader;
}

/** One accessor per partner attribute that rows are grouped by (peer groups, program findings), for the same reason. */
export const attributeReaders: { readonly [attribute in PeerAttribute]: (row: PartnerPeriodMetrics) => string } = {
  partner_type: (row) => row.partner_type,
  tier: (row) => row.tier,
  region: (row) => row.region,
  country: (row) => row.country,
  status: (row) => row.status,
};
