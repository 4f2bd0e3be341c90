-- The bounds from the fact marts, whose indexes on the dates answer min and max at once.
with revenue_bounds as (
  select min(booked_at) as first_day, max(booked_at) as last_day from {{ ref('revenue_lines') }}
),

registration_bounds as (
  select min(registered_at) as first_day, max(registered_at) as last_day from {{ ref('deal_registrations') }}
),

target_bounds as (
  select min(month_start) as first_day from {{ ref('targets_monthly') }}
),

bounds as (
  select
    date_trunc('month', least(r.first_day, g.first_day, t.first_day))::date as first_month,
    coalesce(
      nullif('{{ var("period_end") }}', '')::date,
      date_trunc('month', greatest(r.last_day, g.last_day))::date
    ) as last_month
  from revenue_bounds as r, registration_bounds as g, target_bounds as t
),

months as (
  select month::date as month_start
  from bounds
  cross join lateral generate_series(bounds.first_month, bounds.last_month, interval '1 month') as month
),

final as (
  select
    month_start,
    (month_start + interval '1 month' - interval '1 day')::date as month_end,
    date_trunc('quarter', month_start)::date as quarter_start,
    extract(month from month_start)::int % 3 = 0 as is_quarter_end,
    now() as updated_at
  from months
)

select * from final
