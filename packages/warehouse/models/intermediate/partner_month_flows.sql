-- What happened in each partner-month: sparse (only months with activity).
-- window_start: the first month built; an incremental run goes lookback_months back from the latest built.
{%- set window_start = ('(' ~ incremental_max() ~ ' - make_interval(months => ' ~ var('lookback_months') ~ '))') if is_incremental() else "'-infinity'::date" %}
with periods as (
  select * from {{ ref('periods') }}
  where month_start >= {{ window_start }}
),

window_bounds as (
  select min(month_start) as first_day, max(month_end) as last_day from periods
),

revenue as (
  select
    r.partner_id,
    r.booked_month as month_start,
    sum(r.revenue) as revenue,
    max(r.booked_at) filter (where r.revenue > 0) as last_positive_revenue_at
  from {{ ref('revenue_lines') }} as r, window_bounds as w
  where r.booked_at between w.first_day and w.last_day
  group by 1, 2
),

cohorts as (
  select
    d.partner_id,
    d.registered_month as month_start,
    count(*) as registrations_submitted,
    count(*) filter (where d.is_approved) as registrations_approved,
    count(*) filter (where d.is_rejected) as registrations_rejected,
    count(*) filter (where d.is_won) as cohort_registrations_won,
    count(*) filter (where d.is_won or d.is_lost) as cohort_registrations_closed,
    max(d.registered_at) as last_registration_at
  from {{ ref('deal_registrations') }} as d, window_bounds as w
  where d.registered_at between w.first_day and w.last_day
  group by 1, 2
),

outcomes as (
  select
    d.partner_id,
    d.closed_month as month_start,
    count(*) filter (where d.is_won) as registrations_won,
    count(*) filter (where d.is_lost) as registrations_lost,
    coalesce(sum(d.deal_amount) filter (where d.is_won), 0) as won_amount,
    percentile_cont(0.5) within group (order by d.closed_at - d.registered_at) filter (where d.is_won) as registration_velocity_days
  from {{ ref('deal_registrations') }} as d, window_bounds as w
  where d.closed_at between w.first_day and w.last_day and (d.is_won or d.is_lost)
  group by 1, 2
),

engagement as (
  select
    e.partner_id,
    date_trunc('month', e.occurred_on)::date as month_start,
    count(distinct e.occurred_on) filter (where e.kind = 'portal_login') as active_portal_days,
    sum(e.event_count) as engagement_events,
    coalesce(sum(e.event_count) filter (where e.kind = 'communication_sent'), 0) as communications_sent,
    coalesce(sum(e.event_count) filter (where e.kind = 'communication_response'), 0) as communications_responded
  from {{ ref('engagement_events') }} as e, window_bounds as w
  where e.occurred_on between w.first_day and w.last_day
    and e.occurred_at >= {{ window_start }}::timestamp at time zone 'UTC' -- the same bound on the indexed column
  group by 1, 2
),

keys as (
  select partner_id, month_start from revenue
  union select partner_id, month_start from cohorts
  union select partner_id, month_start from outcomes
  union select partner_id, month_start from engagement
),

final as (
  select
    k.partner_id,
    k.month_start,
    coalesce(r.revenue, 0) as revenue,
    r.last_positive_revenue_at,
    coalesce(c.registrations_submitted, 0) as registrations_submitted,
    coalesce(c.registrations_approved, 0) as registrations_approved,
    coalesce(c.registrations_rejected, 0) as registrations_rejected,
    coalesce(c.cohort_registrations_won, 0) as cohort_registrations_won,
    coalesce(c.cohort_registrations_closed, 0) as cohort_registrations_closed,
    c.last_registration_at,
    coalesce(o.registrations_won, 0) as registrations_won,
    coalesce(o.registrations_lost, 0) as registrations_lost,
    coalesce(o.won_amount, 0) as won_amount,
    o.registration_velocity_days,
    coalesce(e.active_portal_days, 0) as active_portal_days,
    coalesce(e.engagement_events, 0) as engagement_events,
    coalesce(e.communications_sent, 0) as communications_sent,
    coalesce(e.communications_responded, 0) as communications_responded,
    now() as updated_at
  from keys as k
  left join revenue as r using (partner_id, month_start)
  left join cohorts as c using (partner_id, month_start)
  left join outcomes as o using (partner_id, month_start)
  left join engagement as e using (partner_id, month_start)
)

-- In month order: the months an incremental run reads and replaces lie together on disk.
select * from final
order by month_start, partner_id
