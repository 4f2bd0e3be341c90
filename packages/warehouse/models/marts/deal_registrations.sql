with source as (
  select * from {{ ref('stg_core__deal_registrations') }}
  {% if is_incremental() %}
  where updated_at > {{ incremental_max() }}
  {% endif %}
),

final as (
  select
    *,
    case when closed_at is not null then closed_at - registered_at end as days_to_close
  from source
)

select * from final
