/**
 * The BI query catalog: the reports program leaders build most, as Cube REST queries on
 * the public views. The end-to-end tests compare each with an independent SQL query on the
 * warehouse, the benchmark times them, and `rollup` names the pre-aggregation that must
 * serve the query (null when none can, e.g. medians).
 */
import { addMonths } from '@ppm/core';

export interface CatalogQuery {
  readonly name: string;
  readonly description: string;
  /** A Cube REST query (the `query` of /cubejs-api/v1/load). */
  readonly query: Record<string, unknown>;
  readonly rollup: string | null;
}

const groups = 'partner_period_metrics.by_group_month';
const partners = 'partner_period_metrics.by_partner_month';

/** First and last day of a YYYY-MM month. */
const monthRange = (month: string): [string, string] => {
  const [year, number] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, number, 0)).getUTCDate();
  return [`${month}-01`, `${month}-${String(last).padStart(2, '0')}`];
};

/** The calendar quarter holding a YYYY-MM month, as a date range. */
const quarterRange = (month: string): [string, string] => {
  const [year, number] = month.split('-').map(Number) as [number, number];
  const first = number - ((number - 1) % 3);
  return [monthRange(`${year}-${String(first).padStart(2, '0')}`)[0], monthRange(`${year}-${String(first + 2).padStart(2, '0')}`)[1]];
};

/**
 * The catalog for data whose last complete month is `end` (YYYY-MM): "latest" reports
 * read that month or its quarter; trends read the year before it.
 */
export function queryCatalog(end: string): readonly CatalogQuery[] {
  const latest = monthRange(end);
  const quarter = quarterRange(end);
  const previousQuarter = quarterRange(addMonths(end, -3));
  const lastYear: [string, string] = [monthRange(addMonths(end, -11))[0], latest[1]];
  const period = (view: string, granularity: string, dateRange: [string, string]) => [{ dimension: `${view}.period`, granularity, dateRange }];
  return [
    {
      name: 'revenue_attainment_by_tier_quarter',
      description: 'Revenue, target and attainment by tier and quarter over the last year',
      query: { measures: ['program_performance.revenue', 'program_performance.target', 'program_performance.attainment'], dimensions: ['program_performance.tier'], timeDimensions: period('program_performance', 'quarter', lastYear) },
      rollup: groups,
    },
    {
      name: 'revenue_attainment_by_tier_region',
      description: 'Revenue and attainment by tier and region in the latest quarter',
      query: { measures: ['program_performance.revenue', 'program_performance.attainment'], dimensions: ['program_performance.tier', 'program_performance.region'], timeDimensions: period('program_performance', 'quarter', quarter) },
      rollup: groups,
    },
    {
      name: 'revenue_attainment_by_type_month',
      description: 'Revenue and attainment by partner type and month over the last year',
      query: { measures: ['program_performance.revenue', 'program_performance.attainment'], dimensions: ['program_performance.partner_type'], timeDimensions: period('program_performance', 'month', lastYear) },
      rollup: groups,
    },
    {
      name: 'revenue_by_region_fiscal_quarter',
      description: 'Revenue and attainment by region and fiscal quarter (month rows)',
      query: { measures: ['program_performance.revenue', 'program_performance.attainment'], dimensions: ['program_performance.region', 'program_performance.fiscal_quarter'], timeDimensions: [{ dimension: 'program_performance.period', dateRange: lastYear }] },
      rollup: groups,
    },
    {
      name: 'program_totals_by_month',
      description: 'Program revenue, target, attainment, partners and active partners by month',
      query: { measures: ['program_performance.revenue', 'program_performance.target', 'program_performance.attainment', 'program_performance.partner_count', 'program_performance.active_partner_count'], timeDimensions: period('program_performance', 'month', lastYear) },
      rollup: groups,
    },
    {
      name: 'revenue_growth_yoy_by_region',
      description: 'Revenue and year-over-year growth by region and quarter',
      query: { measures: ['program_performance.revenue', 'program_performance.revenue_same_period_last_year', 'program_performance.revenue_growth_yoy'], dimensions: ['program_performance.region'], timeDimensions: period('program_performance', 'quarter', lastYear) },
      rollup: groups,
    },
    {
      name: 'top_partners_by_revenue',
      description: 'Top 10 partners by revenue in the latest quarter, with attainment and tier',
      query: {
        measures: ['partner_performance.revenue', 'partner_performance.attainment'],
        dimensions: ['partner_performance.partner_id', 'partner_performance.partner_name', 'partner_performance.tier'],
        filters: [{ member: 'partner_performance.period_grain', operator: 'equals', values: ['quarter'] }],
        timeDimensions: [{ dimension: 'partner_performance.period', dateRange: quarter }],
        order: [['partner_performance.revenue', 'desc'], ['partner_performance.partner_id', 'asc']],
        limit: 10,
      },
      rollup: partners,
    },
    {
      name: 'pipeline_coverage_by_region',
      description: 'Open pipeline, forward target and pipeline coverage by region at the end of the latest month',
      query: { measures: ['pipeline.open_pipeline', 'pipeline.forward_target', 'pipeline.pipeline_coverage'], dimensions: ['pipeline.region'], timeDimensions: period('pipeline', 'month', latest) },
      rollup: groups,
    },
    {
      name: 'conversion_by_type_quarter',
      description: 'Registration cohorts won / closed and conversion by partner type and quarter',
      query: { measures: ['pipeline.cohort_registrations_won', 'pipeline.cohort_registrations_closed', 'pipeline.registration_conversion_rate'], dimensions: ['pipeline.partner_type'], timeDimensions: period('pipeline', 'quarter', [previousQuarter[0], quarter[1]]) },
      rollup: groups,
    },
    {
      name: 'velocity_by_type_quarter',
      description: 'Median days from registration to won by partner type and quarter (recomputed over the deals)',
      query: { measures: ['pipeline.registrations_won', 'pipeline.registration_velocity_days'], dimensions: ['pipeline.partner_type'], timeDimensions: period('pipeline', 'quarter', [previousQuarter[0], quarter[1]]) },
      rollup: null,
    },
    {
      name: 'enablement_vs_attainment_by_tier',
      description: 'Required training completion, certified people and attainment by tier at the end of the latest month',
      query: { measures: ['enablement.required_training_completion_rate', 'enablement.certified_people', 'enablement.certification_depth', 'enablement.attainment'], dimensions: ['enablement.tier'], timeDimensions: period('enablement', 'month', latest) },
      rollup: groups,
    },
    {
      name: 'engagement_by_region',
      description: 'Portal days, communication response, MDF utilization and business plan participation by region in the latest month',
      query: { measures: ['engagement.active_portal_days', 'engagement.communication_response_rate', 'engagement.mdf_utilization', 'engagement.business_plan_participation'], dimensions: ['engagement.region'], timeDimensions: period('engagement', 'month', latest) },
      rollup: groups,
    },
    {
      name: 'dormancy_by_region',
      description: 'Dormant partners and the median days since the last commercial activity by region in the latest month',
      query: { measures: ['engagement.dormant_partner_count', 'engagement.days_since_last_commercial_activity'], dimensions: ['engagement.region'], timeDimensions: period('engagement', 'month', latest) },
      rollup: null,
    },
    {
      name: 'above_target_partners_by_tier',
      description: 'Partners at or above target by tier in the latest quarter (segment above_target)',
      query: { measures: ['program_performance.partner_count'], dimensions: ['program_performance.tier'], segments: ['program_performance.above_target'], timeDimensions: period('program_performance', 'quarter', quarter) },
      rollup: null,
    },
    {
      name: 'health_distribution',
      description: 'Scored partners and average health score by grade in the latest month',
      query: { measures: ['partner_health.scored_partners', 'partner_health.average_health_score'], dimensions: ['partner_health.grade'], timeDimensions: [{ dimension: 'partner_health.period', dateRange: latest }] },
      rollup: null,
    },
    {
      name: 'segment_counts_by_region',
      description: 'Partners per scoring segment and region in the latest month',
      query: { measures: ['partner_health.scored_partners'], dimensions: ['partner_health.segment', 'partner_health.region'], timeDimensions: [{ dimension: 'partner_health.period', dateRange: latest }] },
      rollup: null,
    },
    {
      name: 'tier_recommendations',
      description: 'Recommended tier migration: partners by current tier and recommended tier in the latest month',
      query: { measures: ['partner_health.scored_partners'], dimensions: ['partner_health.tier', 'partner_health.recommended_tier', 'partner_health.tier_action'], timeDimensions: [{ dimension: 'partner_health.period', dateRange: latest }] },
      rollup: null,
    },
    {
      name: 'tier_migration',
      description: 'Tier changes that took effect by previous and new tier over the last year',
      query: { measures: ['partner_health.tier_changes'], dimensions: ['partner_health.previous_tier', 'partner_health.new_tier'], timeDimensions: [{ dimension: 'partner_health.period', dateRange: lastYear }] },
      rollup: null,
    },
    {
      name: 'alerts_by_region_severity',
      description: 'Alerts by region and severity over the latest quarter',
      query: { measures: ['alerts.alert_count', 'alerts.undelivered_alerts'], dimensions: ['alerts.region', 'alerts.severity'], timeDimensions: [{ dimension: 'alerts.period', dateRange: quarter }] },
      rollup: null,
    },
    {
      name: 'weekly_booked_revenue',
      description: 'Booked revenue by week in the latest month (revenue lines)',
      query: { measures: ['partner_performance.booked_revenue'], timeDimensions: [{ dimension: 'partner_performance.booked_at', granularity: 'week', dateRange: latest }] },
      rollup: null,
    },
    {
      name: 'engagement_events_by_kind',
      description: 'Engagement events by kind in the latest quarter (event level)',
      query: { measures: ['engagement.event_count'], dimensions: ['engagement.kind'], timeDimensions: [{ dimension: 'engagement.occurred_at', dateRange: quarter }] },
      rollup: null,
    },
  ];
}
