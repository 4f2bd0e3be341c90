import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { projectRoot } from '@ppm/runtime';
import { defaultProgramConfig } from '@ppm/core';
import { filesSourceAt, loadSource } from '@ppm/etl';
import { numberOptions } from '../lib/args.js';
import { report, seconds } from '../lib/report.js';
import { benchDatabase } from '../lib/services.js';
import { writeBenchFiles } from './files.js';

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
      ['full load (stage, validate, merge)', `${loaded.seconds.toFixed(1)} s`],
      ['ratio (target <= 1.5, goal 1.25)', ratio.toFixed(2)],
      ['rows loaded', loaded.rowsLoaded.toLocaleString('en-US')],
      ['loader peak RSS (target <= 300 MB)', `${Math.round(loaded.maxRssMb)} MB`],
    ],
    { bench: 'load', rows: options.rows, seconds: Math.round(loaded.seconds * 10) / 10, baseline_seconds: seconds(floorMs), ratio, peak_rss_mb: Math.round(loaded.maxRssMb) },
  );
} finally {
  await bench.close();
}
