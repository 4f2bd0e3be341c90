import type { Knex } from 'knex';

/** The part of knex's (untyped) client that lends out raw connections. */
interface ConnectionLender {
  acquireConnection(): Promise<{ query(sql: string): Promise<unknown> }>;
  releaseConnection(connection: unknown): Promise<void>;
}

const lockKey = "hashtext('ppm.models')";

/**
 * Runs `work` while holding the warehouse's models lock (a PostgreSQL advisory lock, so it
 * spans processes and is released if one dies): model runs and model tests take turns.
 * Two pipelines of a backfill would otherwise merge the same incremental windows at once,
 * or test marts another run is halfway through rebuilding.
 */
export async function withModelsLock<T>(db: Knex, work: () => Promise<T>): Promise<T> {
  const lender = db.client as ConnectionLender;
  const connection = await lender.acquireConnection();
  try {
    await connection.query(`select pg_advisory_lock(${lockKey})`);
    try {
      return await work();
    } finally {
      await connection.query(`select pg_advisory_unlock(${lockKey})`);
    }
  } finally {
    await lender.releaseConnection(connection);
  }
}
