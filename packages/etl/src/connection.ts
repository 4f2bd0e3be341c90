import type { Warehouse } from '@ppm/warehouse';
import type pg from 'pg';

/**
 * Borrows one raw node-postgres connection from the warehouse pool (COPY streams and
 * multi-statement transactions need a single connection) and returns it afterwards.
 */
/** The part of knex's (untyped) client that lends out raw connections. */
interface ConnectionLender {
  acquireConnection(): Promise<pg.PoolClient>;
  releaseConnection(connection: pg.PoolClient): Promise<void>;
}

export async function withConnection<T>(db: Warehouse, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const lender = db.client as ConnectionLender;
  const client = await lender.acquireConnection();
  try {
    return await work(client);
  } finally {
    await lender.releaseConnection(client);
  }
}

/** Runs `work` in a transaction on the client: commit on success, roll back on any error. */
export async function inTransaction<T>(client: pg.PoolClient, work: () => Promise<T>): Promise<T> {
  await client.query('begin');
  try {
    const result = await work();
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  }
}
