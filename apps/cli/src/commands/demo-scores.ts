import type { ScoringResult } from '@ppm/workflows';
import type { Warehouse } from '@ppm/warehouse';
import { formatTable } from '../lib/output.js';

interface Explained {
  partner_id: string;
  partner_name: string;
  health_score: number;
  grade: string;
  segment: string;
  reason: string;
  explanation: { drivers_up: string[]; drivers_down: string[]; change: { text: string } | null };
}

/** What scoring concluded for the period: tiers, three explained partners, findings, backtest. */
export async function printScoring(db: Warehouse, scoring: ScoringResult, periodStart: string): Promise<void> {
  const tiers = await db('scores.tier_recommendations')
    .where({ period_start: periodStart })
    .groupBy('current_tier', 'action')
    .orderBy(['current_tier', 'action'])
    .select('current_tier', 'action', db.raw('count(*)::int as partners'));
  console.log('\nTier recommendations (scores.tier_recommendations):');
  console.log(formatTable(tiers));

  const examples: Explained[] = await db('scores.health_scores as h')
    .join('scores.segments as s', (join) => {
      join.on('s.partner_id', 'h.partner_id').andOn('s.period_start', 'h.period_start');
    })
    .join('marts.partners as p', 'p.partner_id', 'h.partner_id')
    .where('h.period_start', periodStart)
    .whereIn('s.segment', ['grow', 'intervene', 'exit_review'])
    .distinctOn('s.segment')
    .orderBy(['s.segment', { column: 'h.health_score', order: 'desc' }])
    .select('h.partner_id', 'p.partner_name', 'h.health_score', 'h.grade', 's.segment', 's.reason', 'h.explanation');
  console.log('\nThree explained partners:');
  for (const example of examples) {
    console.log(`\n  ${example.partner_name} (${example.partner_id}): health ${example.health_score} (${example.grade}), segment ${example.segment}`);
    console.log(`    why: ${example.reason}`);
    if (example.explanation.drivers_up.length) console.log(`    up: ${example.explanation.drivers_up.join('; ')}`);
    if (example.explanation.drivers_down.length) console.log(`    down: ${example.explanation.drivers_down.join('; ')}`);
    if (example.explanation.change) console.log(`    change: ${example.explanation.change.text}`);
  }

  const findings = await db('scores.program_findings').where({ period_start: periodStart }).orderByRaw("case severity when 'critical' then 0 when 'warning' then 1 else 2 end").limit(8).select('severity', 'text');
  console.log('\nProgram findings (scores.program_findings):');
  for (const finding of findings as { severity: string; text: string }[]) console.log(`  [${finding.severity}] ${finding.text}`);

  const backtest = scoring.backtest;
  console.log('\nBacktest: does the health score predict next month? (scores.backtests)');
  console.log(formatTable([
    { predictor: 'health score', spearman_vs_next_attainment: backtest.healthSpearman, auc_revenue_falls: backtest.healthAuc, samples: backtest.n },
    { predictor: 'last revenue (baseline)', spearman_vs_next_attainment: backtest.baselineSpearman, auc_revenue_falls: backtest.baselineAuc, samples: backtest.n },
  ]));
}
