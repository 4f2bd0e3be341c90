with source as (
  select * from {{ source('core', 'targets') }}
),

renamed as (
  select
    partner_id,
    period,
    period_start,
    period_end,
    (extract(year from age(period_end + 1, period_start)) * 12 + extract(month from age(period_end + 1, period_start)))::int as period_months,
    amount_reporting as target,
    updated_at
  from source
)

select * from renamed
