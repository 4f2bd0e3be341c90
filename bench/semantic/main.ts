/**
 * Semantic layer benchmark: the BI query catalog (@ppm/semantic queryCatalog) over HTTP
 * with Cube's JavaScript client against a synthetic warehouse of --partners x --months,
 * once with the rollups (pre-aggregations built first, as the pipeline does) and once on
 * a copy of the model without them, in the same run. Queries ask for no result cache
 * (cache: no-cache), so every request runs SQL on PostgreSQL (a rollup table or the marts).
 * Prints a table, then one JSON object as the last line.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import cube, { type Query } from '@cubejs-client/core';
import { createSemanticCore, defaultCubeDir, mintToken, queryCatalog, refreshPreAggregations, startOfflineServer, type CatalogQuery } from '@ppm/semantic';
import { numberOptions } from '../lib/args.js';
import { report, seconds } from '../lib/report.js';
import { benchDatabase } from '../lib/services.js';
import { fillSyntheticWarehouse } from './warehouse.js';

const options = numberOptions({ partners: 100_000, months: 36, iterations: 10 });
const end = '2026-09';
const secret = 'bench-semantic-secret-0123456789abcdef';
const catalog = queryCatalog(end);

/** cube/ without pre-aggregations: the same model answering from the marts. */
function modelWithoutRollups(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ppm-cube-no-rollups-'));
  cpSync(defaultCubeDir(), dir, { recursive: true });
  const file = join(dir, 'model', 'cubes', 'metrics', 'partner_period_metrics.yml');
  const text = readFileSync(file, 'utf8');
  writeFileSync(file, text.slice(0, text.indexOf('    pre_aggregations:')));
  return dir;
}

const percentile = (values: readonly number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};

interface Timings {
  readonly byQuery: Map<string, number[]>;
  readonly errors: string[];
}

async function timeCatalog(databaseUrl: string, cubeDir: string, iterations: number): Promise<Timings> {
  const core = createSemanticCore({ databaseUrl, cubeDir, apiSecret: secret, scheduledRefresh: false, fiscalYearStartMonth: 1, logger: () => undefined });
  const server = await startOfflineServer({ core, port: 0 });
  const api = cube(mintToken({ role: 'program_admin' }, { secret, cubeDir }), { apiUrl: `${server.url}/cubejs-api/v1` });
  const byQuery = new Map<string, number[]>();
  const errors: string[] = [];
  try {
    for (const entry of catalog) {
      const samples: number[] = [];
      try {
        await api.load(entry.query as Query);
        for (let run = 0; run < iterations; run += 1) {
          const started = performance.now();
          await api.load(entry.query as Query, { cache: 'no-cache' });
          samples.push(performance.now() - started);
        }
      } catch (error) {
        errors.push(`${entry.name}: ${error instanceof Error ? error.message : String(error)}`);
      }
      byQuery.set(entry.name, samples);
    }
  } finally {
    await server.close();
    await core.close();
  }
  return { byQuery, errors };
}

const ms = (value: number) => `${Math.round(value)} ms`;
const pooled = (timings: Timings, entries: readonly CatalogQuery[]) => entries.flatMap((entry) => timings.byQuery.get(entry.name) ?? []);

const bench = await benchDatabase('bench_semantic');
try {
  console.log(`Filling a synthetic warehouse: ${options.partners.toLocaleString('en-US')} partners x ${options.months} months...`);
  const fillStarted = performance.now();
  const rows = await fillSyntheticWarehouse(bench.db, { partners: options.partners, months: options.months, end });
  const fillMs = performance.now() - fillStarted;
  console.log(`  ${rows.toLocaleString('en-US')} partner-period rows in ${seconds(fillMs)} s. Building the rollups...`);
  const buildStarted = performance.now();
  await refreshPreAggregations({ databaseUrl: bench.url, fiscalYearStartMonth: 1, logger: () => undefined });
  const buildMs = performance.now() - buildStarted;
  console.log(`  built in ${seconds(buildMs)} s. Timing ${catalog.length} queries x ${options.iterations} runs with rollups...`);
  const withRollups = await timeCatalog(bench.url, defaultCubeDir(), options.iterations);
  console.log('  ... and without rollups...');
  const withoutRollups = await timeCatalog(bench.url, modelWithoutRollups(), options.iterations);

  const served = catalog.filter((entry) => entry.rollup);
  const rollupP95 = percentile(pooled(withRollups, served), 95);
  const rawP95 = percentile(pooled(withoutRollups, served), 95);
  const speedup = percentile(pooled(withoutRollups, served), 50) / percentile(pooled(withRollups, served), 50);
  const lines: [string, string][] = catalog.map((entry) => {
    const a = withRollups.byQuery.get(entry.name) ?? [];
    const b = withoutRollups.byQuery.get(entry.name) ?? [];
    return [`${entry.name}${entry.rollup ? '' : ' (no rollup)'}`, `p50 ${ms(percentile(a, 50))} / p95 ${ms(percentile(a, 95))}   without: p50 ${ms(percentile(b, 50))} / p95 ${ms(percentile(b, 95))}`];
  });
  report(
    `Semantic layer catalog, ${options.partners.toLocaleString('en-US')} partners x ${options.months} months (${rows.toLocaleString('en-US')} partner-period rows), ${options.iterations} uncached runs per query`,
    [
      ['warehouse fill / rollup build', `${seconds(fillMs)} s / ${seconds(buildMs)} s`],
      ...lines,
      [`rollup queries (${served.length}): with rollups`, `p50 ${ms(percentile(pooled(withRollups, served), 50))} / p95 ${ms(rollupP95)} (target p95 <= 100 ms)`],
      ['rollup queries: without rollups', `p50 ${ms(percentile(pooled(withoutRollups, served), 50))} / p95 ${ms(rawP95)}`],
      ['speed-up at p50 (target >= 10x)', `${speedup.toFixed(1)}x`],
      ['all queries: with / without rollups, p95', `${ms(percentile(pooled(withRollups, catalog), 95))} / ${ms(percentile(pooled(withoutRollups, catalog), 95))}`],
      ['errors', [...withRollups.errors, ...withoutRollups.errors].join('; ') || 'none'],
    ],
    {
      bench: 'semantic',
      partners: options.partners,
      months: options.months,
      partner_period_rows: rows,
      iterations: options.iterations,
      fill_seconds: seconds(fillMs),
      rollup_build_seconds: seconds(buildMs),
      rollup_p50_ms: Math.round(percentile(pooled(withRollups, served), 50)),
      rollup_p95_ms: Math.round(rollupP95),
      no_rollup_p50_ms: Math.round(percentile(pooled(withoutRollups, served), 50)),
      no_rollup_p95_ms: Math.round(rawP95),
      speedup_p50: Math.round(speedup * 10) / 10,
      all_p95_ms: Math.round(percentile(pooled(withRollups, catalog), 95)),
      all_no_rollup_p95_ms: Math.round(percentile(pooled(withoutRollups, catalog), 95)),
      errors: withRollups.errors.length + withoutRollups.errors.length,
    },
  );
} finally {
  await bench.close();
}
