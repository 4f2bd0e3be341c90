import pg from 'pg';
import { ServiceError } from './errors.js';

export const minimumPostgresVersion = { number: 160000, label: '16' };

/** The URL with its password masked, safe to print. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}

/**
 * Connects once and checks the server version. Fails within `connectTimeoutMs` when
 * the server is down, with a message naming the (redacted) URL.
 */
export async function checkPostgres(url: string, options: { connectTimeoutMs: number }): Promise<string> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: options.connectTimeoutMs });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const result = await client.query<{ server_version_num: string; server_version: string }>(
      "select current_setting('server_version_num') as server_version_num, current_setting('server_version') as server_version",
    );
    const row = result.rows[0];
    if (!row || Number(row.server_version_num) < minimumPostgresVersion.number) {
      throw new ServiceError(
        `PostgreSQL at ${redactUrl(url)} is version ${row?.server_version ?? 'unknown'}; the platform needs ${minimumPostgresVersion.label} or newer.`,
      );
    }
    return row.server_version;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Like checkPostgres, but turns connection failures into an actionable ServiceError. */
export async function checkExternalPostgres(url: string, connectTimeoutMs = 5000): Promise<string> {
  try {
    return await checkPostgres(url, { connectTimeoutMs });
  } catch (error) {
    if (error instanceof ServiceError) throw error;
    const reason = (error as Error).message || (error as NodeJS.ErrnoException).code || String(error);
    throw new ServiceError(
      `Cannot connect to PostgreSQL at DATABASE_URL=${redactUrl(url)}: ${reason}. ` +
        'Check that the server is running and reachable, or unset DATABASE_URL to use the embedded PostgreSQL.',
    );
  }
}

/** Creates the database named in `url` if it does not exist (connecting through the `postgres` database). */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    const exists = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount === 0) await client.query(`create database ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}
