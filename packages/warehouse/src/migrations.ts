import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Knex } from 'knex';

interface MigrationModule {
  up(knex: Knex): Promise<void>;
  down(knex: Knex): Promise<void>;
}

/** The compiled migrations sit beside src in dist/ (packages/warehouse/migrations in the repository). */
const migrationsDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'migrations');

/** Lists migrations in timestamp order and imports them as ES modules. */
class WarehouseMigrationSource implements Knex.MigrationSource<string> {
  async getMigrations(): Promise<string[]> {
    const files = await readdir(migrationsDir);
    return files.filter((file) => /^\d{14}_.+\.js$/.test(file)).sort();
  }

  getMigrationName(migration: string): string {
    return migration.replace(/\.js$/, '');
  }

  async getMigration(migration: string): Promise<MigrationModule> {
    return (await import(pathToFileURL(join(migrationsDir, migration)).href)) as MigrationModule;
  }
}

const config = (): Knex.MigratorConfig => ({
  migrationSource: new WarehouseMigrationSource(),
  schemaName: 'public',
  tableName: 'ppm_migrations',
});

/** Applies pending migrations, each in its own transaction; returns the names applied. */
export async function migrateLatest(db: Knex): Promise<string[]> {
  const [, applied] = (await db.migrate.latest(config())) as [number, string[]];
  return applied;
}

export async function migrateRollback(db: Knex, all = false): Promise<string[]> {
  const [, reverted] = (await db.migrate.rollback(config(), all)) as [number, string[]];
  return reverted;
}

export async function pendingMigrations(db: Knex): Promise<string[]> {
  const [, pending] = (await db.migrate.list(config())) as [unknown, { file: string }[]];
  return pending.map((migration) => migration.file);
}
