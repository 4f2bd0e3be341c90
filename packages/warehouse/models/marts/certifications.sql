with source as (
  select * from {{ ref('stg_core__certifications') }}
),

final as (
  select
    *
  from source
)

select * from final
