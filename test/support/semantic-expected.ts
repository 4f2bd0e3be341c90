/**
 * Independent SQL for each query of the BI catalog (@ppm/semantic queryCatalog), written
 * against the marts and scores tables without Cube: where a mart already holds the answer
 * (program_period_metrics) it is read as is, otherwise the SQL follows docs/metrics.md.
 * Columns are named after the Cube members they must equal; `keys` identify a row.
 */
export interface ExpectedQuery {
  readonly keys: readonly string[];
  readonly values: readonly string[];
  readonly sql: string;
}

const program = (groupBy: string, grain: string, from: string, to: string, view: string, granularity: string, dimension: string | null, columns: readonly string[]) => ({
  keys: [...(dimension ? [`${view}.${dimension}`] : []), `${view}.period.${granularity}`],
  values: columns.map((column) => `${view}.${column}`),
  sql: `
    select ${dimension ? `group_value as "${view}.${dimension}",` : ''} period_start as "${view}.period.${granularity}",
      ${columns.map((column) => `${column} as "${view}.${column}"`).join(', ')}
    from marts.program_period_metrics
    where group_by = '${groupBy}' and period_grain = '${grain}' and period_start between '${from}' and '${to}'`,
});

/** Health rows of a month with the partner's month row (and one more scores table joined as x). */
const scored = (month: string, table?: string) => `
  scores.health_scores as h
  join marts.partner_period_metrics as m
    on m.partner_id = h.partner_id and m.period_grain = 'month' and m.period_start = h.period_start
  ${table ? `join ${table} as x on x.partner_id = h.partner_id and x.period_start = h.period_start` : ''}
  where h.period_start = '${month}-01'`;

/** Expected results for the catalog of queryCatalog('2026-09'). */
export const expectedCatalog: Record<string, ExpectedQuery> = {
  revenue_attainment_by_tier_quarter: program('tier', 'quarter', '2025-10-01', '2026-09-30', 'program_performance', 'quarter', 'tier', ['revenue', 'target', 'attainment']),
  revenue_attainment_by_tier_region: {
    keys: ['program_performance.tier', 'program_performance.region', 'program_performance.period.quarter'],
    values: ['program_performance.revenue', 'program_performance.attainment'],
    sql: `
      select tier as "program_performance.tier", region as "program_performance.region", period_start as "program_performance.period.quarter",
        sum(revenue) as "program_performance.revenue", sum(revenue) / nullif(sum(target), 0) as "program_performance.attainment"
      from marts.partner_period_metrics
      where period_grain = 'quarter' and period_start = '2026-07-01'
      group by 1, 2, 3`,
  },
  revenue_attainment_by_type_month: program('partner_type', 'month', '2025-10-01', '2026-09-30', 'program_performance', 'month', 'partner_type', ['revenue', 'attainment']),
  revenue_by_region_fiscal_quarter: {
    keys: ['program_performance.region', 'program_performance.fiscal_quarter'],
    values: ['program_performance.revenue', 'program_performance.attainment'],
    sql: `
      select region as "program_performance.region",
        'FY' || extract(year from period_end)::int || '-Q' || extract(quarter from period_end)::int as "program_performance.fiscal_quarter",
        sum(revenue) as "program_performance.revenue", sum(revenue) / nullif(sum(target), 0) as "program_performance.attainment"
      from marts.partner_period_metrics
      where period_grain = 'month' and period_start between '2025-10-01' and '2026-09-30'
      group by 1, 2`,
  },
  program_totals_by_month: program('program', 'month', '2025-10-01', '2026-09-30', 'program_performance', 'month', null, ['revenue', 'target', 'attainment', 'partner_count', 'active_partner_count']),
  revenue_growth_yoy_by_region: program('region', 'quarter', '2025-10-01', '2026-09-30', 'program_performance', 'quarter', 'region', ['revenue', 'revenue_same_period_last_year', 'revenue_growth_yoy']),
  top_partners_by_revenue: {
    keys: ['partner_performance.partner_id'],
    values: ['partner_performance.revenue', 'partner_performance.attainment'],
    sql: `
      select partner_id as "partner_performance.partner_id", revenue as "partner_performance.revenue", attainment as "partner_performance.attainment"
      from marts.partner_period_metrics
      where period_grain = 'quarter' and period_start = '2026-07-01'
      order by revenue desc, partner_id
      limit 10`,
  },
  pipeline_coverage_by_region: program('region', 'month', '2026-09-01', '2026-09-01', 'pipeline', 'month', 'region', ['open_pipeline', 'forward_target', 'pipeline_coverage']),
  conversion_by_type_quarter: program('partner_type', 'quarter', '2026-04-01', '2026-09-30', 'pipeline', 'quarter', 'partner_type', ['cohort_registrations_won', 'cohort_registrations_closed', 'registration_conversion_rate']),
  velocity_by_type_quarter: program('partner_type', 'quarter', '2026-04-01', '2026-09-30', 'pipeline', 'quarter', 'partner_type', ['registrations_won', 'registration_velocity_days']),
  enablement_vs_attainment_by_tier: program('tier', 'month', '2026-09-01', '2026-09-01', 'enablement', 'month', 'tier', ['required_training_completion_rate', 'certified_people', 'certification_depth', 'attainment']),
  engagement_by_region: program('region', 'month', '2026-09-01', '2026-09-01', 'engagement', 'month', 'region', ['active_portal_days', 'communication_response_rate', 'mdf_utilization', 'business_plan_participation']),
  dormancy_by_region: program('region', 'month', '2026-09-01', '2026-09-01', 'engagement', 'month', 'region', ['dormant_partner_count', 'days_since_last_commercial_activity']),
  above_target_partners_by_tier: {
    keys: ['program_performance.tier', 'program_performance.period.quarter'],
    values: ['program_performance.partner_count'],
    sql: `
      select tier as "program_performance.tier", period_start as "program_performance.period.quarter", count(*) as "program_performance.partner_count"
      from marts.partner_period_metrics
      where period_grain = 'quarter' and period_start = '2026-07-01' and attainment >= 1
      group by 1, 2`,
  },
  health_distribution: {
    keys: ['partner_health.grade'],
    values: ['partner_health.scored_partners', 'partner_health.average_health_score'],
    sql: `select h.grade as "partner_health.grade", count(*) as "partner_health.scored_partners", avg(h.health_score) as "partner_health.average_health_score"
      from ${scored('2026-09')} group by 1`,
  },
  segment_counts_by_region: {
    keys: ['partner_health.segment', 'partner_health.region'],
    values: ['partner_health.scored_partners'],
    sql: `select x.segment as "partner_health.segment", m.region as "partner_health.region", count(*) as "partner_health.scored_partners"
      from ${scored('2026-09', 'scores.segments')} group by 1, 2`,
  },
  tier_recommendations: {
    keys: ['partner_health.tier', 'partner_health.recommended_tier', 'partner_health.tier_action'],
    values: ['partner_health.scored_partners'],
    sql: `select m.tier as "partner_health.tier", x.recommended_tier as "partner_health.recommended_tier", x.action as "partner_health.tier_action",
        count(*) as "partner_health.scored_partners"
      from ${scored('2026-09', 'scores.tier_recommendations')} group by 1, 2, 3`,
  },
  tier_migration: {
    keys: ['partner_health.previous_tier', 'partner_health.new_tier'],
    values: ['partner_health.tier_changes'],
    sql: `
      with versions as (
        select partner_id, valid_from, tier, lag(tier) over (partition by partner_id order by valid_from) as previous_tier
        from marts.partner_history
      )
      select v.previous_tier as "partner_health.previous_tier", v.tier as "partner_health.new_tier",
        count(*) filter (where v.previous_tier is distinct from v.tier and v.previous_tier is not null) as "partner_health.tier_changes"
      from versions as v
      join marts.partner_period_metrics as m
        on m.partner_id = v.partner_id and m.period_grain = 'month' and v.valid_from between m.period_start and m.period_end
      where m.period_start between '2025-10-01' and '2026-09-30'
      group by 1, 2`,
  },
  alerts_by_region_severity: {
    keys: ['alerts.region', 'alerts.severity'],
    values: ['alerts.alert_count', 'alerts.undelivered_alerts'],
    sql: `
      select m.region as "alerts.region", a.severity as "alerts.severity", count(*) as "alerts.alert_count",
        count(*) filter (where a.delivered_at is null) as "alerts.undelivered_alerts"
      from scores.alerts as a
      join marts.partner_period_metrics as m on m.partner_id = a.partner_id and m.period_grain = 'month' and m.period_start = a.period_start
      where a.period_start between '2026-07-01' and '2026-09-30'
      group by 1, 2`,
  },
  weekly_booked_revenue: {
    keys: ['partner_performance.booked_at.week'],
    values: ['partner_performance.booked_revenue'],
    sql: `
      select date_trunc('week', r.booked_at)::date as "partner_performance.booked_at.week", sum(r.revenue) as "partner_performance.booked_revenue"
      from marts.revenue_lines as r
      join marts.partner_period_metrics as m on m.partner_id = r.partner_id and m.period_grain = 'month' and r.booked_at between m.period_start and m.period_end
      where r.booked_at between '2026-09-01' and '2026-09-30'
      group by 1`,
  },
  engagement_events_by_kind: {
    keys: ['engagement.kind'],
    values: ['engagement.event_count'],
    sql: `
      select e.kind as "engagement.kind", sum(e.event_count) as "engagement.event_count"
      from marts.engagement_events as e
      join marts.partner_period_metrics as m on m.partner_id = e.partner_id and m.period_grain = 'month' and e.occurred_on between m.period_start and m.period_end
      where e.occurred_at >= '2026-07-01T00:00:00Z' and e.occurred_at < '2026-10-01T00:00:00Z'
      group by 1`,
  },
};
