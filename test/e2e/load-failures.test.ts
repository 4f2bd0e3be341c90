import { gzipSync } from 'node:zlib';
import { randomUUID } from 'node:crypto';
import { defaultProgramConfig, entity } from '@ppm/core';
import { filesSourceAt, loadBatch, loadSource } from '@ppm/etl';
import { withConnection } from '@ppm/warehouse';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../support/database.js';
import { lines, tempFolder, writeFiles } from '../support/files.js';

const test = useTestDatabase();

const load = (folder: string) => loadSource({ db: test.db, config: defaultProgramConfig, source: 'broken', asOf: '2026-03-01' }, filesSourceAt('broken', folder));
const revenueRows = Array.from({ length: 2000 }, (_, index) => `R${index},P1,2026-01-15,10,USD,Suite`);
const revenue = lines('line_id,partner_id,booked_at,amount,currency,product', ...revenueRows);

async function coreRevenueCount(): Promise<number> {
  const [row] = await test.db('core.revenue').count<{ n: string }[]>({ n: '*' });
  return Number(row?.n);
}

describe('files that cannot be read', () => {
  beforeAll(async () => {
    await load(writeFiles(tempFolder('failures-base'), { 'partners.csv': lines('partner_id,name,partner_type,tier,region,country,status,onboarded_at', 'P1,Acme,reseller,gold,EMEA,DE,active,2025-01-01') }));
  });

  it.each([
    ['a truncated gzip file', 'revenue.csv.gz', gzipSync(Buffer.from(revenue)).subarray(0, 3000), /revenue\.csv\.gz: the gzip data is truncated/],
    ['a binary file', 'revenue.csv', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0]), /revenue\.csv: this is not a text file/],
    ['an Excel workbook named .csv', 'revenue.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 1, 2, 3]), /revenue\.csv: this is a ZIP archive, not a text file; an Excel workbook must be named \.xlsx/],
    ['UTF-16 text without a byte-order mark', 'revenue.csv', Buffer.from('line_id,partner_id,booked_at,amount,currency\nR1,P1,2026-01-15,10,USD\n', 'utf16le'), /revenue\.csv: this looks like UTF-16 text without a byte-order mark; set the source's encoding to utf-16le/],
    ['a missing required column', 'revenue.csv', lines('line_id,partner_id,amount,currency', 'R1,P1,10,USD'), /revenue\.csv, line 1: missing required column booked_at \(or booking_date, invoice_date, date\) for revenue\. Found columns: line_id, partner_id, amount, currency/],
    ['an empty file', 'revenue.csv', '', /revenue\.csv: the file is empty/],
    [
      'more title rows above the header than are passed over',
      'revenue.csv',
      lines(...Array.from({ length: 11 }, (_, row) => `title ${row + 1}`), 'line_id,partner_id,booked_at,amount,currency', 'R1,P1,2026-01-15,10,USD'),
      /revenue\.csv, line 1: missing required columns .*Found columns: title 1\..*\(no header found: none of the first 11 non-blank rows names the required columns\)/,
    ],
    ['a quote that never closes', 'revenue.csv', `${revenue}R9,P1,2026-01-15,10,USD,"Suite\nR10,P1,2026-01-15,10,USD,Suite\n`, /revenue\.csv, line 2002: a quoted field starting here is never closed/],
    [
      'an undoubled quote inside quotes that runs over the next rows',
      'revenue.csv',
      `${revenue}R9,P1,2026-01-15,10,USD,"Monitor 27" 4K\nR10,P1,2026-01-15,10,USD,Suite\nR11,P1,2026-01-15,10,USD,"Suite"\nR12,P1,2026-01-15,10,USD,Suite\n`,
      /revenue\.csv, line 2002: a quoted field starting here holds a quote that is not doubled/,
    ],
  ])('fails the batch on %s, naming the file and the problem, and leaves the core tables untouched', async (_case, name, content, message) => {
    const before = await coreRevenueCount();
    const summary = await load(writeFiles(tempFolder('broken'), { [name]: content }));
    expect(summary.failed).toHaveLength(1);
    expect(summary.failed[0]?.error).toMatch(message);
    expect(await coreRevenueCount()).toBe(before);
    const batch = await test.db('ops.load_batches').where({ load_id: summary.batches[0]?.loadId }).first('status', 'error');
    expect(batch.status).toBe('failed');
    expect(batch.error).toMatch(message);
  });

  it('goes on with the other files of the source when one fails', async () => {
    const other = lines('line_id,partner_id,booked_at,amount,currency,product', 'B1,P1,2026-01-15,10,USD,Suite', 'B2,P1,2026-01-16,10,USD,Suite');
    const summary = await load(writeFiles(tempFolder('mixed'), { 'revenue-a.csv.gz': gzipSync(Buffer.from(revenue)).subarray(0, 500), 'revenue-b.csv': other }));
    expect(summary.failed.map((failure) => failure.fileName)).toEqual(['revenue-a.csv.gz']);
    expect(summary.rowsLoaded).toBe(2);
  });

  it('leaves no staging table behind after a failure', async () => {
    const result = await test.db.raw<{ rows: unknown[] }>("select tablename from pg_tables where schemaname = 'staging'");
    expect(result.rows).toEqual([]);
  });
});

describe('loads that stop midway', () => {
  const revenueEntity = entity('revenue');
  const sample: Readonly<Record<string, string>> = { partner_id: 'P1', booked_at: '2026-01-15', amount: '10', currency: 'USD' };
  const valuesOf = (lineId: string) => revenueEntity.fields.map((field) => (field.name === 'line_id' ? lineId : (sample[field.name] ?? null)));

  it('records a batch stopped by its caller (Ctrl-C) as cancelled, rolled back, and says so', async () => {
    const before = await coreRevenueCount();
    const stop = new AbortController();
    const result = await loadBatch({ db: test.db, config: defaultProgramConfig, source: 'broken', signal: stop.signal }, revenueEntity, 'revenue-stopped.csv', async (sink) => {
      for (let line = 2; line < 1002; line++) {
        sink.add(line, valuesOf(`S${line}`), null, null);
        if (line === 500) stop.abort(new Error('Ctrl-C'));
        await sink.drain();
      }
      return { records: 1000 };
    });
    expect(result).toMatchObject({ status: 'failed', rowsLoaded: 0 });
    expect(result.error).toBe('cancelled: the load was stopped during this batch, which was rolled back (Ctrl-C)');
    expect(await test.db('ops.load_batches').where({ load_id: result.loadId }).first('status')).toEqual({ status: 'cancelled' });
    expect(await coreRevenueCount()).toBe(before);
  });

  it('says when a file waits for another load of the same table to finish its merge, then loads it', async () => {
    const waits: string[] = [];
    const folder = writeFiles(tempFolder('waits'), { 'revenue-waiting.csv': lines('line_id,partner_id,booked_at,amount,currency', 'W1,P1,2026-01-15,10,USD') });
    const summary = await withConnection(test.db, async (other) => {
      await other.query('begin');
      await other.query('lock table core.revenue in share row exclusive mode');
      const loading = loadSource({ db: test.db, config: defaultProgramConfig, source: 'broken', asOf: '2026-03-01', onWait: (message) => waits.push(message) }, filesSourceAt('broken', folder));
      await expect.poll(() => waits.length, { timeout: 10_000 }).toBe(1);
      await other.query('commit');
      return loading;
    });
    expect(waits).toEqual(['revenue-waiting.csv: waiting for another load of core.revenue to finish its merge']);
    expect(summary).toMatchObject({ rowsLoaded: 1, failed: [] });
  });

  it('marks a batch left running by a process that died as failed on the next load, and leaves a batch whose loader is alive alone', async () => {
    const dead = randomUUID();
    const alive = randomUUID();
    const running = (loadId: string, fileName: string) => ({ load_id: loadId, source: 'broken', entity: 'revenue', file_name: fileName, status: 'running' });
    await test.db('ops.load_batches').insert([running(dead, 'revenue-killed.csv'), running(alive, 'revenue-in-flight.csv')]);
    const summary = await withConnection(test.db, async (loader) => {
      await loader.query("select pg_advisory_lock(hashtext('ppm.load_batch'), hashtext($1))", [alive]);
      try {
        return await load(writeFiles(tempFolder('after-crash'), { 'revenue-next.csv': lines('line_id,partner_id,booked_at,amount,currency', 'N1,P1,2026-01-15,10,USD') }));
      } finally {
        await loader.query("select pg_advisory_unlock(hashtext('ppm.load_batch'), hashtext($1))", [alive]);
      }
    });
    expect(summary.rowsLoaded).toBe(1);
    expect(summary.warnings).toEqual([`revenue-killed.csv: an earlier load (${dead}) was interrupted when its process stopped; it loaded nothing and is now recorded as failed`]);
    const statuses = await test.db('ops.load_batches').whereIn('load_id', [dead, alive]).orderBy('file_name').select('file_name', 'status', 'error');
    expect(statuses).toEqual([
      { file_name: 'revenue-in-flight.csv', status: 'running', error: null },
      { file_name: 'revenue-killed.csv', status: 'failed', error: 'interrupted: the process loading this batch stopped before it committed; nothing of it was loaded' },
    ]);
    await test.db('ops.load_batches').where({ load_id: alive }).delete();
  });
});
