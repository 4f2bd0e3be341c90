-- Incremental by partner: when any target of a partner changed, all its months are recomputed.
with changed_partners as (
  select distinct partner_id
  from {{ ref('stg_core__targets') }}
  {% if is_incremental() %}
  where updated_at > {{ incremental_max() }}
  {% endif %}
),

targets as (
  select t.*
  from {{ ref('stg_core__targets') }} as t
  join changed_partners using (partner_id)
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
