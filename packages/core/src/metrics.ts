/**
 * The metrics catalog: every metric of docs/metrics.md with its group, unit and how it
 * aggregates. SQL models, scoring, Cube and the docs use these exact names.
 */
export type MetricGroup = 'revenue' | 'pipeline' | 'enablement' | 'engagement' | 'activity';
export type MetricUnit = 'currency' | 'percent' | 'count' | 'days' | 'ratio' | 'flag';

/**
 * How a metric combines across partners or periods:
 * - sum: add the values;
 * - ratio: a ratio of two summed metrics (never an average of ratios);
 * - growth: sum(current) / sum(prior) - 1;
 * - median: recomputed from the underlying rows of the group;
 * - max / min: the extreme value;
 * - snapshot: the value at the end of the period (point-in-time stock).
 */
export type Aggregation =
  | { readonly kind: 'sum' }
  | { readonly kind: 'ratio'; readonly numerator: MetricName; readonly denominator: MetricName }
  | { readonly kind: 'growth'; readonly current: MetricName; readonly prior: MetricName }
  | { readonly kind: 'median' }
  | { readonly kind: 'max' }
  | { readonly kind: 'min' }
  | { readonly kind: 'snapshot' };

export interface MetricDefinition {
  readonly name: MetricName;
  readonly group: MetricGroup;
  readonly title: string;
  readonly unit: MetricUnit;
  /** True when a higher value is better for the partner's health. */
  readonly higherIsBetter: boolean | null;
  readonly aggregation: Aggregation;
  readonly description: string;
}

export const metricNames = [
  'revenue',
  'target',
  'attainment',
  'revenue_prior_period',
  'revenue_growth',
  'revenue_same_period_last_year',
  'revenue_growth_yoy',
  'trailing_12m_revenue',
  'program_revenue',
  'revenue_share',
  'registrations_submitted',
  'registrations_approved',
  'registrations_rejected',
  'registrations_won',
  'registrations_lost',
  'registration_approval_rate',
  'won_amount',
  'average_deal_value',
  'open_pipeline',
  'forward_target',
  'pipeline_coverage',
  'cohort_registrations_won',
  'cohort_registrations_closed',
  'registration_conversion_rate',
  'registration_velocity_days',
  'required_trainings_assigned',
  'required_trainings_completed',
  'required_training_completion_rate',
  'certified_people',
  'advanced_certified_people',
  'certification_depth',
  'learning_path_courses_assigned',
  'learning_path_courses_completed',
  'learning_path_progress',
  'active_portal_days',
  'engagement_events',
  'communications_sent',
  'communications_responded',
  'communication_response_rate',
  'mdf_allocated_t12m',
  'mdf_claimed_t12m',
  'mdf_utilization',
  'has_active_business_plan',
  'onboarding_milestones_completed',
  'onboarding_milestones_required',
  'onboarding_completion_rate',
  'days_since_last_commercial_activity',
] as const;

export type MetricName = (typeof metricNames)[number];

export type PeriodGrain = 'month' | 'quarter';

/**
 * One row of the `partner_period_metrics` mart: a partner in a period, with its
 * attributes as they were at the end of that period. Missing values are null
 * (e.g. attainment when there is no target).
 */
export type PartnerPeriodMetrics = {
  readonly partner_id: string;
  readonly partner_name: string;
  /** First day of the period, ISO date (YYYY-MM-DD). */
  readonly period_start: string;
  readonly period_grain: PeriodGrain;
  readonly partner_type: string;
  readonly tier: string;
  readonly region: string;
  readonly country: string;
  readonly status: string;
  readonly channel_account_manager: string | null;
  /** ISO date. */
  readonly onboarded_at: string;
  /** Whole months from onboarding to the end of the period. */
  readonly months_since_onboarding: number;
} & { readonly [name in MetricName]: number | null };
