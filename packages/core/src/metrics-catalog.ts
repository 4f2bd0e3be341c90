import type { Aggregation, MetricDefinition, MetricGroup, MetricName, MetricUnit } from './metrics.js';

const sum: Aggregation = { kind: 'sum' };
const snapshot: Aggregation = { kind: 'snapshot' };
const ratio = (numerator: MetricName, denominator: MetricName): Aggregation => ({ kind: 'ratio', numerator, denominator });
const growth = (current: MetricName, prior: MetricName): Aggregation => ({ kind: 'growth', current, prior });

type Row = [MetricName, MetricGroup, string, MetricUnit, boolean | null, Aggregation, string];

const rows: Row[] = [
  ['revenue', 'revenue', 'Revenue', 'currency', true, sum, 'Revenue booked in the period, in the reporting currency (credit notes subtract).'],
  ['target', 'revenue', 'Target', 'currency', null, sum, 'Revenue target for the period; quarterly and yearly targets are spread evenly over their months.'],
  ['attainment', 'revenue', 'Attainment', 'percent', true, ratio('revenue', 'target'), 'revenue / target. Null when the target is missing or zero.'],
  ['revenue_prior_period', 'revenue', 'Revenue, prior period', 'currency', null, sum, 'Revenue of the previous period of the same grain.'],
  ['revenue_growth', 'revenue', 'Revenue growth', 'percent', true, growth('revenue', 'revenue_prior_period'), '(revenue - revenue_prior_period) / revenue_prior_period. Null when the prior period had no positive revenue.'],
  ['revenue_same_period_last_year', 'revenue', 'Revenue, same period last year', 'currency', null, sum, 'Revenue of the same period one year earlier.'],
  ['revenue_growth_yoy', 'revenue', 'Revenue growth year over year', 'percent', true, growth('revenue', 'revenue_same_period_last_year'), '(revenue - revenue_same_period_last_year) / revenue_same_period_last_year. Null when that revenue is not positive.'],
  ['trailing_12m_revenue', 'revenue', 'Trailing 12-month revenue', 'currency', true, snapshot, 'Revenue of the 12 months ending with the period.'],
  ['program_revenue', 'revenue', 'Program revenue', 'currency', null, { kind: 'max' }, 'Revenue of the whole program in the period (the denominator of revenue_share); the same on every row of a period.'],
  ['revenue_share', 'revenue', 'Share of channel revenue', 'percent', true, ratio('revenue', 'program_revenue'), 'revenue / program_revenue: the partner\'s contribution to total channel revenue.'],
  ['registrations_submitted', 'pipeline', 'Registrations submitted', 'count', true, sum, 'Deal registrations registered in the period.'],
  ['registrations_approved', 'pipeline', 'Registrations approved', 'count', true, sum, 'Registrations submitted in the period that were approved (status approved, won or lost, or an approval date).'],
  ['registrations_rejected', 'pipeline', 'Registrations rejected', 'count', false, sum, 'Registrations submitted in the period that were rejected.'],
  ['registrations_won', 'pipeline', 'Registrations won', 'count', true, sum, 'Registrations closed as won in the period (by closed_at).'],
  ['registrations_lost', 'pipeline', 'Registrations lost', 'count', false, sum, 'Registrations closed as lost in the period (by closed_at).'],
  ['registration_approval_rate', 'pipeline', 'Registration approval rate', 'percent', true, ratio('registrations_approved', 'registrations_submitted'), 'registrations_approved / registrations_submitted, for the registrations submitted in the period.'],
  ['won_amount', 'pipeline', 'Won deal value', 'currency', true, sum, 'Value of registrations won in the period.'],
  ['average_deal_value', 'pipeline', 'Average deal value (won)', 'currency', true, ratio('won_amount', 'registrations_won'), 'won_amount / registrations_won.'],
  ['open_pipeline', 'pipeline', 'Open pipeline', 'currency', true, snapshot, 'Value of open opportunities in the latest pipeline snapshot on or before the period end (snapshots older than 45 days are stale and ignored).'],
  ['forward_target', 'pipeline', 'Forward target', 'currency', null, sum, 'Target of the three months after the period: the target the open pipeline has to cover.'],
  ['pipeline_coverage', 'pipeline', 'Pipeline coverage', 'ratio', true, ratio('open_pipeline', 'forward_target'), 'open_pipeline / forward_target. Null when there is no forward target.'],
  ['cohort_registrations_won', 'pipeline', 'Cohort registrations won', 'count', true, sum, 'Registrations submitted in the period that are won (so far).'],
  ['cohort_registrations_closed', 'pipeline', 'Cohort registrations closed', 'count', null, sum, 'Registrations submitted in the period that are won or lost (so far).'],
  ['registration_conversion_rate', 'pipeline', 'Registration-to-close conversion', 'percent', true, ratio('cohort_registrations_won', 'cohort_registrations_closed'), 'cohort_registrations_won / cohort_registrations_closed: won / closed for the registration cohort of the period.'],
  ['registration_velocity_days', 'pipeline', 'Registration velocity (days)', 'days', false, { kind: 'median' }, 'Median days from registration to close of the registrations won in the period.'],
  ['required_trainings_assigned', 'enablement', 'Required trainings assigned', 'count', null, sum, 'Required course assignments made on or before the period end.'],
  ['required_trainings_completed', 'enablement', 'Required trainings completed', 'count', true, sum, 'Required course assignments completed on or before the period end.'],
  ['required_training_completion_rate', 'enablement', 'Required training completion', 'percent', true, ratio('required_trainings_completed', 'required_trainings_assigned'), 'required_trainings_completed / required_trainings_assigned, as of the period end.'],
  ['certified_people', 'enablement', 'Certified people', 'count', true, sum, 'Distinct people holding at least one certification valid at the period end.'],
  ['advanced_certified_people', 'enablement', 'Advanced certified people', 'count', true, sum, 'Distinct people holding a valid professional or expert certification at the period end.'],
  ['certification_depth', 'enablement', 'Certification depth', 'percent', true, ratio('advanced_certified_people', 'certified_people'), 'advanced_certified_people / certified_people.'],
  ['learning_path_courses_assigned', 'enablement', 'Learning-path courses assigned', 'count', null, sum, 'Course assignments that belong to a learning path, as of the period end.'],
  ['learning_path_courses_completed', 'enablement', 'Learning-path courses completed', 'count', true, sum, 'Of those, the ones completed by the period end.'],
  ['learning_path_progress', 'enablement', 'Learning-path advancement', 'percent', true, ratio('learning_path_courses_completed', 'learning_path_courses_assigned'), 'learning_path_courses_completed / learning_path_courses_assigned.'],
  ['active_portal_days', 'engagement', 'Active portal days', 'days', true, sum, 'Distinct days in the period with at least one portal login.'],
  ['engagement_events', 'engagement', 'Engagement events', 'count', true, sum, 'All engagement events in the period (sum of count).'],
  ['communications_sent', 'engagement', 'Communications sent', 'count', null, sum, 'Program communications sent to the partner in the period.'],
  ['communications_responded', 'engagement', 'Communication responses', 'count', true, sum, 'Partner responses to program communications in the period.'],
  ['communication_response_rate', 'engagement', 'Communication response rate', 'percent', true, ratio('communications_responded', 'communications_sent'), 'communications_responded / communications_sent.'],
  ['mdf_allocated_t12m', 'engagement', 'MDF allocated (12 months)', 'currency', null, sum, 'MDF allocated to funds whose period starts in the 12 months ending with the period.'],
  ['mdf_claimed_t12m', 'engagement', 'MDF claimed (12 months)', 'currency', true, sum, 'MDF claimed against those funds.'],
  ['mdf_utilization', 'engagement', 'MDF utilization', 'percent', true, ratio('mdf_claimed_t12m', 'mdf_allocated_t12m'), 'mdf_claimed_t12m / mdf_allocated_t12m.'],
  ['has_active_business_plan', 'engagement', 'Joint business plan participation', 'flag', true, sum, '1 when an active or completed joint business plan covers the period, else 0; summed it counts partners with a plan.'],
  ['onboarding_milestones_completed', 'engagement', 'Onboarding milestones completed', 'count', true, sum, 'Configured onboarding milestones completed by the period end.'],
  ['onboarding_milestones_required', 'engagement', 'Onboarding milestones required', 'count', null, sum, 'Number of configured onboarding milestones.'],
  ['onboarding_completion_rate', 'engagement', 'Onboarding completion', 'percent', true, ratio('onboarding_milestones_completed', 'onboarding_milestones_required'), 'onboarding_milestones_completed / onboarding_milestones_required.'],
  ['days_since_last_commercial_activity', 'activity', 'Days since last commercial activity', 'days', false, { kind: 'median' }, 'Days from the latest positive revenue line or deal registration on or before the period end to the period end; from onboarded_at when there was none.'],
];

export const metricsCatalog: readonly MetricDefinition[] = rows.map(
  ([name, group, title, unit, higherIsBetter, aggregation, description]) => ({
    name,
    group,
    title,
    unit,
    higherIsBetter,
    aggregation,
    description,
  }),
);

export function metricDefinition(name: MetricName): MetricDefinition {
  const found = metricsCatalog.find((metric) => metric.name === name);
  if (!found) throw new Error(`Unknown metric "${name}"`);
  return found;
}
