with targets as (
  select * from {{ ref('stg_core__targets') }}
),

spread as (
  select
    t.partner_id,
    month::date as month_start,
    t.target / t.period_months as target,
    t.updated_at
  from targets as t
  cross join lateral generate_series(t.period_start, t.period_end, interval '1 month') as month
),

final as (
  select partner_id, month_start, sum(target) as target, max(updated_at) as updated_at
  from spread
  group by partner_id, month_start
)

select * from final
