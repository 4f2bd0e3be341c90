with source as (
  select * from {{ source('core', 'pipeline') }}
),

renamed as (
  select
    opportunity_id,
    snapshot_date,
    partner_id,
    stage,
    amount_reporting as opportunity_amount,
    not (lower(stage) like 'closed%' or lower(stage) in ('won', 'lost')) as is_open,
    expected_close_at,
    updated_at
  from source
)

select * from renamed
