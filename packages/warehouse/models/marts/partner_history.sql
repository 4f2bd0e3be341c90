with history as (
  select * from {{ ref('stg_core__partner_history') }}
),

first_version as (
  select partner_id, min(valid_from) as first_valid_from
  from history
  group by partner_id
),

final as (
  select
    h.partner_id,
    h.valid_from,
    h.valid_to,
    -- Reports before the first known version use it: history starts with the first load.
    case when h.valid_from = f.first_valid_from then date '1900-01-01' else h.valid_from end as effective_from,
    coalesce(h.valid_to, date '9999-12-31') as effective_to,
    h.is_current,
    h.partner_name,
    h.partner_type,
    h.tier,
    h.region,
    h.country,
    h.status,
    h.onboarded_at,
    h.parent_partner_id,
    h.channel_account_manager,
    now() as updated_at
  from history as h
  join first_version as f using (partner_id)
)

select * from final
