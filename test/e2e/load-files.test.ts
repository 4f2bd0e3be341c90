import { join } from 'node:path';
import { defaultProgramConfig } from '@ppm/core';
import { filesSourceAt, loadSource, type LoadSummary } from '@ppm/etl';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../support/database.js';
import { lines, tempFolder, writeFiles } from '../support/files.js';

const test = useTestDatabase();

const fxRates = lines('date,currency,rate', '2026-01-01,EUR,1.10', '2026-02-01,EUR,1.20', '2026-01-01,GBP,1.25');
const partners = lines(
  'partner_id,name,partner_type,tier,region,country,status,onboarded_at,channel_account_manager,effective_from',
  'P1,Acme,reseller,gold,EMEA,DE,active,2025-01-01,ana@vendor.example,2025-01-01',
  'P2,Beta,msp,silver,NA,US,active,2025-06-01,bo@vendor.example,2025-06-01',
);
const revenue = lines(
  'line_id,partner_id,booked_at,amount,currency,product',
  'L1,P1,2026-01-15,100.00,EUR,Suite',
  'L2,P1,2026-02-15,"1,000.50",EUR,Suite',
  'L3,P2,2026-02-20,50,USD,',
  'L4,P2,2026-02-21,-20,GBP,Credit note',
);

async function load(folder: string): Promise<LoadSummary> {
  return loadSource({ db: test.db, config: defaultProgramConfig, source: 'test', asOf: '2026-03-01' }, filesSourceAt('test', folder));
}

async function revenueRows() {
  return test.db('core.revenue').orderBy('line_id').select('line_id', 'partner_id', 'amount', 'currency', 'amount_reporting', 'fx_rate', 'product');
}

describe('loading a folder of contract files', () => {
  let folder: string;
  let first: LoadSummary;

  beforeAll(async () => {
    folder = writeFiles(tempFolder('clean'), { 'fx_rates.csv': fxRates, 'partners.csv': partners, 'revenue.csv': revenue });
    first = await load(folder);
  });

  it('loads every row and normalizes money to the reporting currency at the transaction date', async () => {
    expect(first.failed).toEqual([]);
    expect(first.rowsQuarantined).toBe(0);
    expect(first.rowsLoaded).toBe(3 + 2 + 4);
    expect(await revenueRows()).toEqual([
      { line_id: 'L1', partner_id: 'P1', amount: '100.0000', currency: 'EUR', amount_reporting: '110.00', fx_rate: '1.1000000000', product: 'Suite' },
      { line_id: 'L2', partner_id: 'P1', amount: '1000.5000', currency: 'EUR', amount_reporting: '1200.60', fx_rate: '1.2000000000', product: 'Suite' },
      { line_id: 'L3', partner_id: 'P2', amount: '50.0000', currency: 'USD', amount_reporting: '50.00', fx_rate: '1.0000000000', product: null },
      { line_id: 'L4', partner_id: 'P2', amount: '-20.0000', currency: 'GBP', amount_reporting: '-25.00', fx_rate: '1.2500000000', product: 'Credit note' },
    ]);
  });

  it('records lineage for every batch', async () => {
    const batches = await test.db('ops.load_batches').whereIn('load_id', first.batches.map((batch) => batch.loadId)).orderBy('started_at');
    expect(batches.map((batch: { entity: string }) => batch.entity)).toEqual(['fx_rates', 'partners', 'revenue']);
    for (const batch of batches as { status: string; content_sha256: string; rows_read: string; finished_at: Date }[]) {
      expect(batch.status).toBe('succeeded');
      expect(batch.content_sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(batch.finished_at).not.toBeNull();
    }
  });

  it('changes nothing when the same files load again', async () => {
    const before = await revenueRows();
    const again = await load(folder);
    expect(again.rowsLoaded).toBe(0);
    expect(again.rowsUpdated).toBe(0);
    expect(again.rowsUnchanged).toBe(9);
    expect(await revenueRows()).toEqual(before);
    expect(await test.db('core.partner_history').count({ n: '*' })).toEqual([{ n: '2' }]);
  });

  it('updates a row when a later file corrects it, and counts it as updated', async () => {
    const correction = writeFiles(tempFolder('correction'), { 'revenue-correction.csv': lines('line_id,partner_id,booked_at,amount,currency,product', 'L1,P1,2026-01-15,150.00,EUR,Suite') });
    const summary = await load(correction);
    expect(summary.rowsUpdated).toBe(1);
    const corrected = await test.db('core.revenue').where({ line_id: 'L1' }).first('amount_reporting');
    expect(corrected).toEqual({ amount_reporting: '165.00' });
    expect(await test.db('core.revenue').count({ n: '*' })).toEqual([{ n: '4' }]);
  });

  it('names the files it ignored and loads none of them', async () => {
    const other = writeFiles(tempFolder('ignored'), { 'README.txt': 'notes', 'manifest.json': '{}', 'fx_rates.csv': fxRates });
    const summary = await load(other);
    expect(summary.ignoredFiles).toEqual(['README.txt', 'manifest.json']);
    expect(summary.batches.map((batch) => batch.fileName)).toEqual(['fx_rates.csv']);
  });

  it('names the exact line of a bad value in a large, well-formed file', async () => {
    const rows = Array.from({ length: 3000 }, (_, index) => `X${index},P1,2026-01-15,${index === 2500 ? 'n/a-ish' : '10'},USD,Suite`);
    const summary = await load(writeFiles(tempFolder('lines'), { 'revenue-lines.csv': lines('line_id,partner_id,booked_at,amount,currency,product', ...rows) }));
    expect(summary.rowsQuarantined).toBe(1);
    const bad = await test.db('ops.quarantine').where({ file_name: 'revenue-lines.csv' }).first('line_number', 'field', 'message');
    expect(bad).toEqual({ line_number: '2502', field: 'amount', message: expect.stringContaining('amount = "n/a-ish"') as string });
  });

  it('reads files from subfolders in entity order', async () => {
    const nested = writeFiles(join(tempFolder('nested'), 'exports', 'jan'), { 'revenue.csv': revenue, 'partners.csv': partners });
    const summary = await load(join(nested, '..', '..'));
    expect(summary.batches.map((batch) => batch.entity)).toEqual(['partners', 'revenue']);
  });
});
