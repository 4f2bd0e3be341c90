import { randomBytes } from 'node:crypto';
import { connectWarehouse, migrateLatest, type Warehouse } from '@ppm/warehouse';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function admin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  readonly url: string;
  readonly db: Warehouse;
}

/**
 * A fresh, migrated database for this test file, dropped afterwards. Use the returned
 * object's properties inside tests (they are set in beforeAll).
 */
export function useTestDatabase(options: { migrate?: boolean } = {}): TestDatabase {
  const state = {} as { url: string; db: Warehouse };
  const serverUrl = inject('databaseUrl');
  const name = `test_${randomBytes(6).toString('hex')}`;
  beforeAll(async () => {
    await admin(serverUrl, (client) => client.query(`create database ${name}`));
    state.url = withDatabase(serverUrl, name);
    state.db = connectWarehouse(state.url);
    if (options.migrate ?? true) await migrateLatest(state.db);
  });
  afterAll(async () => {
    await state.db?.destroy();
    await admin(serverUrl, (client) => client.query(`drop database if exists ${name} with (force)`));
  });
  return {
    get url() {
      return state.url;
    },
    get db() {
      return state.db;
    },
  };
}
