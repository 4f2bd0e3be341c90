-- The metrics per partner per month and per quarter (docs/metrics.md). Quarter rows sum
-- the flows of their months, take stocks from the latest month, recompute ratios and medians.
-- window_start: the first month built; an incremental run goes lookback_months back from the latest
-- built, and rebuilds the quarters of the months it builds (from first_quarter on).
-- last_quarter: the quarter of period_end when it is set (else the latest there is).
{%- set window_start = ('(' ~ incremental_max() ~ ' - make_interval(months => ' ~ var('lookback_months') ~ '))') if is_incremental() else "'-infinity'::date" %}
{%- set first_quarter = "date_trunc('quarter', " ~ window_start ~ "::timestamp)" %}
{%- set last_quarter = "date_trunc('quarter', coalesce(nullif('" ~ var('period_end') ~ "', '')::date, 'infinity')::timestamp)" %}
with window_months as (
  select * from {{ ref('periods') }}
  where month_start >= {{ window_start }}
),

window_quarters as (
  select distinct quarter_start from window_months
),

-- Every month built in the window's quarters (also one after period_end that an earlier run
-- built), bounded by constants: the planner reads only those and estimates them from the
-- indexes even before the new month is in the table's statistics.
months as (
  select m.* from {{ ref('partner_month_metrics') }} as m
  where m.quarter_start >= {{ first_quarter }} and m.quarter_start <= {{ last_quarter }}
),

past_quarters as (
  select quarter_start - interval '3 months' as quarter_start from window_quarters
  union
  select quarter_start - interval '12 months' from window_quarters
),

-- Revenue of the quarters growth compares with: narrow, so the wide month rows are read only for the window.
past_revenue as (
  select m.partner_id, m.quarter_start, sum(m.revenue) as revenue
  from {{ ref('partner_month_metrics') }} as m
  join past_quarters as p using (quarter_start)
  group by 1, 2
),

quarter_flows as (
  select
    partner_id, quarter_start,
    sum(revenue) as revenue,
    sum(registrations_submitted) as registrations_submitted, sum(registrations_approved) as registrations_approved,
    sum(registrations_rejected) as registrations_rejected, sum(registrations_won) as registrations_won,
    sum(registrations_lost) as registrations_lost, sum(won_amount) as won_amount,
    sum(cohort_registrations_won) as cohort_registrations_won, sum(cohort_registrations_closed) as cohort_registrations_closed,
    sum(active_portal_days) as active_portal_days, sum(engagement_events) as engagement_events,
    sum(communications_sent) as communications_sent, sum(communications_responded) as communications_responded,
    max(has_active_business_plan) as has_active_business_plan,
    max(period_start) as last_month
  from months
  group by 1, 2
),

-- The targets of all three months, also those before a partner's onboarding month: a target
-- is not prorated for a partner onboarded mid-period.
quarter_targets as (
  select t.partner_id, date_trunc('quarter', t.month_start)::date as quarter_start, sum(t.target) as target
  from {{ ref('targets_monthly') }} as t
  where t.month_start >= {{ first_quarter }}
    and date_trunc('quarter', t.month_start)::date in (select quarter_start from window_quarters)
  group by 1, 2
),

quarter_growth as (
  select
    q.*,
    coalesce(qt.target, 0) as target,
    coalesce(prior.revenue, 0) as revenue_prior_period,
    coalesce(last_year.revenue, 0) as revenue_same_period_last_year
  from quarter_flows as q
  left join quarter_targets as qt on qt.partner_id = q.partner_id and qt.quarter_start = q.quarter_start
  left join past_revenue as prior on prior.partner_id = q.partner_id and prior.quarter_start = q.quarter_start - interval '3 months'
  left join past_revenue as last_year on last_year.partner_id = q.partner_id and last_year.quarter_start = q.quarter_start - interval '12 months'
),

quarter_velocity as (
  select d.partner_id, date_trunc('quarter', d.closed_at)::date as quarter_start,
         percentile_cont(0.5) within group (order by d.closed_at - d.registered_at) as registration_velocity_days
  from {{ ref('deal_registrations') }} as d
  where d.is_won
    and d.closed_at >= {{ first_quarter }}
    and date_trunc('quarter', d.closed_at)::date in (select quarter_start from window_quarters)
  group by 1, 2
),

quarters as (
  select
    l.partner_id, l.partner_name, q.quarter_start as period_start,
    (q.quarter_start + interval '3 months' - interval '1 day')::date as period_end,
    l.partner_type, l.tier, l.region, l.country, l.status, l.channel_account_manager, l.onboarded_at, l.months_since_onboarding,
    q.revenue, q.target, q.revenue / nullif(q.target, 0) as attainment,
    q.revenue_prior_period,
    (q.revenue - q.revenue_prior_period) / nullif(greatest(q.revenue_prior_period, 0), 0) as revenue_growth,
    q.revenue_same_period_last_year,
    (q.revenue - q.revenue_same_period_last_year) / nullif(greatest(q.revenue_same_period_last_year, 0), 0) as revenue_growth_yoy,
    l.trailing_12m_revenue,
    sum(q.revenue) over (partition by q.quarter_start) as program_revenue,
    q.revenue / nullif(sum(q.revenue) over (partition by q.quarter_start), 0) as revenue_share,
    q.registrations_submitted, q.registrations_approved, q.registrations_rejected, q.registrations_won, q.registrations_lost,
    q.registrations_approved::numeric / nullif(q.registrations_submitted, 0) as registration_approval_rate,
    q.won_amount, q.won_amount / nullif(q.registrations_won, 0) as average_deal_value,
    l.open_pipeline, l.forward_target, l.pipeline_coverage,
    q.cohort_registrations_won, q.cohort_registrations_closed,
    q.cohort_registrations_won::numeric / nullif(q.cohort_registrations_closed, 0) as registration_conversion_rate,
    v.registration_velocity_days,
    l.required_trainings_assigned, l.required_trainings_completed, l.required_training_completion_rate,
    l.certified_people, l.advanced_certified_people, l.certification_depth,
    l.learning_path_courses_assigned, l.learning_path_courses_completed, l.learning_path_progress,
    q.active_portal_days, q.engagement_events, q.communications_sent, q.communications_responded,
    q.communications_responded::numeric / nullif(q.communications_sent, 0) as communication_response_rate,
    l.mdf_allocated_t12m, l.mdf_claimed_t12m, l.mdf_utilization,
    q.has_active_business_plan,
    l.onboarding_milestones_completed, l.onboarding_milestones_required, l.onboarding_completion_rate,
    l.last_commercial_activity_at, l.days_since_last_commercial_activity
  from quarter_growth as q
  join months as l on l.partner_id = q.partner_id and l.period_start = q.last_month
  left join quarter_velocity as v on v.partner_id = q.partner_id and v.quarter_start = q.quarter_start
),

month_rows as (
  select
    partner_id, partner_name, period_start, period_end,
    partner_type, tier, region, country, status, channel_account_manager, onboarded_at, months_since_onboarding,
    revenue, target, attainment, revenue_prior_period, revenue_growth, revenue_same_period_last_year, revenue_growth_yoy,
    trailing_12m_revenue, program_revenue, revenue_share,
    registrations_submitted, registrations_approved, registrations_rejected, registrations_won, registrations_lost,
    registration_approval_rate, won_amount, average_deal_value, open_pipeline, forward_target, pipeline_coverage,
    cohort_registrations_won, cohort_registrations_closed, registration_conversion_rate, registration_velocity_days,
    required_trainings_assigned, required_trainings_completed, required_training_completion_rate,
    certified_people, advanced_certified_people, certification_depth,
    learning_path_courses_assigned, learning_path_courses_completed, learning_path_progress,
    active_portal_days, engagement_events, communications_sent, communications_responded, communication_response_rate,
    mdf_allocated_t12m, mdf_claimed_t12m, mdf_utilization, has_active_business_plan,
    onboarding_milestones_completed, onboarding_milestones_required, onboarding_completion_rate,
    last_commercial_activity_at, days_since_last_commercial_activity
  from months
  where period_start in (select month_start from window_months)
),

final as (
  select 'month'::text as period_grain, month_rows.*, now() as updated_at from month_rows
  union all
  select 'quarter'::text as period_grain, quarters.*, now() as updated_at from quarters
)

select * from final
