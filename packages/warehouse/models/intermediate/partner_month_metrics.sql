-- Every metric of docs/metrics.md per partner and month.
-- window_start: the first month built; an incremental run goes lookback_months back from the latest built.
-- window_end: the last month built when period_end is set (else the latest there is).
{%- set window_start = ('(' ~ incremental_max() ~ ' - make_interval(months => ' ~ var('lookback_months') ~ '))') if is_incremental() else "'-infinity'::date" %}
{%- set window_end = "coalesce(nullif('" ~ var('period_end') ~ "', '')::date, 'infinity')" %}
with window_months as (
  select * from {{ ref('periods') }}
  where month_start >= {{ window_start }}
),

-- The inputs for the window, bounded by constants: the planner reads only those months and
-- estimates them from the indexes even before the new month is in the table's statistics.
-- Not materialized: each use reads the table itself, with its statistics and indexes.
spine as not materialized (
  select * from {{ ref('partner_months') }}
  where month_start >= {{ window_start }} and month_start <= {{ window_end }}
),

flows as not materialized (
  select * from {{ ref('partner_month_flows') }} where month_start >= {{ window_start }}
),

stocks as not materialized (
  select * from {{ ref('partner_month_stocks') }} where month_start >= {{ window_start }}
),

targets as not materialized (
  select * from {{ ref('targets_monthly') }} where month_start >= {{ window_start }}
),

monthly as (
  select s.partner_id, s.month_start, coalesce(f.revenue, 0) as revenue, greatest(f.last_positive_revenue_at, f.last_registration_at) as last_activity_in_month
  from spine as s
  left join flows as f using (partner_id, month_start)
),

-- Where the rolling values start from (ADR 9). An incremental run continues from the rows it built
-- for the month before the window; a full build from the activity before the first month.
before_window as (
  {% if is_incremental() %}
  select e.partner_id, e.revenue, e.trailing_12m_revenue, e.last_commercial_activity_at
  from {{ this }} as e
  where e.period_start = {{ window_start }} - interval '1 month'
  {% else %}
  select f.partner_id, 0 as revenue, 0 as trailing_12m_revenue, max(greatest(f.last_positive_revenue_at, f.last_registration_at)) as last_commercial_activity_at
  from {{ ref('partner_month_flows') }} as f
  where f.month_start < (select min(month_start) from window_months)
  group by 1
  {% endif %}
),

-- Each month's revenue, keyed by the month a year later: from the rows built before the window, else from this run.
year_ago as (
  {% if is_incremental() %}
  select e.partner_id, (e.period_start + interval '12 months')::date as month_start, e.revenue
  from {{ this }} as e
  where e.period_start >= {{ window_start }} - interval '12 months'
    and e.period_start <= {{ window_end }} - interval '12 months'
    and e.period_start < {{ window_start }}
  union all
  {% endif %}
  select partner_id, (month_start + interval '12 months')::date as month_start, revenue from monthly
),

-- The trailing sum moves by the month coming in minus the month dropping out, so the window's
-- months need only the month before them; numeric sums are exact, and the cast keeps the
-- amounts' scale whichever months the running sum went through.
rolling as (
  select
    m.partner_id,
    m.month_start,
    coalesce(lag(m.revenue) over partner_months, b.revenue, 0) as revenue_prior_period,
    coalesce(y.revenue, 0) as revenue_same_period_last_year,
    (coalesce(b.trailing_12m_revenue, 0) + sum(m.revenue - coalesce(y.revenue, 0)) over partner_months)::numeric(20, 2) as trailing_12m_revenue,
    greatest(b.last_commercial_activity_at, max(m.last_activity_in_month) over partner_months) as last_commercial_activity_at
  from monthly as m
  left join year_ago as y using (partner_id, month_start)
  left join before_window as b using (partner_id)
  window partner_months as (partition by m.partner_id order by m.month_start rows between unbounded preceding and current row)
),

forward_targets as (
  select s.partner_id, s.month_start, sum(t.target) as forward_target
  from spine as s
  join targets as t
    on t.partner_id = s.partner_id
   and t.month_start between s.month_start + interval '1 month' and s.month_start + interval '3 months'
  group by 1, 2
),

joined as (
  select
    s.*,
    coalesce(f.revenue, 0) as revenue,
    t.target,
    r.revenue_prior_period,
    r.revenue_same_period_last_year,
    r.trailing_12m_revenue,
    r.last_commercial_activity_at,
    f.registrations_submitted, f.registrations_approved, f.registrations_rejected,
    f.registrations_won, f.registrations_lost, f.won_amount, f.registration_velocity_days,
    f.cohort_registrations_won, f.cohort_registrations_closed,
    f.active_portal_days, f.engagement_events, f.communications_sent, f.communications_responded,
    k.required_trainings_assigned, k.required_trainings_completed, k.certified_people, k.advanced_certified_people,
    k.learning_path_courses_assigned, k.learning_path_courses_completed, k.open_pipeline,
    k.mdf_allocated_t12m, k.mdf_claimed_t12m, k.has_active_business_plan,
    k.onboarding_milestones_completed, k.onboarding_milestones_required,
    ft.forward_target
  from spine as s
  join rolling as r using (partner_id, month_start)
  join stocks as k using (partner_id, month_start)
  left join flows as f using (partner_id, month_start)
  left join targets as t using (partner_id, month_start)
  left join forward_targets as ft using (partner_id, month_start)
),

final as (
  select
    partner_id, partner_name, month_start as period_start, month_end as period_end, quarter_start, is_quarter_end,
    partner_type, tier, region, country, status, channel_account_manager, onboarded_at, months_since_onboarding,
    revenue,
    coalesce(target, 0) as target,
    revenue / nullif(target, 0) as attainment,
    revenue_prior_period,
    (revenue - revenue_prior_period) / nullif(greatest(revenue_prior_period, 0), 0) as revenue_growth,
    revenue_same_period_last_year,
    (revenue - revenue_same_period_last_year) / nullif(greatest(revenue_same_period_last_year, 0), 0) as revenue_growth_yoy,
    trailing_12m_revenue,
    sum(revenue) over (partition by month_start) as program_revenue,
    revenue / nullif(sum(revenue) over (partition by month_start), 0) as revenue_share,
    coalesce(registrations_submitted, 0) as registrations_submitted,
    coalesce(registrations_approved, 0) as registrations_approved,
    coalesce(registrations_rejected, 0) as registrations_rejected,
    coalesce(registrations_won, 0) as registrations_won,
    coalesce(registrations_lost, 0) as registrations_lost,
    registrations_approved::numeric / nullif(registrations_submitted, 0) as registration_approval_rate,
    coalesce(won_amount, 0) as won_amount,
    won_amount / nullif(registrations_won, 0) as average_deal_value,
    open_pipeline,
    coalesce(forward_target, 0) as forward_target,
    open_pipeline / nullif(forward_target, 0) as pipeline_coverage,
    coalesce(cohort_registrations_won, 0) as cohort_registrations_won,
    coalesce(cohort_registrations_closed, 0) as cohort_registrations_closed,
    cohort_registrations_won::numeric / nullif(cohort_registrations_closed, 0) as registration_conversion_rate,
    registration_velocity_days,
    required_trainings_assigned,
    required_trainings_completed,
    required_trainings_completed::numeric / nullif(required_trainings_assigned, 0) as required_training_completion_rate,
    certified_people,
    advanced_certified_people,
    advanced_certified_people::numeric / nullif(certified_people, 0) as certification_depth,
    learning_path_courses_assigned,
    learning_path_courses_completed,
    learning_path_courses_completed::numeric / nullif(learning_path_courses_assigned, 0) as learning_path_progress,
    coalesce(active_portal_days, 0) as active_portal_days,
    coalesce(engagement_events, 0) as engagement_events,
    coalesce(communications_sent, 0) as communications_sent,
    coalesce(communications_responded, 0) as communications_responded,
    communications_responded::numeric / nullif(communications_sent, 0) as communication_response_rate,
    mdf_allocated_t12m,
    mdf_claimed_t12m,
    mdf_claimed_t12m / nullif(mdf_allocated_t12m, 0) as mdf_utilization,
    has_active_business_plan,
    onboarding_milestones_completed,
    onboarding_milestones_required,
    onboarding_milestones_completed::numeric / nullif(onboarding_milestones_required, 0) as onboarding_completion_rate,
    last_commercial_activity_at,
    month_end - coalesce(last_commercial_activity_at, onboarded_at) as days_since_last_commercial_activity,
    now() as updated_at
  from joined
)

select * from final
