-- The partner-month spine: every partner in every month from its onboarding month on,
-- with the attributes in force at the end of the month.
with periods as (
  select * from {{ ref('periods') }}
  {% if is_incremental() %}
  where month_start >= (select coalesce(max(month_start), '-infinity') from {{ this }}) - make_interval(months => {{ var('lookback_months') }})
  {% endif %}
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

select * from final
