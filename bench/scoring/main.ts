/**
 * Scoring benchmark on synthetic partner-periods held in memory (deterministic seed):
 *  - baseline: iterate the rows and sum attainment;
 *  - health: index the rows, then every period's health score, grade and trend;
 *  - all: every output of every period (health rows with explanations, segments, tier
 *    recommendations, alerts, program findings), streamed in chunks of partners.
 * Each of the three runs is a fresh process that generates the rows, warms the code up on a
 * small slice, then times each step once; the median run is reported. Runs share no process
 * because a run's garbage left in the old generation makes V8 collect the whole heap (here
 * mostly the bench's own 1M input rows) during the next run, which a pipeline activity,
 * loading its own history each time, does not pay.
 * Prints a table, then one JSON object as the last line.
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { PartnerPeriodMetrics } from '@ppm/core';
import { createScorer, defaultScoringConfig, prepareHistory, scorePeriods } from '@ppm/scoring';
import { syntheticRows } from './synthetic.js';

const { values } = parseArgs({
  options: {
    'partner-periods': { type: 'string', default: '1000000' },
    'chunk-size': { type: 'string', default: '100' },
    seed: { type: 'string', default: '20261124' },
    runs: { type: 'string', default: '3' },
  },
});
const partnerPeriods = Number(values['partner-periods']);
const chunkSize = Number(values['chunk-size']);
const runs = Number(values.runs);
if (!Number.isInteger(partnerPeriods) || partnerPeriods < 36 || !Number.isInteger(chunkSize) || chunkSize < 0 || !Number.isInteger(runs) || runs < 1) {
  console.error('--partner-periods must be a whole number of at least 36, --chunk-size a whole number (0: whole periods), --runs at least 1');
  process.exit(2);
}

/** One run's figures, as a run process prints them on its last line. */
interface RunFigures {
  readonly rows: number;
  readonly generate_seconds: number;
  readonly baseline_seconds: number;
  readonly health_seconds: number;
  readonly all_seconds: number;
  readonly counts: Record<string, number>;
  readonly peak_rss_mb: number;
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

/** The body of one run process. */
function runOnce(): RunFigures {
  const generated = timed(() => syntheticRows(partnerPeriods, Number(values.seed)));
  const rows = generated.result;
  const warmup = syntheticRows(36 * 2000, 7);
  baseline(warmup);
  healthOnly(warmup);
  allOutputs(warmup);
  const base = timed(() => baseline(rows));
  const health = timed(() => healthOnly(rows));
  const all = timed(() => allOutputs(rows));
  return {
    rows: rows.length,
    generate_seconds: generated.seconds,
    baseline_seconds: base.seconds,
    health_seconds: health.seconds,
    all_seconds: all.seconds,
    counts: all.result,
    peak_rss_mb: process.resourceUsage().maxRSS / 1024,
  };
}

const runEnvironment = 'PPM_SCORING_BENCH_RUN';

/** Runs this file again in a new process with the same Node flags and options, and reads its figures. */
function runProcess(): RunFigures {
  const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    env: { ...process.env, [runEnvironment]: '1' },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 20,
  });
  const last = child.stdout.trim().split('\n').at(-1) ?? '';
  if (child.status !== 0 || !last.startsWith('{')) throw new Error(`a bench run failed (exit ${child.status ?? child.signal}): ${child.stdout}`);
  return JSON.parse(last) as RunFigures;
}

if (process.env[runEnvironment]) {
  console.log(JSON.stringify(runOnce()));
  process.exit(0);
}

const load = loadavg()[0]!;
const results = Array.from({ length: runs }, runProcess);
const median = (pick: (run: RunFigures) => number): number => {
  const sorted = results.map(pick).sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return Number.isInteger(middle) ? (sorted[middle - 1]! + sorted[middle]!) / 2 : sorted[Math.floor(middle)]!;
};
const first = results[0]!;
const base = median((run) => run.baseline_seconds);
const health = median((run) => run.health_seconds);
const all = median((run) => run.all_seconds);
const peakRssMb = Math.max(...results.map((run) => run.peak_rss_mb));
const rate = (seconds: number): number => Math.round(first.rows / seconds);
const ratio = (seconds: number): string => (seconds / base).toFixed(1);
const table = [
  ['step (median of runs)', 'seconds', 'partner-periods/s', 'x baseline'],
  ['generate rows (not timed below)', median((run) => run.generate_seconds).toFixed(3), '', ''],
  ['baseline: iterate rows, sum attainment', base.toFixed(3), rate(base).toLocaleString('en-US'), '1.0'],
  ['health: index + score + grade + trend', health.toFixed(3), rate(health).toLocaleString('en-US'), ratio(health)],
  [`all 5 tables${chunkSize > 0 ? `, chunks of ${chunkSize}` : ', whole periods'}`, all.toFixed(3), rate(all).toLocaleString('en-US'), ratio(all)],
];
const widths = table[0]!.map((_, column) => Math.max(...table.map((line) => line[column]!.length)));
console.log(
  `scoring bench: ${first.rows.toLocaleString('en-US')} partner-periods (${first.rows / 36} partners x 36 months), node ${process.version}, ${runs} runs in fresh processes, load average ${load.toFixed(2)}`,
);
for (const line of table) console.log(line.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  '));
console.log(`health runs (s): ${results.map((run) => run.health_seconds.toFixed(3)).join(', ')}`);
console.log(`all 5 tables runs (s): ${results.map((run) => run.all_seconds.toFixed(3)).join(', ')}`);
console.log(`rows produced by "all": ${JSON.stringify(first.counts)}`);
console.log(`peak RSS of a run: ${peakRssMb.toFixed(0)} MB`);
console.log(
  JSON.stringify({
    bench: 'scoring',
    partner_periods: first.rows,
    runs,
    baseline_seconds: Number(base.toFixed(4)),
    health_per_second: rate(health),
    health_seconds: Number(health.toFixed(4)),
    health_vs_baseline: Number((health / base).toFixed(2)),
    all_per_second: rate(all),
    all_seconds: Number(all.toFixed(4)),
    chunk_size: chunkSize,
    alerts: first.counts.alerts,
    peak_rss_mb: Math.round(peakRssMb),
  }),
);
