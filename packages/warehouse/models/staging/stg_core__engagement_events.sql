with source as (
  select * from {{ source('core', 'engagement_events') }}
),

renamed as (
  select
    event_id,
    partner_id,
    occurred_at,
    (occurred_at at time zone 'UTC')::date as occurred_on,
    kind,
    count as event_count,
    updated_at
  from source
)

select * from renamed
