with source as (
  select * from {{ source('core', 'mdf') }}
),

renamed as (
  select
    partner_id,
    fund_id,
    period,
    period_start,
    period_end,
    allocated_reporting as mdf_allocated,
    coalesce(requested_reporting, 0) as mdf_requested,
    coalesce(approved_reporting, 0) as mdf_approved,
    coalesce(claimed_reporting, 0) as mdf_claimed,
    coalesce(paid_reporting, 0) as mdf_paid,
    updated_at
  from source
)

select * from renamed
