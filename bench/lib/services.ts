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

/** A fresh, migrated database on the bench's own embedded PostgreSQL (or DATABASE_URL). */
export async function benchDatabase(name: string): Promise<BenchDatabase> {
  const dataDir = join(projectRoot(), '.data', 'bench');
  mkdirSync(dataDir, { recursive: true });
  const services = await startServices({ env: readRuntimeEnv(), dataDir, withoutTemporal: true });
  const admin = new pg.Client({ connectionString: services.databaseUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
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
