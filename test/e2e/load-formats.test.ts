import { defaultProgramConfig } from '@ppm/core';
import { filesSourceAt, loadSource, parseSources, SourceConfigError } from '@ppm/etl';
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../support/database.js';
import { lines, tempFolder, writeFiles } from '../support/files.js';

const test = useTestDatabase();

const load = (folder: string) => loadSource({ db: test.db, config: defaultProgramConfig, source: 'formats', asOf: '2026-03-01' }, filesSourceAt('formats', folder));
const partnerHeader = 'partner_id,name,partner_type,tier,region,country,status,onboarded_at';

/** Loads `folder` as the files source `name`, whose settings (YAML lines under the source, after type and path) are `settings`. */
async function loadConfigured(name: string, folder: string, settings: readonly string[]) {
  const yaml = ['sources:', `  ${name}:`, '    type: files', `    path: ${folder}`, ...settings.map((line) => `    ${line}`), ''].join('\n');
  const source = parseSources(yaml, 'sources.yml', '/').get(name);
  if (!source) throw new Error(`source ${name} not parsed`);
  return loadSource({ db: test.db, config: defaultProgramConfig, source: 'formats', asOf: '2026-03-01' }, source);
}

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

  it('reads rows without the trailing delimiter their header ends with', async () => {
    const csv = lines('line_id,partner_id,booked_at,amount,currency,', 'T1,P1,2026-02-01,10,USD', 'T2,P1,2026-02-01,11,USD,', 'T3,P1,2026-02-01,12');
    const summary = await load(writeFiles(tempFolder('trailing-delimiter'), { 'revenue-trailing.csv': csv }));
    expect(summary).toMatchObject({ rowsLoaded: 2, rowsQuarantined: 1, quarantinedByReason: { malformed_row: 1 } });
  });

  it('detects a semicolon delimiter and Windows-1252 text', async () => {
    const text = 'partner_id;name;partner_type;tier;region;country;status;onboarded_at\nP2;Müller & Söhne;var;silver;EMEA;DE;active;2025-02-01\n';
    const summary = await load(writeFiles(tempFolder('latin1'), { 'partners-de.csv': Buffer.from(text, 'latin1') }));
    expect(summary.batches[0]).toMatchObject({ status: 'succeeded', rowsLoaded: 1 });
    const batch = await test.db('ops.load_batches').where({ load_id: summary.batches[0]?.loadId }).first('encoding', 'delimiter');
    expect(batch).toEqual({ encoding: 'windows-1252', delimiter: ';' });
    expect(await test.db('core.partners').where({ partner_id: 'P2' }).first('name')).toEqual({ name: 'Müller & Söhne' });
  });

  it('fills a field from the column named as the field when an alias column names it too (Salesforce: Account ID and Partner ID)', async () => {
    const csv = lines('Line ID,Account ID,Partner ID,Booked At,Amount,Currency', 'SF1,0015g00000XyZ,P1,2026-02-01,10,USD');
    const summary = await load(writeFiles(tempFolder('alias-collision'), { 'revenue-sf.csv': csv }));
    expect(summary).toMatchObject({ rowsLoaded: 1, rowsQuarantined: 0 });
    expect(await test.db('core.revenue').where({ line_id: 'SF1' }).first('partner_id', 'extra')).toEqual({ partner_id: 'P1', extra: { 'Account ID': '0015g00000XyZ' } });
  });

  it('keeps values under a column without a name in extra, by position', async () => {
    const csv = lines('line_id,partner_id,booked_at,amount,currency,', 'UN1,P1,2026-02-01,10,USD,', 'UN2,P1,2026-02-01,-10,USD,credit note - do not count');
    const summary = await load(writeFiles(tempFolder('unnamed-column'), { 'revenue-unnamed.csv': csv }));
    expect(summary).toMatchObject({ rowsLoaded: 2, rowsQuarantined: 0 });
    const rows = await test.db('core.revenue').whereIn('line_id', ['UN1', 'UN2']).orderBy('line_id').select('line_id', 'extra');
    expect(rows).toEqual([{ line_id: 'UN1', extra: null }, { line_id: 'UN2', extra: { column_6: 'credit note - do not count' } }]);
  });

  it('reads a file that mixes UTF-8 and Windows-1252 (exports concatenated), even past its first 64 KiB', async () => {
    const header = 'line_id,partner_id,booked_at,amount,currency,product\n';
    const filler = Array.from({ length: 2000 }, (_, index) => `MX${index},P1,2026-02-01,1,USD,Société Générale bundle\n`).join('');
    const windows1252Tail = Buffer.from([...Buffer.from('MX-LAST,P1,2026-02-01,1,USD,Müller '), 0x93, ...Buffer.from('Pro'), 0x94, 0x20, 0x80, 0x0a]);
    const bytes = Buffer.concat([Buffer.from(header + filler, 'utf8'), windows1252Tail]);
    expect(bytes.length).toBeGreaterThan(64 * 1024);
    const summary = await load(writeFiles(tempFolder('mixed-encoding'), { 'revenue-mixed.csv': bytes }));
    expect(summary.batches[0]).toMatchObject({ status: 'succeeded', rowsLoaded: 2001 });
    const batch = await test.db('ops.load_batches').where({ load_id: summary.batches[0]?.loadId }).first('encoding');
    expect(batch).toEqual({ encoding: 'utf-8+windows-1252' });
    const products = await test.db('core.revenue').whereIn('line_id', ['MX0', 'MX-LAST']).orderBy('line_id').pluck('product');
    expect(products).toEqual(['Müller “Pro” €', 'Société Générale bundle']);
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

  it('reads the date layout a source declares besides ISO, and quarantines impossible dates naming the layout', async () => {
    const folder = writeFiles(tempFolder('day-first'), {
      'revenue.csv': lines(
        'line_id,partner_id,booked_at,amount,currency',
        'D1,P1,03/02/2026,10,USD',
        'D2,P1,2026-02-04,20,USD',
        'D3,P1,31/02/2026,30,USD',
        'D4,P1,02/2026,40,USD',
      ),
      'engagement_events.csv': lines('partner_id,occurred_at,kind', 'P1,05/02/2026 14:30,portal_login', 'P1,2026-02-06T08:00:00Z,portal_login'),
    });
    const source = parseSources(`sources:\n  eu_crm:\n    type: files\n    path: ${folder}\n    date_format: DD/MM/YYYY\n`, 'sources.yml', '/').get('eu_crm');
    if (!source) throw new Error('source eu_crm not parsed');
    const summary = await loadSource({ db: test.db, config: defaultProgramConfig, source: 'formats', asOf: '2026-03-01' }, source);
    expect(summary).toMatchObject({ rowsLoaded: 4, rowsQuarantined: 2, quarantinedByReason: { invalid_date: 2 } });
    const booked = await test.db('core.revenue').whereIn('line_id', ['D1', 'D2']).orderBy('line_id').select(test.db.raw('booked_at::text as booked_at'));
    expect(booked).toEqual([{ booked_at: '2026-02-03' }, { booked_at: '2026-02-04' }]);
    const events = await test.db('core.engagement_events').where({ partner_id: 'P1', kind: 'portal_login' }).whereIn('occurred_at', ['2026-02-05T14:30:00Z', '2026-02-06T08:00:00Z']).count<{ count: string }[]>('* as count');
    expect(events[0]?.count).toBe('2');
    const rejected = await test.db('ops.quarantine').where({ file_name: 'revenue.csv', source: 'eu_crm', reason_code: 'invalid_date' }).orderBy('line_number').select('line_number', 'message');
    expect(rejected).toEqual([
      { line_number: '4', message: 'booked_at = "31/02/2026": Not a valid date (ISO 8601 YYYY-MM-DD, or DD/MM/YYYY as the source\'s date_format declares).' },
      { line_number: '5', message: 'booked_at = "02/2026": Not a valid date (ISO 8601 YYYY-MM-DD, or DD/MM/YYYY as the source\'s date_format declares).' },
    ]);
  });

  it('reads amounts as finance tools format them: currency signs and codes, spaces, accounting and trailing-minus negatives', async () => {
    const revenueFile = lines(
      'line_id,partner_id,booked_at,amount,currency',
      'AC1,P1,2026-02-01,"$1,234.56",USD',
      'AC2,P1,2026-02-01,"(1,234.56)",USD',
      'AC3,P1,2026-02-01,1234.50-,USD',
      'AC4,P1,2026-02-01,-$20,USD',
      'AC5,P1,2026-02-01,"1 234.5",USD',
      'AC6,P1,2026-02-01,(12,USD',
      'AC7,P1,2026-02-01,12 USD,USD',
      'AC8,P1,2026-02-01,"usd 1,000",USD',
      'AC9,P1,2026-02-01,12 EUR,USD',
      'AD1,P1,2026-02-01,12 USDX,USD',
      'AD2,P1,2026-02-01,12 34 USD,USD',
    );
    const summary = await load(writeFiles(tempFolder('accounting'), { 'revenue-accounting.csv': revenueFile }));
    expect(summary).toMatchObject({ rowsLoaded: 7, rowsQuarantined: 4, quarantinedByReason: { invalid_number: 3, currency_mismatch: 1 } });
    const amounts = await test.db('core.revenue').whereIn('line_id', ['AC1', 'AC2', 'AC3', 'AC4', 'AC5', 'AC7', 'AC8']).orderBy('line_id').select('line_id', 'amount');
    expect(amounts).toEqual([
      { line_id: 'AC1', amount: '1234.5600' },
      { line_id: 'AC2', amount: '-1234.5600' },
      { line_id: 'AC3', amount: '-1234.5000' },
      { line_id: 'AC4', amount: '-20.0000' },
      { line_id: 'AC5', amount: '1234.5000' },
      { line_id: 'AC7', amount: '12.0000' },
      { line_id: 'AC8', amount: '1000.0000' },
    ]);
    const mismatch = await test.db('ops.quarantine').where({ source: 'formats', file_name: 'revenue-accounting.csv', reason_code: 'currency_mismatch' }).first('line_number', 'message');
    expect(mismatch).toEqual({ line_number: '10', message: `amount = "12 EUR": The amount names a currency (USD 1,234.50, 1234.50 EUR) other than the row's currency (USD).` });
    const spaced = await test.db('ops.quarantine').where({ source: 'formats', file_name: 'revenue-accounting.csv', line_number: 12 }).first('message');
    expect(spaced).toEqual({ message: 'amount = "12 34 USD": Not a number.' });
  });

  it('reads decimal commas where the source declares them, and never a point as a decimal point there', async () => {
    const folder = writeFiles(tempFolder('decimal-comma'), {
      'revenue.csv': lines('line_id;partner_id;booked_at;amount;currency', 'E1;P1;2026-02-01;1.234,50;USD', 'E2;P1;2026-02-01;-12,5;USD', 'E3;P1;2026-02-01;99;USD', 'E4;P1;2026-02-01;12.34;USD'),
    });
    const source = filesSourceAt('de_erp', folder, { formats: { decimalSeparator: ',' } });
    const summary = await loadSource({ db: test.db, config: defaultProgramConfig, source: 'formats', asOf: '2026-03-01' }, source);
    expect(summary).toMatchObject({ rowsLoaded: 3, rowsQuarantined: 1, quarantinedByReason: { invalid_number: 1 } });
    const amounts = await test.db('core.revenue').whereIn('line_id', ['E1', 'E2', 'E3']).orderBy('line_id').select('line_id', test.db.raw('amount::text as amount'));
    expect(amounts).toEqual([{ line_id: 'E1', amount: '1234.5000' }, { line_id: 'E2', amount: '-12.5000' }, { line_id: 'E3', amount: '99.0000' }]);
    const rejected = await test.db('ops.quarantine').where({ source: 'de_erp', file_name: 'revenue.csv' }).first('line_number', 'message');
    expect(rejected).toEqual({ line_number: '5', message: 'amount = "12.34": Not a number (a decimal comma, as the source\'s decimal_separator declares; a point only as thousands separator).' });
  });

  it('takes files not named after their entity from the patterns the source gives per entity', async () => {
    const folder = writeFiles(tempFolder('exports'), {
      'Partner_Accounts_Export_2026-11.csv': lines(partnerHeader, 'P20,Export Co,msp,silver,AMER,US,active,2025-06-01'),
      'Invoices Q1.CSV': lines('line_id,partner_id,booked_at,amount,currency', 'X1,P20,2026-02-01,75,USD'),
      'readme.txt': 'exported by the CRM\n',
    });
    const summary = await loadConfigured('crm_export', folder, ['files:', '  partners: Partner_Accounts*.csv', '  revenue: ["invoices *.csv", "invoices/**/*.csv"]']);
    expect(summary.batches.map((batch) => [batch.fileName, batch.entity, batch.status, batch.rowsLoaded])).toEqual([
      ['Partner_Accounts_Export_2026-11.csv', 'partners', 'succeeded', 1],
      ['Invoices Q1.CSV', 'revenue', 'succeeded', 1],
    ]);
    expect(summary.ignoredFiles).toEqual(['readme.txt']);
  });

  it("reads an export's own column names where the source maps them to contract fields", async () => {
    const folder = writeFiles(tempFolder('renamed'), {
      'Partner_Accounts.csv': lines('Account ID,Account Name,Type,Partner Level,Sales Region,Country,Status,Joined', 'P30,Renamed Ltd,var,gold,APAC,SG,active,2025-03-01'),
      'activity.jsonl': `${JSON.stringify({ 'Account ID': 'P30', 'Activity Date': '2026-02-10', kind: 'portal_login' })}\n`,
    });
    const summary = await loadConfigured('renamed', folder, [
      'files: { partners: Partner_Accounts.csv, engagement_events: activity.jsonl }',
      'columns:', '  partners: { tier: Partner Level, onboarded_at: Joined }', '  engagement_events: { partner_id: Account ID, occurred_at: Activity Date }',
    ]);
    expect(summary).toMatchObject({ rowsLoaded: 2, rowsQuarantined: 0, failed: [] });
    expect(await test.db('core.partner_history').where({ partner_id: 'P30' }).first('tier', 'onboarded_at', 'extra')).toMatchObject({ tier: 'gold', extra: null });
    expect(await test.db('core.engagement_events').where({ partner_id: 'P30' }).count<{ count: string }[]>('* as count')).toEqual([{ count: '1' }]);
  });

  it("reads an export's own texts for fixed-list values where the source maps them, and quarantines the texts it does not map", async () => {
    const folder = writeFiles(tempFolder('value-maps'), {
      'partners.csv': lines(
        partnerHeader,
        'P40,Mapped One,Value Added Reseller,Gold Partner,EMEA,FR,active,2025-01-01',
        'P41,Mapped Two,MSP,Platinum Elite,EMEA,FR,active,2025-01-01',
        'P42,Unmapped,reseller,Diamond,EMEA,FR,active,2025-01-01',
      ),
    });
    const summary = await loadConfigured('mapped', folder, ['values:', '  partners:', '    partner_type: { Value Added Reseller: var }', '    tier: { Gold Partner: gold, "platinum-elite": platinum }']);
    expect(summary).toMatchObject({ rowsLoaded: 2, rowsQuarantined: 1, quarantinedByReason: { invalid_value: 1 } });
    const partners = await test.db('core.partners').whereIn('partner_id', ['P40', 'P41']).orderBy('partner_id').select('partner_id', 'partner_type', 'tier');
    expect(partners).toEqual([{ partner_id: 'P40', partner_type: 'var', tier: 'gold' }, { partner_id: 'P41', partner_type: 'msp', tier: 'platinum' }]);
  });

  it('reads countries as ISO alpha-2 codes from alpha-3 codes and names in several languages, maps texts the source maps, and quarantines the rest', async () => {
    const folder = writeFiles(tempFolder('countries'), {
      'partners.csv': lines(
        partnerHeader,
        'C1,Alpha,reseller,gold,EMEA,Germany,active,2025-01-01',
        'C2,Beta,reseller,gold,EMEA,deu,active,2025-01-01',
        'C3,Gamma,reseller,gold,EMEA,ÖSTERREICH,active,2025-01-01',
        'C4,Delta,reseller,gold,North America,U.S.A.,active,2025-01-01',
        'C5,Epsilon,reseller,gold,EMEA,Côte d’Ivoire,active,2025-01-01',
        'C6,Zeta,reseller,gold,EMEA,EMEA HQ,active,2025-01-01',
        'C7,Eta,reseller,gold,EMEA,Atlantis,active,2025-01-01',
        'C8,Theta,reseller,gold,EMEA, gb ,active,2025-01-01',
        'C9,Iota,reseller,gold,EMEA,U.K.,active,2025-01-01',
        'CA,Kappa,reseller,gold,EMEA,Sverige,active,2025-01-01',
      ),
    });
    const summary = await loadConfigured('countries', folder, ['values:', '  partners:', '    country: { EMEA HQ: IE }']);
    expect(summary).toMatchObject({ rowsLoaded: 9, rowsQuarantined: 1, quarantinedByReason: { invalid_country: 1 } });
    const countries = await test.db('core.partners').where('partner_id', 'like', 'C%').orderBy('partner_id').pluck('country');
    expect(countries).toEqual(['DE', 'DE', 'AT', 'US', 'CI', 'IE', 'GB', 'GB', 'SE']);
    const bad = await test.db('ops.quarantine').where({ source: 'countries', reason_code: 'invalid_country' }).first('line_number', 'message');
    expect(bad).toEqual({ line_number: '8', message: expect.stringMatching(/^country = "Atlantis": Not an ISO 3166-1 country code/) });
  });

  it('refuses value maps for a field without a fixed list, or leading to a value the program does not have', async () => {
    const yaml = (maps: string) => `sources:\n  crm:\n    type: files\n    path: data\n    values:\n      partners:\n        ${maps}\n`;
    expect(() => parseSources(yaml('name: { Acme: ACME }'), 'sources.yml', '/')).toThrow(/partners\.name is not a field with a fixed list of values \(those are: partner_type, tier, country, status\)/);
    const source = parseSources(yaml('tier: { Gold Partner: golden }'), 'sources.yml', '/').get('crm');
    await expect(loadSource({ db: test.db, config: defaultProgramConfig, source: 'formats' }, source as never)).rejects.toThrow(
      'sources.crm.values.partners.tier: "Gold Partner" maps to "golden", which is not one of registered, silver, gold, platinum',
    );
  });

  it('refuses a column mapping to a field the entity does not have, naming the field and listing the fields', () => {
    const yaml = 'sources:\n  crm:\n    type: files\n    path: data\n    columns:\n      partners: { partner_tier_code: Level }\n';
    expect(() => parseSources(yaml, 'sources.yml', '/')).toThrow(/columns\.partners\.partner_tier_code.*partners has no field partner_tier_code \(fields: partner_id, name/s);
  });

  it('refuses a file that two entities claim, or a claimed file it cannot read, naming the file', async () => {
    const folder = writeFiles(tempFolder('claimed'), { 'export.pdf': 'binary', 'Partner_Deals.csv': lines('deal_id') });
    const sourceWith = (files: string) => parseSources(`sources:\n  s:\n    type: files\n    path: ${folder}\n    files:\n${files}`, 'sources.yml', '/').get('s');
    const load = (files: string) => loadSource({ db: test.db, config: defaultProgramConfig, source: 'formats' }, sourceWith(files) as never);
    await expect(load('      partners: "Partner_*.csv"\n      deal_registrations: "*Deals.csv"\n')).rejects.toThrow('Partner_Deals.csv matches the file patterns of partners and deal_registrations');
    await expect(load('      partners: "*.pdf"\n')).rejects.toThrow('export.pdf matches files: partners but is not a CSV, JSON Lines or Excel file');
  });

  it('reads the first worksheet of an Excel workbook: dates, formulas and rich text as text, bad cells quarantined by sheet row', async () => {
    const folder = tempFolder('excel');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Invoices');
    sheet.addRow(['Line ID', 'Partner', 'Booking Date', 'Amount', 'Currency', 'Product Line']);
    sheet.addRow(['XL1', 'P1', new Date(Date.UTC(2026, 1, 3)), 100.5, 'USD', { richText: [{ text: 'Suite ' }, { text: 'Pro', font: { bold: true } }] }]);
    sheet.addRow(['XL2', 'P1', new Date(Date.UTC(2026, 1, 4)), { formula: 'D2*2', result: 201 }, 'usd', 'Suite']);
    sheet.addRow([]);
    sheet.addRow(['XL3', 'P1', 'someday', 5, 'USD', 'Suite']);
    sheet.addRow(['XL4', 'P1', new Date(Date.UTC(2026, 1, 5)), 7, 'USD']);
    sheet.getColumn(3).numFmt = 'dd/mm/yyyy';
    workbook.addWorksheet('Notes').addRow(['not data']);
    await workbook.xlsx.writeFile(join(folder, 'revenue-export.xlsx'));

    const summary = await load(folder);
    expect(summary).toMatchObject({ rowsRead: 4, rowsLoaded: 3, rowsQuarantined: 1, quarantinedByReason: { invalid_date: 1 } });
    const rows = await test.db('core.revenue').whereIn('line_id', ['XL1', 'XL2', 'XL4']).orderBy('line_id').select('line_id', test.db.raw('booked_at::text as booked_at'), test.db.raw('amount::text as amount'), 'currency', 'product');
    expect(rows).toEqual([
      { line_id: 'XL1', booked_at: '2026-02-03', amount: '100.5000', currency: 'USD', product: 'Suite Pro' },
      { line_id: 'XL2', booked_at: '2026-02-04', amount: '201.0000', currency: 'USD', product: 'Suite' },
      { line_id: 'XL4', booked_at: '2026-02-05', amount: '7.0000', currency: 'USD', product: null },
    ]);
    const bad = await test.db('ops.quarantine').where({ source: 'formats', file_name: 'revenue-export.xlsx' }).first('line_number', 'field', 'reason_code');
    expect(bad).toEqual({ line_number: '5', field: 'booked_at', reason_code: 'invalid_date' });
  });

  it("reads Excel's sep= line as the delimiter and passes over a report's title rows above the header, warning about them", async () => {
    const csv = lines('sep=;', 'Partner revenue report;;;;', 'Exported 2026-03-01;;;;', '', 'Line ID;partnerId;BookedAt;Amount;Currency', 'TT1;P1;2026-02-01;10;USD', 'TT2;P1;2026-02-01;ten;USD');
    const summary = await load(writeFiles(tempFolder('title-rows'), { 'revenue-report.csv': csv }));
    expect(summary.batches[0]).toMatchObject({ status: 'succeeded', rowsRead: 2, rowsLoaded: 1, rowsQuarantined: 1, headerLine: 5 });
    expect(summary.warnings).toEqual(['revenue-report.csv: the header is on line 5; the 2 rows above it were passed over as a title']);
    const batch = await test.db('ops.load_batches').where({ load_id: summary.batches[0]?.loadId }).first('delimiter', 'header_line');
    expect(batch).toEqual({ delimiter: ';', header_line: 5 });
    const bad = await test.db('ops.quarantine').where({ source: 'formats', file_name: 'revenue-report.csv' }).first('line_number', 'reason_code');
    expect(bad).toEqual({ line_number: '7', reason_code: 'invalid_number' });
  });

  it('still fails a file whose header lacks a required column, at the first row, when no row below names it either', async () => {
    const csv = lines('line_id,partner,booked,amount,currency', 'NH1,P1,2026-02-01,10,USD');
    const summary = await load(writeFiles(tempFolder('no-header'), { 'revenue-noheader.csv': csv }));
    expect(summary.batches[0]).toMatchObject({ status: 'failed', rowsLoaded: 0 });
    expect(summary.failed[0]?.error).toMatch(/^revenue-noheader\.csv, line 1: missing required column booked_at/);
  });

  it('warns when every row of a file was quarantined, naming the main reason and the date layout that reads the dates', async () => {
    const csv = lines('line_id,partner_id,booked_at,amount,currency', 'AQ1,P1,01.02.2026,10,USD', 'AQ2,P1,22.02.2026,10,USD');
    const summary = await load(writeFiles(tempFolder('all-quarantined'), { 'revenue-dotted.csv': csv }));
    expect(summary.batches[0]).toMatchObject({ status: 'succeeded', rowsLoaded: 0, rowsQuarantined: 2 });
    expect(summary.warnings).toEqual([
      expect.stringMatching(/^revenue-dotted\.csv: every row was quarantined \(invalid_date 2\)/),
      'revenue-dotted.csv: its dates read as DD.MM.YYYY: set date_format: DD.MM.YYYY on the source in config/sources.yml (--date-format with --path) and load the file again',
    ]);
  });

  it("says when a folder has nothing to load, and names files called after an entity in a format it does not read", async () => {
    const summary = await load(writeFiles(tempFolder('xml-export'), { 'revenue-c.xml': '<revenue/>', 'notes.md': '# notes' }));
    expect(summary.batches).toEqual([]);
    expect(summary.warnings).toEqual([
      expect.stringMatching(/^nothing to load: no data files in .*xml-export/),
      expect.stringMatching(/^revenue-c\.xml: named after revenue, but \.xml is not a format the loader reads \(CSV .*\.xlsx\)$/),
    ]);
  });

  it("names the entity whose columns a file's header holds when its name is no entity's, and loads nothing of it", async () => {
    const folder = writeFiles(tempFolder('export-names'), {
      'Q3 sales export.csv': lines('Invoice Line;Partner ID;Invoice Date;Net Amount;Currency', 'Q1;P1;2026-02-01;10;USD'),
      'contacts.csv': lines('name,email', 'Ann,ann@example.com'),
    });
    const summary = await load(folder);
    expect(summary.batches).toEqual([]);
    expect(summary.warnings).toEqual([
      expect.stringMatching(/^nothing to load/),
      "Q3 sales export.csv: not loaded (its name is not an entity's), but its header names every required column of revenue: rename it revenue-<anything>, or list it under files: revenue in the source's entry in config/sources.yml",
    ]);
  });

  it('reads a JSON array of records, keeping an element that is not an object as invalid_json at the line it starts on', async () => {
    const json = [
      '[',
      '  {"lineId": "JA1", "partnerId": "P1", "bookedAt": "2026-02-01", "amount": 10, "currency": "USD", "note": "a \\"quoted\\" ], {brace}"},',
      '  {"lineId": "JA2", "partnerId": "P1", "bookedAt": "2026-02-02",',
      '   "amount": 11.5, "currency": "USD", "tags": ["x", {"y": 1}]},',
      '  42,',
      '  {"lineId": "JA3", "partnerId": "P1", "bookedAt": "someday", "amount": 1, "currency": "USD"}',
      ']',
    ].join('\n');
    const summary = await load(writeFiles(tempFolder('json-array'), { 'revenue-api.json': json }));
    expect(summary).toMatchObject({ rowsRead: 4, rowsLoaded: 2, rowsQuarantined: 2, quarantinedByReason: { invalid_json: 1, invalid_date: 1 } });
    const rows = await test.db('core.revenue').whereIn('line_id', ['JA1', 'JA2']).orderBy('line_id').select('line_id', 'extra', test.db.raw('amount::text as amount'));
    expect(rows).toEqual([
      { line_id: 'JA1', amount: '10.0000', extra: { note: 'a "quoted" ], {brace}' } },
      { line_id: 'JA2', amount: '11.5000', extra: { tags: ['x', { y: 1 }] } },
    ]);
    const bad = await test.db('ops.quarantine').where({ source: 'formats', file_name: 'revenue-api.json' }).orderBy('line_number').select('line_number', 'reason_code');
    expect(bad).toEqual([{ line_number: '5', reason_code: 'invalid_json' }, { line_number: '6', reason_code: 'invalid_date' }]);
  });

  it('fails a .json file that is not one array, or an array never closed, naming the file', async () => {
    const wrapped = await load(writeFiles(tempFolder('json-object'), { 'revenue-wrapped.json': '{"data": []}' }));
    expect(wrapped.failed[0]?.error).toBe('revenue-wrapped.json, line 1: a .json file must hold one JSON array of records ([{...}, {...}]); write other JSON as JSON Lines (.jsonl), one record per line');
    const truncated = await load(writeFiles(tempFolder('json-truncated'), { 'revenue-cut.json': '[\n{"line_id": "T1", "partner_id": "P1"' }));
    expect(truncated.failed[0]?.error).toBe('revenue-cut.json, line 2: the JSON array is never closed (a truncated file?)');
  });

  it('suggests the decimal comma when most amounts of a file are written with one', async () => {
    const csv = lines('line_id;partner_id;booked_at;amount;currency', 'DC1;P1;2026-02-01;1.234,50;USD', 'DC2;P1;2026-02-01;12,5;USD', 'DC3;P1;2026-02-01;7;USD');
    const summary = await load(writeFiles(tempFolder('decimal-comma-hint'), { 'revenue-eu.csv': csv }));
    expect(summary).toMatchObject({ rowsLoaded: 1, rowsQuarantined: 2 });
    expect(summary.warnings).toEqual([
      'revenue-eu.csv: its numbers use a decimal comma (1.234,50): set decimal_separator: "," on the source in config/sources.yml (--decimal-separator , with --path) and load the file again',
    ]);
  });

  it("reads a date cell that lost its date format (Excel's serial number) as the date, under date fields only", async () => {
    const folder = tempFolder('excel-serial');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Invoices');
    sheet.addRow(['Line ID', 'Partner', 'Booking Date', 'Amount', 'Currency']);
    sheet.addRow(['XS1', 'P1', 46056, 46056, 'USD']);
    sheet.addRow(['XS2', 'P1', 46057.5, 3, 'USD']);
    sheet.addRow(['XS3', 'P1', 0, 4, 'USD']);
    await workbook.xlsx.writeFile(join(folder, 'revenue-serial.xlsx'));
    const summary = await load(folder);
    expect(summary).toMatchObject({ rowsLoaded: 2, rowsQuarantined: 1, quarantinedByReason: { invalid_date: 1 } });
    const rows = await test.db('core.revenue').whereIn('line_id', ['XS1', 'XS2']).orderBy('line_id').select('line_id', test.db.raw('booked_at::text as booked_at'), test.db.raw('amount::text as amount'));
    expect(rows).toEqual([
      { line_id: 'XS1', booked_at: '2026-02-03', amount: '46056.0000' },
      { line_id: 'XS2', booked_at: '2026-02-04', amount: '3.0000' },
    ]);
  });

  it('fails a file named .xlsx that is not a workbook, naming it, and loads nothing of it', async () => {
    const summary = await load(writeFiles(tempFolder('not-excel'), { 'revenue.xlsx': 'line_id,partner_id\n' }));
    expect(summary.batches[0]).toMatchObject({ status: 'failed', rowsLoaded: 0 });
    expect(summary.failed[0]?.error).toMatch(/^revenue\.xlsx: not a readable Excel workbook \(\.xlsx\)/);
  });

  it('refuses a date layout it does not know, naming the file and the field', () => {
    expect(() => parseSources('sources:\n  crm:\n    type: files\n    path: data\n    date_format: DD/MM/YY\n', 'sources.yml', '/')).toThrow(SourceConfigError);
    expect(() => parseSources('sources:\n  crm:\n    type: files\n    path: data\n    date_format: DD/MM/YY\n', 'sources.yml', '/')).toThrow(/sources\.yml.*date_format/s);
  });
});
