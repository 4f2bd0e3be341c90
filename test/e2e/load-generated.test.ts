import { join } from 'node:path';
import { defaultProgramConfig, entities, type EntityName } from '@ppm/core';
import { filesSourceAt, loadSource, type LoadSummary } from '@ppm/etl';
import { generateEcosystem, type Manifest } from '@ppm/generator';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../support/database.js';
import { tempFolder } from '../support/files.js';

const test = useTestDatabase();

const coreTable = (entity: EntityName) => (entity === 'partners' ? 'core.partner_history' : `core.${entity}`);

async function moneySums(entity: EntityName, field: string): Promise<{ byCurrency: Record<string, string>; reporting: string }> {
  const rows = await test.db.raw<{ rows: { currency: string; original: string; reporting: string }[] }>(
    `select currency, sum(${field})::numeric(30, 2)::text as original, sum(${field}_reporting)::numeric(30, 2)::text as reporting
     from ${coreTable(entity)} where ${field} is not null group by currency order by currency`,
  );
  const byCurrency = Object.fromEntries(rows.rows.map((row) => [row.currency, row.original]));
  const reporting = rows.rows.reduce((total, row) => total + Math.round(Number(row.reporting) * 100), 0);
  return { byCurrency, reporting: (reporting / 100).toFixed(2) };
}

async function rowCount(entity: EntityName): Promise<number> {
  const result = await test.db.raw<{ rows: { n: string }[] }>(`select count(*) as n from ${coreTable(entity)}`);
  return Number(result.rows[0]?.n);
}

describe('loading a generated ecosystem with dirty files', () => {
  let manifest: Manifest;
  let first: LoadSummary;
  let dataFolder: string;
  const load = (folder: string) => loadSource({ db: test.db, config: defaultProgramConfig, source: 'generated' }, filesSourceAt('generated', folder));

  beforeAll(async () => {
    const out = tempFolder('generated');
    manifest = await generateEcosystem({ partners: 240, months: 24, seed: 11, end: '2026-09', dirty: true, out });
    dataFolder = join(out, 'data');
    first = await load(dataFolder);
  });

  it('loads every file, counts match the manifest per file', () => {
    expect(first.failed).toEqual([]);
    for (const file of manifest.files) {
      const batch = first.batches.find((candidate) => `data/${candidate.fileName}` === file.path);
      expect(batch, file.path).toBeDefined();
      expect(batch?.rowsRead, file.path).toBe(file.records);
      expect((batch?.rowsLoaded ?? 0) + (batch?.rowsUpdated ?? 0) + (batch?.rowsUnchanged ?? 0), file.path).toBe(file.expected_loaded);
      expect(batch?.quarantinedByReason, file.path).toEqual(file.expected_quarantine);
    }
  });

  it('quarantines exactly the manifest counts by reason', () => {
    const expected = Object.fromEntries(Object.entries(manifest.quarantine.by_reason).filter(([, count]) => count > 0));
    expect(first.quarantinedByReason).toEqual(expected);
  });

  it('holds exactly the manifest row counts and money sums in the core tables', async () => {
    for (const definition of entities) {
      const totals = manifest.entities[definition.name];
      expect(await rowCount(definition.name), definition.name).toBe(totals.rows);
      for (const [field, money] of Object.entries(totals.money)) {
        const sums = await moneySums(definition.name, field);
        expect(sums.byCurrency, `${definition.name}.${field}`).toEqual(money.by_currency);
        expect(sums.reporting, `${definition.name}.${field} in reporting currency`).toBe(money.reporting);
      }
    }
    const partners = await test.db.raw<{ rows: { n: string }[] }>('select count(distinct partner_id) as n from core.partner_history');
    expect(Number(partners.rows[0]?.n)).toBe(manifest.entities.partners.distinct_partners);
  });

  it('ends in the same state when the same files load again', async () => {
    const checksums = async () =>
      Promise.all(
        entities.map(async (definition) => {
          const result = await test.db.raw<{ rows: { checksum: string }[] }>(
            `select md5(string_agg(row_hash, ',' order by row_hash)) as checksum from ${coreTable(definition.name)}`,
          );
          return [definition.name, result.rows[0]?.checksum];
        }),
      );
    const before = await checksums();
    const again = await load(dataFolder);
    expect(again.rowsLoaded).toBe(0);
    expect(await checksums()).toEqual(before);
  });
});
