/**
 * Scoring benchmark on synthetic partner-periods held in memory (deterministic seed):
 *  - baseline: iterate the rows and sum attainment;
 *  - health: index the rows, then every period's health score, grade and trend (median of 3 runs);
 *  - all: every output of every period (health rows with explanations, segments, tier
 *    recommendations, alerts, program findings), streamed in chunks of partners (median of 3 runs).
 * Every step runs once on a small slice first so JIT warm-up is not timed.
 * Prints a table, then one JSON object as the last line.
 */
import { parseArgs } from 'node:util';
import type { PartnerPeriodMetrics } from '@ppm/core';
import { createScorer, defaultScoringConfig, prepareHistory, scorePeriods } from '@ppm/scoring';
import { syntheticRows } from './synthetic.js';

const { values } = parseArgs({
  options: {
    'partner-periods': { type: 'string', default: '1000000' },
    'chunk-size': { type: 'string', default: '100' },
    seed: { type: 'string', default: '20261124' },
  },
});
const partnerPeriods = Number(values['partner-periods']);
const chunkSize = Number(values['chunk-size']);
if (!Number.isInteger(partnerPeriods) || partnerPeriods < 36 || !Number.isInteger(chunkSize) || chunkSize < 0) {
  console.error('--partner-periods must be a whole number of at least 36, --chunk-size a whole number (0: whole periods)');
  process.exit(2);
}

function timed<T>(run: () => T): { result: T; seconds: number } {
  const started = process.hrtime.bigint();
  const result = run();
  return { result, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

function baseline(rows: readonly PartnerPeriodMetrics[]): number {
  let sum = 0;
  for (const row of rows) sum += row.attainment ?? 0;
  return sum;
}

function healthOnly(rows: readonly PartnerPeriodMetrics[]): number {
  const scorer = createScorer(prepareHistory(rows), defaultScoringConfig);
  let scored = 0;
  scorer.periods.forEach((period, index) => {
    scored += scorer.healthColumns(period).health_score.length;
    const oldest = scorer.periods[index - defaultScoringConfig.health.trend_periods];
    if (oldest) scorer.releaseBefore(oldest);
  });
  return scored;
}

function allOutputs(rows: readonly PartnerPeriodMetrics[]): Record<string, number> {
  const counts = { health_scores: 0, segments: 0, tier_recommendations: 0, alerts: 0, program_findings: 0 };
  for (const part of scorePeriods(rows, defaultScoringConfig, chunkSize > 0 ? { chunkSize } : {})) {
    counts.health_scores += part.health_scores.length;
    counts.segments += part.segments.length;
    counts.tier_recommendations += part.tier_recommendations.length;
    counts.alerts += part.alerts.length;
    counts.program_findings += part.program_findings.length;
  }
  return counts;
}

const generated = timed(() => syntheticRows(partnerPeriods, Number(values.seed)));
const rows = generated.result;
const warmup = syntheticRows(36 * 2000, 7);
baseline(warmup);
healthOnly(warmup);
allOutputs(warmup);

const base = timed(() => baseline(rows));
/** Three runs, fastest first: the median is reported, as one run on a noisy machine can be 20% off. */
const threeRuns = <T>(run: () => T) => [0, 1, 2].map(() => timed(run)).sort((a, b) => a.seconds - b.seconds);
const healthRuns = threeRuns(() => healthOnly(rows));
const health = healthRuns[1]!;
const allRuns = threeRuns(() => allOutputs(rows));
const all = allRuns[1]!;

const peakRssMb = process.resourceUsage().maxRSS / 1024;
const rate = (seconds: number): number => Math.round(rows.length / seconds);
const ratio = (seconds: number): string => (seconds / base.seconds).toFixed(1);
const table = [
  ['step', 'seconds', 'partner-periods/s', 'x baseline'],
  ['generate rows (not timed below)', generated.seconds.toFixed(3), '', ''],
  ['baseline: iterate rows, sum attainment', base.seconds.toFixed(3), rate(base.seconds).toLocaleString('en-US'), '1.0'],
  ['health: index + score + grade + trend', health.seconds.toFixed(3), rate(health.seconds).toLocaleString('en-US'), ratio(health.seconds)],
  [`all 5 tables${chunkSize > 0 ? `, chunks of ${chunkSize}` : ', whole periods'}`, all.seconds.toFixed(3), rate(all.seconds).toLocaleString('en-US'), ratio(all.seconds)],
];
const widths = table[0]!.map((_, column) => Math.max(...table.map((line) => line[column]!.length)));
console.log(`scoring bench: ${rows.length.toLocaleString('en-US')} partner-periods (${rows.length / 36} partners x 36 months), node ${process.version}, load average ${(await import('node:os')).loadavg()[0]!.toFixed(2)}`);
for (const line of table) console.log(line.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  '));
console.log(`health runs (s): ${healthRuns.map((run) => run.seconds.toFixed(3)).join(', ')} (median reported)`);
console.log(`all 5 tables runs (s): ${allRuns.map((run) => run.seconds.toFixed(3)).join(', ')} (median reported)`);
console.log(`rows produced by "all": ${JSON.stringify(all.result)}`);
console.log(`peak RSS: ${peakRssMb.toFixed(0)} MB`);
console.log(
  JSON.stringify({
    bench: 'scoring',
    partner_periods: rows.length,
    baseline_seconds: Number(base.seconds.toFixed(4)),
    health_per_second: rate(health.seconds),
    health_seconds: Number(health.seconds.toFixed(4)),
    health_vs_baseline: Number((health.seconds / base.seconds).toFixed(2)),
    all_per_second: rate(all.seconds),
    all_seconds: Number(all.seconds.toFixed(4)),
    chunk_size: chunkSize,
    alerts: all.result.alerts,
    peak_rss_mb: Math.round(peakRssMb),
  }),
);
