// Runs in its own process so its peak RSS is the loader's alone.
import { defaultProgramConfig } from '@ppm/core';
import { loadFile } from '@ppm/etl';
import { connectWarehouse } from '@ppm/warehouse';

const [url, path] = process.argv.slice(2) as [string, string];
const db = connectWarehouse(url);
const started = performance.now();
const result = await loadFile({ db, config: defaultProgramConfig, source: 'bench', asOf: '2026-11-01' }, { path, name: 'revenue.csv', entity: 'revenue', format: 'csv' });
const seconds = (performance.now() - started) / 1000;
await db.destroy();
process.stdout.write(`${JSON.stringify({ seconds, status: result.status, error: result.error ?? null, rowsLoaded: result.rowsLoaded, rowsQuarantined: result.rowsQuarantined, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
