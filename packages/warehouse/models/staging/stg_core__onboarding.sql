with source as (
  select * from {{ source('core', 'onboarding') }}
),

renamed as (
  select
    partner_id,
    milestone,
    completed_at,
    updated_at
  from source
)

select * from renamed
