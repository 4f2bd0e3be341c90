with source as (
  select * from {{ source('core', 'deal_registrations') }}
),

renamed as (
  select
    deal_id,
    partner_id,
    registered_at,
    date_trunc('month', registered_at)::date as registered_month,
    status,
    approved_at,
    closed_at,
    date_trunc('month', closed_at)::date as closed_month,
    amount_reporting as deal_amount,
    status in ('approved', 'won', 'lost') or approved_at is not null as is_approved,
    status = 'rejected' as is_rejected,
    status = 'won' as is_won,
    status = 'lost' as is_lost,
    updated_at
  from source
)

select * from renamed
