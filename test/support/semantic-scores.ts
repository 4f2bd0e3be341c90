/**
 * Realistic rows for the scores.* tables (the scoring step fills them in production),
 * derived from the partner month rows of the last `months` months: health by attainment,
 * segments and tier recommendations by the default rules' thresholds, alerts for
 * below-target and inactive partners, a few program findings.
 */
import type { Warehouse } from '@ppm/warehouse';

const scoredMonths = (months: number) => `
  select m.*,
    greatest(0, least(100, round(25 + 50 * least(coalesce(m.attainment, 0.6), 1.5))))::int as score
  from marts.partner_period_metrics as m
  where m.period_grain = 'month'
    and m.period_start > (select max(period_start) from marts.partner_period_metrics) - interval '${months} months'
`;

export async function insertScores(db: Warehouse, months = 3): Promise<void> {
  await db.raw(`
    insert into scores.health_scores (partner_id, period_start, config_version, health_score, grade, revenue_score, pipeline_score, enablement_score,
      engagement_score, score_change, trend_slope, trend_periods, peer_group, explanation)
    select partner_id, period_start, 'test+000000000000', score,
      case when score >= 80 then 'A' when score >= 65 then 'B' when score >= 50 then 'C' when score >= 35 then 'D' else 'E' end,
      least(100, score + 5), greatest(0, score - 5), case when required_trainings_assigned > 0 then 60.0 end, 50.0,
      score - lag(score) over (partition by partner_id order by period_start), 0.5, 6, 'partner_type=' || partner_type, '{}'::jsonb
    from (${scoredMonths(months)}) as s;

    insert into scores.segments (partner_id, period_start, config_version, segment, rule, trailing_attainment, reason, evidence)
    select partner_id, period_start, 'test+000000000000', segment, segment || '_rule', attainment, 'test segment ' || segment, '{}'::jsonb
    from (
      select *, case
        when months_since_onboarding < 6 then 'onboarding'
        when days_since_last_commercial_activity >= 90 then 'exit_review'
        when attainment >= 1.1 then 'grow'
        when attainment < 0.8 then 'intervene'
        else 'maintain' end as segment
      from (${scoredMonths(months)}) as s
    ) as t;

    insert into scores.tier_recommendations (partner_id, period_start, config_version, current_tier, recommended_tier, action, tenure_periods,
      qualifying_periods, reason, criteria)
    select partner_id, period_start, 'test+000000000000', tier, recommended, case when recommended = tier then 'retain' when score >= 60 then 'promote' else 'demote' end,
      6, 3, 'test recommendation', '[]'::jsonb
    from (
      select *, case
        when score >= 75 and tier = 'registered' then 'silver'
        when score >= 75 and tier = 'silver' then 'gold'
        when score >= 75 and tier = 'gold' then 'platinum'
        when score < 35 and tier = 'platinum' then 'gold'
        when score < 35 and tier = 'gold' then 'silver'
        else tier end as recommended
      from (${scoredMonths(months)}) as s
    ) as t;

    insert into scores.alerts (alert_id, partner_id, period_start, config_version, kind, direction, severity, owner, message, evidence, delivered_at)
    select 'alt_' || md5(partner_id || kind || period_start), partner_id, period_start, 'test+000000000000', kind, direction, severity,
      coalesce(channel_account_manager, 'partner_program_team'), kind || ' for ' || partner_id, '{}'::jsonb,
      case when abs(hashtext(partner_id)) % 2 = 0 then now() end
    from (
      select s.*, 'attainment_below_target' as kind, 'down' as direction, 'warning' as severity from (${scoredMonths(months)}) as s where attainment < 0.8
      union all
      select s.*, 'inactivity', 'up', case when days_since_last_commercial_activity >= 120 then 'critical' else 'warning' end
      from (${scoredMonths(months)}) as s where days_since_last_commercial_activity >= 60
    ) as a;

    insert into scores.program_findings (finding_id, period_start, config_version, kind, severity, dimension, dimension_value, text, evidence)
    select 'fnd_' || md5(period_start::text || region), period_start, 'test+000000000000', 'below_target_concentration', 'warning', 'region', region,
      region || ' has many partners below target', '{}'::jsonb
    from (select distinct period_start, region from (${scoredMonths(months)}) as s) as r;
  `);
}
