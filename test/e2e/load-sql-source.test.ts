import { defaultProgramConfig } from '@ppm/core';
import { loadSource, parseSources, type SourceDefinition } from '@ppm/etl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../support/database.js';

const test = useTestDatabase();
const urlVariable = 'PPM_TEST_CRM_URL';

const sourcesYaml = `
sources:
  crm:
    type: postgres
    url_env: ${urlVariable}
    entities:
      partners:
        query: select account_id as partner_id, account_name as name, kind as partner_type, tier, region, country, 'active' as status, joined as onboarded_at, changed_at from crm.accounts
        watermark: changed_at
      revenue:
        query: select id as line_id, account_id as partner_id, booked as booked_at, amount, 'USD' as currency, changed_at from crm.invoice_lines
        watermark: changed_at
`;

describe('SQL source', () => {
  let source: SourceDefinition;
  const load = () => loadSource({ db: test.db, config: defaultProgramConfig, source: 'crm', asOf: '2026-03-01' }, source);

  beforeAll(async () => {
    process.env[urlVariable] = test.url;
    source = parseSources(sourcesYaml, 'sources.yml', '/').get('crm') as SourceDefinition;
    await test.db.raw(`
      create schema crm;
      create table crm.accounts (account_id text, account_name text, kind text, tier text, region text, country text, joined date, changed_at timestamptz);
      create table crm.invoice_lines (id text, account_id text, booked date, amount numeric, changed_at timestamptz);
      insert into crm.accounts values ('C1', 'Acme', 'reseller', 'gold', 'EMEA', 'DE', '2025-01-01', '2026-01-01T00:00:00Z');
      insert into crm.invoice_lines values ('I1', 'C1', '2026-01-05', 100, '2026-01-05T10:00:00Z'), ('I2', 'C1', '2026-01-06', 200, '2026-01-06T10:00:00Z');
    `);
  });

  afterAll(() => {
    delete process.env[urlVariable];
  });

  it('loads everything the first time and only rows from the watermark on afterwards', async () => {
    const first = await load();
    expect(first.failed).toEqual([]);
    expect(first.rowsLoaded).toBe(3);
    const watermark = await test.db('ops.source_watermarks').where({ source: 'crm', entity: 'revenue' }).first('watermark');
    expect(new Date(watermark.watermark).toISOString()).toBe('2026-01-06T10:00:00.000Z');

    await test.db.raw(`insert into crm.invoice_lines values ('I3', 'C1', '2026-02-01', 300, '2026-02-01T10:00:00Z')`);
    const second = await load();
    const revenue = second.batches.find((batch) => batch.entity === 'revenue');
    expect(revenue).toMatchObject({ rowsRead: 2, rowsLoaded: 1, rowsUnchanged: 1 });
    expect(await test.db('core.revenue').orderBy('line_id').pluck('line_id')).toEqual(['I1', 'I2', 'I3']);
  });

  it('says which variable to set when the source URL is missing', async () => {
    delete process.env[urlVariable];
    await expect(load()).rejects.toThrowError(/environment variable PPM_TEST_CRM_URL/);
    process.env[urlVariable] = test.url;
  });
});
