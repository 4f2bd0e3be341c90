-- The program's revenue in every period equals the sum of its partners' revenue, and so
-- does the sum over the tiers (each partner counted in exactly one tier).
with partner_totals as (
  select period_grain, period_start, sum(revenue) as revenue
  from {{ ref('partner_period_metrics') }}
  group by 1, 2
),

group_totals as (
  select period_grain, period_start, group_by, sum(revenue) as revenue
  from {{ ref('program_period_metrics') }}
  group by 1, 2, 3
)

select g.period_grain, g.period_start, g.group_by, g.revenue as group_revenue, p.revenue as partner_revenue
from group_totals as g
join partner_totals as p using (period_grain, period_start)
where g.revenue <> p.revenue
