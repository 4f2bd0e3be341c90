/**
 * A synthetic warehouse at benchmark scale, written straight into the marts and scores
 * tables with set-based SQL (the load and model pipeline has its own benchmark): every
 * partner has a month row for each month and a quarter row per quarter, one attribute
 * change for a tenth of them, deal registrations, revenue lines and events for the last
 * quarter, and scores for the last three months. Values are deterministic hashes.
 */
import { addMonths } from '@ppm/core';
import { loadProject, runModels, type Warehouse } from '@ppm/warehouse';

/** A number in [0, 1) from a text: the same on every run. */
const unit = (text: string) => `(abs(hashtext(${text})) % 100000) / 100000.0`;

export interface SyntheticOptions {
  readonly partners: number;
  readonly months: number;
  /** Last month, YYYY-MM. */
  readonly end: string;
}

const partnersCte = (partners: number) => `
  partners as (
    select
      'P' || lpad(n::text, 7, '0') as partner_id,
      'Partner ' || n as partner_name,
      (array['reseller', 'var', 'msp', 'system_integrator', 'distributor', 'referral', 'isv'])[1 + n % 7] as partner_type,
      (array['registered', 'silver', 'gold', 'platinum'])[1 + (n / 7) % 4] as tier,
      (array['NA', 'EMEA', 'APAC', 'LATAM'])[1 + (n / 28) % 4] as region,
      (array['US', 'DE', 'JP', 'BR'])[1 + (n / 28) % 4] as country,
      'cam' || (n % 200) || '@vendor.example' as channel_account_manager,
      1000 + (n % 97) * 400 as size
    from generate_series(1, ${partners}) as n
  )`;

function monthRows(options: SyntheticOptions, start: string): string {
  return `
    with ${partnersCte(options.partners)},
    months as (
      select (date '${start}-01' + make_interval(months => m))::date as period_start
      from generate_series(0, ${options.months - 1}) as m
    ),
    base as (
      select p.*, m.period_start, (m.period_start + interval '1 month' - interval '1 day')::date as period_end,
        ${unit("p.partner_id || m.period_start")} as r
      from partners as p cross join months as m
    )
    insert into marts.partner_period_metrics (
      period_grain, partner_id, partner_name, period_start, period_end, partner_type, tier, region, country, status,
      channel_account_manager, onboarded_at, months_since_onboarding, revenue, target, revenue_prior_period,
      revenue_same_period_last_year, trailing_12m_revenue, program_revenue, registrations_submitted, registrations_approved,
      registrations_rejected, registrations_won, registrations_lost, won_amount, open_pipeline, forward_target,
      cohort_registrations_won, cohort_registrations_closed, required_trainings_assigned, required_trainings_completed,
      certified_people, advanced_certified_people, learning_path_courses_assigned, learning_path_courses_completed,
      active_portal_days, engagement_events, communications_sent, communications_responded, mdf_allocated_t12m,
      mdf_claimed_t12m, has_active_business_plan, onboarding_milestones_completed, onboarding_milestones_required,
      attainment, last_commercial_activity_at, days_since_last_commercial_activity, updated_at)
    select 'month', partner_id, partner_name, period_start, period_end, partner_type, tier, region, country, 'active',
      channel_account_manager, date '${start}-01' - 400, 13 + (period_start - date '${start}-01') / 30,
      round((size * (0.5 + r))::numeric, 2), size, round((size * 0.9)::numeric, 2), round((size * 0.8)::numeric, 2), size * 12, 0,
      (r * 6)::int, (r * 5)::int, (r * 1.5)::int, (r * 3)::int, (r * 2)::int, round((size * r * 3)::numeric, 2),
      round((size * 3 * r)::numeric, 2), size * 3, (r * 3)::int, (r * 5)::int, 4, (r * 4)::int, (r * 9)::int, (r * 4)::int,
      3, (r * 3)::int, (r * 20)::int, (r * 40)::int, 6, (r * 6)::int, size, round((size * r)::numeric, 2), (r > 0.4)::int,
      (r * 4)::int, 4, (0.5 + r), period_end - (r * 120)::int, (r * 120)::int, now()
    from base`;
}

/** Quarter rows: flows summed over the quarter, stocks from its last month. */
const quarterFlows = ['revenue', 'target', 'revenue_prior_period', 'revenue_same_period_last_year', 'registrations_submitted', 'registrations_approved',
  'registrations_rejected', 'registrations_won', 'registrations_lost', 'won_amount', 'cohort_registrations_won', 'cohort_registrations_closed',
  'active_portal_days', 'engagement_events', 'communications_sent', 'communications_responded'];
const quarterStocks = ['partner_name', 'period_end', 'partner_type', 'tier', 'region', 'country', 'status', 'channel_account_manager', 'onboarded_at',
  'months_since_onboarding', 'trailing_12m_revenue', 'open_pipeline', 'forward_target', 'required_trainings_assigned', 'required_trainings_completed',
  'certified_people', 'advanced_certified_people', 'learning_path_courses_assigned', 'learning_path_courses_completed', 'mdf_allocated_t12m',
  'mdf_claimed_t12m', 'onboarding_milestones_completed', 'onboarding_milestones_required', 'last_commercial_activity_at',
  'days_since_last_commercial_activity'];
const quarterRows = `
  insert into marts.partner_period_metrics (period_grain, partner_id, period_start, has_active_business_plan, attainment, program_revenue, updated_at,
    ${quarterFlows.join(', ')}, ${quarterStocks.join(', ')})
  select 'quarter', q.partner_id, q.quarter_start, q.has_active_business_plan, q.revenue / nullif(q.target, 0), 0, now(),
    ${quarterFlows.map((column) => `q.${column}`).join(', ')}, ${quarterStocks.map((column) => `l.${column}`).join(', ')}
  from (
    select partner_id, date_trunc('quarter', period_start)::date as quarter_start, max(period_start) as last_month,
      max(has_active_business_plan) as has_active_business_plan, ${quarterFlows.map((column) => `sum(${column}) as ${column}`).join(', ')}
    from marts.partner_period_metrics where period_grain = 'month'
    group by 1, 2
  ) as q
  join marts.partner_period_metrics as l on l.partner_id = q.partner_id and l.period_grain = 'month' and l.period_start = q.last_month`;

function factsAndScores(options: SyntheticOptions, start: string): string[] {
  const lastQuarter = addMonths(options.end, -2);
  const scored = addMonths(options.end, -2);
  const recent = `select * from marts.partner_period_metrics where period_grain = 'month' and period_start >= date '${scored}-01'`;
  return [
    `update marts.partner_period_metrics as m set program_revenue = t.total
     from (select period_grain, period_start, sum(revenue) as total from marts.partner_period_metrics group by 1, 2) as t
     where m.period_grain = t.period_grain and m.period_start = t.period_start`,
    `insert into marts.partners (partner_id, partner_name, partner_type, tier, region, country, status, onboarded_at, channel_account_manager, current_since, first_seen_at, attribute_versions, updated_at)
     select partner_id, partner_name, partner_type, tier, region, country, status, onboarded_at, channel_account_manager, date '${start}-01', date '${start}-01', 1, now()
     from marts.partner_period_metrics where period_grain = 'month' and period_start = date '${options.end}-01'`,
    `insert into marts.partner_history (partner_id, valid_from, valid_to, effective_from, effective_to, is_current, partner_name, partner_type, tier, region, country, status, onboarded_at, channel_account_manager, updated_at)
     select partner_id, date '${start}-01', changed, date '1900-01-01', coalesce(changed, date '9999-12-31'), changed is null, partner_name, partner_type, tier, region, country, status, onboarded_at, channel_account_manager, now()
     from (select *, case when right(partner_id, 1) = '7' then date '${addMonths(options.end, -6)}-15' end as changed from marts.partners) as p
     union all
     select partner_id, date '${addMonths(options.end, -6)}-15', null::date, date '${addMonths(options.end, -6)}-15', date '9999-12-31', true, partner_name, partner_type,
       case tier when 'registered' then 'silver' when 'silver' then 'gold' else 'platinum' end, region, country, status, onboarded_at, channel_account_manager, now()
     from marts.partners where right(partner_id, 1) = '7'`,
    `insert into marts.deal_registrations (deal_id, partner_id, registered_at, registered_month, status, approved_at, closed_at, closed_month, deal_amount, is_approved, is_rejected, is_won, is_lost, updated_at, days_to_close)
     select d.partner_id || '-' || d.period_start || '-' || k, d.partner_id, d.period_start + k, d.period_start, case when k % 3 = 0 then 'lost' else 'won' end,
       d.period_start + k, d.period_start + k + 20 + (k * 7) % 60, date_trunc('month', d.period_start + k + 20 + (k * 7) % 60)::date,
       1000 * k, true, false, k % 3 <> 0, k % 3 = 0, now(), 20 + (k * 7) % 60
     from marts.partner_period_metrics as d cross join generate_series(1, 1) as k
     where d.period_grain = 'month'`,
    `insert into marts.revenue_lines (line_id, partner_id, booked_at, booked_month, revenue, amount_original, currency_original, product, deal_id, updated_at)
     select partner_id || '-' || period_start || '-' || k, partner_id, period_start + k * 9, period_start, round(revenue / 3, 2), round(revenue / 3, 2), 'USD', 'suite', null, now()
     from marts.partner_period_metrics cross join generate_series(0, 2) as k
     where period_grain = 'month' and period_start >= date '${lastQuarter}-01'`,
    `insert into marts.engagement_events (event_id, partner_id, occurred_at, occurred_on, kind, event_count, updated_at)
     select partner_id || '-' || period_start || '-' || k, partner_id, (period_start + k * 5)::timestamptz, period_start + k * 5,
       (array['portal_login', 'content_download', 'communication_sent', 'communication_response'])[1 + k], 1 + k, now()
     from marts.partner_period_metrics cross join generate_series(0, 3) as k
     where period_grain = 'month' and period_start >= date '${lastQuarter}-01'`,
    `insert into scores.health_scores (partner_id, period_start, config_version, health_score, grade, trend_periods, peer_group, explanation)
     select partner_id, period_start, 'bench', s, case when s >= 80 then 'A' when s >= 65 then 'B' when s >= 50 then 'C' when s >= 35 then 'D' else 'E' end, 6, 'program', '{}'
     from (select *, least(100, (attainment * 60)::int) as s from (${recent}) as r) as x`,
    `insert into scores.segments (partner_id, period_start, config_version, segment, rule, reason, evidence)
     select partner_id, period_start, 'bench', case when attainment >= 1.1 then 'grow' when attainment < 0.8 then 'intervene' else 'maintain' end, 'rule', 'bench', '{}' from (${recent}) as r`,
    `insert into scores.tier_recommendations (partner_id, period_start, config_version, current_tier, recommended_tier, action, tenure_periods, qualifying_periods, reason, criteria)
     select partner_id, period_start, 'bench', tier, tier, 'retain', 6, 3, 'bench', '[]' from (${recent}) as r`,
    `insert into scores.alerts (alert_id, partner_id, period_start, config_version, kind, direction, severity, owner, message, evidence)
     select 'alt_' || md5(partner_id || period_start), partner_id, period_start, 'bench', 'attainment_below_target', 'down',
       case when attainment < 0.6 then 'critical' else 'warning' end, channel_account_manager, 'below target', '{}'
     from (${recent}) as r where attainment < 0.8`,
  ];
}

/** Creates the marts (empty, through the model runner) and fills them; returns the row count of partner_period_metrics. */
export async function fillSyntheticWarehouse(db: Warehouse, options: SyntheticOptions): Promise<number> {
  await runModels(db, await loadProject());
  const start = addMonths(options.end, -(options.months - 1));
  await db.raw('truncate marts.partner_period_metrics, marts.partners, marts.partner_history, marts.deal_registrations, marts.revenue_lines, marts.engagement_events');
  await db.raw(monthRows(options, start));
  await db.raw(quarterRows);
  for (const statement of factsAndScores(options, start)) await db.raw(statement);
  await db.raw('analyze');
  const result = await db.raw<{ rows: { n: string }[] }>('select count(*) as n from marts.partner_period_metrics');
  return Number(result.rows[0]?.n);
}
