import { join } from 'node:path';
import { defaultProgramConfig } from '@ppm/core';
import { filesSourceAt, loadSource } from '@ppm/etl';
import { generateEcosystem } from '@ppm/generator';
import { loadProject, runModels, testModels, type ModelsProject } from '@ppm/warehouse';
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

  it('take in data arriving late for a month within lookback_months, as a full rebuild does', async () => {
    const aprilRevenue = async () =>
      (await test.db('marts.program_period_metrics').where({ period_grain: 'month', period_start: '2026-04-01', group_by: 'program' }).first('revenue'))?.revenue as string;
    await run('2026-05', true);
    const aprilBefore = await aprilRevenue();
    // Built to May with lookback_months 1: April is the earliest month the next run rebuilds.
    await test.db.raw(`
      update core.revenue set amount_reporting = amount_reporting + 1000, updated_at = now()
      where line_id in (select line_id from core.revenue where booked_at between '2026-04-01' and '2026-04-30' order by line_id limit 5);
      insert into core.revenue (line_id, partner_id, booked_at, amount, amount_reporting, currency, fx_rate, product, deal_id, row_hash, load_id, source_file)
      select 'late-' || line_id, partner_id, date '2026-04-28', amount, amount_reporting, currency, fx_rate, product, deal_id, row_hash, load_id, source_file
      from core.revenue where booked_at between '2026-05-01' and '2026-05-31' order by line_id limit 3;
      insert into core.deal_registrations (deal_id, partner_id, registered_at, status, approved_at, closed_at, amount, amount_reporting, currency, fx_rate, row_hash, load_id, source_file)
      select 'late-' || deal_id, partner_id, date '2026-04-20', 'won', date '2026-04-22', date '2026-05-10', amount, amount_reporting, currency, fx_rate, row_hash, load_id, source_file
      from core.deal_registrations order by deal_id limit 3;
      update core.training set completed_at = date '2026-04-15', updated_at = now()
      where (partner_id, person_id, course_id) in (select partner_id, person_id, course_id from core.training where completed_at is null and assigned_at < '2026-04-01' order by 1, 2, 3 limit 3);
    `);
    await run('2026-06');
    expect(await aprilRevenue()).not.toBe(aprilBefore);
    const incremental = {
      partners: await snapshot('marts.partner_period_metrics', 'partner_id, period_grain, period_start'),
      program: await snapshot('marts.program_period_metrics', 'period_grain, period_start, group_by, group_value'),
    };
    await run('2026-06', true);
    expect(incremental.partners).toEqual(await snapshot('marts.partner_period_metrics', 'partner_id, period_grain, period_start'));
    expect(incremental.program).toEqual(await snapshot('marts.program_period_metrics', 'period_grain, period_start, group_by, group_value'));
  });

  it('leave the marts as they were when run again for an earlier period (a backfill out of order)', async () => {
    await run('2026-06', true);
    const before = {
      partners: await snapshot('marts.partner_period_metrics', 'partner_id, period_grain, period_start'),
      program: await snapshot('marts.program_period_metrics', 'period_grain, period_start, group_by, group_value'),
    };
    await run('2026-05');
    expect(await snapshot('marts.partner_period_metrics', 'partner_id, period_grain, period_start')).toEqual(before.partners);
    expect(await snapshot('marts.program_period_metrics', 'period_grain, period_start, group_by, group_value')).toEqual(before.program);
    const tests = await testModels(test.db, project, { vars: { period_end: '2026-05-01' } });
    expect(tests.filter((result) => result.status !== 'pass')).toEqual([]);
  });
});
