with source as (
  select * from {{ source('core', 'training') }}
),

renamed as (
  select
    partner_id,
    person_id,
    course_id,
    learning_path,
    required as is_required,
    assigned_at,
    completed_at,
    updated_at
  from source
)

select * from renamed
