-- A quarter row's revenue equals the revenue of its month rows.
with months as (
  select partner_id, date_trunc('quarter', period_start)::date as quarter_start, sum(revenue) as revenue
  from {{ ref('partner_period_metrics') }}
  where period_grain = 'month'
  group by 1, 2
)

select q.partner_id, q.period_start, q.revenue as quarter_revenue, m.revenue as month_revenue
from {{ ref('partner_period_metrics') }} as q
join months as m on m.partner_id = q.partner_id and m.quarter_start = q.period_start
where q.period_grain = 'quarter' and q.revenue <> m.revenue
