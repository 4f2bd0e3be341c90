with revenue as (
  select * from {{ ref('stg_core__revenue') }}
),

registrations as (
  select * from {{ ref('stg_core__deal_registrations') }}
),

targets as (
  select * from {{ ref('targets_monthly') }}
),

bounds as (
  select
    date_trunc('month', least(
      (select min(booked_at) from revenue),
      (select min(registered_at) from registrations),
      (select min(month_start) from targets)
    ))::date as first_month,
    coalesce(
      nullif('{{ var("period_end") }}', '')::date,
      date_trunc('month', greatest((select max(booked_at) from revenue), (select max(registered_at) from registrations)))::date
    ) as last_month
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
