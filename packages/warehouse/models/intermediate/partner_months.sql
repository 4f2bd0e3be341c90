-- The partner-month spine: every partner in every month from its onboarding month on,
-- with the attributes in force at the end of the month.
-- window_start: the first month built; an incremental run goes lookback_months back from the latest built.
{%- set window_start = ('(' ~ incremental_max() ~ ' - make_interval(months => ' ~ var('lookback_months') ~ '))') if is_incremental() else "'-infinity'::date" %}
with periods as (
  select * from {{ ref('periods') }}
  where month_start >= {{ window_start }}
),

partners as (
  select * from {{ ref('partners') }}
),

history as (
  select * from {{ ref('partner_history') }}
),

spine as (
  select p.partner_id, p.onboarded_at, m.month_start, m.month_end, m.quarter_start, m.is_quarter_end
  from partners as p
  join periods as m on m.month_end >= p.onboarded_at
),

final as (
  select
    s.partner_id,
    s.month_start,
    s.month_end,
    s.quarter_start,
    s.is_quarter_end,
    h.partner_name,
    h.partner_type,
    h.tier,
    h.region,
    h.country,
    h.status,
    h.channel_account_manager,
    s.onboarded_at,
    ((extract(year from s.month_start) - extract(year from s.onboarded_at)) * 12
      + extract(month from s.month_start) - extract(month from s.onboarded_at))::int as months_since_onboarding,
    now() as updated_at
  from spine as s
  join history as h
    on h.partner_id = s.partner_id
   and s.month_end >= h.effective_from
   and s.month_end < h.effective_to
)

-- In month order: the months an incremental run reads and replaces lie together on disk.
select * from final
order by month_start, partner_id
