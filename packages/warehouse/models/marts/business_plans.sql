with source as (
  select * from {{ ref('stg_core__business_plans') }}
),

final as (
  select
    *
  from source
)

select * from final
