import { redactUrl, startServices, type Services } from '@ppm/runtime';
import { connectWarehouse, migrateLatest, type Warehouse } from '@ppm/warehouse';
import { note } from './output.js';

export interface Session {
  readonly services: Services;
  readonly db: Warehouse;
  close(): Promise<void>;
}

/**
 * Services up (or found running), warehouse connected and migrated. `databaseOnly` for
 * commands that never talk to Temporal (load, models, quarantine, score).
 */
export async function openSession(options: { detached?: boolean; quiet?: boolean; databaseOnly?: boolean } = {}): Promise<Session> {
  const services = await startServices({ detached: options.detached ?? false, log: options.quiet ? undefined : note, withoutTemporal: options.databaseOnly ?? false });
  const db = connectWarehouse(services.databaseUrl);
  try {
    const applied = await migrateLatest(db);
    if (applied.length > 0 && !options.quiet) note(`Warehouse ${redactUrl(services.databaseUrl)}: applied ${applied.length} migration(s).`);
  } catch (error) {
    await db.destroy();
    await services.stop();
    throw error;
  }
  return {
    services,
    db,
    async close() {
      await db.destroy();
      await services.stop();
    },
  };
}
