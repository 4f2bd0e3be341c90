import { join } from 'node:path';
import { defaultProgramConfig } from '@ppm/core';
import { filesSourceAt, loadSource } from '@ppm/etl';
import { generateEcosystem } from '@ppm/generator';
import { loadProject, runModels, type ModelsProject } from '@ppm/warehouse';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../support/database.js';
import { tempFolder } from '../support/files.js';

const test = useTestDatabase();

/** Every row of a mart without its build timestamp, in a stable order. */
async function snapshot(table: string, order: string): Promise<unknown[]> {
  const result = await test.db.raw<{ rows: Record<string, unknown>[] }>(`select * from ${table} order by ${order}`);
  return result.rows.map(({ updated_at: _updatedAt, ...row }) => row);
}

describe('incremental model runs', () => {
  let project: ModelsProject;
  const run = async (month: string, fullRefresh = false) => {
    const results = await runModels(test.db, project, { vars: { period_end: `${month}-01` }, fullRefresh });
    expect(results.filter((result) => result.status !== 'success')).toEqual([]);
  };

  beforeAll(async () => {
    const out = tempFolder('incremental');
    await generateEcosystem({ partners: 80, months: 15, seed: 5, end: '2026-06', out });
    await loadSource({ db: test.db, config: defaultProgramConfig, source: 'generated' }, filesSourceAt('generated', join(out, 'data')));
    project = await loadProject();
  });

  it('month by month give exactly the marts a full rebuild gives', async () => {
    const builtAt = async () =>
      (await test.db('marts.partner_period_metrics').where({ period_grain: 'month', period_start: '2026-01-01' }).max({ at: 'updated_at' }).first())?.at as Date;
    await run('2026-03');
    const januaryBuilt = await builtAt();
    await run('2026-04');
    // Incremental runs leave months before the lookback alone.
    expect(await builtAt()).toEqual(januaryBuilt);
    await run('2026-05');
    await run('2026-06');
    const incremental = {
      partners: await snapshot('marts.partner_period_metrics', 'partner_id, period_grain, period_start'),
      program: await snapshot('marts.program_period_metrics', 'period_grain, period_start, group_by, group_value'),
    };
    await run('2026-06', true);
    const full = {
      partners: await snapshot('marts.partner_period_metrics', 'partner_id, period_grain, period_start'),
      program: await snapshot('marts.program_period_metrics', 'period_grain, period_start, group_by, group_value'),
    };
    expect(incremental.partners.length).toBe(full.partners.length);
    expect(incremental.partners).toEqual(full.partners);
    expect(incremental.program).toEqual(full.program);
  });
});
