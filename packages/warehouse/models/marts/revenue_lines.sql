with source as (
  select * from {{ ref('stg_core__revenue') }}
  {% if is_incremental() %}
  where updated_at > {{ incremental_max() }}
  {% endif %}
),

final as (
  select
    *
  from source
)

select * from final
