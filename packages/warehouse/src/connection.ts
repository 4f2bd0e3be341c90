import knex, { type Knex } from 'knex';
import pg from 'pg';

// Return numeric and bigint as strings (exact money), dates as ISO strings (no time-zone shifts).
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

export type Warehouse = Knex;

export interface WarehouseOptions {
  readonly poolMax?: number;
  readonly applicationName?: string;
}

/** A knex instance on the warehouse; call `destroy()` when done. */
export function connectWarehouse(databaseUrl: string, options: WarehouseOptions = {}): Warehouse {
  return knex({
    client: 'pg',
    connection: { connectionString: databaseUrl, application_name: options.applicationName ?? 'ppm' },
    pool: {
      min: 0,
      max: options.poolMax ?? 8,
      // Loads build large temporary tables; the 8 MB default makes them spill to disk.
      afterCreate(connection: pg.Client, done: (error: Error | null, connection: pg.Client) => void) {
        connection.query("set temp_buffers = '512MB'").then(
          () => done(null, connection),
          (error: Error) => done(error, connection),
        );
      },
    },
    acquireConnectionTimeout: 30_000,
  });
}

/** The part of knex's (untyped) client that lends out raw connections. */
interface ConnectionLender {
  acquireConnection(): Promise<pg.PoolClient>;
  releaseConnection(connection: pg.PoolClient): Promise<void>;
}

/**
 * Borrows one raw node-postgres connection from the warehouse pool (COPY streams,
 * multi-statement transactions and session locks need a single connection) and returns it afterwards.
 */
export async function withConnection<T>(db: Warehouse, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const lender = db.client as ConnectionLender;
  const client = await lender.acquireConnection();
  try {
    return await work(client);
  } finally {
    await lender.releaseConnection(client);
  }
}
