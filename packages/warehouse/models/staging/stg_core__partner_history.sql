with source as (
  select * from {{ source('core', 'partner_history') }}
),

renamed as (
  select
    partner_id,
    valid_from,
    valid_to,
    is_current,
    name as partner_name,
    partner_type,
    tier,
    region,
    country,
    status,
    onboarded_at,
    parent_partner_id,
    channel_account_manager,
    updated_at
  from source
)

select * from renamed
