import { cpSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileModels, loadProject, ModelCompileError, runModels, testModels, type ModelsProject } from '@ppm/warehouse';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../support/database.js';
import { tempFolder, writeFiles } from '../support/files.js';

const fixture = fileURLToPath(new URL('../fixtures/models-runner', import.meta.url));
const test = useTestDatabase();

async function rows<T = Record<string, unknown>>(sql: string): Promise<T[]> {
  return (await test.db.raw<{ rows: T[] }>(sql)).rows;
}

/** Writes files by relative path (writeFiles itself does not create subfolders). */
function writeModelFiles(folder: string, files: Record<string, string>): string {
  for (const [path, content] of Object.entries(files)) writeFiles(dirname(join(folder, path)), { [basename(path)]: content });
  return folder;
}

const modelsFolder = (files: Record<string, string>) => writeModelFiles(tempFolder('models-runner'), files);

/** The fixture's models folder copied, with some files replaced. */
function fixtureWith(files: Record<string, string>): string {
  const folder = tempFolder('models-runner');
  cpSync(fixture, folder, { recursive: true });
  return writeModelFiles(folder, files);
}

async function createShop(): Promise<void> {
  await test.db.raw(`
    create schema shop;
    create table shop.partners (partner_id text primary key, name text not null, tier text not null);
    create table shop.revenue (line_id text primary key, partner_id text not null, booked_at date not null, amount numeric(12, 2) not null);
    insert into shop.partners values ('P1', 'Acme', 'Gold'), ('P2', 'Globex', 'silver');
    insert into shop.revenue values
      ('L1', 'P1', '2026-01-05', 100), ('L2', 'P1', '2026-01-20', 50), ('L3', 'P2', '2026-01-10', 70),
      ('L4', 'P1', '2026-02-03', 10), ('L5', 'P2', '2026-02-14', 20);
  `);
}

interface PeriodRow {
  partner_id: string;
  period_start: string;
  revenue: string;
  built_at: Date;
}

const periods = () => rows<PeriodRow>('select partner_id, period_start, revenue, built_at from fixture_marts.partner_period_revenue order by 1, 2');
const byKey = (list: PeriodRow[]) => new Map(list.map((row) => [`${row.partner_id} ${row.period_start}`, row]));

let project: ModelsProject;
beforeAll(async () => {
  await createShop();
  project = await loadProject(fixture);
});

describe('models runner', () => {
  it('compiles models to SQL on the resolved relations', () => {
    const compiled = compileModels(project, { select: ['+partner_overview'] });
    expect(compiled.map((model) => model.name)).toEqual(['stg_shop__partners', 'partners', 'stg_shop__revenue', 'partner_period_revenue', 'partner_overview']);
    const sqlOf = (name: string) => compiled.find((model) => model.name === name)?.sql ?? '';
    expect(sqlOf('stg_shop__revenue')).toContain('select * from "shop"."revenue"');
    expect(sqlOf('partner_overview')).toContain('select * from "fixture_marts"."partners"');
    expect(sqlOf('partner_period_revenue')).toContain("'USD' as currency");
    expect(sqlOf('partner_period_revenue')).not.toContain('max(period_start)');
  });

  it('builds views, tables and a first incremental build in dependency order', async () => {
    const events: string[] = [];
    const results = await runModels(test.db, project, { onEvent: (event) => event.type === 'model_started' && events.push(event.model) });
    expect(results.map(({ name, materialized, status, rows: count }) => ({ name, materialized, status, rows: count }))).toEqual([
      { name: 'stg_shop__partners', materialized: 'view', status: 'success', rows: undefined },
      { name: 'partners', materialized: 'table', status: 'success', rows: 2 },
      { name: 'stg_shop__revenue', materialized: 'view', status: 'success', rows: undefined },
      { name: 'partner_period_revenue', materialized: 'incremental', status: 'success', rows: 4 },
      { name: 'partner_overview', materialized: 'view', status: 'success', rows: undefined },
    ]);
    expect(events).toEqual(results.map((result) => result.name));
    expect(await rows("select table_schema || '.' || table_name as name, table_type as type from information_schema.tables where table_schema like 'fixture_%' order by 1")).toEqual([
      { name: 'fixture_marts.partner_overview', type: 'VIEW' },
      { name: 'fixture_marts.partner_period_revenue', type: 'BASE TABLE' },
      { name: 'fixture_marts.partners', type: 'BASE TABLE' },
      { name: 'fixture_staging.stg_shop__partners', type: 'VIEW' },
      { name: 'fixture_staging.stg_shop__revenue', type: 'VIEW' },
    ]);
    expect(await rows('select * from fixture_marts.partner_overview order by 1')).toEqual([
      { partner_id: 'P1', tier: 'gold', total_revenue: '160.00' },
      { partner_id: 'P2', tier: 'silver', total_revenue: '90.00' },
    ]);
  });

  it('passes the generic and singular tests on good data', async () => {
    const results = await testModels(test.db, project);
    expect(results.filter((result) => result.status !== 'pass')).toEqual([]);
    expect(results.map((result) => result.test)).toEqual(expect.arrayContaining([
      'unique_partner_period_revenue_partner_id__period_start',
      'relationships_partner_period_revenue_partner_id__partners_partner_id',
      'revenue_not_negative',
      'assert_revenue_matches_source',
    ]));
  });

  it('merges only the latest and new periods on an incremental run', async () => {
    const before = byKey(await periods());
    await test.db.raw(`
      update shop.revenue set amount = 999 where line_id = 'L1';
      insert into shop.revenue values ('L6', 'P1', '2026-02-25', 5), ('L7', 'P1', '2026-03-02', 30), ('L8', 'P2', '2026-03-09', 40);
    `);
    const [result] = await runModels(test.db, project, { select: ['partner_period_revenue'] });
    // rows counts what the merge wrote: February again (2 partners) and March (2 partners).
    expect(result).toMatchObject({ status: 'success', rows: 4 });
    const after = byKey(await periods());
    expect([...after.keys()]).toEqual(['P1 2026-01-01', 'P1 2026-02-01', 'P1 2026-03-01', 'P2 2026-01-01', 'P2 2026-02-01', 'P2 2026-03-01']);
    // January was not reprocessed: the changed source line is not in it and its rows keep built_at.
    expect(after.get('P1 2026-01-01')).toEqual(before.get('P1 2026-01-01'));
    expect(after.get('P2 2026-01-01')).toEqual(before.get('P2 2026-01-01'));
    // February, the latest period built, was merged by key: one row per partner, with the late line.
    expect(after.get('P1 2026-02-01')?.revenue).toBe('15.00');
    expect(after.get('P1 2026-02-01')?.built_at.getTime()).toBeGreaterThan(before.get('P1 2026-02-01')?.built_at.getTime() ?? Infinity);
    expect(after.get('P2 2026-03-01')?.revenue).toBe('40.00');
  });

  it('fails the singular test while the mart misses a source change, and a full refresh rebuilds it', async () => {
    const [failing] = await testModels(test.db, project, { select: ['partner_period_revenue'], exclude: [] }).then((results) => results.filter((result) => result.kind === 'singular'));
    expect(failing).toMatchObject({ test: 'assert_revenue_matches_source', model: 'partner_period_revenue', status: 'fail', failures: 1, sample: [{ mart_total: '325.00', source_total: '1224.00' }] });

    const before = byKey(await periods());
    expect(await runModels(test.db, project, { select: ['partner_period_revenue'], fullRefresh: true })).toMatchObject([{ status: 'success', rows: 6 }]);
    const after = byKey(await periods());
    expect(after.get('P1 2026-01-01')?.revenue).toBe('1049.00');
    expect(after.get('P2 2026-01-01')?.built_at.getTime()).toBeGreaterThan(before.get('P2 2026-01-01')?.built_at.getTime() ?? Infinity);
    expect((await testModels(test.db, project)).filter((result) => result.status !== 'pass')).toEqual([]);
  });

  it('builds an incremental model whose table is empty as a first build: incremental_max() has nothing to go on', async () => {
    await test.db.raw('truncate fixture_marts.partner_period_revenue');
    expect(await runModels(test.db, project, { select: ['partner_period_revenue'] })).toMatchObject([{ status: 'success', rows: 6 }]);
    expect(await periods()).toHaveLength(6);
  });

  it('keeps views on a rebuilt table', async () => {
    expect(await runModels(test.db, project, { select: ['partners'] })).toMatchObject([{ name: 'partners', status: 'success' }]);
    expect(await rows('select partner_id from fixture_marts.partner_overview order by 1')).toEqual([{ partner_id: 'P1' }, { partner_id: 'P2' }]);
  });

  it('takes turns with another model run: a run waits while the models lock is held elsewhere', async () => {
    const holder = await test.db.client.acquireConnection();
    await holder.query("select pg_advisory_lock(hashtext('ppm.models'))");
    let finished = false;
    const waiting = runModels(test.db, project, { select: ['partners'] }).then((results) => {
      finished = true;
      return results;
    });
    await expect.poll(async () => (await rows("select 1 from pg_stat_activity where wait_event_type = 'Lock' and wait_event = 'advisory'")).length).toBe(1);
    expect(finished).toBe(false);
    await holder.query("select pg_advisory_unlock(hashtext('ppm.models'))");
    await test.db.client.releaseConnection(holder);
    expect(await waiting).toMatchObject([{ name: 'partners', status: 'success' }]);
  });

  it('leaves the previous version of a failing model in place and skips its descendants', async () => {
    const broken = await loadProject(fixtureWith({ 'marts/partners.sql': "select\n  partner_id,\n  partner_nam,\n  tier\nfrom {{ ref('stg_shop__partners') }}\n" }));
    const results = await runModels(test.db, broken, { select: ['partners+'] });
    expect(results.map(({ name, status }) => ({ name, status }))).toEqual([
      { name: 'partners', status: 'error' },
      { name: 'partner_overview', status: 'skipped' },
    ]);
    expect(results[0]?.error).toMatch(/^Model partners \(marts\/partners\.sql\): column "partner_nam" does not exist.* \(line 3 of the compiled SQL\)/);
    expect(results[1]?.error).toBe('upstream model partners failed or was skipped');
    expect(await rows('select partner_id, partner_name from fixture_marts.partners order by 1')).toEqual([
      { partner_id: 'P1', partner_name: 'Acme' },
      { partner_id: 'P2', partner_name: 'Globex' },
    ]);
  });

  it('refuses to run when a var is unset, before building anything', async () => {
    const needsVar = await loadProject(fixtureWith({ 'project.yml': 'folders:\n  staging: { schema: fixture_staging, materialized: view }\n  marts: { schema: fixture_marts, materialized: table }\n' }));
    await expect(runModels(test.db, needsVar)).rejects.toThrowError(ModelCompileError);
    await expect(runModels(test.db, needsVar)).rejects.toThrowError(/Model partner_period_revenue .*var\('currency'\) is not set: pass it with --var currency=<value>/);
    expect(await runModels(test.db, needsVar, { select: ['partner_period_revenue'], vars: { currency: 'EUR' } })).toMatchObject([{ status: 'success' }]);
  });

  it('fails generic tests on bad data, naming model and test, with sample rows', async () => {
    await test.db.raw(`
      alter table shop.partners drop constraint partners_pkey;
      insert into shop.partners values ('P1', 'Acme Again', 'Platinum');
      insert into shop.revenue values ('L9', 'P9', '2026-03-15', -5);
    `);
    expect((await runModels(test.db, project, { fullRefresh: true })).every((result) => result.status === 'success')).toBe(true);
    const failed = (await testModels(test.db, project)).filter((result) => result.status !== 'pass');
    expect(failed.map(({ model, test: name, status, failures }) => ({ model, test: name, status, failures }))).toEqual([
      { model: 'partners', test: 'unique_partners_partner_id', status: 'fail', failures: 1 },
      { model: 'partners', test: 'accepted_values_partners_tier', status: 'fail', failures: 1 },
      { model: 'partner_period_revenue', test: 'relationships_partner_period_revenue_partner_id__partners_partner_id', status: 'fail', failures: 1 },
      { model: 'partner_period_revenue', test: 'revenue_not_negative', status: 'fail', failures: 1 },
    ]);
    expect(failed.map((result) => result.sample)).toEqual([
      [{ partner_id: 'P1', occurrences: '2' }],
      [{ value: 'platinum', occurrences: '1' }],
      [{ partner_id: 'P9', occurrences: '1' }],
      [expect.objectContaining({ partner_id: 'P9', period_start: '2026-03-01', revenue: '-5.00' })],
    ]);
  });
});

describe('model settings', () => {
  it('apply to the model build only', async () => {
    const settings = await loadProject(modelsFolder({
      'project.yml': 'folders:\n  marts: { schema: fixture_settings, materialized: table }\n',
      'marts/with_settings.sql': "select current_setting('work_mem') as work_mem",
      'marts/with_settings.yml': 'settings: { work_mem: 3MB }\n',
      'marts/without_settings.sql': "select current_setting('work_mem') as work_mem",
    }));
    expect((await runModels(test.db, settings)).map((result) => result.status)).toEqual(['success', 'success']);
    const [defaultWorkMem] = await rows<{ work_mem: string }>("select current_setting('work_mem') as work_mem");
    expect(await rows('select work_mem from fixture_settings.with_settings')).toEqual([{ work_mem: '3MB' }]);
    expect(await rows('select work_mem from fixture_settings.without_settings')).toEqual([defaultWorkMem]);
  });
});

describe('views whose columns change', () => {
  const files = (aColumns: string) => ({
    'project.yml': 'folders:\n  views: { schema: fixture_views, materialized: view }\n',
    'views/view_a.sql': `select ${aColumns}`,
    'views/view_b.sql': "select one from {{ ref('view_a') }}",
  });

  it('are recreated with the views built on them, or fail naming the view that no longer fits', async () => {
    const first = await loadProject(modelsFolder(files('1 as one, 2 as two')));
    expect((await runModels(test.db, first)).map((result) => result.status)).toEqual(['success', 'success']);

    const narrower = await loadProject(modelsFolder(files('1 as one')));
    expect(await runModels(test.db, narrower, { select: ['view_a'] })).toMatchObject([{ status: 'success' }]);
    expect(await rows('select * from fixture_views.view_b')).toEqual([{ one: 1 }]);

    const breaking = await loadProject(modelsFolder(files('2 as two')));
    const [result] = await runModels(test.db, breaking, { select: ['view_a'] });
    expect(result?.error).toMatch(/^Model view_a \(views\/view_a\.sql\): "fixture_views"\."view_b" is built on "fixture_views"\."view_a" and no longer fits its new columns/);
    expect(await rows('select * from fixture_views.view_a')).toEqual([{ one: 1 }]);
  });
});
