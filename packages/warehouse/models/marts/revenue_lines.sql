with source as (
  select * from {{ ref('stg_core__revenue') }}
  {% if is_incremental() %}
  where updated_at > (select coalesce(max(updated_at), '-infinity') from {{ this }})
  {% endif %}
),

final as (
  select
    *
  from source
)

select * from final
