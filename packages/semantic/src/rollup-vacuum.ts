/**
 * VACUUM (ANALYZE) of freshly built rollup tables. Cube builds each one with CREATE TABLE
 * AS, which leaves the visibility map empty: until autovacuum reaches the table (a minute
 * or more later) PostgreSQL cannot answer from the table's indexes alone, and plans the
 * top-partner ranking as a hash aggregate of ~100,000 partners (measured 2-3x slower at
 * 100k partners; see docs/bi.md).
 */
import { postgresDriver } from './cube-modules.js';

const { PostgresDriver } = postgresDriver;

// Tables just built (never vacuumed), and tables whose visibility map is mostly incomplete (a
// vacuum that ran while another build's snapshot was open could not mark their pages). Not
// every page: a vacuum cannot always cut the empty pages CREATE TABLE AS left at the end.
const tablesToVacuum = `
  select format('%I.%I', n.nspname, c.relname) as name
  from pg_class as c
  join pg_namespace as n on n.oid = c.relnamespace
  left join pg_stat_user_tables as s on s.relid = c.oid
  where n.nspname = $1
    and c.relkind = 'r'
    and (c.relallvisible < 0.9 * c.relpages or coalesce(s.last_vacuum, s.last_autovacuum) is null)
  order by c.relname`;

const undefinedTable = '42P01';

/** Vacuums and analyzes the rollup tables of `schema` that need it; returns their names. */
export async function vacuumRollupTables(databaseUrl: string, schema: string): Promise<string[]> {
  const driver = new PostgresDriver({ connectionString: databaseUrl, maxPoolSize: 1 });
  try {
    const tables = (await driver.query<{ name: string }>(tablesToVacuum, [schema])).map((row) => row.name);
    const vacuumed: string[] = [];
    for (const table of tables) {
      try {
        await driver.query(`vacuum (analyze) ${table}`, []);
        vacuumed.push(table);
      } catch (error) {
        // Cube drops superseded versions at any time; a table gone is not a failure.
        if ((error as { code?: unknown }).code !== undefinedTable) throw error;
      }
    }
    return vacuumed;
  } finally {
    await driver.release();
  }
}
