import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot, readRuntimeEnv, startServices, type Services } from '@ppm/runtime';
import { connectWarehouse, migrateLatest, type Warehouse } from '@ppm/warehouse';
import pg from 'pg';

export interface BenchDatabase {
  readonly url: string;
  readonly db: Warehouse;
  readonly services: Services;
  close(): Promise<void>;
}

/**
 * A migrated database on the bench's own embedded PostgreSQL (or DATABASE_URL): fresh, or
 * with `keep` the one an earlier run left (so expensive set-up is done once).
 */
export async function benchDatabase(name: string, options: { keep?: boolean } = {}): Promise<BenchDatabase> {
  const dataDir = join(projectRoot(), '.data', 'bench');
  mkdirSync(dataDir, { recursive: true });
  const services = await startServices({ env: readRuntimeEnv(), dataDir, withoutTemporal: true });
  const admin = new pg.Client({ connectionString: services.databaseUrl });
  await admin.connect();
  const exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
  if (exists && !options.keep) await admin.query(`drop database ${name} with (force)`);
  if (!exists || !options.keep) await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(services.databaseUrl);
  url.pathname = `/${name}`;
  const db = connectWarehouse(url.toString());
  await migrateLatest(db);
  return {
    url: url.toString(),
    db,
    services,
    async close() {
      await db.destroy();
      await services.stop();
    },
  };
}
