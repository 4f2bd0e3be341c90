import { addMonths, metricNames, monthBounds, type PartnerPeriodMetrics } from '@ppm/core';
import { backtestHealth, createScorer, type PeriodScores, type ScoringConfig } from '@ppm/scoring';
import type { Warehouse } from '@ppm/warehouse';
import type { Knex } from 'knex';
import type { PlatformConfig } from '../config.js';
import { withHeartbeat } from './heartbeat.js';

/** Months of history read before the scored month: trends, tenure, tier migration and alert crossings look back. */
const historyMonths = 24;
const chunkSize = 5000;

export interface ScoringResult {
  readonly period: string;
  readonly configVersion: string;
  readonly partnersScored: number;
  readonly segments: Record<string, number>;
  readonly tierActions: Record<string, number>;
  /** New alerts (crossings not raised by an earlier run of this period). */
  readonly alertsRaised: number;
  readonly findings: number;
  readonly backtest: { readonly n: number; readonly healthSpearman: number | null; readonly baselineSpearman: number | null; readonly healthAuc: number | null; readonly baselineAuc: number | null };
}

const attributeColumns = ['partner_id', 'partner_name', 'period_start', 'period_grain', 'partner_type', 'tier', 'region', 'country', 'status', 'channel_account_manager', 'onboarded_at', 'months_since_onboarding'] as const;

function toMetricsRow(row: Record<string, unknown>): PartnerPeriodMetrics {
  const metrics: Record<string, number | null> = {};
  for (const name of metricNames) {
    const value = row[name];
    metrics[name] = value === null || value === undefined ? null : Number(value);
  }
  return {
    partner_id: String(row.partner_id),
    partner_name: String(row.partner_name),
    period_start: String(row.period_start),
    period_grain: 'month',
    partner_type: String(row.partner_type),
    tier: String(row.tier),
    region: String(row.region),
    country: String(row.country),
    status: String(row.status),
    channel_account_manager: typeof row.channel_account_manager === 'string' ? row.channel_account_manager : null,
    onboarded_at: String(row.onboarded_at),
    months_since_onboarding: Number(row.months_since_onboarding),
    ...metrics,
  } as PartnerPeriodMetrics;
}

export async function readMonthlyMetrics(db: Warehouse, from: string, to: string): Promise<PartnerPeriodMetrics[]> {
  const rows = await db('marts.partner_period_metrics')
    .where({ period_grain: 'month' })
    .whereBetween('period_start', [monthBounds(from).start, monthBounds(to).start])
    .select([...attributeColumns, ...metricNames]);
  return (rows as Record<string, unknown>[]).map(toMetricsRow);
}

const json = (value: unknown) => JSON.stringify(value);

/** Writes one slice of a period's results; returns how many alerts are new (not raised by an earlier run). */
async function writeChunk(trx: Knex.Transaction, scores: PeriodScores): Promise<number> {
  {
    if (scores.health_scores.length) await trx('scores.health_scores').insert(scores.health_scores.map((row) => ({ ...row, explanation: json(row.explanation) })));
    if (scores.segments.length) await trx('scores.segments').insert(scores.segments.map((row) => ({ ...row, evidence: json(row.evidence) })));
    if (scores.tier_recommendations.length) await trx('scores.tier_recommendations').insert(scores.tier_recommendations.map((row) => ({ ...row, criteria: json(row.criteria) })));
    if (scores.program_findings.length) await trx('scores.program_findings').insert(scores.program_findings.map((row) => ({ ...row, evidence: json(row.evidence) })));
  }
  if (!scores.alerts.length) return 0;
  // Alert ids are stable: a re-run of the period finds the same crossings and keeps their delivery state.
  const inserted = await trx('scores.alerts')
    .insert(scores.alerts.map((row) => ({ ...row, evidence: json(row.evidence) })))
    .onConflict('alert_id')
    .ignore()
    .returning('alert_id');
  return inserted.length;
}

async function clearPeriod(trx: Knex.Transaction, periodStart: string): Promise<void> {
  for (const table of ['scores.health_scores', 'scores.segments', 'scores.tier_recommendations', 'scores.program_findings']) {
    await trx(table).where({ period_start: periodStart }).delete();
  }
}

const tally = (values: readonly string[]) => values.reduce<Record<string, number>>((counts, value) => ({ ...counts, [value]: (counts[value] ?? 0) + 1 }), {});

export function createScoringActivities(dependencies: { db: Warehouse; config: PlatformConfig & { scoring: ScoringConfig } }) {
  return {
    /**
     * Scores the month from the metrics mart and replaces the period's rows in the scores
     * tables in one transaction (alerts are kept by their stable ids); also backtests the
     * health score on the history read. Idempotent: running it again gives the same rows.
     */
    async scorePartners(input: { period: string }): Promise<ScoringResult> {
      const { db } = dependencies;
      const config = dependencies.config.scoring;
      const periodStart = monthBounds(input.period).start;
      const history = await readMonthlyMetrics(db, addMonths(input.period, -historyMonths), input.period);
      const scorer = createScorer(history, config);
      const segments: string[] = [];
      const tierActions: string[] = [];
      let partnersScored = 0;
      let alertsRaised = 0;
      let findings = 0;
      await withHeartbeat({ partnersScored }, (report) => db.transaction(async (trx) => {
        await clearPeriod(trx, periodStart);
        if (!scorer.periods.includes(periodStart)) return;
        for (const scores of scorer.scorePeriodChunks(periodStart, chunkSize)) {
          alertsRaised += await writeChunk(trx, scores);
          partnersScored += scores.health_scores.length;
          findings += scores.program_findings.length;
          segments.push(...scores.segments.map((row) => row.segment));
          tierActions.push(...scores.tier_recommendations.map((row) => row.action));
          report({ partnersScored });
        }
      }));
      const report = backtestHealth(history, config);
      await db('scores.backtests').insert({ period_start: periodStart, config_version: report.config_version, report: json(report) }).onConflict('period_start').merge();
      return {
        period: input.period,
        configVersion: scorer.configVersion,
        partnersScored,
        segments: tally(segments),
        tierActions: tally(tierActions),
        alertsRaised,
        findings,
        backtest: { n: report.n, healthSpearman: report.health.spearman, baselineSpearman: report.baseline.spearman, healthAuc: report.health.auc, baselineAuc: report.baseline.auc },
      };
    },
  };
}
