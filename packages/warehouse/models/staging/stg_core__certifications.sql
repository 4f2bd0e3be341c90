with source as (
  select * from {{ source('core', 'certifications') }}
),

renamed as (
  select
    partner_id,
    person_id,
    certification,
    level as certification_level,
    level in ('professional', 'expert') as is_advanced,
    earned_at,
    expires_at,
    updated_at
  from source
)

select * from renamed
