import { defaultProgramConfig } from '@ppm/core';
import { filesSourceAt, loadSource } from '@ppm/etl';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../support/database.js';
import { lines, tempFolder, writeFiles } from '../support/files.js';

const test = useTestDatabase();

const load = (folder: string) => loadSource({ db: test.db, config: defaultProgramConfig, source: 'formats', asOf: '2026-03-01' }, filesSourceAt('formats', folder));
const partnerHeader = 'partner_id,name,partner_type,tier,region,country,status,onboarded_at';

describe('file formats and messy exports', () => {
  beforeAll(async () => {
    await load(writeFiles(tempFolder('formats-base'), { 'partners.csv': lines(partnerHeader, 'P1,Acme,reseller,gold,EMEA,DE,active,2025-01-01') }));
  });

  it('reads UTF-8 with BOM and CRLF, quoted delimiters and newlines, aliased headers in any case, and keeps unknown columns', async () => {
    const csv = '\uFEFFPartner,Booking_Date,NET_AMOUNT,CCY,Product Line,Line ID,Sales Rep\r\n' +
      'P1,2026-02-01,10,USD,"Suite, Pro",A1,"Mary\r\nSmith"\r\n' +
      'P1,2026-02-02,oops,USD,Suite,A2,Bob\r\n';
    const summary = await load(writeFiles(tempFolder('bom'), { 'revenue.csv': csv }));
    expect(summary.rowsLoaded).toBe(1);
    const row = await test.db('core.revenue').where({ line_id: 'A1' }).first('product', 'extra');
    expect(row).toEqual({ product: 'Suite, Pro', extra: { 'Sales Rep': 'Mary\r\nSmith' } });
    const bad = await test.db('ops.quarantine').where({ file_name: 'revenue.csv', source: 'formats' }).first('line_number', 'reason_code');
    expect(bad).toEqual({ line_number: '4', reason_code: 'invalid_number' });
  });

  it('detects a semicolon delimiter and Windows-1252 text', async () => {
    const text = 'partner_id;name;partner_type;tier;region;country;status;onboarded_at\nP2;Müller & Söhne;var;silver;EMEA;DE;active;2025-02-01\n';
    const summary = await load(writeFiles(tempFolder('latin1'), { 'partners-de.csv': Buffer.from(text, 'latin1') }));
    expect(summary.batches[0]).toMatchObject({ status: 'succeeded', rowsLoaded: 1 });
    const batch = await test.db('ops.load_batches').where({ load_id: summary.batches[0]?.loadId }).first('encoding', 'delimiter');
    expect(batch).toEqual({ encoding: 'windows-1252', delimiter: ';' });
    expect(await test.db('core.partners').where({ partner_id: 'P2' }).first('name')).toEqual({ name: 'Müller & Söhne' });
  });

  it('reads gzip-compressed JSON Lines, keeping a line that is not JSON as invalid_json', async () => {
    const jsonl = [
      JSON.stringify({ partner_id: 'P1', occurred_at: '2026-02-03T09:14:00Z', kind: 'portal_login', count: 2, campaign: { id: 7 } }),
      '{"partner_id": "P1", "occurred_at": "2026-02-04", "kind": "Content Download"}',
      '{"partner_id": "P1", "occurred_at": ',
      '',
    ].join('\n');
    const summary = await load(writeFiles(tempFolder('jsonl'), { 'engagement_events.jsonl.gz': jsonl }));
    expect(summary).toMatchObject({ rowsRead: 3, rowsLoaded: 2, rowsQuarantined: 1, quarantinedByReason: { invalid_json: 1 } });
    const events = await test.db('core.engagement_events').orderBy('occurred_at').select('kind', 'count', 'extra');
    expect(events).toEqual([
      { kind: 'portal_login', count: 2, extra: { campaign: { id: 7 } } },
      { kind: 'content_download', count: 1, extra: null },
    ]);
  });

  it('treats empty values and NULL as missing', async () => {
    const csv = lines('partner_id,person_id,course_id,learning_path,required,assigned_at,completed_at', 'P1,U1,C1,NULL,yes,2026-01-01,', 'P1,U2,C1,,No,2026-01-01,NULL');
    await load(writeFiles(tempFolder('nulls'), { 'training.csv': csv }));
    const rows = await test.db('core.training').orderBy('person_id').select('learning_path', 'required', 'completed_at');
    expect(rows).toEqual([
      { learning_path: null, required: true, completed_at: null },
      { learning_path: null, required: false, completed_at: null },
    ]);
  });
});
