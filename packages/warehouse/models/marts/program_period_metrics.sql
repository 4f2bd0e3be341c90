-- The metrics for the whole program and per partner type, tier and region, per month and
-- quarter: sums of the partner rows, ratios of those sums, medians over the group.
-- window_start: the first month built; an incremental run goes lookback_months back from the latest
-- built, and rebuilds the quarters of the months it builds (from first_quarter on), as
-- partner_period_metrics does: the periods whose partner rows this run may have changed.
{%- set window_start = ('(' ~ incremental_max() ~ ' - make_interval(months => ' ~ var('lookback_months') ~ '))') if is_incremental() else "'-infinity'::date" %}
{%- set first_quarter = "date_trunc('quarter', " ~ window_start ~ "::timestamp)" %}
with partner_rows as (
  select * from {{ ref('partner_period_metrics') }}
  where (period_grain = 'month' and period_start >= {{ window_start }})
     or (period_grain = 'quarter' and period_start >= {{ first_quarter }})
),

won_deals as (
  select
    r.period_grain, r.period_start, r.partner_type, r.tier, r.region,
    d.closed_at - d.registered_at as days_to_close
  from {{ ref('deal_registrations') }} as d
  join partner_rows as r
    on r.partner_id = d.partner_id
   and d.closed_at between r.period_start and r.period_end
  where d.is_won and d.closed_at >= {{ first_quarter }}
),

velocity as (
  select
    period_grain, period_start,
    case when grouping(partner_type) = 0 then 'partner_type' when grouping(tier) = 0 then 'tier' when grouping(region) = 0 then 'region' else 'program' end as group_by,
    coalesce(case when grouping(partner_type) = 0 then partner_type end, case when grouping(tier) = 0 then tier end, case when grouping(region) = 0 then region end, 'all') as group_value,
    percentile_cont(0.5) within group (order by days_to_close) as registration_velocity_days
  from won_deals
  group by grouping sets ((period_grain, period_start), (period_grain, period_start, partner_type), (period_grain, period_start, tier), (period_grain, period_start, region))
),

sums as (
  select
    period_grain, period_start, max(period_end) as period_end,
    case when grouping(partner_type) = 0 then 'partner_type' when grouping(tier) = 0 then 'tier' when grouping(region) = 0 then 'region' else 'program' end as group_by,
    coalesce(case when grouping(partner_type) = 0 then partner_type end, case when grouping(tier) = 0 then tier end, case when grouping(region) = 0 then region end, 'all') as group_value,
    count(*) as partner_count,
    count(*) filter (where revenue > 0) as active_partner_count,
    count(*) filter (where days_since_last_commercial_activity >= {{ var('dormant_days') }}) as dormant_partner_count,
    sum(has_active_business_plan) as partners_with_business_plan,
    sum(revenue) as revenue, sum(target) as target,
    sum(revenue_prior_period) as revenue_prior_period, sum(revenue_same_period_last_year) as revenue_same_period_last_year,
    sum(trailing_12m_revenue) as trailing_12m_revenue, max(program_revenue) as program_revenue,
    sum(registrations_submitted) as registrations_submitted, sum(registrations_approved) as registrations_approved,
    sum(registrations_rejected) as registrations_rejected, sum(registrations_won) as registrations_won,
    sum(registrations_lost) as registrations_lost, sum(won_amount) as won_amount,
    sum(open_pipeline) as open_pipeline, sum(forward_target) as forward_target,
    sum(cohort_registrations_won) as cohort_registrations_won, sum(cohort_registrations_closed) as cohort_registrations_closed,
    sum(required_trainings_assigned) as required_trainings_assigned, sum(required_trainings_completed) as required_trainings_completed,
    sum(certified_people) as certified_people, sum(advanced_certified_people) as advanced_certified_people,
    sum(learning_path_courses_assigned) as learning_path_courses_assigned, sum(learning_path_courses_completed) as learning_path_courses_completed,
    sum(active_portal_days) as active_portal_days, sum(engagement_events) as engagement_events,
    sum(communications_sent) as communications_sent, sum(communications_responded) as communications_responded,
    sum(mdf_allocated_t12m) as mdf_allocated_t12m, sum(mdf_claimed_t12m) as mdf_claimed_t12m,
    sum(onboarding_milestones_completed) as onboarding_milestones_completed, sum(onboarding_milestones_required) as onboarding_milestones_required,
    percentile_cont(0.5) within group (order by days_since_last_commercial_activity) as days_since_last_commercial_activity
  from partner_rows
  group by grouping sets ((period_grain, period_start), (period_grain, period_start, partner_type), (period_grain, period_start, tier), (period_grain, period_start, region))
),

final as (
  select
    s.period_grain, s.period_start, s.period_end, s.group_by, s.group_value,
    s.partner_count, s.active_partner_count, s.dormant_partner_count, s.partners_with_business_plan,
    s.partners_with_business_plan::numeric / nullif(s.partner_count, 0) as business_plan_participation,
    s.revenue, s.target, s.revenue / nullif(s.target, 0) as attainment,
    s.revenue_prior_period, (s.revenue - s.revenue_prior_period) / nullif(greatest(s.revenue_prior_period, 0), 0) as revenue_growth,
    s.revenue_same_period_last_year, (s.revenue - s.revenue_same_period_last_year) / nullif(greatest(s.revenue_same_period_last_year, 0), 0) as revenue_growth_yoy,
    s.trailing_12m_revenue, s.program_revenue, s.revenue / nullif(s.program_revenue, 0) as revenue_share,
    s.registrations_submitted, s.registrations_approved, s.registrations_rejected, s.registrations_won, s.registrations_lost,
    s.registrations_approved::numeric / nullif(s.registrations_submitted, 0) as registration_approval_rate,
    s.won_amount, s.won_amount / nullif(s.registrations_won, 0) as average_deal_value,
    s.open_pipeline, s.forward_target, s.open_pipeline / nullif(s.forward_target, 0) as pipeline_coverage,
    s.cohort_registrations_won, s.cohort_registrations_closed,
    s.cohort_registrations_won::numeric / nullif(s.cohort_registrations_closed, 0) as registration_conversion_rate,
    v.registration_velocity_days,
    s.required_trainings_assigned, s.required_trainings_completed,
    s.required_trainings_completed::numeric / nullif(s.required_trainings_assigned, 0) as required_training_completion_rate,
    s.certified_people, s.advanced_certified_people, s.advanced_certified_people::numeric / nullif(s.certified_people, 0) as certification_depth,
    s.learning_path_courses_assigned, s.learning_path_courses_completed,
    s.learning_path_courses_completed::numeric / nullif(s.learning_path_courses_assigned, 0) as learning_path_progress,
    s.active_portal_days, s.engagement_events, s.communications_sent, s.communications_responded,
    s.communications_responded::numeric / nullif(s.communications_sent, 0) as communication_response_rate,
    s.mdf_allocated_t12m, s.mdf_claimed_t12m, s.mdf_claimed_t12m / nullif(s.mdf_allocated_t12m, 0) as mdf_utilization,
    s.partners_with_business_plan as has_active_business_plan,
    s.onboarding_milestones_completed, s.onboarding_milestones_required,
    s.onboarding_milestones_completed::numeric / nullif(s.onboarding_milestones_required, 0) as onboarding_completion_rate,
    s.days_since_last_commercial_activity,
    now() as updated_at
  from sums as s
  left join velocity as v using (period_grain, period_start, group_by, group_value)
)

select * from final
