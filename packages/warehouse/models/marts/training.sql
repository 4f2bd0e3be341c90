with source as (
  select * from {{ ref('stg_core__training') }}
),

final as (
  select
    *
  from source
)

select * from final
