with source as (
  select * from {{ source('core', 'revenue') }}
),

renamed as (
  select
    line_id,
    partner_id,
    booked_at,
    date_trunc('month', booked_at)::date as booked_month,
    amount_reporting as revenue,
    amount as amount_original,
    currency as currency_original,
    product,
    deal_id,
    updated_at
  from source
)

select * from renamed
