with source as (
  select * from {{ ref('stg_core__mdf') }}
),

final as (
  select
    *
  from source
)

select * from final
