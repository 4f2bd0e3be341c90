-- Every metric of docs/metrics.md per partner and month.
with window_months as (
  select * from {{ ref('periods') }}
  {% if is_incremental() %}
  where month_start >= (select coalesce(max(period_start), '-infinity') from {{ this }}) - make_interval(months => {{ var('lookback_months') }})
  {% endif %}
),

window_bounds as (
  select min(month_start) as first_month, max(month_start) as last_month from window_months
),

-- The window plus the 12 months before it, which growth and trailing sums look back on.
series as (
  select s.partner_id, s.month_start, f.revenue, greatest(f.last_positive_revenue_at, f.last_registration_at) as last_activity_in_month
  from {{ ref('partner_months') }} as s
  cross join window_bounds as w
  left join {{ ref('partner_month_flows') }} as f using (partner_id, month_start)
  where s.month_start between w.first_month - interval '12 months' and w.last_month
),

-- Activity before the series: an incremental run reads it from the row it built for the
-- month before the series; a full build aggregates the older flows.
earlier_activity as (
  {% if is_incremental() %}
  select e.partner_id, e.last_commercial_activity_at as last_activity_at
  from {{ this }} as e, window_bounds as w
  where e.period_start = w.first_month - interval '13 months'
  {% else %}
  select f.partner_id, max(greatest(f.last_positive_revenue_at, f.last_registration_at)) as last_activity_at
  from {{ ref('partner_month_flows') }} as f, window_bounds as w
  where f.month_start < w.first_month - interval '12 months'
  group by 1
  {% endif %}
),

rolling as (
  select
    s.partner_id,
    s.month_start,
    coalesce(lag(s.revenue, 1) over partner_months, 0) as revenue_prior_period,
    coalesce(lag(s.revenue, 12) over partner_months, 0) as revenue_same_period_last_year,
    sum(coalesce(s.revenue, 0)) over (partner_months rows between 11 preceding and current row) as trailing_12m_revenue,
    greatest(max(s.last_activity_in_month) over (partner_months rows between unbounded preceding and current row), e.last_activity_at) as last_commercial_activity_at
  from series as s
  left join earlier_activity as e using (partner_id)
  window partner_months as (partition by s.partner_id order by s.month_start)
),

forward_targets as (
  select s.partner_id, s.month_start, sum(t.target) as forward_target
  from {{ ref('partner_months') }} as s
  join window_months as w using (month_start)
  join {{ ref('targets_monthly') }} as t
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
  from {{ ref('partner_months') }} as s
  join window_months as w using (month_start)
  join rolling as r using (partner_id, month_start)
  join {{ ref('partner_month_stocks') }} as k using (partner_id, month_start)
  left join {{ ref('partner_month_flows') }} as f using (partner_id, month_start)
  left join {{ ref('targets_monthly') }} as t using (partner_id, month_start)
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
