import type { Knex } from 'knex';
import { withConnection } from '../connection.js';

const lockKey = "hashtext('ppm.models')";

/**
 * Runs `work` while holding the warehouse's models lock (a PostgreSQL advisory lock, so it
 * spans processes and is released if one dies): model runs and model tests take turns.
 * Two pipelines of a backfill would otherwise merge the same incremental windows at once,
 * or test marts another run is halfway through rebuilding.
 */
export function withModelsLock<T>(db: Knex, work: () => Promise<T>): Promise<T> {
  return withConnection(db, async (connection) => {
    await connection.query(`select pg_advisory_lock(${lockKey})`);
    try {
      return await work();
    } finally {
      await connection.query(`select pg_advisory_unlock(${lockKey})`);
    }
  });
}
