import { statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateTemp, type TempRun } from './support/temp-run.js';

/** Peak resident memory while the run streams its files; well above the ~150 MB a run needs. */
const rssLimitBytes = 700 * 1024 * 1024;

describe('streaming', () => {
  let run: TempRun | undefined;
  afterAll(() => run?.remove());

  it('writes 20k partners x 36 months in bounded memory', async () => {
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 50);
    const started = performance.now();
    try {
      run = await generateTemp({ partners: 20_000, months: 36, seed: 1, end: '2026-06' });
    } finally {
      clearInterval(sampler);
    }
    const seconds = (performance.now() - started) / 1000;
    const data = join(run.dir, 'data');
    const bytes = readdirSync(data).reduce((sum, name) => sum + statSync(join(data, name)).size, 0);
    const records = run.manifest.files.reduce((sum, file) => sum + file.records, 0);
    console.log(
      `20k x 36: ${records.toLocaleString('en-US')} records (${run.manifest.entities.revenue.rows.toLocaleString('en-US')} revenue lines), ` +
        `${(bytes / 1e6).toFixed(0)} MB on disk, ${seconds.toFixed(1)} s, peak RSS ${(peak / 1e6).toFixed(0)} MB`,
    );
    expect(run.manifest.entities.revenue.rows).toBeGreaterThan(1_900_000);
    expect(peak).toBeLessThan(rssLimitBytes);
  }, 600_000);
});
