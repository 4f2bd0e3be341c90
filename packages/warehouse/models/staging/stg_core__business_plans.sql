with source as (
  select * from {{ source('core', 'business_plans') }}
),

renamed as (
  select
    plan_id,
    partner_id,
    period,
    period_start,
    period_end,
    status,
    created_at,
    last_reviewed_at,
    updated_at
  from source
)

select * from renamed
