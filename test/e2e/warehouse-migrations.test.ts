import { migrateLatest, migrateRollback, pendingMigrations } from '@ppm/warehouse';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../support/database.js';

const test = useTestDatabase({ migrate: false });

async function tables(): Promise<string[]> {
  const result = await test.db.raw<{ rows: { name: string }[] }>(
    "select table_schema || '.' || table_name as name from information_schema.tables where table_schema in ('ops', 'core') order by 1",
  );
  return result.rows.map((row) => row.name);
}

describe('warehouse migrations', () => {
  it('create the ops and core schemas, roll back completely, and apply again', async () => {
    const applied = await migrateLatest(test.db);
    expect(applied.length).toBeGreaterThan(0);
    expect(await pendingMigrations(test.db)).toEqual([]);
    expect(await tables()).toEqual(expect.arrayContaining(['ops.load_batches', 'ops.quarantine', 'core.revenue', 'core.partner_history', 'core.partners']));

    await migrateRollback(test.db, true);
    expect(await tables()).toEqual([]);

    expect(await migrateLatest(test.db)).toEqual(applied);
  });
});
