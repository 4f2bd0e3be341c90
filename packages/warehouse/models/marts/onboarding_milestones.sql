with source as (
  select * from {{ ref('stg_core__onboarding') }}
),

final as (
  select
    *
  from source
)

select * from final
