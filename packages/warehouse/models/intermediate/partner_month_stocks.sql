-- Stocks at the end of each partner-month: enablement, open pipeline, MDF over 12 months,
-- joint business plans and onboarding, each as of month_end.
-- window_start: the first month built; an incremental run goes lookback_months back from the latest built.
{%- set window_start = ('(' ~ incremental_max() ~ ' - make_interval(months => ' ~ var('lookback_months') ~ '))') if is_incremental() else "'-infinity'::date" %}
with spine as (
  select * from {{ ref('partner_months') }}
  where month_start >= {{ window_start }}
),

months as (
  select distinct month_start, month_end from spine
),

training as (
  select
    m.month_start,
    t.partner_id,
    count(*) filter (where t.is_required) as required_trainings_assigned,
    count(*) filter (where t.is_required and t.completed_at <= m.month_end) as required_trainings_completed,
    count(*) filter (where t.learning_path is not null) as learning_path_courses_assigned,
    count(*) filter (where t.learning_path is not null and t.completed_at <= m.month_end) as learning_path_courses_completed
  from {{ ref('stg_core__training') }} as t
  join months as m on t.assigned_at <= m.month_end
  group by 1, 2
),

certified as (
  select
    m.month_start,
    c.partner_id,
    count(distinct c.person_id) as certified_people,
    count(distinct c.person_id) filter (where c.is_advanced) as advanced_certified_people
  from {{ ref('stg_core__certifications') }} as c
  join months as m on c.earned_at <= m.month_end and (c.expires_at is null or c.expires_at > m.month_end)
  group by 1, 2
),

snapshots as (
  select p.partner_id, p.snapshot_date, sum(p.opportunity_amount) filter (where p.is_open) as open_amount
  from {{ ref('pipeline_snapshots') }} as p
  where p.snapshot_date between (select min(month_end) from months) - {{ var('pipeline_stale_days') }} and (select max(month_end) from months)
  group by 1, 2
),

-- A snapshot exactly pipeline_stale_days old still counts: only an older one is stale.
open_pipeline as (
  select distinct on (m.month_start, s.partner_id)
    m.month_start,
    s.partner_id,
    coalesce(s.open_amount, 0) as open_pipeline
  from snapshots as s
  join months as m on s.snapshot_date <= m.month_end and s.snapshot_date >= m.month_end - {{ var('pipeline_stale_days') }}
  order by m.month_start, s.partner_id, s.snapshot_date desc
),

mdf as (
  select
    m.month_start,
    f.partner_id,
    sum(f.mdf_allocated) as mdf_allocated_t12m,
    sum(f.mdf_claimed) as mdf_claimed_t12m
  from {{ ref('stg_core__mdf') }} as f
  join months as m on f.period_start <= m.month_end and f.period_start > m.month_start - interval '12 months'
  group by 1, 2
),

plans as (
  select distinct m.month_start, b.partner_id
  from {{ ref('stg_core__business_plans') }} as b
  join months as m
    on b.status in ('active', 'completed')
   and b.created_at <= m.month_end
   and b.period_start <= m.month_end
   and b.period_end >= m.month_start
),

onboarding as (
  select m.month_start, o.partner_id, count(distinct o.milestone) as onboarding_milestones_completed
  from {{ ref('stg_core__onboarding') }} as o
  join months as m on o.completed_at <= m.month_end
  where o.milestone = any (string_to_array('{{ var("onboarding_milestones") }}', ','))
  group by 1, 2
),

final as (
  select
    s.partner_id,
    s.month_start,
    coalesce(t.required_trainings_assigned, 0) as required_trainings_assigned,
    coalesce(t.required_trainings_completed, 0) as required_trainings_completed,
    coalesce(t.learning_path_courses_assigned, 0) as learning_path_courses_assigned,
    coalesce(t.learning_path_courses_completed, 0) as learning_path_courses_completed,
    coalesce(c.certified_people, 0) as certified_people,
    coalesce(c.advanced_certified_people, 0) as advanced_certified_people,
    coalesce(p.open_pipeline, 0) as open_pipeline,
    coalesce(f.mdf_allocated_t12m, 0) as mdf_allocated_t12m,
    coalesce(f.mdf_claimed_t12m, 0) as mdf_claimed_t12m,
    (b.partner_id is not null)::int as has_active_business_plan,
    coalesce(o.onboarding_milestones_completed, 0) as onboarding_milestones_completed,
    cardinality(string_to_array('{{ var("onboarding_milestones") }}', ',')) as onboarding_milestones_required,
    now() as updated_at
  from spine as s
  left join training as t using (partner_id, month_start)
  left join certified as c using (partner_id, month_start)
  left join open_pipeline as p using (partner_id, month_start)
  left join mdf as f using (partner_id, month_start)
  left join plans as b using (partner_id, month_start)
  left join onboarding as o using (partner_id, month_start)
)

-- In month order: the months an incremental run reads and replaces lie together on disk.
select * from final
order by month_start, partner_id
