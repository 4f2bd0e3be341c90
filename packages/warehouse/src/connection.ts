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
