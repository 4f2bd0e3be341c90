import { addMonths } from '@ppm/core';
import { loadProject, runModels } from '@ppm/warehouse';
import { numberOptions } from '../lib/args.js';
import { loadedEcosystem } from '../lib/ecosystem.js';
import { report } from '../lib/report.js';
import { benchDatabase } from '../lib/services.js';

const options = numberOptions({ partners: 10_000, months: 36 });
const end = '2026-09';
const bench = await benchDatabase(`bench_models_${options.partners}_${options.months}`, { keep: true });

async function timedRun(month: string, fullRefresh: boolean): Promise<number> {
  const started = performance.now();
  const results = await runModels(bench.db, project, { vars: { period_end: `${month}-01` }, fullRefresh });
  const slowest = [...results].sort((a, b) => b.durationMs - a.durationMs).slice(0, 6);
  console.log(`  slowest: ${slowest.map((result) => `${result.name} ${(result.durationMs / 1000).toFixed(1)} s`).join(', ')}`);
  const failed = results.filter((result) => result.status !== 'success');
  if (failed.length) throw new Error(`models failed: ${failed.map((result) => `${result.name}: ${result.error ?? result.status}`).join('; ')}`);
  return (performance.now() - started) / 1000;
}

const project = await loadProject();
try {
  const prepared = await loadedEcosystem(bench.db, { partners: options.partners, months: options.months, end });
  console.log(`Full rebuild to ${addMonths(end, -1)}, then an incremental run adding ${end}...`);
  const fullSeconds = await timedRun(addMonths(end, -1), true);
  const incrementalSeconds = await timedRun(end, false);
  const ratio = Math.round((incrementalSeconds / fullSeconds) * 1000) / 1000;
  report(
    `Models at ${options.partners.toLocaleString('en-US')} partners x ${options.months} months`,
    [
      ['generate + load (once, reused later)', `${(prepared.generatedSeconds + prepared.loadedSeconds).toFixed(1)} s`],
      ['full rebuild (all models)', `${fullSeconds.toFixed(1)} s`],
      ['incremental run adding one month', `${incrementalSeconds.toFixed(1)} s`],
      ['ratio incremental / full (target <= 0.1)', ratio.toFixed(3)],
    ],
    { bench: 'models', partners: options.partners, months: options.months, full_seconds: Math.round(fullSeconds * 10) / 10, incremental_seconds: Math.round(incrementalSeconds * 10) / 10, ratio },
  );
} finally {
  await bench.close();
}
