import type { Knex } from 'knex';

/** Tables the scoring step writes, one row per partner and period (or per alert / finding). */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table scores.health_scores (
      partner_id text not null,
      period_start date not null,
      config_version text not null,
      health_score integer not null check (health_score between 0 and 100),
      grade text not null,
      revenue_score numeric(5, 1),
      pipeline_score numeric(5, 1),
      enablement_score numeric(5, 1),
      engagement_score numeric(5, 1),
      score_change integer,
      trend_slope double precision,
      trend_periods integer not null,
      peer_group text not null,
      explanation jsonb not null,
      updated_at timestamptz not null default now(),
      primary key (partner_id, period_start)
    );

    create table scores.segments (
      partner_id text not null,
      period_start date not null,
      config_version text not null,
      segment text not null,
      rule text not null,
      trailing_attainment double precision,
      reason text not null,
      evidence jsonb not null,
      updated_at timestamptz not null default now(),
      primary key (partner_id, period_start)
    );

    create table scores.tier_recommendations (
      partner_id text not null,
      period_start date not null,
      config_version text not null,
      current_tier text not null,
      recommended_tier text not null,
      action text not null,
      tenure_periods integer not null,
      qualifying_periods integer not null,
      reason text not null,
      criteria jsonb not null,
      updated_at timestamptz not null default now(),
      primary key (partner_id, period_start)
    );

    create table scores.alerts (
      alert_id text primary key,
      partner_id text not null,
      period_start date not null,
      config_version text not null,
      kind text not null,
      direction text not null,
      severity text not null,
      owner text not null,
      message text not null,
      evidence jsonb not null,
      created_at timestamptz not null default now(),
      delivered_at timestamptz,
      delivery_attempts integer not null default 0,
      last_delivery_error text,
      updated_at timestamptz not null default now()
    );
    create index alerts_period on scores.alerts (period_start, severity);
    create index alerts_undelivered on scores.alerts (created_at) where delivered_at is null;

    create table scores.program_findings (
      finding_id text primary key,
      period_start date not null,
      config_version text not null,
      kind text not null,
      severity text not null,
      dimension text,
      dimension_value text,
      text text not null,
      evidence jsonb not null,
      updated_at timestamptz not null default now()
    );
    create index program_findings_period on scores.program_findings (period_start);

    create table scores.backtests (
      period_start date primary key,
      config_version text not null,
      report jsonb not null,
      updated_at timestamptz not null default now()
    );
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop table if exists scores.backtests, scores.program_findings, scores.alerts, scores.tier_recommendations, scores.segments, scores.health_scores');
}
