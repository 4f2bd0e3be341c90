with history as (
  select * from {{ ref('stg_core__partner_history') }}
),

current_version as (
  select * from history where is_current
),

first_version as (
  select partner_id, min(valid_from) as first_seen_at, count(*) as versions
  from history
  group by partner_id
),

final as (
  select
    c.partner_id,
    c.partner_name,
    c.partner_type,
    c.tier,
    c.region,
    c.country,
    c.status,
    c.onboarded_at,
    c.parent_partner_id,
    c.channel_account_manager,
    c.valid_from as current_since,
    f.first_seen_at,
    f.versions as attribute_versions,
    now() as updated_at
  from current_version as c
  join first_version as f using (partner_id)
)

select * from final
