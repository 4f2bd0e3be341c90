import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defaultProgramConfig } from '@ppm/core';
import { filesSourceAt, loadSource } from '@ppm/etl';
import { generateEcosystem } from '@ppm/generator';
import { projectRoot } from '@ppm/runtime';
import type { Warehouse } from '@ppm/warehouse';

/**
 * A generated ecosystem loaded into the bench database; generation and loading are skipped
 * when an earlier run left them (a marker table records what was loaded).
 */
export async function loadedEcosystem(db: Warehouse, options: { partners: number; months: number; end: string; seed?: number }): Promise<{ generatedSeconds: number; loadedSeconds: number }> {
  const key = `p${options.partners}_m${options.months}_${options.end.replace('-', '')}`;
  await db.raw('create table if not exists public.bench_loaded (key text primary key)');
  if ((await db('public.bench_loaded').where({ key }).first()) !== undefined) return { generatedSeconds: 0, loadedSeconds: 0 };
  const out = join(projectRoot(), '.data', 'bench', `ecosystem-${key}`);
  let started = performance.now();
  if (!existsSync(join(out, 'manifest.json'))) {
    console.log(`Generating ${options.partners.toLocaleString('en-US')} partners x ${options.months} months into ${out}...`);
    await generateEcosystem({ partners: options.partners, months: options.months, seed: options.seed ?? 1, end: options.end, out, overwrite: true });
  }
  const generatedSeconds = (performance.now() - started) / 1000;
  console.log('Loading it...');
  started = performance.now();
  const summary = await loadSource({ db, config: defaultProgramConfig, source: 'bench' }, filesSourceAt('bench', join(out, 'data')));
  if (summary.failed.length) throw new Error(`load failed: ${JSON.stringify(summary.failed)}`);
  await db('public.bench_loaded').insert({ key });
  return { generatedSeconds, loadedSeconds: (performance.now() - started) / 1000 };
}
