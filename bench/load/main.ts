import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { projectRoot } from '@ppm/runtime';
import { defaultProgramConfig } from '@ppm/core';
import { filesSourceAt, loadSource } from '@ppm/etl';
import { numberOptions } from '../lib/args.js';
import { report, seconds } from '../lib/report.js';
import { benchDatabase, type BenchDatabase } from '../lib/services.js';
import { writeBenchFiles } from './files.js';

/**
 * What storing the rows costs with no reading, typing, checking or merging at all: an insert
 * of the floor's typed rows, with constant lineage values of the real widths, into a copy of
 * core.revenue (same columns, key and updated_at indexes, logged). Any load that keeps the
 * core table pays about this on top of reading the file.
 */
async function insertIntoCoreShapedTable(db: BenchDatabase['db']): Promise<number> {
  await db.raw('create table public.core_shaped (like core.revenue including all)');
  await db.raw('checkpoint');
  const started = performance.now();
  await db.raw(`insert into public.core_shaped (line_id, partner_id, booked_at, amount, amount_reporting, currency, fx_rate, product, deal_id, row_hash, load_id, source_file, source_line)
    select line_id, partner_id, booked_at, amount, amount, currency, 1, product, deal_id, repeat('0', 32), '00000000-0000-0000-0000-000000000000', 'revenue.csv', 0 from public.copy_floor`);
  const elapsed = performance.now() - started;
  await db.raw('drop table public.core_shaped');
  await db.raw('checkpoint');
  return elapsed;
}

const options = numberOptions({ rows: 5_000_000 });
const folder = join(projectRoot(), '.data', 'bench', `load-${options.rows}`);
console.log(`Writing ${options.rows.toLocaleString('en-US')} revenue lines to ${folder} (reused when present)...`);
const { revenueFile } = await writeBenchFiles(folder, options.rows);
const bench = await benchDatabase('bench_load');

try {
  await loadSource({ db: bench.db, config: defaultProgramConfig, source: 'bench', asOf: '2026-11-01' }, filesSourceAt('bench', folder), { entities: ['fx_rates', 'partners'] });
  await bench.db.raw('create table public.copy_floor (line_id text, partner_id text, booked_at date, amount numeric, currency text, product text, deal_id text)');

  console.log('Baseline: psql \\copy of the same file into a bare table...');
  const floorStarted = performance.now();
  execFileSync('psql', [bench.url, '-q', '-c', `\\copy public.copy_floor from '${revenueFile}' with (format csv, header true)`], { stdio: 'inherit' });
  const floorMs = performance.now() - floorStarted;

  console.log('Lower bound: insert the same rows, already typed, into a table shaped like core.revenue (its indexes, no checks)...');
  const insertMs = await insertIntoCoreShapedTable(bench.db);

  console.log('Full load: staging, validation, quarantine, merge...');
  const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./load-child.ts', import.meta.url)), bench.url, revenueFile], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(`loader failed: ${child.stderr}`);
  const loaded = JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as { seconds: number; status: string; error: string | null; rowsLoaded: number; maxRssMb: number };
  if (loaded.status !== 'succeeded') throw new Error(`load failed: ${loaded.error}`);

  const ratio = Math.round((loaded.seconds / seconds(floorMs)) * 100) / 100;
  report(
    `Load of ${options.rows.toLocaleString('en-US')} revenue lines`,
    [
      ['psql \\copy into a bare table (floor)', `${seconds(floorMs).toFixed(1)} s`],
      ['typed insert into a core.revenue-shaped table (no checks)', `${seconds(insertMs).toFixed(1)} s, ratio ${(insertMs / floorMs).toFixed(2)}`],
      ['full load (stage, validate, merge)', `${loaded.seconds.toFixed(1)} s`],
      ['ratio (target <= 1.5, goal 1.25)', ratio.toFixed(2)],
      ['rows loaded', loaded.rowsLoaded.toLocaleString('en-US')],
      ['loader peak RSS (target <= 300 MB)', `${Math.round(loaded.maxRssMb)} MB`],
    ],
    { bench: 'load', rows: options.rows, seconds: Math.round(loaded.seconds * 10) / 10, baseline_seconds: seconds(floorMs), core_insert_seconds: seconds(insertMs), ratio, peak_rss_mb: Math.round(loaded.maxRssMb) },
  );
} finally {
  await bench.close();
}
