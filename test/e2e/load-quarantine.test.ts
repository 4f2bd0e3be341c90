import { defaultProgramConfig } from '@ppm/core';
import { filesSourceAt, loadSource, type LoadSummary } from '@ppm/etl';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../support/database.js';
import { lines, tempFolder, writeFiles } from '../support/files.js';

const test = useTestDatabase();

const header = 'deal_id,partner_id,registered_at,status,approved_at,closed_at,amount,currency';
/** One good row and one bad row per reason; the comment says what is wrong. */
const deals = lines(
  header,
  'D01,P1,2026-01-10,won,2026-01-12,2026-02-01,1000,EUR', // good
  'D02,P1,2026-01-10,won,2026-01-12', // malformed_row: too few fields
  'D03,,2026-01-10,submitted,,,500,EUR', // missing_required: partner_id
  'D04,P1,2026-01-10,submitted,,,12abc,EUR', // invalid_number
  'D05,P1,2026-13-10,submitted,,,500,EUR', // invalid_date
  'D06,P1,2026-01-10,submitted,,,500,EURO', // invalid_currency
  'D07,P1,2026-01-10,pending,,,500,EUR', // invalid_value
  'D08,P1,2026-01-10,submitted,,,-5,EUR', // negative_amount
  'D09,P1,2099-01-10,submitted,,,500,EUR', // future_date
  'D10,P1,2026-01-10,lost,2026-01-12,2026-01-05,500,EUR', // date_order: closed before registered
  'D11,P1,2026-01-10,submitted,,,500,XYZ', // unknown_currency
  'D12,P404,2026-01-10,submitted,,,500,EUR', // unknown_partner
  'D13,P1,2026-01-10,submitted,,,500,EUR', // duplicate_key (earlier occurrence)
  'D13,P1,2026-01-10,submitted,,,500,EUR', // the last occurrence loads
  'D14, P1 ,2026-01-10, Approved ,2026-01-11,,"1,250.00",eur', // messy but valid
);

describe('quarantine', () => {
  let summary: LoadSummary;

  beforeAll(async () => {
    const folder = writeFiles(tempFolder('dirty'), {
      'fx_rates.csv': lines('date,currency,rate', '2025-01-01,EUR,1.1'),
      'partners.csv': lines('partner_id,name,partner_type,tier,region,country,status,onboarded_at', 'P1,Acme,reseller,gold,EMEA,DE,active,2025-01-01'),
      'deal_registrations.csv': deals,
    });
    summary = await loadSource({ db: test.db, config: defaultProgramConfig, source: 'dirty', asOf: '2026-03-01' }, filesSourceAt('dirty', folder));
  });

  it('keeps every bad row with its reason, and loads every good neighbour', async () => {
    const batch = summary.batches.find((candidate) => candidate.entity === 'deal_registrations');
    expect(batch).toMatchObject({ status: 'succeeded', rowsRead: 15, rowsLoaded: 3, rowsQuarantined: 12 });
    expect(batch?.quarantinedByReason).toEqual({
      malformed_row: 1,
      missing_required: 1,
      invalid_number: 1,
      invalid_date: 1,
      invalid_currency: 1,
      invalid_value: 1,
      negative_amount: 1,
      future_date: 1,
      date_order: 1,
      unknown_currency: 1,
      unknown_partner: 1,
      duplicate_key: 1,
    });
    const loaded = await test.db('core.deal_registrations').orderBy('deal_id').select('deal_id', 'partner_id', 'status', 'amount', 'currency');
    expect(loaded).toEqual([
      { deal_id: 'D01', partner_id: 'P1', status: 'won', amount: '1000.0000', currency: 'EUR' },
      { deal_id: 'D13', partner_id: 'P1', status: 'submitted', amount: '500.0000', currency: 'EUR' },
      { deal_id: 'D14', partner_id: 'P1', status: 'approved', amount: '1250.0000', currency: 'EUR' },
    ]);
  });

  it('says where and what for each quarantined row, with the raw row as read', async () => {
    interface QuarantineRow {
      line_number: string;
      file_name: string;
      field: string | null;
      reason_code: string;
      message: string;
      raw_row: Record<string, string>;
    }
    const rows: QuarantineRow[] = await test.db('ops.quarantine').where({ entity: 'deal_registrations' }).orderBy('line_number');
    const byLine = new Map(rows.map((row) => [Number(row.line_number), row]));
    expect(byLine.get(5)).toMatchObject({ file_name: 'deal_registrations.csv', field: 'amount', reason_code: 'invalid_number' });
    expect(byLine.get(5)?.message).toContain('amount = "12abc"');
    expect(byLine.get(5)?.raw_row).toMatchObject({ deal_id: 'D04', amount: '12abc', currency: 'EUR' });
    expect(byLine.get(3)).toMatchObject({ field: null, reason_code: 'malformed_row' });
    expect(byLine.get(3)?.message).toMatch(/5 fields where the header has 8/);
    expect(byLine.get(13)).toMatchObject({ field: 'partner_id', reason_code: 'unknown_partner' });
    expect(byLine.get(14)).toMatchObject({ reason_code: 'duplicate_key' });
    expect(byLine.get(11)).toMatchObject({ field: 'closed_at', reason_code: 'date_order' });
    expect(byLine.get(8)?.message).toBe('status = "pending": Not one of the allowed values: submitted, approved, rejected, won, lost, expired.');
  });

  it('keeps the fields of a row wider than the header in its raw row', async () => {
    const folder = writeFiles(tempFolder('wide'), { 'deal_registrations-wide.csv': lines(header, 'D80,P1,2026-01-10,won,2026-01-12,2026-02-01,"Mar 15, 2026",1000,EUR') });
    await loadSource({ db: test.db, config: defaultProgramConfig, source: 'dirty', asOf: '2026-03-01' }, filesSourceAt('dirty', folder));
    const row = await test.db('ops.quarantine').where({ file_name: 'deal_registrations-wide.csv' }).first('reason_code', 'raw_row');
    expect(row).toEqual({
      reason_code: 'malformed_row',
      raw_row: expect.objectContaining({ deal_id: 'D80', amount: 'Mar 15, 2026', currency: '1000', column_9: 'EUR' }) as unknown,
    });
  });

  it('quarantines all but the last row of a partner listed twice without effective_from, instead of failing the file', async () => {
    const partners = lines(
      'partner_id,name,partner_type,tier,region,country,status,onboarded_at',
      'P70,Twice Ltd,reseller,silver,EMEA,GB,active,2025-01-01',
      'P70,Twice Ltd,reseller,gold,EMEA,GB,active,2025-01-01',
      'P71,Once Ltd,reseller,gold,EMEA,GB,active,2025-01-01',
    );
    const result = await loadSource({ db: test.db, config: defaultProgramConfig, source: 'dirty', asOf: '2026-03-01' }, filesSourceAt('dirty', writeFiles(tempFolder('partner-twice'), { 'partners-twice.csv': partners })));
    expect(result.batches[0]).toMatchObject({ status: 'succeeded', rowsLoaded: 2, rowsQuarantined: 1, quarantinedByReason: { duplicate_key: 1 } });
    expect(await test.db('core.partners').whereIn('partner_id', ['P70', 'P71']).orderBy('partner_id').pluck('tier')).toEqual(['gold', 'gold']);
    expect(await test.db('ops.quarantine').where({ file_name: 'partners-twice.csv' }).pluck('line_number')).toEqual(['2']);
  });

  it('records every problem of a row, ordered so the first is the reported one', async () => {
    const folder = writeFiles(tempFolder('multi'), { 'deal_registrations-two-problems.csv': lines(header, 'D90,P404,2026-01-10,pending,,,-1,EUR') });
    await loadSource({ db: test.db, config: defaultProgramConfig, source: 'dirty', asOf: '2026-03-01' }, filesSourceAt('dirty', folder));
    const row = await test.db('ops.quarantine').where({ file_name: 'deal_registrations-two-problems.csv' }).first();
    expect(row.reason_code).toBe('invalid_value');
    expect(row.problems).toEqual(['invalid_value:status', 'negative_amount:amount', 'unknown_partner:partner_id']);
  });
});
